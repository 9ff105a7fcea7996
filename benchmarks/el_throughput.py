"""Benchmark: rows/s of the Meltano EL paths next to a plain `SELECT | COPY` of the same tables.

Run it on a generated store (figures, not assertions; record them in BENCHMARKS.md):

    .venv/bin/python benchmarks/el_throughput.py --database magento_demo [--loaders ...]

Every path copies the same replicated tables from MariaDB into its own scratch warehouse
database (dropped afterwards), in the same run, so the figures compare like with like.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

from psycopg import sql

from magento_migration import pipeline
from magento_migration.connections import mysql_connection, postgres_connection
from magento_migration.project import PROJECT_ROOT, executable
from magento_migration.registry import replicated_tables
from magento_migration.settings import DbSettings, source_settings, warehouse_settings

LOADERS = ("target-postgres", "target-postgres-pipelinewise")


def recreate(warehouse: DbSettings) -> None:
    with postgres_connection(warehouse, dbname="postgres") as connection:
        name = sql.Identifier(warehouse.name)
        connection.execute(sql.SQL("drop database if exists {} with (force)").format(name))
        connection.execute(sql.SQL("create database {}").format(name))


def drop(warehouse: DbSettings) -> None:
    with postgres_connection(warehouse, dbname="postgres") as connection:
        connection.execute(
            sql.SQL("drop database if exists {} with (force)").format(
                sql.Identifier(warehouse.name)
            )
        )


def present_tables(source: DbSettings) -> dict[str, int]:
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute(
            "select table_name from information_schema.tables where table_schema = %s",
            (source.name,),
        )
        present = {row[0] for row in cursor.fetchall()}
        counts = {}
        for table in replicated_tables():
            if table in present:
                cursor.execute(f"select count(*) from `{table}`")
                counts[table] = int(cursor.fetchone()[0])
    return counts


def meltano_path(loader: str, source: DbSettings, warehouse: DbSettings, workdir: Path) -> float:
    recreate(warehouse)
    extra = {"MELTANO_DATABASE_URI": f"sqlite:///{workdir / (loader + '.db')}"}
    if loader == "target-postgres-pipelinewise" and not warehouse.password:
        # pipelinewise-target-postgres refuses an empty password; a passwordless (trust) server
        # ignores whatever is sent
        extra["WAREHOUSE_DB_PASS"] = "-"  # noqa: S105 (not a credential)
    env = pipeline.pipeline_env(source, warehouse, extra)
    started = time.monotonic()
    pipeline.run_step(
        f"bench-{loader}",
        [executable("meltano"), "run", "tap-mysql", "repair-magento-values", loader],
        env,
        progress=False,
    )
    return time.monotonic() - started


def copy_path(tables: list[str], source: DbSettings, warehouse: DbSettings) -> float:
    """mariadb --batch --quick | psql COPY, one table after another, into text columns."""
    recreate(warehouse)
    columns: dict[str, list[str]] = {}
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                "select column_name from information_schema.columns "
                "where table_schema = %s and table_name = %s order by ordinal_position",
                (source.name, table),
            )
            columns[table] = [row[0] for row in cursor.fetchall()]
    with postgres_connection(warehouse) as connection:
        connection.execute("create schema magento_raw")
        for table, names in columns.items():
            connection.execute(
                sql.SQL("create table magento_raw.{} ({})").format(
                    sql.Identifier(table),
                    sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(n)) for n in names),
                )
            )
    mysql_env = {**os.environ, "MYSQL_PWD": source.password}
    pg_env = {**os.environ, "PGPASSWORD": warehouse.password}
    started = time.monotonic()
    for table, names in columns.items():
        select = "select " + ", ".join(f"`{n}`" for n in names) + f" from `{table}`"
        reader = subprocess.Popen(
            [
                "mariadb",
                "--batch",
                "--quick",
                "--skip-column-names",
                "-h",
                source.host,
                "-P",
                str(source.port),
                "-u",
                source.user,
                source.name,
                "-e",
                select,
            ],
            stdout=subprocess.PIPE,
            env=mysql_env,
        )
        subprocess.run(
            [
                "psql",
                "-q",
                "-h",
                warehouse.host,
                "-p",
                str(warehouse.port),
                "-U",
                warehouse.user,
                "-d",
                warehouse.name,
                "-c",
                f"\\copy magento_raw.\"{table}\" from stdin with (format text, null 'NULL')",
            ],
            stdin=reader.stdout,
            check=True,
            env=pg_env,
        )
        if reader.wait() != 0:
            raise RuntimeError(f"mariadb failed on {table}")
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=source_settings().name)
    parser.add_argument("--loaders", nargs="*", default=list(LOADERS), choices=LOADERS)
    parser.add_argument("--keep", action="store_true", help="keep the scratch warehouses")
    args = parser.parse_args()

    source = source_settings().with_name(args.database)
    counts = present_tables(source)
    rows = sum(counts.values())
    print(f"source {source.describe()}: {len(counts)} tables, {rows:,} rows")
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as workdir:
        for loader in args.loaders:
            warehouse = warehouse_settings().with_name(f"bench_{loader.replace('-', '_')}")
            seconds = meltano_path(loader, source, warehouse, Path(workdir))
            results.append((f"meltano: tap-mysql -> {loader}", seconds))
            if not args.keep:
                drop(warehouse)
        warehouse = warehouse_settings().with_name("bench_select_copy")
        seconds = copy_path(list(counts), source, warehouse)
        results.append(("baseline: mariadb --batch | psql COPY", seconds))
        if not args.keep:
            drop(warehouse)
    baseline = results[-1][1]
    print(f"\n{'path':<58} {'seconds':>8} {'rows/s':>10} {'vs COPY':>8}")
    for name, seconds in results:
        print(f"{name:<58} {seconds:>8.1f} {rows / seconds:>10,.0f} {seconds / baseline:>7.1f}x")


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    main()
