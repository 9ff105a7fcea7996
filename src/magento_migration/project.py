"""Where the project lives and its service schemas (the Magento tables: registry.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MELTANO_YML = PROJECT_ROOT / "meltano.yml"
BIN_DIR = PROJECT_ROOT / ".venv" / "bin"
LOG_DIR = PROJECT_ROOT / "logs"
MELTANO_DIR = PROJECT_ROOT / ".meltano"
# what `meltano install` puts in .meltano/ and every run shares: the plugins' virtualenvs, one
# folder per plugin type
_PLUGIN_TYPE_DIRS = ("extractors", "loaders", "mappers", "utilities", "transformers", "files")


def log_dir(env: Mapping[str, str]) -> Path:
    """Where the pipeline's step logs go: MIGRATION_LOG_DIR, else logs/ of the project (one
    folder per concurrent run, e.g. each test pipeline its own)."""
    configured = env.get("MIGRATION_LOG_DIR")
    return Path(configured) if configured else LOG_DIR


def meltano_system_dir(migration: str) -> Path:
    """Meltano's system directory for one migration's runs (MELTANO_SYS_DIR_ROOT):
    `.meltano/migrations/<migration id>/`, its plugin folders linked to the installed ones.

    Meltano writes a run's catalog, state and config files to fixed paths under `run/<plugin>/`
    (`tap.properties.json`, `state.json`): two migrations syncing at once from one checkout would
    read each other's catalog and bookmarks. Each migration has its own run folder; runs of one
    migration are serialized by `pipeline.run_lock`."""
    root = MELTANO_DIR / "migrations" / migration
    root.mkdir(parents=True, exist_ok=True)
    for name in _PLUGIN_TYPE_DIRS:
        (MELTANO_DIR / name).mkdir(exist_ok=True)
        link = root / name
        if not link.is_symlink():
            # another run of this migration may make it first
            with contextlib.suppress(FileExistsError):
                link.symlink_to(Path("..", "..", name), target_is_directory=True)
    return root


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
