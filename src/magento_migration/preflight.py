"""Checks before a run: both databases reachable, the source looks like Magento 2."""

from __future__ import annotations

from magento_migration.connections import ensure_warehouse_database, mysql_connection
from magento_migration.errors import MigrationError
from magento_migration.registry import required_tables
from magento_migration.settings import DbSettings
from magento_migration.state import ensure_state_schema


def check_source(settings: DbSettings) -> dict[str, int]:
    """Connect to the Magento database and return the row count estimate of every table.

    Raises MigrationError when the server is unreachable, the login fails, the database does not
    exist or a table every Magento 2 database has is missing.
    """
    with mysql_connection(settings) as connection, connection.cursor() as cursor:
        cursor.execute(
            "select table_name, coalesce(table_rows, 0) from information_schema.tables "
            "where table_schema = %s",
            (settings.name,),
        )
        tables = {name: int(rows) for name, rows in cursor.fetchall()}
    missing = [table for table in required_tables() if table not in tables]
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise MigrationError(
            f"Magento source {settings.describe()} lacks {len(missing)} Magento table(s): {shown}",
            "Point MAGENTO_DB_NAME at a Magento 2 database (table prefixes are not supported).",
        )
    return tables


def check_warehouse(settings: DbSettings) -> None:
    """Make sure the warehouse database exists (creating it if allowed), with the schema that
    keeps the migration's Meltano state."""
    ensure_warehouse_database(settings)
    ensure_state_schema(settings)
