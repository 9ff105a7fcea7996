"""The registry of Magento tables: `meta:` of each source in _magento__sources.yml, read once.

Each replicated table is described there once (its keys are documented at the top of that file).
This module derives the Python-side lists from it and writes the two generated blocks that other
tools need as literal text:

meltano.yml                    tap-mysql `select` (reused by tap-magento-snapshot) and the
                               INCREMENTAL entries of tap-mysql-incremental, between
                               `# registry:begin <name>` / `# registry:end <name>` marker lines
macros/registry_generated.sql  the registry as a dbt macro, readable while dbt parses (ref() is
                               resolved before sources are: graph.sources is empty then)

`magento-migrate registry --write` (`make registry`) rewrites both; `--check` (and
tests/unit/test_registry.py) fails when either is stale.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from magento_migration.project import MELTANO_YML, PROJECT_ROOT

SOURCES_YML = PROJECT_ROOT / "models" / "staging" / "magento" / "_magento__sources.yml"
DBT_REGISTRY = PROJECT_ROOT / "macros" / "registry_generated.sql"
EDITIONS = ("open_source", "commerce", "msi")
META_KEYS = frozenset(
    {
        "primary_key",
        "edition",
        "entity",
        "describes",
        "eav_metadata",
        "replication_key",
        "checked_model",
        "checked_id",
        "service_table",
        "service_table_filter",
        "staged",
        "staged_by",
        "verify",
    }
)
VERIFY_KEYS = frozenset({"key", "updated_at", "compared", "accounted_id"})


@dataclass(frozen=True)
class Table:
    """One replicated Magento table and its registry entry (`meta` as written)."""

    name: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def edition(self) -> str:
        return str(self.meta.get("edition", "open_source"))

    @property
    def replication_key(self) -> str | None:
        return self.meta.get("replication_key")


@cache
def tables() -> tuple[Table, ...]:
    """Every table of the `magento` source, in the order of _magento__sources.yml."""
    config = yaml.safe_load(SOURCES_YML.read_text())
    source = next(s for s in config["sources"] if s["name"] == "magento")
    found = tuple(Table(t["name"], dict(t.get("meta") or {})) for t in source["tables"])
    for table in found:
        unknown = set(table.meta) - META_KEYS
        if unknown:
            raise ValueError(f"{table.name}: unknown registry keys {sorted(unknown)}")
        if table.edition not in EDITIONS:
            raise ValueError(f"{table.name}: edition {table.edition!r} not one of {EDITIONS}")
        if "verify" in table.meta:
            _check_verify(table)
    return found


def _check_verify(table: Table) -> None:
    spec = table.meta["verify"] or {}
    unknown = set(spec) - VERIFY_KEYS
    if unknown:
        raise ValueError(f"{table.name}: unknown verify keys {sorted(unknown)}")
    if not table.meta.get("service_table"):
        raise ValueError(f"{table.name}: verify needs the table's service_table")
    if len(spec.get("key") or {}) > 1 and not spec.get("accounted_id"):
        raise ValueError(f"{table.name}: a composite verify key needs accounted_id")


def reconciled_tables(service: str) -> tuple[str, ...]:
    """The Magento tables whose rows the service's reconciliation counts (`service_table` in the
    service's schema), as dbt's magento_reconciliation_row_checks lists them."""
    return tuple(
        table.name
        for table in tables()
        if str(table.meta.get("service_table", "")).startswith(f"{service}.")
    )


def replicated_tables() -> tuple[str, ...]:
    """The Magento tables Meltano replicates, in registry order."""
    return tuple(t.name for t in tables())


def edition_tables(edition: str) -> frozenset[str]:
    """The tables of one edition: `commerce` (Adobe Commerce only), `msi` (2.3+)."""
    return frozenset(t.name for t in tables() if t.edition == edition)


def required_tables() -> tuple[str, ...]:
    """Replicated tables every Magento 2 database has."""
    return tuple(t.name for t in tables() if t.edition == "open_source")


def incremental_tables() -> dict[str, str]:
    """{table: replication key} of the tables tap-mysql-incremental reads INCREMENTAL."""
    return {t.name: t.replication_key for t in tables() if t.replication_key}


# -- generated text ---------------------------------------------------------------------------


def meltano_blocks() -> dict[str, list[str]]:
    """The generated lines of meltano.yml per block name (without the marker lines)."""
    select = ["      select: &magento_tables"]
    for table in tables():
        note = "" if table.edition == "open_source" else f"  # {table.edition}"
        select.append(f'        - "*-{table.name}.*"{note}')
    incremental = []
    for name, key in incremental_tables().items():
        incremental += [
            f'        "*-{name}":',
            "          replication-method: INCREMENTAL",
            f"          replication-key: {key}",
        ]
    return {"select": select, "incremental": incremental}


BLOCK = re.compile(
    r"^(?P<indent> *)# registry:begin (?P<name>\w+)[^\n]*\n"
    r".*?^(?P=indent)# registry:end (?P=name)\n",
    re.MULTILINE | re.DOTALL,
)


def render_meltano(text: str) -> str:
    """meltano.yml with every generated block rewritten from the registry."""
    blocks = meltano_blocks()
    seen: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name, indent = match["name"], match["indent"]
        if name not in blocks:
            raise ValueError(f"meltano.yml: unknown generated block {name!r}")
        seen.append(name)
        body = "".join(line + "\n" for line in blocks[name])
        return (
            f"{indent}# registry:begin {name} (generated by `make registry`; do not edit)\n"
            f"{body}{indent}# registry:end {name}\n"
        )

    rendered = BLOCK.sub(replace, text)
    missing = set(blocks) - set(seen)
    if missing:
        raise ValueError(f"meltano.yml: no `# registry:begin` block for {sorted(missing)}")
    return rendered


def render_dbt_registry() -> str:
    """macros/registry_generated.sql: the registry as a dict literal, one table a line."""
    lines = [
        "{#",
        "    GENERATED by `make registry` (magento-migrate registry --write) from the `meta:` of",
        "    models/staging/magento/_magento__sources.yml: do not edit. Read it through the macros",
        "    of macros/registry.sql.",
        "#}",
        "{% macro magento_registry() -%}",
        "    {{ return({",
    ]
    for table in tables():
        lines.append(f"        {json.dumps(table.name)}: {_jinja(table.meta)},")
    lines += ["    }) }}", "{%- endmacro %}", ""]
    return "\n".join(lines)


def _jinja(value: Any) -> str:
    # JSON is a Jinja literal as long as nothing is null (true/false are Jinja's too)
    if "null" in json.dumps(_leaves_as_zero(value)):
        raise ValueError(f"registry values may not be null: {value}")
    return json.dumps(value)


def _leaves_as_zero(value: Any) -> Any:
    """The value with every leaf but None replaced by 0: its JSON says null only for a None."""
    if isinstance(value, dict):
        return {key: _leaves_as_zero(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_leaves_as_zero(item) for item in value]
    return None if value is None else 0


def stale_files() -> list[Path]:
    """The generated files that disagree with the registry."""
    stale = []
    if render_meltano(MELTANO_YML.read_text()) != MELTANO_YML.read_text():
        stale.append(MELTANO_YML)
    if not DBT_REGISTRY.exists() or DBT_REGISTRY.read_text() != render_dbt_registry():
        stale.append(DBT_REGISTRY)
    return stale


def write() -> list[Path]:
    """Rewrite the generated files from the registry; returns those that changed."""
    changed = stale_files()
    if MELTANO_YML in changed:
        MELTANO_YML.write_text(render_meltano(MELTANO_YML.read_text()))
    if DBT_REGISTRY in changed:
        DBT_REGISTRY.write_text(render_dbt_registry())
    return changed


def relative(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT))
