"""Compare the raw layers of two warehouses, every column of every table, by an independent query
(each row as Postgres prints it), `_sdc_*` loader timestamps aside."""

from __future__ import annotations

from collections import Counter

from psycopg import sql

from magento_migration.connections import postgres_connection
from magento_migration.settings import DbSettings

# loader bookkeeping that differs between any two loads (times, versions)
IGNORED = frozenset(
    {
        "_sdc_extracted_at",
        "_sdc_received_at",
        "_sdc_batched_at",
        "_sdc_sequence",
        "_sdc_table_version",
        "_sdc_sync_started_at",
    }
)


def raw_columns(warehouse: DbSettings, schema: str = "magento_raw") -> dict[str, dict[str, str]]:
    """{table: {column: data type}} of the raw schema."""
    with postgres_connection(warehouse) as connection:
        rows = connection.execute(
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = %s",
            (schema,),
        ).fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, {})[column] = data_type
    return tables


def raw_rows(
    warehouse: DbSettings,
    table: str,
    columns: list[str],
    schema: str = "magento_raw",
    *,
    live_only: bool = False,
) -> Counter:
    """The table's rows (the given columns, as text), as a multiset; `live_only`: without the
    rows the loader marked deleted."""
    query = sql.SQL("select row({})::text from {}{}").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in columns),
        sql.Identifier(schema, table),
        sql.SQL(" where _sdc_deleted_at is null" if live_only else ""),
    )
    with postgres_connection(warehouse) as connection:
        return Counter(row[0] for row in connection.execute(query).fetchall())


def raw_differences(left: DbSettings, right: DbSettings, *, live_only: bool = False) -> list[str]:
    """What differs between the two raw layers (tables, column types, rows); empty when equal.
    `live_only`: compare the rows not marked deleted (a synced layer keeps deleted ones)."""
    left_tables, right_tables = raw_columns(left), raw_columns(right)
    problems = []
    if set(left_tables) != set(right_tables):
        problems.append(f"tables differ: {sorted(set(left_tables) ^ set(right_tables))}")
    for table in sorted(set(left_tables) & set(right_tables)):
        if left_tables[table] != right_tables[table]:
            problems.append(
                f"{table}: columns differ: "
                f"{sorted(set(left_tables[table].items()) ^ set(right_tables[table].items()))}"
            )
            continue
        ignored = IGNORED | ({"_sdc_deleted_at"} if live_only else set())
        columns = sorted(c for c in left_tables[table] if c not in ignored)
        left_rows = raw_rows(left, table, columns, live_only=live_only)
        right_rows = raw_rows(right, table, columns, live_only=live_only)
        if left_rows != right_rows:
            only_left = list((left_rows - right_rows).elements())[:2]
            only_right = list((right_rows - left_rows).elements())[:2]
            problems.append(
                f"{table} ({', '.join(columns)}): {sum(left_rows.values())} vs "
                f"{sum(right_rows.values())} rows; only left {only_left}; only right {only_right}"
            )
    return problems
