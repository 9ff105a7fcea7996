"""The lineage docs describe every model and column and trace every service table to Magento."""

from __future__ import annotations

import json

import pytest

from magento_migration.project import SERVICE_SCHEMAS
from tests.conftest import Pipeline


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


def models(manifest: dict) -> dict[str, dict]:
    return {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["package_name"] == "magento_migration"
    }


def test_every_model_and_column_is_described(docs) -> None:
    manifest, catalog = docs
    undescribed = []
    for uid, node in models(manifest).items():
        if not node["description"].strip():
            undescribed.append(uid)
        built = catalog["nodes"].get(uid, {}).get("columns", {})
        assert built, f"{uid} is not in the catalog (not built?)"
        for column in built:
            documented = node["columns"].get(column) or node["columns"].get(column.lower())
            if not documented or not documented["description"].strip():
                undescribed.append(f"{uid}.{column}")
    assert undescribed == []


def test_every_service_table_traces_back_to_magento_raw(docs) -> None:
    manifest, _ = docs
    nodes = {**manifest["nodes"], **manifest["sources"]}

    def magento_sources(uid: str, seen: set[str]) -> set[str]:
        if uid in seen:
            return set()
        seen.add(uid)
        node = nodes[uid]
        if node["resource_type"] == "source":
            return {node["name"]} if node["schema"] == "magento_raw" else set()
        found: set[str] = set()
        for parent in node["depends_on"]["nodes"]:
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
