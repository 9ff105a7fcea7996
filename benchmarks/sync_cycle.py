"""Benchmark: one sync cycle after a ~1% change against a full migration run (issue 4).

    .venv/bin/python benchmarks/sync_cycle.py [--profile medium]

Starts a throwaway MariaDB with a ROW binlog (the shared server has none), generates the store,
runs the first sync cycle (the initial copy), applies ~1% activity with `magento-store simulate`
(orders = 1% of orders, EAV-only updates = 1% of products), then times, in the same run:
  * one binlog sync cycle (EL of the changes, FK actions, incremental dbt build, freshness), and
  * a full run of the same changed store into a second warehouse (FULL_TABLE EL + dbt build).
Prints both and their ratio. Figures, not assertions: record them in BENCHMARKS.md. It also
prints whether the synced services equal the full run's, table by table, and whether every UUID
issued before the cycle survived it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from psycopg import sql

from magento_migration.connections import postgres_connection
from magento_migration.project import PROJECT_ROOT
from magento_migration.settings import DbSettings, warehouse_settings
from magento_store.profiles import PROFILES

sys.path.insert(0, str(PROJECT_ROOT))
from tests.conftest import Pipeline
from tests.mariadb_server import binlog_mariadb
from tests.services import different_tables, identity_map, service_tables

BIN = PROJECT_ROOT / ".venv" / "bin"


def recreate(warehouse: DbSettings) -> None:
    with postgres_connection(warehouse, dbname="postgres") as connection:
        name = sql.Identifier(warehouse.name)
        connection.execute(sql.SQL("drop database if exists {} with (force)").format(name))
        connection.execute(sql.SQL("create database {}").format(name))


def run(command: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    result = subprocess.run(command, env=env, cwd=PROJECT_ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: a freshness/lag warning, still a completed cycle
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="medium", choices=list(PROFILES))
    args = parser.parse_args()
    profile = PROFILES[args.profile]
    orders, updates = max(1, profile.orders // 100), max(4, profile.products // 100)

    with tempfile.TemporaryDirectory() as workdir, binlog_mariadb(Path(workdir)) as server:
        source = server.with_name("magento_bench_sync")
        synced = warehouse_settings().with_name("bench_sync_cycle")
        fresh = warehouse_settings().with_name("bench_sync_full")
        for warehouse in (synced, fresh):
            recreate(warehouse)

        # each run has its own Meltano state and dbt target directory, as in the tests
        synced_run, fresh_run = (
            Pipeline(source, warehouse, Path(workdir) / name)
            for warehouse, name in ((synced, "sync"), (fresh, "full"))
        )
        for pipeline_run in (synced_run, fresh_run):
            pipeline_run.workdir.mkdir()
        sync_env, full_env = synced_run.env, fresh_run.env
        print(f"generating {args.profile} on a throwaway binlog MariaDB ...", flush=True)
        run(
            [
                str(BIN / "magento-store"),
                "generate",
                "--profile",
                args.profile,
                "--database",
                source.name,
                "--force",
            ],
            sync_env,
        )
        print("initial sync cycle (copies every table) ...", flush=True)
        initial = run([str(BIN / "magento-migrate"), "sync", "--mode", "binlog"], sync_env)
        print(f"simulating {orders} orders, {updates} EAV-only updates, 20 deletes ...", flush=True)
        run(
            [
                str(BIN / "magento-store"),
                "simulate",
                "--database",
                source.name,
                "--orders",
                str(orders),
                "--updates",
                str(updates),
                "--deletes",
                "20",
                "--seed",
                "1",
            ],
            sync_env,
        )
        uuids_before = identity_map(synced_run)
        print("timing one sync cycle ...", flush=True)
        cycle = run([str(BIN / "magento-migrate"), "sync", "--mode", "binlog"], sync_env)
        print("timing a full run of the same store ...", flush=True)
        full = run([str(BIN / "magento-migrate"), "migrate", "--no-docs"], full_env)
        print("comparing the synced services with the full run ...", flush=True)
        tables = len(service_tables(fresh_run))
        differing = different_tables(synced_run, fresh_run)
        uuids_after = identity_map(synced_run)
        for warehouse in (synced, fresh):
            with postgres_connection(warehouse, dbname="postgres") as connection:
                connection.execute(
                    sql.SQL("drop database if exists {} with (force)").format(
                        sql.Identifier(warehouse.name)
                    )
                )

    print(f"\n{args.profile} store, ~1% change ({orders} orders, {updates} product updates)")
    print(f"{'initial sync cycle (full copy + first build)':<48} {initial:>8.1f} s")
    print(f"{'one sync cycle after the change (binlog)':<48} {cycle:>8.1f} s")
    print(f"{'full run (FULL_TABLE EL + dbt build)':<48} {full:>8.1f} s")
    print(f"{'ratio sync cycle / full run':<48} {cycle / full:>8.2f}")
    print(
        f"service tables equal to the full run's: {tables - len(differing)}/{tables}"
        + (f" (differing: {', '.join(differing)})" if differing else "")
    )
    print(
        f"identity map: {len(uuids_before & uuids_after)}/{len(uuids_before)} UUIDs issued before"
        f" the cycle unchanged, {len(uuids_after - uuids_before)} new"
    )


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    main()
