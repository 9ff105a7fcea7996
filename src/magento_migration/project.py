"""Where the project lives and which Magento tables it replicates (read from meltano.yml)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MELTANO_YML = PROJECT_ROOT / "meltano.yml"
BIN_DIR = PROJECT_ROOT / ".venv" / "bin"
LOG_DIR = PROJECT_ROOT / "logs"

# One Postgres schema per microservice (dbt_project.yml, models/marts/<service>/).
SERVICE_SCHEMAS = (
    "customer_service",
    "catalog_service",
    "order_service",
    "warehouse_service",
    "promotion_service",
    "payment_service",
    "loyalty_service",
    "review_service",
)

# Tables only Adobe Commerce has: absent on Magento Open Source, which is not an error.
COMMERCE_ONLY_TABLES = frozenset(
    {
        "magento_reward",
        "magento_reward_history",
        "sequence_product",
        "sequence_catalog_category",
        "sequence_salesrule",
        "staging_update",
    }
)
# Multi-source inventory (2.3+): absent on older stores, which is not an error either.
MSI_TABLES = frozenset(
    {
        "inventory_source",
        "inventory_source_item",
        "inventory_stock",
        "inventory_source_stock_link",
        "inventory_stock_sales_channel",
        "inventory_reservation",
    }
)


@cache
def replicated_tables() -> tuple[str, ...]:
    """The Magento tables tap-mysql selects, in meltano.yml order."""
    config = yaml.safe_load(MELTANO_YML.read_text())
    extractor = next(p for p in config["plugins"]["extractors"] if p["name"] == "tap-mysql")
    tables = []
    for pattern in extractor["select"]:
        match = re.fullmatch(r"\*-(\w+)\.\*", pattern)
        if not match:
            raise ValueError(f"unexpected select pattern in meltano.yml: {pattern!r}")
        tables.append(match.group(1))
    return tuple(tables)


def required_tables() -> tuple[str, ...]:
    """Replicated tables every Magento 2 database has."""
    optional = COMMERCE_ONLY_TABLES | MSI_TABLES
    return tuple(t for t in replicated_tables() if t not in optional)


def executable(name: str) -> str:
    """A console script of the project's virtualenv, falling back to PATH."""
    candidate = BIN_DIR / name
    return str(candidate) if candidate.exists() else name
