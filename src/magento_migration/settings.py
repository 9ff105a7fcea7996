"""Connection settings, read only from environment variables.

The Magento source is named by MAGENTO_DB_HOST/PORT/USER/PASS/NAME, the Postgres warehouse by
WAREHOUSE_DB_HOST/PORT/USER/PASS/NAME. The defaults are the local demo servers; no credential is
ever stored in a file of this project.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class DbSettings:
    """Where a database lives and how to log in."""

    host: str
    port: int
    user: str
    password: str = field(repr=False)
    name: str = ""

    def describe(self) -> str:
        """Human-readable location, never the password."""
        return f"{self.user}@{self.host}:{self.port}/{self.name}"

    def with_name(self, name: str) -> DbSettings:
        return replace(self, name=name)


def _read(env: Mapping[str, str], prefix: str, defaults: DbSettings) -> DbSettings:
    def get(key: str, default: str) -> str:
        value = env.get(f"{prefix}_{key}")
        return default if value is None or value == "" else value

    port = get("PORT", str(defaults.port))
    if not port.isdigit():
        raise ValueError(f"{prefix}_PORT must be a number, got {port!r}")
    return DbSettings(
        host=get("HOST", defaults.host),
        port=int(port),
        user=get("USER", defaults.user),
        password=env.get(f"{prefix}_PASS", defaults.password),
        name=get("NAME", defaults.name),
    )


DEFAULT_RAW_SCHEMA = "magento_raw"


def raw_schema(env: Mapping[str, str] | None = None) -> str:
    """Where Meltano lands Magento's tables in the warehouse (WAREHOUSE_RAW_SCHEMA): read by every
    Python path, by dbt's sources (env_var) and by the loaders (meltano.yml env_aliases)."""
    return (os.environ if env is None else env).get("WAREHOUSE_RAW_SCHEMA") or DEFAULT_RAW_SCHEMA


SOURCE_DEFAULTS = DbSettings("127.0.0.1", 3306, "root", "", "magento_demo")
WAREHOUSE_DEFAULTS = DbSettings("127.0.0.1", 5432, "postgres", "", "magento_warehouse")


def source_settings(env: Mapping[str, str] | None = None) -> DbSettings:
    """The Magento (MySQL/MariaDB) source, from MAGENTO_DB_*."""
    return _read(os.environ if env is None else env, "MAGENTO_DB", SOURCE_DEFAULTS)


def warehouse_settings(env: Mapping[str, str] | None = None) -> DbSettings:
    """The Postgres warehouse, from WAREHOUSE_DB_*."""
    return _read(os.environ if env is None else env, "WAREHOUSE_DB", WAREHOUSE_DEFAULTS)
