"""A short report of a run: raw counts against Magento, rows per service table, quarantine."""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from magento_migration.connections import mysql_connection, postgres_connection
from magento_migration.project import SERVICE_SCHEMAS
from magento_migration.registry import replicated_tables
from magento_migration.settings import DbSettings, raw_schema

# the services and the migration bookkeeping (identity map, quarantine, repairs ...)
REPORTED_SCHEMAS = (*SERVICE_SCHEMAS, "migration")


@dataclass(frozen=True)
class RawCount:
    table: str
    source_rows: int | None
    raw_rows: int | None


def source_counts(source: DbSettings) -> dict[str, int]:
    """Exact row counts of the replicated tables present in the Magento database."""
    counts: dict[str, int] = {}
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute(
            "select table_name from information_schema.tables where table_schema = %s",
            (source.name,),
        )
        present = {row[0] for row in cursor.fetchall()}
        for table in replicated_tables():
            if table in present:
                cursor.execute(f"select count(*) from `{table}`")
                counts[table] = int(cursor.fetchone()[0])
    return counts


def raw_counts(warehouse: DbSettings, schema: str) -> dict[str, int]:
    """Live rows (not marked deleted by the loader) per table of the raw schema."""
    counts: dict[str, int] = {}
    with postgres_connection(warehouse) as connection:
        tables = connection.execute(
            "select table_name, bool_or(column_name = '_sdc_deleted_at') "
            "from information_schema.columns where table_schema = %s group by table_name",
            (schema,),
        ).fetchall()
        for table, has_deleted in tables:
            query = sql.SQL("select count(*) from {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
            if has_deleted:
                query += sql.SQL(" where _sdc_deleted_at is null")
            counts[table] = int(connection.execute(query).fetchone()[0])
    return counts


def compare_raw(source: DbSettings, warehouse: DbSettings) -> list[RawCount]:
    magento = source_counts(source)
    raw = raw_counts(warehouse, raw_schema())
    return [
        RawCount(table, magento.get(table), raw.get(table))
        for table in replicated_tables()
        if table in magento or table in raw
    ]


def service_counts(warehouse: DbSettings) -> list[tuple[str, str, int]]:
    rows = []
    with postgres_connection(warehouse) as connection:
        tables = connection.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema = any(%s) and table_type = 'BASE TABLE' order by 1, 2",
            (list(REPORTED_SCHEMAS),),
        ).fetchall()
        for schema, table in tables:
            count = connection.execute(
                sql.SQL("select count(*) from {}.{}").format(
                    sql.Identifier(schema), sql.Identifier(table)
                )
            ).fetchone()[0]
            rows.append((schema, table, int(count)))
    return rows


def quarantine_counts(warehouse: DbSettings) -> list[tuple[str, str, int]]:
    with postgres_connection(warehouse) as connection:
        exists = connection.execute("select to_regclass('migration.quarantine')").fetchone()[0]
        if exists is None:
            return []
        return [
            (table, reason, int(count))
            for table, reason, count in connection.execute(
                "select source_table, split_part(reason, ':', 1), count(*) "
                "from migration.quarantine group by 1, 2 order by 1, 2"
            ).fetchall()
        ]


def render(source: DbSettings, warehouse: DbSettings, *, quarantine: bool = True) -> str:
    """`magento-migrate summary`, and the first half of what `make demo` / `make migrate` print
    (`quarantine=False` there: the migration report's summary, printed after it, has it)."""
    lines: list[str] = []
    raw = compare_raw(source, warehouse)
    mismatches = [r for r in raw if r.source_rows != r.raw_rows]
    total_source = sum(r.source_rows or 0 for r in raw)
    lines.append(
        f"Raw layer ({warehouse.name}.{raw_schema()}): {len(raw)} tables, {total_source:,} rows "
        f"in Magento; "
        + ("all counts match." if not mismatches else f"{len(mismatches)} table(s) differ:")
    )
    for row in mismatches:
        lines.append(
            f"    {row.table:<55} magento {row.source_rows!s:>10}  raw {row.raw_rows!s:>10}"
        )
    lines.append("")
    lines.append(f"{'service table':<50} {'rows':>10}")
    for schema, table, count in service_counts(warehouse):
        lines.append(f"{schema + '.' + table:<50} {count:>10,}")
    if not quarantine:
        return "\n".join(lines)
    quarantined = quarantine_counts(warehouse)
    lines.append("")
    if quarantined:
        lines.append("Quarantined rows (migration.quarantine):")
        for table, reason, count in quarantined:
            lines.append(f"    {table:<35} {reason:<40} {count:>8,}")
    else:
        lines.append("Quarantined rows: none.")
    return "\n".join(lines)
