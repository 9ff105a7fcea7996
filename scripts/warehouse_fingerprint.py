"""Dump what a migration produced, for a before/after comparison of a refactoring.

    python scripts/warehouse_fingerprint.py <warehouse database> <output folder>

Writes one sorted text file per table of the service schemas and the migration schema (identity
map, quarantine, exclusions, repairs, deletions), without the columns that only say when a run
wrote a row. Two folders from the same store, built before and after a change, are compared
with `diff -r`: no output means the change did not alter what the pipeline produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

from psycopg import sql

from magento_migration.connections import postgres_connection
from magento_migration.project import SERVICE_SCHEMAS
from magento_migration.settings import warehouse_settings

SCHEMAS = (*SERVICE_SCHEMAS, "migration")
# When a run wrote the row, not what it wrote.
RUN_TIME_COLUMNS = frozenset({"_synced_at"})
RUN_TIME_BY_TABLE = {
    "migration.magento_id_map": {"created_at"},
    "migration.quarantine": {"quarantined_at"},
    "migration.pii_masking": {"recorded_at"},
}
# jsonb columns that carry the load time of the row they copy
RUN_TIME_JSON_KEYS = {"raw_row": "_extracted_at"}
# The sync's lag and freshness: the run's clock, not the migration's content.
RUN_TIME_TABLES = frozenset({"migration.sync_status"})


def dump(database: str, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    with postgres_connection(warehouse_settings().with_name(database)) as connection:
        tables = connection.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema = any(%s) order by 1, 2",
            (list(SCHEMAS),),
        ).fetchall()
        for schema, table in tables:
            name = f"{schema}.{table}"
            if name in RUN_TIME_TABLES:
                continue
            skip = RUN_TIME_COLUMNS | RUN_TIME_BY_TABLE.get(name, set())
            columns = [
                row[0]
                for row in connection.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = %s and table_name = %s order by column_name",
                    (schema, table),
                )
                if row[0] not in skip
            ]
            listed = sql.SQL(", ").join(
                sql.SQL("{} - {}").format(sql.Identifier(column), RUN_TIME_JSON_KEYS[column])
                if column in RUN_TIME_JSON_KEYS
                else sql.Identifier(column)
                for column in columns
            )
            query = sql.SQL("select {} from {}.{} order by {}").format(
                listed, sql.Identifier(schema), sql.Identifier(table), listed
            )
            lines = ["\t".join(columns)]
            lines += ["\t".join(repr(value) for value in row) for row in connection.execute(query)]
            (folder / f"{name}.tsv").write_text("\n".join(lines) + "\n")
    return len(tables)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: warehouse_fingerprint.py <warehouse database> <output folder>")
    count = dump(sys.argv[1], Path(sys.argv[2]))
    print(f"{count} tables written to {sys.argv[2]}")


if __name__ == "__main__":
    main()
