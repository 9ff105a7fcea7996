"""Where the project lives and its service schemas (the Magento tables: registry.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MELTANO_YML = PROJECT_ROOT / "meltano.yml"
BIN_DIR = PROJECT_ROOT / ".venv" / "bin"
LOG_DIR = PROJECT_ROOT / "logs"


def log_dir(env: Mapping[str, str]) -> Path:
    """Where the pipeline's step logs go: MIGRATION_LOG_DIR, else logs/ of the project (one
    folder per concurrent run, e.g. each test pipeline its own)."""
    configured = env.get("MIGRATION_LOG_DIR")
    return Path(configured) if configured else LOG_DIR


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


def executable(name: str) -> str:
    """A console script of the project's virtualenv, falling back to PATH."""
    candidate = BIN_DIR / name
    return str(candidate) if candidate.exists() else name
