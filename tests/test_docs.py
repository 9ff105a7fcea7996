"""The docs site documents the contracts: sources, service tables and their columns, seeds, every
macro; shared columns read one doc block; every service table traces back to Magento."""

from __future__ import annotations

import ast
import json
import re

import pytest

from magento_migration.project import SERVICE_SCHEMAS
from tests.conftest import Pipeline

PACKAGE = "magento_migration"
MACROS_YML = "macros/_macros.yml"
# columns that mean the same wherever they are: their description is the doc block, word for word
SHARED_COLUMNS = {
    "_synced_at": "synced_at",
    "_repairs": "magento_repairs",
    "_extracted_at": "loader_extracted_at",
    "migration_status": "migration_status",
    "quarantine_reason": "quarantine_reason",
    "is_before_migration_start": "before_migration_start",
}
# ...and those of the service tables
SERVICE_COLUMNS = {"id": "service_id", "magento_id": "magento_id", "source": "source_system"}
# money columns say their currency through one of these doc blocks
MONEY_DOCS = ("money_order_currency", "money_base_currency")
MONEY_WORDING = re.compile(r"in the (order|base) (\(website\) )?currency\.$", re.IGNORECASE)


@pytest.fixture(scope="module")
def docs(small_store: Pipeline) -> tuple[dict, dict]:
    small_store.dbt_ok("docs", "generate")
    target = small_store.workdir / "target"
    for name in ("index.html", "manifest.json", "catalog.json"):
        assert (target / name).exists(), name
    return (
        json.loads((target / "manifest.json").read_text()),
        json.loads((target / "catalog.json").read_text()),
    )


def nodes(manifest: dict, resource_type: str) -> dict[str, dict]:
    return {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == resource_type and node["package_name"] == PACKAGE
    }


def models(manifest: dict) -> dict[str, dict]:
    return nodes(manifest, "model")


def doc_block(manifest: dict, name: str) -> str:
    return manifest["docs"][f"doc.{PACKAGE}.{name}"]["block_contents"].strip()


def undescribed_columns(uid: str, node: dict, catalog: dict) -> list[str]:
    """The built columns (from the catalog) of a node that have no description."""
    built = catalog["nodes"].get(uid, {}).get("columns", {})
    assert built, f"{uid} is not in the catalog (not built?)"
    missing = []
    for column in built:
        documented = node["columns"].get(column) or node["columns"].get(column.lower())
        if not documented or not documented["description"].strip():
            missing.append(f"{uid}.{column}")
    return missing


def test_every_source_table_is_described(docs) -> None:
    manifest, _ = docs
    sources = [s for s in manifest["sources"].values() if s["package_name"] == PACKAGE]
    assert len(sources) >= 70
    assert [s["unique_id"] for s in sources if not s["description"].strip()] == []


def test_every_service_table_and_column_is_described(docs) -> None:
    """The service tables are the contracts: each table and each built column is described."""
    manifest, catalog = docs
    undescribed = []
    services = {uid: n for uid, n in models(manifest).items() if n["schema"] in SERVICE_SCHEMAS}
    assert len(services) >= 25
    for uid, node in services.items():
        if not node["description"].strip():
            undescribed.append(uid)
        undescribed += undescribed_columns(uid, node, catalog)
    assert undescribed == []


def test_every_other_model_is_described(docs) -> None:
    """Staging, intermediate and migration models: at model level."""
    manifest, _ = docs
    others = {uid: n for uid, n in models(manifest).items() if n["schema"] not in SERVICE_SCHEMAS}
    layers = {node["fqn"][1] for node in others.values()}
    assert {"staging", "intermediate", "migration"} <= layers
    assert [uid for uid, node in others.items() if not node["description"].strip()] == []


def test_every_seed_and_column_is_described(docs) -> None:
    """The mappings a store owner edits: each seed and each of its columns."""
    manifest, catalog = docs
    seeds = nodes(manifest, "seed")
    assert len(seeds) >= 6
    undescribed = [uid for uid, node in seeds.items() if not node["description"].strip()]
    for uid, node in seeds.items():
        undescribed += undescribed_columns(uid, node, catalog)
    assert undescribed == []


def signature(macro: dict) -> list[str]:
    """The argument names of a macro or generic test, from its definition."""
    match = re.search(
        r"\{%-?\s*(?:macro|test)\s+\w+\s*\((.*?)\)\s*-?%\}", macro["macro_sql"], re.DOTALL
    )
    assert match, macro["unique_id"]
    parsed = ast.parse(f"def f({match.group(1)}): pass").body[0]
    assert isinstance(parsed, ast.FunctionDef)
    return [argument.arg for argument in parsed.args.args]


def test_every_macro_is_documented_in_the_macros_yml(docs) -> None:
    """Every macro of the project, generic tests included, is in macros/_macros.yml with a
    description and each of its arguments (described), so the docs site lists it."""
    manifest, _ = docs
    macros = {
        uid: macro for uid, macro in manifest["macros"].items() if macro["package_name"] == PACKAGE
    }
    assert len(macros) >= 60
    problems = []
    for uid, macro in sorted(macros.items()):
        if not (macro.get("patch_path") or "").endswith(MACROS_YML):
            problems.append(f"{uid}: not in {MACROS_YML}")
            continue
        if not macro["description"].strip():
            problems.append(f"{uid}: no description")
        documented = [argument["name"] for argument in macro["arguments"]]
        if documented != signature(macro):
            problems.append(f"{uid}: arguments {documented} != {signature(macro)}")
        problems += [
            f"{uid}: argument {argument['name']} undescribed"
            for argument in macro["arguments"]
            if not (argument.get("description") or "").strip()
        ]
    assert problems == []


def test_shared_columns_read_their_doc_block(docs) -> None:
    """A column that means the same in every model has the doc block's text, word for word
    (nobody re-words `_synced_at` in one model); money columns name their currency through the
    two money doc blocks."""
    manifest, _ = docs
    money = {doc_block(manifest, name) for name in MONEY_DOCS}
    differing = []
    for uid, node in {**models(manifest), **nodes(manifest, "seed")}.items():
        shared = SHARED_COLUMNS | (SERVICE_COLUMNS if node["schema"] in SERVICE_SCHEMAS else {})
        for name, column in node["columns"].items():
            description = column["description"].strip()
            if name in shared and description != doc_block(manifest, shared[name]):
                differing.append(f"{uid}.{name}")
            elif MONEY_WORDING.search(description) and description not in money:
                differing.append(f"{uid}.{name}: {description[:60]}")
    assert differing == []


def test_every_service_table_traces_back_to_magento_raw(docs) -> None:
    manifest, _ = docs
    all_nodes = {**manifest["nodes"], **manifest["sources"]}

    def magento_sources(uid: str, seen: set[str]) -> set[str]:
        if uid in seen:
            return set()
        seen.add(uid)
        node = all_nodes[uid]
        if node["resource_type"] == "source":
            return {node["name"]} if node["schema"] == "magento_raw" else set()
        found: set[str] = set()
        for parent in node["depends_on"].get("nodes", []):
            found |= magento_sources(parent, seen)
        return found

    services = {uid: n for uid, n in models(manifest).items() if n["schema"] in SERVICE_SCHEMAS}
    assert len(services) >= 25
    untraced = [uid for uid in services if not magento_sources(uid, set())]
    assert untraced == []


def test_every_service_has_an_exposure_and_a_colour(docs) -> None:
    manifest, _ = docs
    exposed = {
        manifest["nodes"][parent]["schema"]
        for exposure in manifest["exposures"].values()
        for parent in exposure["depends_on"]["nodes"]
    }
    assert exposed == set(SERVICE_SCHEMAS)
    colours = {
        node["schema"]: node["docs"]["node_color"]
        for node in models(manifest).values()
        if node["schema"] in SERVICE_SCHEMAS
    }
    assert set(colours) == set(SERVICE_SCHEMAS)
    assert len(set(colours.values())) == len(SERVICE_SCHEMAS)


def test_a_service_table_lineage_shows_only_what_it_is_built_from(docs) -> None:
    """Each mart reads its entity's identity model, not the union of all: `+products` reaches
    no sales, newsletter, review or reward table (issue 11, item 5)."""
    manifest, _ = docs
    nodes = {**manifest["nodes"], **manifest["sources"]}

    def ancestors(uid: str, seen: set[str]) -> set[str]:
        for parent in nodes[uid]["depends_on"]["nodes"] if uid in manifest["nodes"] else []:
            if parent not in seen:
                seen.add(parent)
                ancestors(parent, seen)
        return seen

    names = {nodes[uid]["name"] for uid in ancestors("model.magento_migration.products", set())}
    assert "magento_ids__product" in names
    assert "catalog_product_entity" in names
    unrelated = ("sales", "order", "newsletter", "review", "reward", "wishlist", "customer")
    assert sorted(n for n in names if any(word in n for word in unrelated)) == []
    assert "magento_id_map" not in names


def test_commerce_exclusions_trace_back_to_the_staged_tables(docs) -> None:
    """The staged versions a Commerce migration excludes are read from the staged raw tables, and
    the lineage says so, although an Open Source build reads none of them (no row_id)."""
    manifest, _ = docs
    parents = manifest["nodes"]["model.magento_migration.int_staged_versions_excluded"]
    names = {uid.split(".")[-1] for uid in parents["depends_on"]["nodes"]}
    assert {"catalog_product_entity", "catalog_product_entity_int", "salesrule"} <= names
    assert {"catalog_category_entity", "catalog_product_super_link"} <= names
