"""Magento's declared foreign keys, with their ON DELETE action.

InnoDB applies ON DELETE CASCADE / SET NULL inside the storage engine: the binlog carries only the
parent's DELETE, and a SET NULL does not move the child's `updated_at`. A sync that reads the
binlog (or polls updated_at) must therefore apply these actions to the raw layer itself. The list
comes from Magento 2.4's DDL as this project carries it (`magento_migration/magento_ddl/`).
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


@cache
def magento_foreign_keys() -> tuple[ForeignKey, ...]:
    """Every ON DELETE CASCADE / SET NULL foreign key of the Magento tables we know."""
    keys: list[ForeignKey] = []
    for name in ("schema.sql", "schema_commerce.sql"):
        ddl = read_schema(name)
        for table, body in _CREATE_TABLE.findall(ddl):
            for match in _FOREIGN_KEY.finditer(body):
                keys.append(
                    ForeignKey(
                        table,
                        match["column"],
                        match["parent"],
                        match["parent_column"],
                        match["action"],
                    )
                )
    return tuple(keys)
