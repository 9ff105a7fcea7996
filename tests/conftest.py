"""Shared fixtures: real MariaDB and PostgreSQL databases, created per test session and dropped.

The pipeline runs for real (generator, Meltano, dbt); nothing is mocked. Every database a test
creates is named <MG_TEST_PREFIX>_* (tests/names.py) and removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from magento_migration import pipeline, preflight, snapshot
from magento_migration.connections import mysql_connection, postgres_connection
from magento_migration.project import PROJECT_ROOT
from magento_migration.settings import (
    DbSettings,
    raw_schema,
    source_settings,
    warehouse_settings,
)
from magento_migration.sync.raw_layer import index_and_analyze
from tests.mariadb_server import binlog_mariadb
from tests.names import PREFIX, db_name

# Magento's real 2.4.2 fresh-install dump: not ours to commit, read from beside the checkout
FRESH_INSTALL_DUMP = Path(
    os.environ.get(
        "MAGENTO_FRESH_INSTALL_DUMP",
        PROJECT_ROOT.parent / "shared" / "magento" / "fresh_install_2.4.2.sql",
    )
)


# The modules that take longest (minutes of sync cycles and builds): with `pytest -n 2 --dist
# loadfile` (make test: each module on one worker, its module fixtures built once) they start
# first, so that no worker is left with one of them at the end.
SLOW_MODULES = (
    "test_sync_commerce",
    "test_sync_scoping",
    "test_sync_servers",
    "test_sync",
    "test_verify",
    "test_incremental",
    "test_least_privilege",
    "test_snapshot_binlog",
    "test_fault_tolerance",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test outside tests/unit runs on the real servers: mark it `e2e`. The slowest
    modules first (SLOW_MODULES), the order within each module kept."""
    unit = Path(__file__).parent / "unit"
    for item in items:
        if unit not in item.path.parents:
            item.add_marker(pytest.mark.e2e)
    rank = {module: index for index, module in enumerate(SLOW_MODULES)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))


def drop_mysql_database(name: str) -> None:
    with mysql_connection(source_settings().with_name(name), database=False) as connection:
        connection.cursor().execute(f"drop database if exists `{name}`")


def drop_postgres_database(name: str) -> None:
    with postgres_connection(warehouse_settings(), dbname="postgres") as connection:
        connection.execute(
            sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
        )


def create_postgres_database(name: str) -> None:
    drop_postgres_database(name)
    with postgres_connection(warehouse_settings(), dbname="postgres") as connection:
        connection.execute(sql.SQL("create database {}").format(sql.Identifier(name)))


def generate_store(database: str, *args: str) -> None:
    """Generate a Magento store with the project's own CLI (a real subprocess)."""
    result = subprocess.run(
        [
            str(PROJECT_ROOT / ".venv" / "bin" / "magento-store"),
            "generate",
            "--database",
            database,
            "--force",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def store_cli(run: Pipeline, *args: str) -> str:
    """`magento-store <args> --database <run's source>`; returns its stdout."""
    result = subprocess.run(
        [
            str(PROJECT_ROOT / ".venv" / "bin" / "magento-store"),
            *args,
            "--database",
            run.source.name,
        ],
        capture_output=True,
        text=True,
        env=run.env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def sync_cycle(run: Pipeline, *args: str) -> subprocess.CompletedProcess[str]:
    """`magento-migrate sync <args>` for the run's source and warehouse."""
    return subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "magento-migrate"), "sync", *args],
        capture_output=True,
        text=True,
        env=run.env,
        check=False,
        timeout=1800,
    )


def migrate(run: Pipeline) -> None:
    """Extract-load and build, as `migrate` does."""
    run.extract_load()
    run.dbt_ok("build")


def synced_ok(run: Pipeline, *args: str) -> str:
    """One sync cycle that must succeed; its output."""
    result = sync_cycle(run, *args)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return result.stdout


def simulate(run: Pipeline, seed: int) -> None:
    """Store activity: 20 orders, 30 updates, 3 deletes."""
    store_cli(
        run, "simulate", "--orders", "20", "--updates", "30", "--deletes", "3", "--seed", str(seed)
    )


@dataclass
class Pipeline:
    """One source database replicated into one warehouse database, with isolated run state.

    `target` is the dbt target: `dev` (personal data masked, as CI builds) unless a test checks
    migrated values against Magento's (then `prod`). The services' reader roles are named
    `<MG_TEST_PREFIX>_<schema>_reader` (roles are cluster-wide; `test_roles` drops them).
    """

    source: DbSettings
    warehouse: DbSettings
    workdir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    target: str = "dev"

    @property
    def env(self) -> dict[str, str]:
        return pipeline.pipeline_env(
            self.source,
            self.warehouse,
            {
                # each pipeline has its own dbt target directory; its Meltano state is in its
                # warehouse (magento_migration.state), as for every user
                "DBT_TARGET_PATH": str(self.workdir / "target"),
                "DBT_LOG_PATH": str(self.workdir / "logs"),
                "MIGRATION_LOG_DIR": str(self.workdir / "steps"),
                "DBT_TARGET": self.target,
                "WAREHOUSE_ROLE_PREFIX": ROLE_PREFIX,
                **self.extra_env,
            },
        )

    def extract_load(self, el: str = "snapshot") -> None:
        """Step 1 of `magento-migrate migrate`: the snapshot (production's default: consistent
        snapshots, COPY, binlog hand-off), or `el="singer"` for tests of the Singer path; then,
        as `migrate` does, the raw tables' change-time indexes and statistics (without them the
        planner takes a table of versions for one row and nested-loops the Commerce EAV checks
        for minutes)."""
        preflight.check_warehouse(self.warehouse)
        if el == "singer":
            pipeline.extract_load(self.env)
        else:
            started_ms = int(time.time() * 1000)
            snapshot.snapshot_load(self.env)
            snapshot.hand_off_to_binlog(self.env, started_ms)
        index_and_analyze(self.warehouse, raw_schema(self.env))

    def dbt(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run dbt (the project's venv) against this warehouse; returns the finished process."""
        return subprocess.run(
            [str(PROJECT_ROOT / ".venv" / "bin" / "dbt"), *args],
            cwd=PROJECT_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def dbt_ok(self, *args: str) -> str:
        result = self.dbt(*args)
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
        return result.stdout

    def query(self, statement: str, *params: object) -> list[tuple]:
        with postgres_connection(self.warehouse) as connection:
            return connection.execute(statement, params or None).fetchall()

    def execute(self, statement: str, *params: object) -> None:
        """Run a statement in the warehouse (autocommit)."""
        with postgres_connection(self.warehouse) as connection:
            connection.execute(statement, params or None)

    def source_query(self, statement: str, *params: object) -> list[tuple]:
        with mysql_connection(self.source) as connection, connection.cursor() as cursor:
            cursor.execute(statement, params or None)
            return list(cursor.fetchall())


ROLE_PREFIX = f"{PREFIX}_"


@pytest.fixture(scope="session", autouse=True)
def test_roles() -> Iterator[None]:
    """Drop the reader roles the session's dbt runs created (after every test database)."""
    yield
    if os.environ.get("MG_KEEP_TEST_DATABASES"):
        return
    with postgres_connection(warehouse_settings(), dbname="postgres") as connection:
        roles = connection.execute(
            "select rolname from pg_roles where rolname like %s",
            (ROLE_PREFIX.replace("_", "\\_") + "%\\_reader",),
        ).fetchall()
        for (role,) in roles:
            # a role still granted in a database another session of this prefix uses stays
            with contextlib.suppress(psycopg.Error):
                connection.execute(sql.SQL("drop role {}").format(sql.Identifier(role)))


@pytest.fixture(scope="session")
def make_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Factory: a Pipeline for (source database, new warehouse database[, dbt target]), dropped
    at the end."""
    created: list[Pipeline] = []

    def factory(source_db: str, warehouse_db: str, target: str = "dev") -> Pipeline:
        create_postgres_database(warehouse_db)
        run = Pipeline(
            source=source_settings().with_name(source_db),
            warehouse=warehouse_settings().with_name(warehouse_db),
            workdir=tmp_path_factory.mktemp(warehouse_db),
            target=target,
        )
        # what every CLI run's preflight does: the schema of the migration's Meltano state, so
        # that a test may also start `meltano run` by itself
        preflight.check_warehouse(run.warehouse)
        created.append(run)
        return run

    yield factory
    if not os.environ.get("MG_KEEP_TEST_DATABASES"):
        for run in created:
            drop_postgres_database(run.warehouse.name)
            drop_mysql_database(run.source.name)


@pytest.fixture(scope="session")
def small_store(make_pipeline) -> Pipeline:
    """A generated `small` store, replicated and built: the suite's main fixture."""
    run = make_pipeline(db_name("small"), db_name("small_wh"))
    generate_store(run.source.name, "--profile", "small", "--seed", "7")
    run.extract_load()
    run.dbt_ok("build")
    return run


@contextlib.contextmanager
def sync_scenario(
    mode: str, name: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Pipeline, Pipeline]]:
    """(a pipeline to sync, a fresh pipeline on the same source) named `name`, for a sync mode:
    `binlog` on a throwaway binlog MariaDB, `incremental` on the suite's server; the warehouses
    (and the incremental source) are dropped afterwards."""
    workdir = tmp_path_factory.mktemp(f"{name}_{mode}")
    names = {
        "source": f"{PREFIX}_{name}_{mode}",
        "synced": f"{PREFIX}_{name}_{mode}_wh",
        "fresh": f"{PREFIX}_{name}_{mode}_fresh_wh",
    }
    for database in (names["synced"], names["fresh"]):
        create_postgres_database(database)

    def pipelines(source: DbSettings) -> tuple[Pipeline, Pipeline]:
        source = source.with_name(names["source"])
        (workdir / "synced").mkdir()
        (workdir / "fresh").mkdir()
        return (
            Pipeline(source, warehouse_settings().with_name(names["synced"]), workdir / "synced"),
            Pipeline(source, warehouse_settings().with_name(names["fresh"]), workdir / "fresh"),
        )

    try:
        if mode == "binlog":
            with binlog_mariadb(workdir) as server:
                yield pipelines(server)
        else:
            yield pipelines(source_settings())
            drop_mysql_database(names["source"])
    finally:
        for database in (names["synced"], names["fresh"]):
            drop_postgres_database(database)


def copy_postgres_database(template: str, name: str) -> None:
    """A byte-for-byte copy of a warehouse database (CREATE DATABASE ... TEMPLATE), after closing
    every connection to it (Postgres refuses a template that is in use)."""
    drop_postgres_database(name)
    with postgres_connection(warehouse_settings(), dbname="postgres") as connection:
        connection.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity "
            "where datname = %s and pid <> pg_backend_pid()",
            (template,),
        )
        connection.execute(
            sql.SQL("create database {} template {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )


@pytest.fixture(scope="session")
def make_fresh_copy(make_pipeline) -> Iterator:
    """Factory: a new warehouse holding only the raw layer of `run`'s warehouse (same source),
    for a from-scratch build to compare with; dropped at the end of the session."""

    def factory(run: Pipeline, warehouse_db: str, raw_schema: str = "magento_raw") -> Pipeline:
        copy = make_pipeline(run.source.name, warehouse_db)
        copy_postgres_database(run.warehouse.name, warehouse_db)
        schemas = copy.query(
            "select nspname from pg_namespace where nspname <> %s and nspname <> 'public' "
            "and nspname not like 'pg\\_%%' and nspname <> 'information_schema'",
            raw_schema,
        )
        for (schema,) in schemas:
            copy.execute(sql.SQL("drop schema {} cascade").format(sql.Identifier(schema)))
        return copy

    return factory
