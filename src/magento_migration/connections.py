"""Connections to the Magento source and the Postgres warehouse, with errors a user can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pymysql
from psycopg import sql

from magento_migration.errors import MigrationError
from magento_migration.settings import DbSettings

CONNECT_TIMEOUT_SECONDS = 10

_MYSQL_HINTS = {
    1045: (
        "access denied for {user} on {host}:{port}",
        "Check MAGENTO_DB_USER and MAGENTO_DB_PASS.",
    ),
    1049: (
        "database {name!r} does not exist on {host}:{port}",
        "Set MAGENTO_DB_NAME to your Magento database (or run `make demo` to generate one).",
    ),
    2003: (
        "cannot reach MySQL/MariaDB at {host}:{port}",
        "Is the server running? Check MAGENTO_DB_HOST and MAGENTO_DB_PORT.",
    ),
    2005: (
        "unknown MySQL/MariaDB host {host}",
        "Check MAGENTO_DB_HOST.",
    ),
}


# errors of statements (not of connecting) with a remedy: a missing privilege, LOAD DATA LOCAL off
_MYSQL_STATEMENT_HINTS = {
    **dict.fromkeys(
        (1044, 1142, 1227),
        (
            "{user} lacks a privilege on {host}:{port} ({text})",
            "Grant it or use another MAGENTO_DB_USER.",
        ),
    ),
    **dict.fromkeys(
        (1148, 2068, 3948),
        (
            "LOAD DATA LOCAL INFILE is disabled on {host}:{port} ({text})",
            "Set local_infile=ON on the server.",
        ),
    ),
}


def mysql_error(settings: DbSettings, error: pymysql.MySQLError) -> MigrationError:
    """A MySQL/MariaDB error as one line the user can act on (never the password)."""
    code = error.args[0] if error.args else None
    text = str(error.args[-1]) if error.args else str(error)
    hint = _MYSQL_HINTS.get(code) or _MYSQL_STATEMENT_HINTS.get(code)  # type: ignore[arg-type]
    if hint is not None:
        cause, remedy = hint
        return MigrationError(
            "Magento source: " + cause.format(**vars(settings), text=text), remedy
        )
    return MigrationError(
        f"Magento source {settings.describe()}: {text}", "Check the MAGENTO_DB_* variables."
    )


def mysql_connect(
    settings: DbSettings, *, database: bool = True, **kwargs: object
) -> pymysql.connections.Connection:
    """A utf8mb4 connection to the Magento source (or only the server with database=False);
    the caller closes it. A failure to connect raises MigrationError."""
    try:
        return pymysql.connect(
            host=settings.host,
            port=settings.port,
            user=settings.user,
            password=settings.password,
            database=settings.name if database else None,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            charset="utf8mb4",
            **kwargs,
        )
    except pymysql.err.OperationalError as error:
        raise mysql_error(settings, error) from None


@contextmanager
def mysql_connection(
    settings: DbSettings, *, database: bool = True, **kwargs: object
) -> Iterator[pymysql.connections.Connection]:
    """Connect to the Magento source (or only the server with database=False)."""
    connection = mysql_connect(settings, database=database, **kwargs)
    try:
        yield connection
    finally:
        connection.close()


def _postgres_error(settings: DbSettings, error: psycopg.OperationalError) -> MigrationError:
    text = str(error).strip().splitlines()[-1] if str(error).strip() else repr(error)
    lowered = str(error).lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return MigrationError(
            f"Warehouse: authentication failed for {settings.user} "
            f"on {settings.host}:{settings.port}",
            "Check WAREHOUSE_DB_USER and WAREHOUSE_DB_PASS.",
        )
    if "does not exist" in lowered and "database" in lowered:
        return MigrationError(
            f"Warehouse: database {settings.name!r} does not exist "
            f"on {settings.host}:{settings.port}",
            "Create it, or let the warehouse user create databases.",
        )
    if "connection refused" in lowered or "could not connect" in lowered or "timeout" in lowered:
        return MigrationError(
            f"Warehouse: cannot reach PostgreSQL at {settings.host}:{settings.port}",
            "Is the server running? Check WAREHOUSE_DB_HOST and WAREHOUSE_DB_PORT.",
        )
    return MigrationError(f"Warehouse {settings.describe()}: {text}", "Check WAREHOUSE_DB_*.")


def postgres_conninfo(settings: DbSettings, dbname: str | None = None) -> dict[str, object]:
    return {
        "host": settings.host,
        "port": settings.port,
        "user": settings.user,
        "password": settings.password or None,
        "dbname": dbname or settings.name,
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
    }


@contextmanager
def postgres_connection(
    settings: DbSettings, dbname: str | None = None, *, autocommit: bool = True
) -> Iterator[psycopg.Connection]:
    """Connect to the warehouse database (or another database on the same server)."""
    try:
        connection = psycopg.connect(**postgres_conninfo(settings, dbname), autocommit=autocommit)
    except psycopg.OperationalError as error:
        raise _postgres_error(settings.with_name(dbname or settings.name), error) from None
    try:
        yield connection
    finally:
        connection.close()


def ensure_warehouse_database(settings: DbSettings) -> bool:
    """Create the warehouse database when it is missing; True when it was created."""
    try:
        with postgres_connection(settings):
            return False
    except MigrationError as error:
        if "does not exist" not in error.cause:
            raise
    with postgres_connection(settings, dbname="postgres") as connection:
        try:
            connection.execute(sql.SQL("create database {}").format(sql.Identifier(settings.name)))
        except psycopg.errors.InsufficientPrivilege:
            raise MigrationError(
                f"Warehouse: database {settings.name!r} does not exist and "
                f"{settings.user} may not create it",
                "Create it first, or set WAREHOUSE_DB_NAME to an existing database.",
            ) from None
    return True
