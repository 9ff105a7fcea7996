"""Pure logic of `magento-migrate verify`: its one declarative list agrees with the project's
models, and the report says per table what differs, by Magento id."""

from __future__ import annotations

from pathlib import Path

import yaml

from magento_migration.project import PROJECT_ROOT, SERVICE_SCHEMAS
from magento_migration.registry import replicated_tables
from magento_migration.verify import ENTITIES, TableResult, VerifyReport


def mart_models() -> dict[str, dict]:
    """schema.model -> the model's yml entry, for every service model."""
    models = {}
    for path in Path(PROJECT_ROOT, "models", "marts").glob("*/_*__models.yml"):
        for model in yaml.safe_load(path.read_text())["models"]:
            models[f"{path.parent.name}.{model['name']}"] = model
    return models


def test_every_entity_names_a_service_table_its_columns_and_its_source():
    models = mart_models()
    replicated = set(replicated_tables())
    for entity in ENTITIES:
        schema, _ = entity.service_table.split(".")
        assert schema in SERVICE_SCHEMAS
        model = models[entity.service_table]
        columns = {column["name"] for column in model["columns"]}
        pairs = list(entity.key) + list(entity.compared)
        pairs += [entity.updated_at] if entity.updated_at else []
        assert {service for _, service in pairs} <= columns, entity.service_table
        assert entity.source_table in replicated
        reconciled = [
            test["reconciles_with_source"]["arguments"]["source_table"]
            for test in model.get("data_tests", [])
            if isinstance(test, dict) and "reconciles_with_source" in test
        ]
        assert reconciled == [entity.source_table], entity.service_table
        assert (entity.accounted_id is not None) == (len(entity.key) > 1)


def test_every_service_table_with_a_magento_id_is_verified():
    verified = {entity.service_table for entity in ENTITIES}
    with_magento_id = {
        name
        for name, model in mart_models().items()
        if any(column["name"] == "magento_id" for column in model["columns"])
    }
    assert with_magento_id <= verified, with_magento_id - verified


def test_summary_lists_ids_of_each_kind():
    result = TableResult(
        ENTITIES[0],
        counts={"ok": 10, "accounted": 2, "missing": 3, "stale": 1, "extra": 1},
        examples={"missing": ["5", "6"], "stale": ["7"], "extra": ["99"], "accounted": []},
    )
    assert not result.consistent
    assert result.magento_rows == 16
    assert result.summary() == (
        "customer_service.customers (customer_entity): 16 in Magento, 2 quarantined/excluded: "
        "3 missing [5, 6, ...]; 1 stale [7]; 1 extra [99]"
    )


def test_report_one_line_per_differing_table_then_a_total():
    clean = TableResult(ENTITIES[1], counts={"ok": 4})
    differing = TableResult(
        ENTITIES[0], counts={"ok": 1, "different": 1}, examples={"different": ["3"]}
    )
    report = VerifyReport([clean, differing], ["magento_reward"], 1.25)
    lines = report.render().splitlines()
    assert not report.consistent
    assert lines[0].endswith("1 different [3]")
    assert lines[-1] == "1 of 2 tables differ from Magento (6 Magento rows checked in 1.2s)"
    assert VerifyReport([clean], [], 0.5).render() == (
        "all 1 tables consistent with Magento (4 Magento rows checked in 0.5s)"
    )
