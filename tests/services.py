"""What tests compare between two warehouses: service tables row for row, the identity map."""

from __future__ import annotations

from typing import Protocol

from magento_migration.project import SERVICE_SCHEMAS

# The only run-dependent service column: when a dbt run last wrote the row.
RUN_DEPENDENT_COLUMNS = frozenset({"_synced_at"})


class Warehouse(Protocol):
    def query(self, statement: str, *params: object) -> list[tuple]: ...


def raw_tables(warehouse: Warehouse, schema: str = "magento_raw") -> list[str]:
    """The tables of the raw layer."""
    rows = warehouse.query(
        "select table_name from information_schema.tables where table_schema = %s", schema
    )
    return [row[0] for row in rows]


def service_tables(warehouse: Warehouse) -> dict[str, list[str]]:
    """Every service table with its columns (run-dependent ones left out)."""
    rows = warehouse.query(
        "select c.table_schema || '.' || c.table_name, "
        "array_agg(c.column_name::text order by c.ordinal_position) "
        "from information_schema.columns as c join information_schema.tables as t "
        "on t.table_schema = c.table_schema and t.table_name = c.table_name "
        "where c.table_schema = any(%s) and t.table_type = 'BASE TABLE' group by 1",
        list(SERVICE_SCHEMAS),
    )
    return {
        table: [column for column in columns if column not in RUN_DEPENDENT_COLUMNS]
        for table, columns in rows
    }


def content(warehouse: Warehouse, table: str, columns: list[str]) -> list[str]:
    """The table's rows as sorted reprs: equal lists mean equal contents."""
    listed = ", ".join(f'"{column}"' for column in columns)
    return sorted(repr(row) for row in warehouse.query(f"select {listed} from {table}"))


def different_tables(first: Warehouse, second: Warehouse) -> list[str]:
    """Service tables whose columns or rows differ between two warehouses."""
    first_tables, second_tables = service_tables(first), service_tables(second)
    differing = sorted(set(first_tables) ^ set(second_tables))
    for table, columns in first_tables.items():
        if table in second_tables and (
            columns != second_tables[table]
            or content(first, table, columns) != content(second, table, columns)
        ):
            differing.append(table)
    return differing


def identity_map(warehouse: Warehouse) -> set[tuple]:
    return set(
        warehouse.query(
            "select entity_type, magento_id, new_uuid, created_at from migration.magento_id_map"
        )
    )


class Migration(Warehouse, Protocol):
    def extract_load(self) -> None: ...
    def dbt_ok(self, *args: str) -> str: ...


def assert_equals_fresh_migration(synced: Warehouse, fresh: Migration) -> None:
    """Migrate `fresh` (same source) from scratch; every service table equals `synced`'s."""
    fresh.extract_load()
    fresh.dbt_ok("build")
    synced_tables, fresh_tables = service_tables(synced), service_tables(fresh)
    assert synced_tables == fresh_tables
    for table, columns in synced_tables.items():
        assert content(synced, table, columns) == content(fresh, table, columns), table


def state_ids(run: Warehouse) -> set[str]:
    """The Meltano state ids the warehouse holds."""
    return {row[0] for row in run.query("select state_id from meltano.state")}


def raw_fingerprint(run: Warehouse) -> dict[str, tuple]:
    """Per raw table: rows, live rows, and a hash of every row (metadata columns included)."""
    tables = raw_tables(run)
    return {
        table: run.query(
            f"select count(*), count(*) filter (where _sdc_deleted_at is null), "
            f"md5(string_agg(md5(t::text), '' order by md5(t::text))) from magento_raw.{table} t"
        )[0]
        for table in tables
    }


def services_snapshot(run: Warehouse) -> dict[str, list[str]]:
    """Every service table's rows."""
    return {table: content(run, table, columns) for table, columns in service_tables(run).items()}
