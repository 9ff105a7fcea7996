"""Singer mapper: hold the whole stream, count what it would delete, then pass it on or stop.

Between the repair mapper and target-postgres in every sync cycle. The stream is spooled to a
temporary file (memory stays flat); at its end the guard asks the warehouse how many live rows
each table has and how many of them the target would mark deleted. When one table would lose more
than the limit allows, it prints one line per such table and exits 1 before the target has seen a
single message: nothing is written and the sync state does not move. Otherwise the spool is
replayed unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import IO

import psycopg
from psycopg import sql

from magento_delete_guard import DEFAULT_MAX_SHARE, DEFAULT_MIN_ROWS, DeleteLimit
from magento_delete_guard.stream import StreamCounts, count, table_of

MARKER = "mass-delete guard:"


def _config(path: str | None) -> dict:
    return json.loads(Path(path).read_text()) if path else {}


def _limit(config: dict) -> DeleteLimit:
    return DeleteLimit(
        max_share=float(config.get("max_delete_share", DEFAULT_MAX_SHARE)),
        min_rows=int(config.get("min_delete_rows", DEFAULT_MIN_ROWS)),
        allow=bool(config.get("allow_mass_delete", False)),
    )


def _live_and_older(
    connection: psycopg.Connection, schema: str, table: str, version: int | None
) -> tuple[int, int] | None:
    """(live rows, live rows of a table version older than `version`); None: no such table."""
    exists = connection.execute(
        "select 1 from information_schema.columns where table_schema = %s and table_name = %s "
        "and column_name = '_sdc_deleted_at'",
        (schema, table),
    ).fetchone()
    if not exists:
        return None
    query = sql.SQL(
        "select count(*), count(*) filter (where _sdc_table_version < %s "
        "or _sdc_table_version is null) from {} where _sdc_deleted_at is null"
    ).format(sql.Identifier(schema, table))
    live, older = connection.execute(query, (version if version is not None else -1,)).fetchone()
    return int(live), int(older) if version is not None else 0


def breaches(config: dict, streams: dict[str, StreamCounts]) -> list[str]:
    """One line per table this stream would mass-delete from, asking the warehouse."""
    limit = _limit(config)
    risky = {name: c for name, c in streams.items() if c.deletes or c.activated_version}
    if limit.allow or not risky:
        return []
    schema = config.get("default_target_schema", "magento_raw")
    found = []
    with psycopg.connect(
        host=config.get("host", "127.0.0.1"),
        port=int(config.get("port", 5432)),
        user=config.get("user", "postgres"),
        password=config.get("password") or None,
        dbname=config.get("database", "magento_warehouse"),
        autocommit=True,
    ) as connection:
        for stream, counts in sorted(risky.items()):
            table = table_of(stream)
            rows = _live_and_older(connection, schema, table, counts.activated_version)
            if rows is None:
                continue
            live, older = rows
            line = limit.breach(f"{schema}.{table}", counts.would_delete(live, older), live)
            if line:
                found.append(line)
    return found


def guard(lines: IO[str], out: IO[str], config: dict) -> int:
    """Spool, decide, replay; returns the exit code."""
    streams: dict[str, StreamCounts] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for line in lines:
            count(line, streams)
            spool.write(line)
        found = breaches(config, streams)
        if found:
            for line in found:
                print(f"error: {MARKER} {line}", file=sys.stderr)
            print(
                f"error: {MARKER} nothing was written; if Magento really lost these rows, "
                "run the sync again with --allow-mass-delete",
                file=sys.stderr,
            )
            return 1
        spool.seek(0)
        for line in spool:
            out.write(line)
    # read by the sync cycle: a cycle whose stream carried nothing skips its dbt build
    records = sum(c.upserts for c in streams.values())
    deleted = sum(c.deletes for c in streams.values())
    versions = sum(1 for c in streams.values() if c.activated_version is not None)
    print(
        f"magento-delete-guard: {len(streams)} stream(s), {records:,} record(s), "
        f"{deleted:,} DELETE record(s), {versions} table version(s) passed on",
        file=sys.stderr,
    )
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(prog="magento-delete-guard")
    parser.add_argument("--config")
    args, _ = parser.parse_known_args()
    code = guard(sys.stdin, sys.stdout, _config(args.config))
    sys.stdout.flush()
    sys.exit(code)
