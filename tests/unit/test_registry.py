"""The registry of Magento tables (`meta:` in _magento__sources.yml): the files generated from it
are current, its entries name models that exist, and the lists derived from it are right."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from magento_migration import registry
from magento_migration.project import MELTANO_YML, PROJECT_ROOT, SERVICE_SCHEMAS
from magento_migration.verify import ENTITIES

MODELS = PROJECT_ROOT / "models"


def model_names() -> set[str]:
    return {path.stem for path in MODELS.rglob("*.sql")}


def extractor(name: str) -> dict:
    config = yaml.safe_load(MELTANO_YML.read_text())
    return next(p for p in config["plugins"]["extractors"] if p["name"] == name)


def test_generated_files_agree_with_the_registry() -> None:
    stale = [registry.relative(path) for path in registry.stale_files()]
    assert stale == [], f"run `make registry`: {stale} disagree with the registry"


def test_meltano_selects_every_registry_table_for_both_initial_loads() -> None:
    expected = [f"*-{name}.*" for name in registry.replicated_tables()]
    assert extractor("tap-mysql")["select"] == expected
    assert extractor("tap-magento-snapshot")["select"] == expected  # the &magento_tables anchor


def test_meltano_reads_the_replication_key_tables_incrementally() -> None:
    metadata = extractor("tap-mysql-incremental")["metadata"]
    incremental = {
        pattern[2:]: entry["replication-key"]
        for pattern, entry in metadata.items()
        if entry.get("replication-method") == "INCREMENTAL"
    }
    assert incremental == registry.incremental_tables()
    assert incremental["sales_order"] == "updated_at"
    assert metadata["*"] == {"replication-method": "FULL_TABLE"}


def test_a_new_registry_table_makes_meltano_yml_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    text = MELTANO_YML.read_text()
    tables = (
        *registry.tables(),
        registry.Table("sales_invoice", {"replication_key": "updated_at"}),
    )
    monkeypatch.setattr(registry, "tables", lambda: tables)
    rendered = registry.render_meltano(text)
    assert rendered != text
    assert '        - "*-sales_invoice.*"\n      # registry:end select\n' in rendered
    assert '"*-sales_invoice":\n          replication-method: INCREMENTAL\n' in rendered
    # the rest of meltano.yml (comments, anchors, other plugins) is kept as it is
    assert (
        rendered.replace('        - "*-sales_invoice.*"\n', "").replace(
            '        "*-sales_invoice":\n          replication-method: INCREMENTAL\n'
            "          replication-key: updated_at\n",
            "",
        )
        == text
    )


def test_meltano_yml_without_a_generated_block_is_an_error() -> None:
    text = MELTANO_YML.read_text()
    start, end = (
        text.index("# registry:begin incremental"),
        text.index("# registry:end incremental"),
    )
    with pytest.raises(ValueError, match="incremental"):
        registry.render_meltano(text[:start] + text[end + len("# registry:end incremental") :])


def test_editions_split_required_from_optional_tables() -> None:
    commerce, msi = registry.edition_tables("commerce"), registry.edition_tables("msi")
    assert {
        "magento_reward",
        "magento_reward_history",
        "sequence_product",
        "staging_update",
    } <= commerce
    assert {"inventory_source", "inventory_source_item", "inventory_reservation"} <= msi
    required = set(registry.required_tables())
    assert not required & (commerce | msi)
    assert required | commerce | msi == set(registry.replicated_tables())
    assert {"customer_entity", "sales_order", "store"} <= required


def test_every_entry_names_a_staging_model_and_known_models() -> None:
    models = model_names()
    entities = {t.meta["entity"] for t in registry.tables() if "entity" in t.meta}
    for table in registry.tables():
        meta = table.meta
        assert f"stg_magento__{table.name}" in models, table.name
        if "checked_model" in meta:
            assert meta["checked_model"] in models, table.name
            assert "checked_id" in meta or len(meta["primary_key"]) == 1, table.name
        if "service_table" in meta:
            schema, model = meta["service_table"].split(".")
            assert schema in SERVICE_SCHEMAS, table.name
            assert (MODELS / "marts" / schema / f"{model}.sql").exists(), table.name
        if "entity" in meta:
            assert len(meta["primary_key"]) == 1, f"{table.name}: an entity needs a one-column key"
            identity = MODELS / "migration" / "identity" / f"magento_ids__{meta['entity']}.sql"
            assert identity.read_text() == f"{{{{ magento_identity_model('{meta['entity']}') }}}}\n"
        if "describes" in meta:
            assert meta["describes"]["entity"] in entities, table.name
        if "service_table_filter" in meta:
            assert "service_table" in meta, table.name
    assert len(entities) == len([t for t in registry.tables() if "entity" in t.meta])


def test_every_identity_model_belongs_to_a_registry_entity() -> None:
    entities = {t.meta["entity"] for t in registry.tables() if "entity" in t.meta}
    files = {
        p.stem.removeprefix("magento_ids__")
        for p in (MODELS / "migration" / "identity").glob("*.sql")
    }
    assert files == entities


def test_only_eav_value_tables_go_without_a_primary_key() -> None:
    names = set(registry.replicated_tables())
    entity_tables = {t.name for t in registry.tables() if "entity" in t.meta}
    without = {t.name for t in registry.tables() if "primary_key" not in t.meta}
    no_meta = {t.name for t in registry.tables() if not t.meta}
    backend_types = ("varchar", "int", "decimal", "datetime", "text")
    eav = {t for t in entity_tables if all(f"{t}_{b}" in names for b in backend_types)}
    assert eav == {
        "customer_entity",
        "customer_address_entity",
        "catalog_product_entity",
        "catalog_category_entity",
    }
    assert without == {f"{t}_{b}" for t in eav for b in backend_types}
    assert no_meta == without  # value tables: everything about them is derived


def test_verify_checks_the_registry_entries_with_verify() -> None:
    verified = {t.name: t.meta for t in registry.tables() if "verify" in t.meta}
    assert [e.source_table for e in ENTITIES] == list(verified)
    for entity in ENTITIES:
        meta = verified[entity.source_table]
        assert entity.service_table == meta["service_table"]
        assert dict(entity.key) == (
            meta["verify"].get("key") or {meta["primary_key"][0]: "magento_id"}
        )


@pytest.mark.parametrize(
    ("verify", "message"),
    [
        ({"updated": True}, "unknown verify keys"),
        ({"key": {"a": "a", "b": "b"}}, "needs accounted_id"),
    ],
)
def test_bad_verify_entries_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verify: dict, message: str
) -> None:
    meta = {"primary_key": ["id"], "service_table": "s.t", "verify": verify}
    sources = {"sources": [{"name": "magento", "tables": [{"name": "x", "meta": meta}]}]}
    path = tmp_path / "sources.yml"
    path.write_text(yaml.safe_dump(sources))
    monkeypatch.setattr(registry, "SOURCES_YML", path)
    registry.tables.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            registry.tables()
    finally:
        registry.tables.cache_clear()


def test_unknown_registry_keys_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = {
        "sources": [{"name": "magento", "tables": [{"name": "x", "meta": {"primry_key": ["id"]}}]}]
    }
    path = tmp_path / "sources.yml"
    path.write_text(yaml.safe_dump(sources))
    monkeypatch.setattr(registry, "SOURCES_YML", path)
    registry.tables.cache_clear()
    try:
        with pytest.raises(ValueError, match="primry_key"):
            registry.tables()
    finally:
        registry.tables.cache_clear()


def test_registry_check_command_exits_zero_when_current(capsys: pytest.CaptureFixture) -> None:
    from magento_migration.cli import main

    assert main(["registry", "--check"]) == 0
    assert capsys.readouterr().out == ""


def test_the_dbt_copy_is_one_literal_per_table_and_refuses_nulls() -> None:
    text = registry.render_dbt_registry()
    assert '"sales_order": {"primary_key": ["entity_id"], "entity": "order"' in text
    assert '"customer_entity_int": {},' in text  # EAV value tables: all derived
    with pytest.raises(ValueError, match="null"):
        registry._jinja({"primary_key": [None]})
