"""Keep the raw layer what Magento is: its foreign-key actions, deletions polling cannot see, and
rows the loader re-read unchanged.

The first two mark rows the loader's way (soft delete: `_sdc_deleted_at`, with a fresh
`_sdc_extracted_at` so the change feed of the dbt models picks them up) and never touch a row
Magento still has. Each runs in one transaction that is rolled back, whole, when it would delete
more of a table than the sync's DeleteLimit allows (MassDeleteError). The third keeps a re-read
row's `_sdc_extracted_at` when none of its values changed (keep_unchanged_rows).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import psycopg
from magento_delete_guard import DeleteLimit
from magento_singer_repair import LOADER_METADATA
from psycopg import sql

from magento_migration.connections import mysql_connection, postgres_connection
from magento_migration.errors import MassDeleteError
from magento_migration.settings import DbSettings
from magento_migration.sync.foreign_keys import ForeignKey, magento_foreign_keys

_NOW = sql.SQL("(now() at time zone 'UTC')")


@dataclass(frozen=True)
class FkActionResult:
    cascaded_deletes: int
    set_null: int


def _raw_columns(connection: psycopg.Connection, schema: str) -> dict[str, set[str]]:
    """{raw table (one the loader soft-deletes in): its columns}."""
    rows = connection.execute(
        "select c.table_name, array_agg(c.column_name::text) from information_schema.columns c "
        "where c.table_schema = %s and exists (select 1 from information_schema.columns d "
        "where d.table_schema = c.table_schema and d.table_name = c.table_name "
        "and d.column_name = '_sdc_deleted_at') group by 1",
        (schema,),
    ).fetchall()
    return {table: set(columns) for table, columns in rows}


def _loader_tables(connection: psycopg.Connection, schema: str) -> list[str]:
    """The raw tables the loader made: those with all its metadata columns, sorted."""
    return sorted(
        table
        for table, columns in _raw_columns(connection, schema).items()
        if columns >= set(LOADER_METADATA)
    )


def _foreign_keys(columns: dict[str, set[str]]) -> list[ForeignKey]:
    """The foreign keys between raw tables, with content staging's when the raw layer is an
    Adobe Commerce store's (recognised, as staging recognises it, by `row_id` in
    `catalog_product_entity`)."""
    staged = "row_id" in columns.get("catalog_product_entity", set())
    return [
        key
        for key in magento_foreign_keys(staged)
        if key.child != key.parent
        and key.column in columns.get(key.child, set())
        and key.parent_column in columns.get(key.parent, set())
    ]


def _apply(connection: psycopg.Connection, schema: str, key: ForeignKey) -> int:
    """Apply one foreign key's ON DELETE action to children of parents deleted in raw."""
    child = sql.Identifier(schema, key.child)
    parent = sql.Identifier(schema, key.parent)
    column = sql.Identifier(key.column)
    parent_column = sql.Identifier(key.parent_column)
    # a parent deleted in Magento: present in raw as deleted, and not (re)present as live
    deleted_parent = sql.SQL(
        "exists (select 1 from {parent} as p where p.{parent_column} = c.{column} "
        "and p._sdc_deleted_at is not null) "
        "and not exists (select 1 from {parent} as p where p.{parent_column} = c.{column} "
        "and p._sdc_deleted_at is null)"
    ).format(parent=parent, parent_column=parent_column, column=column)
    if key.on_delete == "CASCADE":
        statement = sql.SQL(
            "update {child} as c set _sdc_deleted_at = {now}, _sdc_extracted_at = {now} "
            "where c._sdc_deleted_at is null and c.{column} is not null and {deleted_parent}"
        )
    else:
        statement = sql.SQL(
            "update {child} as c set {column} = null, _sdc_extracted_at = {now} "
            "where c._sdc_deleted_at is null and c.{column} is not null and {deleted_parent}"
        )
    cursor = connection.execute(
        statement.format(child=child, column=column, now=_NOW, deleted_parent=deleted_parent)
    )
    return cursor.rowcount


def apply_foreign_key_actions(
    warehouse: DbSettings, schema: str, limit: DeleteLimit | None = None
) -> FkActionResult:
    """Emulate InnoDB's ON DELETE CASCADE / SET NULL in the raw layer, until nothing changes.

    The binlog carries only the parent's DELETE and a SET NULL does not move `updated_at`, so
    without this a deleted customer's addresses would live on in raw and its orders would keep
    pointing at it: unlike a fresh copy of Magento. Rolled back when a cascade would delete more
    of a child table than `limit` allows.
    """
    cascaded: dict[str, int] = {}
    set_null = 0
    with postgres_connection(warehouse, autocommit=False) as connection:
        keys = _foreign_keys(_raw_columns(connection, schema))
        with_deletions = _tables_with_deletions(connection, schema, {k.parent for k in keys})
        changed = True
        while changed:
            changed = False
            for key in keys:
                if key.parent not in with_deletions:
                    continue
                count = _apply(connection, schema, key)
                if count:
                    changed = True
                    if key.on_delete == "CASCADE":
                        cascaded[key.child] = cascaded.get(key.child, 0) + count
                        with_deletions.add(key.child)
                    else:
                        set_null += count
        breaches = [
            line
            for child, count in sorted(cascaded.items())
            if (
                line := (limit or DeleteLimit()).breach(
                    f"{schema}.{child}",
                    count,
                    _live_rows(connection, schema, child) + count,
                    "cascade-delete",
                )
            )
        ]
        if breaches:
            connection.rollback()
            raise MassDeleteError(breaches)
        connection.commit()
    return FkActionResult(sum(cascaded.values()), set_null)


KEEP_UNCHANGED_TRIGGER = "magento_keep_unchanged_row"
# A BEFORE UPDATE trigger: the loader's upsert of a row whose values (every column but the
# metadata) and deletion state did not change keeps the row's metadata, the new
# _sdc_table_version excepted (ACTIVATE_VERSION soft-deletes the rows of older versions, and this
# one is still in Magento). The row is compared whole, in C (`is not distinct from`), after
# the metadata was copied: 2.5 us a row, where a comparison of to_jsonb(row) minus the metadata
# keys cost 38 us (1 M rows updated with their own values: 7.2 s without a trigger, 9.7 s with
# this one, 45.4 s with the jsonb one).
_KEEP_UNCHANGED_ROW = (
    """
create or replace function {function}() returns trigger
language plpgsql as $body$
declare
    incoming record := new;
begin
    if (old._sdc_deleted_at is null) <> (new._sdc_deleted_at is null) then
        return new;
    end if;
"""
    + "".join(f"    new.{column} := old.{column};\n" for column in LOADER_METADATA)
    + """    if new is not distinct from old then
        new._sdc_table_version := incoming._sdc_table_version;
        return new;
    end if;
    return incoming;
end
$body$
"""
)


def keep_unchanged_rows(warehouse: DbSettings, schema: str) -> int:
    """Before a sync cycle's EL: every raw table keeps the `_sdc_extracted_at` of a row the
    loader re-reads unchanged (a FULL_TABLE stream re-reads every row each cycle; INCREMENTAL
    ones re-read the rows at their bookmark), so that a row's `_sdc_extracted_at` says when
    Magento last changed it, and the change feed, the freshness and the build decision see
    only what changed. Covers the tables with all the loader's metadata columns (every table
    the loader made); idempotent; returns the tables it covers."""
    function = sql.Identifier(schema, KEEP_UNCHANGED_TRIGGER)
    with postgres_connection(warehouse, autocommit=False) as connection:
        tables = _loader_tables(connection, schema)
        if not tables:
            return 0  # a first load: the loader creates the raw schema and its tables
        connection.execute(sql.SQL(_KEEP_UNCHANGED_ROW).format(function=function))
        for table in tables:
            connection.execute(
                sql.SQL(
                    "create or replace trigger {trigger} before update on {table} "
                    "for each row execute function {function}()"
                ).format(
                    trigger=sql.Identifier(KEEP_UNCHANGED_TRIGGER),
                    table=sql.Identifier(schema, table),
                    function=function,
                )
            )
        connection.commit()
    return len(tables)


# A raw row's change time, as the change feed (macros/sync/feed.sql) and rows_changed_since write
# it: the loader sets _sdc_extracted_at on every upsert and _sdc_deleted_at on a soft delete.
CHANGE_TIME = "greatest(_sdc_extracted_at, _sdc_deleted_at)"


def index_change_times(warehouse: DbSettings, schema: str) -> int:
    """After a load and before each sync cycle's EL: an index on the change time of every raw
    table the loader made, so that the change feed and rows_changed_since read only the rows
    changed since a moment instead of scanning every table (on `large`, 26 M rows a cycle).
    Idempotent (an existing index is kept); returns the tables it covers."""
    with postgres_connection(warehouse) as connection:
        tables = _loader_tables(connection, schema)
        for table in tables:
            connection.execute(
                sql.SQL("create index if not exists {index} on {table} ({change_time})").format(
                    index=sql.Identifier(_change_time_index(table)),
                    table=sql.Identifier(schema, table),
                    change_time=sql.SQL(CHANGE_TIME),
                )
            )
    return len(tables)


def _change_time_index(table: str) -> str:
    name = f"{table}__changed_at"
    if len(name) <= 63:  # Postgres truncates identifiers beyond 63 bytes
        return name
    return f"{table[:42]}_{hashlib.blake2s(table.encode(), digest_size=4).hexdigest()}__changed_at"


def rows_changed_since(warehouse: DbSettings, schema: str, since: dt.datetime) -> int:
    """Raw rows extracted or soft-deleted at or after `since` (UTC): what a cycle's EL changed,
    re-read rows Magento did not change not counted (keep_unchanged_rows)."""
    naive = since.astimezone(dt.UTC).replace(tzinfo=None)  # the loader's columns: UTC
    total = 0
    with postgres_connection(warehouse) as connection:
        for table, columns in sorted(_raw_columns(connection, schema).items()):
            if "_sdc_extracted_at" not in columns:
                continue
            total += connection.execute(
                sql.SQL("select count(*) from {} where {} >= %(since)s").format(
                    sql.Identifier(schema, table), sql.SQL(CHANGE_TIME)
                ),
                {"since": naive},
            ).fetchone()[0]
    return total


def index_and_analyze(warehouse: DbSettings, schema: str) -> None:
    """After a load (migrate): the change-time indexes, then the statistics of every raw table
    and of those indexes."""
    index_change_times(warehouse, schema)
    analyze_raw_layer(warehouse, schema)


def analyze_raw_layer(warehouse: DbSettings, schema: str) -> None:
    """ANALYZE every raw table: after each load (migrate and every sync cycle), so that dbt's
    first queries are planned on the loaded rows, not on an empty or stale table's statistics."""
    with postgres_connection(warehouse) as connection:
        for table in sorted(_raw_columns(connection, schema)):
            connection.execute(sql.SQL("analyze {}").format(sql.Identifier(schema, table)))


def _live_rows(connection: psycopg.Connection, schema: str, table: str) -> int:
    query = sql.SQL("select count(*) from {} where _sdc_deleted_at is null")
    return connection.execute(query.format(sql.Identifier(schema, table))).fetchone()[0]


def _tables_with_deletions(
    connection: psycopg.Connection, schema: str, tables: Iterable[str]
) -> set[str]:
    found = set()
    for table in tables:
        query = sql.SQL("select exists (select 1 from {} where _sdc_deleted_at is not null)")
        if connection.execute(query.format(sql.Identifier(schema, table))).fetchone()[0]:
            found.add(table)
    return found


def primary_key(source: DbSettings, table: str) -> list[str]:
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute(
            "select column_name from information_schema.key_column_usage where table_schema = %s "
            "and table_name = %s and constraint_name = 'PRIMARY' order by ordinal_position",
            (source.name, table),
        )
        return [row[0] for row in cursor.fetchall()]


def sweep_deletions(
    source: DbSettings,
    warehouse: DbSettings,
    tables: Iterable[str],
    schema: str,
    limit: DeleteLimit | None = None,
) -> dict[str, int]:
    """Soft-delete raw rows whose primary key Magento no longer has (for tables read by
    INCREMENTAL replication, which cannot see deletes). Returns rows marked per table; one
    transaction, rolled back when a table would lose more than `limit` allows."""
    marked: dict[str, int] = {}
    breaches: list[str] = []
    with postgres_connection(warehouse, autocommit=False) as connection:
        for table in tables:
            key = primary_key(source, table)
            if len(key) != 1:
                raise ValueError(f"{table}: key sweep needs a single-column primary key, got {key}")
            (column,) = key
            live = _live_rows(connection, schema, table)
            connection.execute("create temporary table live_keys (id bigint primary key)")
            with (
                mysql_connection(source, cursorclass=_unbuffered()) as mysql,
                mysql.cursor() as cursor,
                connection.cursor().copy("copy live_keys (id) from stdin") as copy,
            ):
                cursor.execute(f"select `{column}` from `{table}`")
                for (value,) in cursor:
                    copy.write_row((value,))
            count = connection.execute(
                sql.SQL(
                    "update {table} as r set _sdc_deleted_at = {now}, _sdc_extracted_at = {now} "
                    "where r._sdc_deleted_at is null and not exists "
                    "(select 1 from live_keys as k where k.id = r.{column})"
                ).format(
                    table=sql.Identifier(schema, table), now=_NOW, column=sql.Identifier(column)
                )
            ).rowcount
            connection.execute("drop table live_keys")
            marked[table] = count
            line = (limit or DeleteLimit()).breach(f"{schema}.{table}", count, live)
            if line:
                breaches.append(line)
        if breaches:
            connection.rollback()
            raise MassDeleteError(breaches)
        connection.commit()
    return marked


def _unbuffered() -> type:
    import pymysql.cursors

    return pymysql.cursors.SSCursor
