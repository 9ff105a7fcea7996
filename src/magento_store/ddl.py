"""The generator's schema: Magento 2.4.8-p1 DDL (`magento_migration.magento_ddl`), plus the marker
table.

Open Source: `schema.sql` and the multi-source inventory tables (`schema_msi.sql`). Commerce: the
same, with content staging (`schema_commerce_staging.sql`: the sequence tables and
`staging_update` first, then its row_id-keyed tables in place of their Open Source namesakes, and
every other foreign key to a staged entity pointed at its sequence table) and the reward tables.
"""

from __future__ import annotations

import re
from functools import cache

from magento_migration.magento_ddl import read_schema

EDITIONS = ("open-source", "commerce")
MARKER_TABLE = "magento_store_generator_run"

_CREATE = re.compile(r"^CREATE TABLE `(\w+)`", re.M)
_STATEMENT = re.compile(r"^CREATE TABLE `(\w+)` \(.*?^\)[^;]*;", re.M | re.S)
# a foreign key to a staged entity's id (not its row_id) refers to the entity's sequence table
_SEQUENCE_REFERENCES = (
    (re.compile(r"REFERENCES `catalog_product_entity` \(`entity_id`\)"), "sequence_product"),
    (
        re.compile(r"REFERENCES `catalog_category_entity` \(`entity_id`\)"),
        "sequence_catalog_category",
    ),
    (re.compile(r"REFERENCES `salesrule` \(`rule_id`\)"), "sequence_salesrule"),
)
# tables Commerce adds in front of the Open Source ones (created first: the others refer to them)
STAGING_TABLES = (
    "sequence_product",
    "sequence_catalog_category",
    "sequence_salesrule",
    "staging_update",
)

MARKER_DDL = f"""
CREATE TABLE `{MARKER_TABLE}` (
  `run_id` smallint unsigned NOT NULL,
  `profile` varchar(32) NOT NULL,
  `seed` bigint NOT NULL,
  `attribute_id_offset` int unsigned NOT NULL,
  `edition` varchar(16) NOT NULL,
  `generator_version` varchar(32) NOT NULL,
  `row_counts` longtext NOT NULL COMMENT 'JSON object: table name -> rows written',
  PRIMARY KEY (`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
  COMMENT='Written by magento-store: this database may be dropped and regenerated'
"""


def _read(name: str) -> str:
    text = read_schema(name)
    return "\n".join(line for line in text.splitlines() if not line.startswith("--"))


def _tables(name: str) -> dict[str, str]:
    """{table: its CREATE TABLE statement} of a schema file, in file order."""
    return {m.group(1): m.group(0) for m in _STATEMENT.finditer(_read(name))}


@cache
def commerce_replaced_tables() -> frozenset[str]:
    """Open Source tables whose Commerce shape differs (row_id-keyed or row_id parents)."""
    return frozenset(_tables("schema_commerce_staging.sql")) - frozenset(STAGING_TABLES)


@cache
def _statements(edition: str) -> tuple[str, ...]:
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; choose one of {', '.join(EDITIONS)}")
    base = {**_tables("schema.sql"), **_tables("schema_msi.sql")}
    if edition == "open-source":
        return tuple(base.values())
    staging = _tables("schema_commerce_staging.sql")
    ordered = [staging[t] for t in STAGING_TABLES]
    ordered += [staging.get(t, statement) for t, statement in base.items()]
    ordered += _tables("schema_commerce.sql").values()
    result = []
    for statement in ordered:
        for pattern, sequence in _SEQUENCE_REFERENCES:
            statement = pattern.sub(f"REFERENCES `{sequence}` (`sequence_value`)", statement)
        result.append(statement)
    return tuple(result)


def statements(edition: str) -> list[str]:
    """The CREATE TABLE statements of an edition, parents before children."""
    return [s.rstrip(";") for s in _statements(edition)]


def table_names(edition: str) -> list[str]:
    """Names of the Magento tables an edition creates, in creation order."""
    return [_CREATE.match(s).group(1) for s in _statements(edition)]  # type: ignore[union-attr]


def open_source_statement(table: str) -> str:
    """A table's Open Source CREATE TABLE statement, without its foreign keys (a scratch table
    the catalog is written into before it takes the Commerce shape)."""
    statement = _tables("schema.sql")[table]
    lines = [line for line in statement.splitlines() if "FOREIGN KEY" not in line]
    text = "\n".join(lines).rstrip(";")
    return re.sub(r",\n\)", "\n)", text)
