"""Magento's declared foreign keys, with their ON DELETE action.

InnoDB applies ON DELETE CASCADE / SET NULL inside the storage engine: the binlog carries only the
parent's DELETE, and a SET NULL does not move the child's `updated_at`. A sync that reads the
binlog (or polls updated_at) must therefore apply these actions to the raw layer itself. The list
comes from Magento 2.4's DDL as this project carries it (`magento_migration/magento_ddl/`), with
content staging's keys for an Adobe Commerce raw layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from magento_migration.magento_ddl import read_schema

_FOREIGN_KEY = re.compile(
    r"FOREIGN KEY \(`(?P<column>\w+)`\) REFERENCES `(?P<parent>\w+)` \(`(?P<parent_column>\w+)`\)"
    r" ON DELETE (?P<action>CASCADE|SET NULL)"
)
_CREATE_TABLE = re.compile(r"^CREATE TABLE `(\w+)` \((.*?)^\)", re.M | re.S)


@dataclass(frozen=True)
class ForeignKey:
    """child.column references parent.parent_column, and what a parent delete does to the child."""

    child: str
    column: str
    parent: str
    parent_column: str
    on_delete: str  # 'CASCADE' or 'SET NULL'


def _keys(name: str) -> dict[str, list[ForeignKey]]:
    """{table: its ON DELETE CASCADE / SET NULL foreign keys} of one schema file."""
    keys: dict[str, list[ForeignKey]] = {}
    for table, body in _CREATE_TABLE.findall(read_schema(name)):
        keys[table] = [
            ForeignKey(
                table, match["column"], match["parent"], match["parent_column"], match["action"]
            )
            for match in _FOREIGN_KEY.finditer(body)
        ]
    return keys


# Commerce: a foreign key to a staged entity's id refers to the entity's sequence table
_SEQUENCES = {
    ("catalog_product_entity", "entity_id"): "sequence_product",
    ("catalog_category_entity", "entity_id"): "sequence_catalog_category",
    ("salesrule", "rule_id"): "sequence_salesrule",
}


@cache
def magento_foreign_keys(staged: bool = False) -> tuple[ForeignKey, ...]:
    """Every ON DELETE CASCADE / SET NULL foreign key of the Magento tables we know.

    `staged` (Adobe Commerce content staging): the staged tables and their row_id-keyed tables
    have the keys of `schema_commerce_staging.sql` in place of their Open Source ones (a value's
    `row_id` refers to `catalog_product_entity.row_id`, a version's `entity_id` to
    `sequence_product`), and every other key to a staged entity's id refers to its sequence table
    as well as to the entity (deleting the sequence row deletes every version; a child whose
    entity has no version left is gone either way, whichever of the two the raw layer shows).
    """
    # schema_msi.sql: multi-source inventory (every 2.3+ edition), e.g. a deleted source takes
    # its source items and stock links with it, which no binlog event says
    tables = {**_keys("schema.sql"), **_keys("schema_commerce.sql"), **_keys("schema_msi.sql")}
    if staged:
        tables.update(_keys("schema_commerce_staging.sql"))
    keys: list[ForeignKey] = []
    for table_keys in tables.values():
        for key in table_keys:
            keys.append(key)
            sequence = _SEQUENCES.get((key.parent, key.parent_column)) if staged else None
            if sequence and key.child not in _STAGED_ENTITIES:
                keys.append(
                    ForeignKey(key.child, key.column, sequence, "sequence_value", key.on_delete)
                )
    return tuple(dict.fromkeys(keys))


_STAGED_ENTITIES = frozenset(parent for parent, _ in _SEQUENCES)
