"""`tap-magento-snapshot`: a Meltano extractor for the initial load at COPY speed.

Discovery is tap-mysql's own (same catalog, same stream ids, same SCHEMA messages). A sync:

1. writes the SCHEMA message of every selected stream to stdout: target-postgres (through
   repair-magento-values) creates the raw tables exactly as on the Singer path;
2. waits until those tables exist, then copies the tables, several at once (one worker process
   per core), each inside its own consistent snapshot, by binary COPY straight into Postgres;
3. writes a STATE message with tap-mysql's LOG_BASED bookmarks (`log_file`, `log_pos`,
   `version`) of each stream's snapshot, which `magento-migrate migrate` hands to
   tap-mysql-binlog so the first sync continues from the binlog.

Progress goes to stderr: `snapshot: <table> <done>/<total> rows ...` while a table is copied,
`snapshot: done <table> ...` when it ends.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

import psycopg
import singer
from singer import metadata
from singer.catalog import Catalog
from tap_mysql.connection import MySQLConnection, connect_with_backoff
from tap_mysql.discover_utils import discover_catalog, resolve_catalog
from tap_mysql.stream_utils import get_key_properties, write_schema_message
from tap_mysql.sync_strategies import common

from magento_snapshot.copy import Settings, TableJob, TableResult, copy_table
from magento_snapshot.progress import Progress
from magento_snapshot.values import LOADER_METADATA, REPAIRS, Column

REQUIRED_CONFIG_KEYS = ["host", "port", "user"]
TABLES_WAIT_SECONDS = 120


class SnapshotError(Exception):
    """A failure with a one-line message for the person running the load."""


def main() -> None:
    args = singer.utils.parse_args(REQUIRED_CONFIG_KEYS)
    config = {"password": "", **args.config}
    try:
        if args.discover:
            discover_catalog(MySQLConnection(config), config.get("filter_dbs")).dump()
        else:
            catalog = args.catalog or Catalog.from_dict(args.properties or {"streams": []})
            sync(config, catalog)
    except SnapshotError as error:
        print(f"snapshot: error: {error}", file=sys.stderr, flush=True)
        sys.exit(1)


def _selected(catalog: Catalog) -> list:
    """The selected streams with their selected columns, as tap-mysql resolves them. The catalog
    Meltano passes is tap-mysql's discovery with the selection applied, so it serves as the
    discovered catalog too (tap-mysql would discover again: seconds on a large schema)."""
    selected = [stream for stream in catalog.streams if common.stream_is_selected(stream)]
    return [entry for entry in resolve_catalog(catalog, selected).streams if entry.schema]


def _columns(entry: Any) -> tuple[Column, ...]:
    meta = metadata.to_map(entry.metadata)
    return tuple(
        Column(
            name,
            str(meta.get(("properties", name), {}).get("datatype", "")),
            entry.schema.properties[name].to_dict(),
        )
        for name in entry.schema.properties
    )


def pg_table(stream: str) -> str:
    """The table target-postgres names a stream `<database>-<table>`: the part after the last
    '-' (Singer SDK's naming)."""
    return stream.split("-")[-1]


def postgres_settings(config: dict) -> dict[str, Any]:
    return {
        "host": config.get("warehouse_host", "127.0.0.1"),
        "port": int(config.get("warehouse_port", 5432)),
        "user": config.get("warehouse_user", "postgres"),
        "password": config.get("warehouse_password", ""),
        "dbname": config.get("warehouse_database", "magento_warehouse"),
        "connect_timeout": 10,
    }


def mysql_settings(config: dict) -> dict[str, Any]:
    return {
        "host": config["host"],
        "port": int(config["port"]),
        "user": config["user"],
        "password": config.get("password", ""),
        "connect_timeout": 10,
    }


def _can_lock(config: dict) -> bool:
    """RELOAD (for FLUSH TABLES WITH READ LOCK on MySQL 8) among the user's grants."""
    with connect_with_backoff(MySQLConnection(config)) as connection, connection.cursor() as cur:
        cur.execute("SHOW GRANTS FOR CURRENT_USER()")
        grants = " ".join(row[0] for row in cur.fetchall()).upper()
    return "ALL PRIVILEGES ON *.*" in grants or "RELOAD" in grants


def _estimates(config: dict, database: str) -> dict[str, int]:
    with connect_with_backoff(MySQLConnection(config)) as connection, connection.cursor() as cur:
        cur.execute(
            "SELECT table_name, table_rows FROM information_schema.tables WHERE table_schema = %s",
            (database,),
        )
        return {name: int(rows or 0) for name, rows in cur.fetchall()}


def wait_for_tables(
    postgres: dict[str, Any], schema: str, expected: dict[str, set[str]]
) -> dict[str, dict[str, str]]:
    """Wait until target-postgres has created every table with every column; their types."""
    deadline = time.monotonic() + TABLES_WAIT_SECONDS
    with psycopg.connect(**postgres, autocommit=True) as connection:
        while True:
            rows = connection.execute(
                "select table_name, column_name, data_type from information_schema.columns "
                "where table_schema = %s",
                (schema,),
            ).fetchall()
            found: dict[str, dict[str, str]] = {}
            for table, column, data_type in rows:
                found.setdefault(table, {})[column] = data_type
            missing = [t for t, cols in expected.items() if not cols <= set(found.get(t, {}))]
            if not missing:
                return found
            if time.monotonic() > deadline:
                raise SnapshotError(
                    f"target-postgres did not create {len(missing)} table(s) in "
                    f"{schema} within {TABLES_WAIT_SECONDS}s (e.g. {missing[0]}); "
                    "is the loader target-postgres with add_record_metadata: true?"
                )
            time.sleep(0.2)


def sync(config: dict, catalog: Catalog) -> None:
    started_ms = int(time.time() * 1000)
    entries = _selected(catalog)
    if not entries:
        raise SnapshotError("no stream is selected")
    schema = config.get("warehouse_schema", "magento_raw")
    postgres = postgres_settings(config)
    for entry in entries:
        write_schema_message(entry)
    sys.stdout.flush()

    expected = {
        pg_table(entry.stream): {*entry.schema.properties, REPAIRS, *LOADER_METADATA}
        for entry in entries
    }
    types = wait_for_tables(postgres, schema, expected)
    database = common.get_database_name(entries[0])
    estimates = _estimates(config, database)
    jobs = []
    for entry in entries:
        columns = _columns(entry)
        names = [c.name for c in columns] + [REPAIRS, *LOADER_METADATA]
        jobs.append(
            TableJob(
                stream=pg_table(entry.stream),
                tap_stream_id=entry.tap_stream_id,
                database=common.get_database_name(entry),
                table=entry.table,
                columns=columns,
                key_properties=tuple(get_key_properties(entry)),
                pg_schema=schema,
                pg_types=tuple(types[pg_table(entry.stream)][name] for name in names),
                estimated_rows=estimates.get(entry.table, 0),
            )
        )
    jobs.sort(key=lambda job: -job.estimated_rows)
    settings = Settings(
        mysql=mysql_settings(config),
        postgres=postgres,
        batch_rows=int(config.get("batch_rows") or 10000),
        run_started_ms=started_ms,
        can_lock=_can_lock(config),
    )
    workers = int(config.get("workers") or 0) or os.cpu_count() or 1
    results = run_jobs(jobs, settings, min(workers, len(jobs)))
    write_state(results)


_QUEUE: Any = None


def _init_worker(queue: Any) -> None:
    global _QUEUE
    _QUEUE = queue


def _report(stream: str, rows: int) -> None:
    _QUEUE.put((stream, rows))


def _run_one(job: TableJob, settings: Settings) -> TableResult:
    _QUEUE.put((job.stream, 0))
    return copy_table(job, settings, _report)


def run_jobs(jobs: Sequence[TableJob], settings: Settings, workers: int) -> list[TableResult]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    progress = Progress({job.stream: job.estimated_rows for job in jobs}, workers)
    results: list[TableResult] = []
    with context.Pool(workers, initializer=_init_worker, initargs=(queue,)) as pool:
        pending = {job.stream: pool.apply_async(_run_one, (job, settings)) for job in jobs}
        while pending:
            progress.drain(queue)
            for stream, result in list(pending.items()):
                if result.ready():
                    del pending[stream]
                    try:
                        done = result.get()
                    except Exception as error:
                        pool.terminate()
                        message = str(error).strip().splitlines()
                        raise SnapshotError(
                            f"{stream}: {type(error).__name__}: {message[0] if message else ''}"
                        ) from error
                    results.append(done)
                    progress.table_done(done.stream, done.rows, done.seconds)
            progress.tick()
    progress.finish()
    return results


def state_message(results: Sequence[TableResult]) -> dict:
    """tap-mysql's LOG_BASED state: per stream the binlog position of its snapshot; a stream
    without a position (binlog off) gets none, so tap-mysql-binlog would copy it in full."""
    bookmarks = {}
    for result in sorted(results, key=lambda r: r.tap_stream_id):
        if result.position is not None:
            bookmarks[result.tap_stream_id] = {
                "log_file": result.position.log_file,
                "log_pos": result.position.log_pos,
                "version": result.version,
            }
    return {"currently_syncing": None, "bookmarks": bookmarks}


def write_state(results: Sequence[TableResult]) -> None:
    state = state_message(results)
    singer.write_message(singer.StateMessage(value=state))
    sys.stdout.flush()
    positions = {(b["log_file"], b["log_pos"]) for b in state["bookmarks"].values()}
    if positions:
        low = min(positions)
        print(
            f"snapshot: binlog positions of {len(state['bookmarks'])} snapshot(s), "
            f"from {low[0]}:{low[1]}",
            file=sys.stderr,
            flush=True,
        )
    else:
        print("snapshot: no binlog position (binlog off)", file=sys.stderr, flush=True)
