"""One table: a consistent snapshot in MySQL/MariaDB, streamed by binary COPY into its raw table.

Runs in a worker process (one table at a time per worker). The Postgres side is one
transaction: a worker killed mid-table leaves the raw table as it was, and a rerun copies it
again. Into an empty table rows go straight in; into a table that already has rows (a rerun)
they go through a temporary table, and rows that are no longer in Magento stay, soft-deleted
(`_sdc_deleted_at`), as target-postgres's ACTIVATE_VERSION leaves them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import MySQLdb
import MySQLdb.converters
import MySQLdb.cursors
import psycopg
from MySQLdb.constants import FIELD_TYPE
from psycopg import sql
from psycopg.types.json import Jsonb

from magento_snapshot.position import Position, open_snapshot
from magento_snapshot.values import (
    LOADER_METADATA,
    PG_COPY_TYPES,
    REPAIRS,
    Column,
    RepairsDumper,
    RowConverter,
)

# tap-mysql's session settings (meltano.yml session_sqls), so values match the Singer path
SESSION_SQLS = (
    "SET @@session.time_zone='+0:00'",
    "SET @@session.wait_timeout=28800",
    "SET @@session.net_read_timeout=3600",
    # the server drops a client that has not read for net_write_timeout (60 s by default)
    "SET @@session.net_write_timeout=3600",
    "SET @@session.innodb_lock_wait_timeout=3600",
)


def _conversions() -> dict:
    """The driver's conversions, except dates and times: those arrive as MySQL prints them, so
    a zero date reaches the repair as '0000-00-00' (mysqlclient would make it None)."""
    conversions = dict(MySQLdb.converters.conversions)
    for kind in (FIELD_TYPE.DATE, FIELD_TYPE.DATETIME, FIELD_TYPE.TIMESTAMP, FIELD_TYPE.TIME):
        conversions.pop(kind, None)
    return conversions


@dataclass(frozen=True)
class TableJob:
    stream: str
    tap_stream_id: str
    database: str
    table: str
    columns: tuple[Column, ...]
    key_properties: tuple[str, ...]
    pg_schema: str
    pg_types: tuple[str, ...]  # of columns, then _mg_repairs, then LOADER_METADATA
    estimated_rows: int


@dataclass(frozen=True)
class Settings:
    mysql: dict[str, Any]
    postgres: dict[str, Any] = field(repr=False)
    batch_rows: int
    run_started_ms: int
    can_lock: bool


@dataclass(frozen=True)
class TableResult:
    stream: str
    tap_stream_id: str
    rows: int
    seconds: float
    position: Position | None
    version: int


def copy_table(job: TableJob, settings: Settings, report: Any) -> TableResult:
    """Snapshot `job.table` and COPY it; `report(stream, rows_done)` is called per batch."""
    started = time.monotonic()
    source = MySQLdb.connect(
        **settings.mysql,
        database=job.database,
        charset="utf8mb4",
        conv=_conversions(),
        cursorclass=MySQLdb.cursors.SSCursor,
    )
    try:
        session = source.cursor(MySQLdb.cursors.Cursor)
        for statement in SESSION_SQLS:
            session.execute(statement)
        session.execute("SELECT VERSION()")
        version_text = session.fetchone()[0]

        def execute(statement: str) -> list:
            session.execute(statement)
            return list(session.fetchall() or ())

        position = open_snapshot(execute, version_text, can_lock=settings.can_lock)
        version = int(time.time() * 1000)
        extracted_at = datetime.now(UTC).replace(tzinfo=None)
        select = "SELECT {} FROM `{}`.`{}`".format(
            ",".join(column.select_expression() for column in job.columns),
            job.database.replace("`", "``"),
            job.table.replace("`", "``"),
        )
        converter = RowConverter(job.columns, job.pg_types[: len(job.columns)])
        with psycopg.connect(**settings.postgres) as target:
            target.adapters.register_dumper(Jsonb, RepairsDumper)
            rows = _load(target, job, settings, source, select, converter, report,
                         extracted_at, version)  # fmt: skip
        source.rollback()
    finally:
        source.close()
    return TableResult(
        job.stream, job.tap_stream_id, rows, time.monotonic() - started, position, version
    )


def _load(
    target: psycopg.Connection,
    job: TableJob,
    settings: Settings,
    source: Any,
    select: str,
    converter: RowConverter,
    report: Any,
    extracted_at: datetime,
    version: int,
) -> int:
    raw = sql.Identifier(job.pg_schema, job.stream)
    names = [column.name for column in job.columns] + [REPAIRS, *LOADER_METADATA]
    column_list = sql.SQL(", ").join(sql.Identifier(name) for name in names)
    with target.transaction():
        empty = target.execute(sql.SQL("select not exists (select from {})").format(raw))
        direct = empty.fetchone()[0]
        into = raw if direct else sql.Identifier("_mg_snapshot")
        if not direct:
            target.execute(
                sql.SQL(
                    "create temporary table _mg_snapshot (like {} including defaults) "
                    "on commit drop"
                ).format(raw)
            )
        cursor = source.cursor()
        cursor.execute(select)
        rows = 0
        copy_types = [PG_COPY_TYPES.get(name, name) for name in job.pg_types]
        statement = sql.SQL("copy {} ({}) from stdin (format binary)").format(into, column_list)
        with target.cursor().copy(statement) as copy:
            copy.set_types(copy_types)
            while True:
                batch = cursor.fetchmany(settings.batch_rows)
                if not batch:
                    break
                now = datetime.now(UTC).replace(tzinfo=None)
                sdc = (extracted_at, now, now, None, int(time.time() * 1000), version,
                       settings.run_started_ms)  # fmt: skip
                for values in converter.copy_rows(batch, sdc):
                    copy.write_row(values)
                rows += len(batch)
                report(job.stream, rows)
        cursor.close()
        if not direct:
            _merge(target, job, raw)
    return rows


def _merge(target: psycopg.Connection, job: TableJob, raw: sql.Identifier) -> None:
    """Replace the raw table by the snapshot, keeping rows Magento no longer has, soft-deleted."""
    existing = [
        row[0]
        for row in target.execute(
            "select column_name from information_schema.columns "
            "where table_schema = %s and table_name = %s order by ordinal_position",
            (job.pg_schema, job.stream),
        ).fetchall()
    ]
    kept = sql.SQL(", ").join(
        sql.SQL("coalesce(old._sdc_deleted_at, now() at time zone 'utc')")
        if name == "_sdc_deleted_at"
        else sql.Identifier("old", name)
        for name in existing
    )
    if job.key_properties:
        match = sql.SQL(" and ").join(
            sql.SQL("new.{0} = old.{0}").format(sql.Identifier(key)) for key in job.key_properties
        )
        gone = sql.SQL("not exists (select from _mg_snapshot as new where {})").format(match)
    else:
        gone = sql.SQL("true")
    columns = sql.SQL(", ").join(sql.Identifier(name) for name in existing)
    target.execute(
        sql.SQL("insert into _mg_snapshot ({}) select {} from {} as old where {}").format(
            columns, kept, raw, gone
        )
    )
    target.execute(sql.SQL("truncate {}").format(raw))
    target.execute(
        sql.SQL("insert into {} ({}) select {} from _mg_snapshot").format(raw, columns, columns)
    )
