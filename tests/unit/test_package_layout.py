"""The two packages' layout rules: magento_store depends on magento_migration, never the other way;
no module imports another module's private names; no module of the store passes 600 lines; both
read Magento's DDL from one place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from magento_migration.magento_ddl import SCHEMA_FILES, read_schema
from magento_migration.sync.foreign_keys import magento_foreign_keys
from magento_store import ddl

SRC = Path(__file__).resolve().parents[2] / "src"
MAX_LINES = 600


def modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


def imported(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every import of a file; module is absolute, or dotted for relative."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found += [(module, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize(
    "path", modules("magento_migration"), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_the_migration_never_imports_the_store(path: Path) -> None:
    assert not [m for m, _ in imported(path) if m.split(".")[0] == "magento_store"]


@pytest.mark.parametrize(
    "path",
    modules("magento_migration") + modules("magento_store"),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_no_private_names_across_modules(path: Path) -> None:
    private = [
        f"{module}.{name}"
        for module, name in imported(path)
        if name.startswith("_") and not name.startswith("__") and module != "__future__"
    ]
    assert private == []


@pytest.mark.parametrize(
    "path", modules("magento_store"), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_store_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)}: {lines} lines"


def test_one_copy_of_the_ddl() -> None:
    assert sorted(p.name for p in SRC.rglob("*.sql")) == sorted(SCHEMA_FILES)
    assert all("CREATE TABLE" in read_schema(name) for name in SCHEMA_FILES)


def test_store_and_sync_read_the_same_ddl() -> None:
    created = set(ddl.table_names("commerce"))
    keys = magento_foreign_keys()
    assert keys, "the foreign keys of the DDL"
    assert {k.child for k in keys} <= created
    assert {k.parent for k in keys} <= created
