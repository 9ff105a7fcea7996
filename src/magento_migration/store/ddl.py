"""The generator's schema: Magento 2.4.8-p1 DDL shipped as package data, plus the marker table."""

from __future__ import annotations

import re
from importlib import resources

EDITIONS = ("open-source", "commerce")
MARKER_TABLE = "magento_store_generator_run"

_SCHEMA_FILES = {
    "open-source": ("schema.sql",),
    "commerce": ("schema.sql", "schema_commerce.sql"),
}
_CREATE = re.compile(r"^CREATE TABLE `(\w+)`", re.M)

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


def schema_sql(edition: str) -> str:
    """The concatenated DDL of an edition (open-source tables, plus reward tables on commerce)."""
    if edition not in _SCHEMA_FILES:
        raise ValueError(f"unknown edition {edition!r}; choose one of {', '.join(EDITIONS)}")
    data = resources.files("magento_migration.store") / "data"
    return "\n".join((data / name).read_text(encoding="utf-8") for name in _SCHEMA_FILES[edition])


def statements(edition: str) -> list[str]:
    """The CREATE TABLE statements of an edition, parents before children."""
    text = "\n".join(line for line in schema_sql(edition).splitlines() if not line.startswith("--"))
    return [s.strip() for s in text.split(";\n") if s.strip().rstrip(";")]


def table_names(edition: str) -> list[str]:
    """Names of the Magento tables an edition creates, in creation order."""
    return _CREATE.findall(schema_sql(edition))
