"""`magento-migrate verify`: every migrated row checked against the live Magento database.

For each entity of `ENTITIES` (the registry's tables with `verify`), the keys and the compared
columns (`updated_at` where Magento has one, else a few value columns) are streamed from Magento
(one unbuffered `SELECT`, inside one consistent snapshot) into a Postgres temporary table with
COPY, then compared with the service table in one SQL statement, taking into account the rows
legitimately not migrated (`migration.quarantine`, `migration.exclusions`). Each Magento row is:

ok         in the service, same updated_at / values
accounted  not in the service, but quarantined or excluded (with a reason)
missing    in Magento, neither in the service nor accounted for
stale      in the service with an updated_at older than Magento's
different  in the service with other values (or an updated_at newer than Magento's)
extra      in the service, gone from Magento

This is what catches a raw layer that lost rows: every reconciliation of the services with the
raw layer still passes there, because both sides lost the same rows.

Adobe Commerce (content staging, recognised from Magento's columns): a versioned table (one row
per version: `row_id`, `created_in`, `updated_in`) is read as its versions current when verify
starts (`created_in <= now < updated_in`), and a `row_id`-keyed table as the rows of those
versions, with their entity id; scheduled and superseded versions are never compared.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import psycopg
import pymysql.cursors
from psycopg import sql

from magento_migration import registry
from magento_migration.connections import mysql_connection, postgres_connection
from magento_migration.errors import MigrationError
from magento_migration.settings import DbSettings

KINDS = ("missing", "stale", "different", "extra")
# Magento sends its rows as COPY text lines, GROUP_ROWS key values per result row: PyMySQL's
# per-row decoding, not the server, is the cost of the read (3x fewer seconds than a row per line)
GROUP_ROWS = 5_000
FETCH_GROUPS = 20
NULL = "NULL"  # COPY's NULL marker; no compared value (number, code, timestamp) can equal it
# Commerce: the row_id-keyed tables verify reads -> (the versioned table, its entity id column)
ROW_KEYED = {
    "catalog_product_entity_media_gallery_value_to_entity": ("catalog_product_entity", "entity_id")
}
# the reasons of migration.exclusions for rows of versions verify never reads
VERSION_REASONS = ("scheduled version", "superseded version")


@dataclass(frozen=True)
class Entity:
    """One migrated Magento table and the service table it becomes.

    `key` pairs Magento's key columns with the service's; `compared` pairs Magento columns with
    service columns that carry them unchanged (never masked PII, never repaired text), and
    `updated_at` (Magento column, service column) makes an older service row `stale`.
    `accounted_id` is how migration.quarantine / exclusions encode a composite key (a SQL
    expression over the Magento key column names), see the table's `int_*_checked` model.
    """

    service_table: str
    source_table: str
    key: tuple[tuple[str, str], ...]
    updated_at: tuple[str, str] | None = None
    compared: tuple[tuple[str, str], ...] = ()
    accounted_id: str | None = None

    @property
    def magento_columns(self) -> list[str]:
        updated = [self.updated_at[0]] if self.updated_at else []
        return [k for k, _ in self.key] + updated + [m for m, _ in self.compared]


def _entity(table: registry.Table) -> Entity:
    """The Entity of a registry entry with `verify` (its keys are documented in the registry)."""
    spec = table.meta["verify"] or {}
    key = spec.get("key") or {table.meta["primary_key"][0]: "magento_id"}
    return Entity(
        table.meta["service_table"],
        table.name,
        tuple(key.items()),
        updated_at=("updated_at", "updated_at") if spec.get("updated_at") else None,
        compared=tuple((spec.get("compared") or {}).items()),
        accounted_id=spec.get("accounted_id"),
    )


# What verify checks: the registry's tables with `verify` (models/staging/magento/
# _magento__sources.yml), every one whose service table carries a Magento id or composite key.
# Not there: product_relations (one row per parent/child pair merged from two Magento tables, each
# reconciled through its checked model) and the per-store-view localizations (derived rows).
ENTITIES: tuple[Entity, ...] = tuple(_entity(t) for t in registry.tables() if "verify" in t.meta)


@dataclass
class TableResult:
    entity: Entity
    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def magento_rows(self) -> int:
        in_magento = ("ok", "accounted", "missing", "stale", "different")
        return sum(self.counts.get(kind, 0) for kind in in_magento)

    @property
    def consistent(self) -> bool:
        return not any(self.counts.get(kind) for kind in KINDS)

    def summary(self) -> str:
        """One line: the table, its counts, and the Magento ids of each kind of difference."""
        entity = self.entity
        head = (
            f"{entity.service_table} ({entity.source_table}): {self.magento_rows:,} in Magento, "
            f"{self.counts.get('accounted', 0):,} quarantined/excluded"
        )
        parts = [
            f"{self.counts[kind]:,} {kind} [{', '.join(self.examples[kind])}"
            + (", ..." if self.counts[kind] > len(self.examples[kind]) else "")
            + "]"
            for kind in KINDS
            if self.counts.get(kind)
        ]
        return head + (": " + "; ".join(parts) if parts else ": consistent")


@dataclass
class VerifyReport:
    tables: list[TableResult]
    skipped: list[str]
    seconds: float

    @property
    def consistent(self) -> bool:
        return all(table.consistent for table in self.tables)

    def render(self) -> str:
        rows = sum(table.magento_rows for table in self.tables)
        differing = [table for table in self.tables if not table.consistent]
        lines = [table.summary() for table in differing]
        if self.skipped:
            lines.append(f"not in Magento (skipped): {', '.join(self.skipped)}")
        if differing:
            lines.append(
                f"{len(differing)} of {len(self.tables)} tables differ from Magento "
                f"({rows:,} Magento rows checked in {self.seconds:.1f}s)"
            )
        else:
            lines.append(
                f"all {len(self.tables)} tables consistent with Magento "
                f"({rows:,} Magento rows checked in {self.seconds:.1f}s)"
            )
        return "\n".join(lines)


def _source_tables(cursor: pymysql.cursors.Cursor, database: str) -> set[str]:
    cursor.execute(
        "select table_name from information_schema.tables where table_schema = %s", (database,)
    )
    return {row[0] for row in cursor.fetchall()}


def _versioned_tables(cursor: pymysql.cursors.Cursor, database: str) -> set[str]:
    """Tables with one row per version (Commerce content staging): row_id, created_in and
    updated_in."""
    cursor.execute(
        "select table_name from information_schema.columns where table_schema = %s "
        "and column_name in ('row_id', 'created_in', 'updated_in') "
        "group by table_name having count(*) = 3",
        (database,),
    )
    return {row[0] for row in cursor.fetchall()}


def _source(table: str, versioned: set[str], now: int) -> str:
    """What verify reads of a Magento table: the table, or on Commerce its current versions
    (a versioned table) or the rows of those (a row_id-keyed one, with the entity id)."""

    def current(name: str, alias: str) -> str:
        return (
            f"select {alias}.* from `{name}` {alias} "
            f"where {alias}.created_in <= {now} and {alias}.updated_in > {now}"
        )

    if table in versioned:
        return f"({current(table, 'v')}) as `{table}`"
    parent, entity_id = ROW_KEYED.get(table, ("", ""))
    if parent in versioned:
        return (
            f"(select r.*, e.`{entity_id}` from `{table}` r join ({current(parent, 'v')}) e "
            f"on e.row_id = r.row_id) as `{table}`"
        )
    return f"`{table}`"


def _service_types(connection: psycopg.Connection, table: str) -> dict[str, str]:
    if connection.execute("select to_regclass(%s)", (table,)).fetchone()[0] is None:
        raise MigrationError(
            f"service table {table} does not exist in the warehouse",
            "Run the migration first (`make migrate`).",
        )
    rows = connection.execute(
        "select attname, format_type(atttypid, atttypmod) from pg_attribute "
        "where attrelid = %s::regclass and attnum > 0 and not attisdropped",
        (table,),
    ).fetchall()
    return dict(rows)


def _typed(column: sql.Composable, data_type: str) -> sql.Composable:
    """A streamed text value as the service column's type (MySQL zero dates as NULL)."""
    if data_type.startswith("timestamp"):
        cast = sql.SQL("cast({} as timestamp)").format(column)
        if "with time zone" in data_type:
            cast = sql.SQL("({} at time zone 'UTC')").format(cast)
        return sql.SQL("case when {c} > '0001' then {cast} end").format(c=column, cast=cast)
    if data_type == "date":
        return sql.SQL("case when {c} > '0001' then cast(left({c}, 10) as date) end").format(
            c=column
        )
    if data_type == "boolean":
        return sql.SQL("(cast({} as numeric) <> 0)").format(column)
    return sql.SQL("cast({} as {})").format(column, sql.SQL(data_type))


def _stream(cursor: pymysql.cursors.SSCursor) -> Iterator[str]:
    while rows := cursor.fetchmany(FETCH_GROUPS):
        yield "".join(row[0] + "\n" for row in rows)


def _load(
    mysql: pymysql.connections.Connection,
    connection: psycopg.Connection,
    entity: Entity,
    source: str,
) -> None:
    """Magento's columns of `entity` into the temporary table `verify_rows` (all text)."""
    names = [f"c{i}" for i in range(len(entity.magento_columns))]
    connection.execute("drop table if exists pg_temp.verify_rows")
    connection.execute(
        sql.SQL("create temporary table verify_rows ({})").format(
            sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(n)) for n in names)
        )
    )
    line = ", '\\t', ".join(
        f"ifnull(cast(`{column}` as char), '{NULL}')" for column in entity.magento_columns
    )
    with mysql.cursor(pymysql.cursors.SSCursor) as cursor:
        cursor.execute(
            f"select group_concat(concat({line}) separator '\\n') from {source} "
            f"group by `{entity.key[0][0]}` div {GROUP_ROWS}"
        )
        with connection.cursor().copy(
            sql.SQL("copy verify_rows from stdin (format text, null {})").format(sql.Literal(NULL))
        ) as copy:
            for chunk in _stream(cursor):
                copy.write(chunk)
    connection.execute("analyze pg_temp.verify_rows")


def _load_accounted(connection: psycopg.Connection, tables: list[str]) -> None:
    """The ids of rows legitimately not migrated, of the compared tables, read once into an
    indexed temporary table that every table's comparison joins."""
    for relation in ("migration.quarantine", "migration.exclusions"):
        if connection.execute("select to_regclass(%s)", (relation,)).fetchone()[0] is None:
            raise MigrationError(
                f"{relation} does not exist in the warehouse",
                "Run the migration first (`make migrate`).",
            )
    connection.execute(
        "create temporary table verify_accounted as "
        "select source_table, magento_id from migration.quarantine "
        "where source_table = any(%(tables)s) "
        "union all select source_table, magento_id from migration.exclusions "
        "where source_table = any(%(tables)s) and coalesce(reason, '') <> all(%(versions)s)",
        {"tables": tables, "versions": list(VERSION_REASONS)},
    )
    connection.execute("create index on pg_temp.verify_accounted (source_table, magento_id)")
    connection.execute("analyze pg_temp.verify_accounted")


def _comparison(entity: Entity, types: dict[str, str]) -> sql.Composed:
    """The statement giving (verdict, rows, example ids) for the loaded `verify_rows`."""
    missing_columns = [s for s in _service_columns(entity) if s not in types]
    if missing_columns:
        raise MigrationError(
            f"{entity.service_table} has no column {', '.join(missing_columns)}",
            "The service table is not what this version of verify expects: rebuild it.",
        )
    position = iter(range(len(entity.magento_columns)))
    magento_key = [
        sql.SQL("cast({} as bigint) as {}").format(
            sql.Identifier(f"c{next(position)}"), sql.Identifier(m)
        )
        for m, _ in entity.key
    ]
    pairs = ([entity.updated_at] if entity.updated_at else []) + list(entity.compared)
    magento_values = [
        sql.SQL("{} as {}").format(
            _typed(sql.Identifier(f"c{next(position)}"), types[s]), sql.Identifier(f"v_{m}")
        )
        for m, s in pairs
    ]
    key_join = sql.SQL(" and ").join(
        sql.SQL("s.{} = m.{}").format(sql.Identifier(s), sql.Identifier(m)) for m, s in entity.key
    )
    first_m, first_s = entity.key[0]
    accounted_id: sql.Composable = (
        sql.SQL(entity.accounted_id) if entity.accounted_id else sql.Identifier(first_m)
    )
    display = sql.SQL(" || '/' || ").join(
        sql.SQL("coalesce(m.{}, s.{})::text").format(sql.Identifier(m), sql.Identifier(s))
        for m, s in entity.key
    )
    order = sql.SQL(", ").join(
        sql.SQL("coalesce(m.{}, s.{}) as {}").format(
            sql.Identifier(m), sql.Identifier(s), sql.Identifier(f"o{i}")
        )
        for i, (m, s) in enumerate(entity.key)
    )
    order_by = sql.SQL(", ").join(sql.Identifier(f"o{i}") for i in range(len(entity.key)))
    stale = sql.SQL("false")
    if entity.updated_at:
        m_col, s_col = entity.updated_at
        stale = sql.SQL("s.{} < m.{}").format(sql.Identifier(s_col), sql.Identifier(f"v_{m_col}"))
    different = sql.SQL(" or ").join(
        [
            sql.SQL("s.{} is distinct from m.{}").format(
                sql.Identifier(s), sql.Identifier(f"v_{m}")
            )
            for m, s in pairs
        ]
        or [sql.SQL("false")]
    )
    return sql.SQL(
        """
        with streamed as (select {magento_columns} from pg_temp.verify_rows),
        magento as (select *, {accounted_id} as accounted_id from streamed),
        accounted as (
            select distinct magento_id from pg_temp.verify_accounted where source_table = {source}
        ),
        verdicts as (
            select
                case
                    when s.{first_s} is null and a.magento_id is not null then 'accounted'
                    when s.{first_s} is null then 'missing'
                    when m.{first_m} is null then 'extra'
                    when {stale} then 'stale'
                    when {different} then 'different'
                    else 'ok'
                end as verdict,
                {display} as shown,
                {order}
            from magento as m
            full join {service} as s on {key_join}
            left join accounted as a on a.magento_id = m.accounted_id
        )
        select
            verdict,
            count(*),
            (array_agg(shown order by {order_by}) filter (where verdict <> 'ok'))[1:%s]
        from verdicts group by verdict
        """
    ).format(
        magento_columns=sql.SQL(", ").join(magento_key + magento_values),
        source=sql.Literal(entity.source_table),
        first_s=sql.Identifier(first_s),
        first_m=sql.Identifier(first_m),
        stale=stale,
        different=different,
        display=display,
        order=order,
        order_by=order_by,
        service=sql.Identifier(*entity.service_table.split(".")),
        key_join=key_join,
        accounted_id=accounted_id,
    )


def _service_columns(entity: Entity) -> list[str]:
    pairs = ([entity.updated_at] if entity.updated_at else []) + list(entity.compared)
    return [s for _, s in entity.key] + [s for _, s in pairs]


def verify(
    source: DbSettings,
    warehouse: DbSettings,
    *,
    entities: tuple[Entity, ...] = ENTITIES,
    examples: int = 10,
) -> VerifyReport:
    """Compare every entity's rows in Magento with its service table."""
    started = time.monotonic()
    results: list[TableResult] = []
    skipped: list[str] = []
    with (
        mysql_connection(source) as mysql,
        postgres_connection(warehouse) as connection,
    ):
        with mysql.cursor() as cursor:
            present = _source_tables(cursor, source.name)
            versioned = _versioned_tables(cursor, source.name)
            cursor.execute("set session time_zone = '+00:00'")
            cursor.execute("set session group_concat_max_len = 1073741824")
            cursor.execute("start transaction with consistent snapshot, read only")
            cursor.execute("select unix_timestamp()")
            now = int(cursor.fetchone()[0])
        _load_accounted(connection, [entity.source_table for entity in entities])
        for entity in entities:
            if entity.source_table not in present:
                skipped.append(entity.source_table)
                continue
            table_started = time.monotonic()
            types = _service_types(connection, entity.service_table)
            statement = _comparison(entity, types)
            _load(mysql, connection, entity, _source(entity.source_table, versioned, now))
            result = TableResult(entity)
            for verdict, count, shown in connection.execute(statement, (examples,)).fetchall():
                result.counts[verdict] = int(count)
                result.examples[verdict] = list(shown or [])
            result.seconds = time.monotonic() - table_started
            results.append(result)
        connection.execute("drop table if exists pg_temp.verify_rows, pg_temp.verify_accounted")
    return VerifyReport(results, skipped, time.monotonic() - started)
