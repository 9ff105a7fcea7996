"""Magento 2.4.8-p1's DDL as this project carries it: one `CREATE TABLE` per table, with Magento's
columns, keys and foreign keys (ON DELETE actions included).

- `schema.sql`: the Open Source tables; `schema_msi.sql`: multi-source inventory;
- `schema_commerce.sql`: the tables Commerce adds (reward points);
- `schema_commerce_staging.sql`: content staging's row_id-keyed shape of the staged tables.

The sync reads the foreign keys from here (`sync/foreign_keys.py`); the demo store
(`magento_store`) creates its tables from the same files.
"""

from __future__ import annotations

from importlib import resources

SCHEMA_FILES = (
    "schema.sql",
    "schema_msi.sql",
    "schema_commerce.sql",
    "schema_commerce_staging.sql",
)


def read_schema(name: str) -> str:
    """The text of one of SCHEMA_FILES."""
    if name not in SCHEMA_FILES:
        raise ValueError(f"unknown schema file {name!r}; choose one of {', '.join(SCHEMA_FILES)}")
    return (resources.files(__name__) / name).read_text(encoding="utf-8")
