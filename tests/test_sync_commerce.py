"""Issue 12, sync on Adobe Commerce (content staging), in binlog and updated_at modes.

A Commerce store is migrated by a first sync cycle. Then: a simulate run (its staged update starts
during the run), a product and a cart rule deleted with every version, and a staged version
scheduled a little ahead. The next cycle removes the deleted entities (raw rows keyed by their
row_ids soft-deleted by the foreign-key emulation) and keeps the scheduled version out; once its
start has passed, one more cycle, with no source row changed, brings the version's values into
`catalog_service`, and the services equal a fresh migration of the same source.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from magento_migration.settings import source_settings
from tests.conftest import (
    Pipeline,
    store_cli,
    sync_cycle,
    sync_scenario,
)
from tests.services import assert_equals_fresh_migration, identity_map

NAME = (
    "SELECT v.value FROM catalog_product_entity_varchar v JOIN catalog_product_entity e "
    "ON e.row_id = v.row_id JOIN eav_attribute a ON a.attribute_id = v.attribute_id "
    "AND a.attribute_code = 'name' AND a.entity_type_id = 4 "
    "WHERE v.store_id = 0 AND e.entity_id = %s AND e.created_in <= UNIX_TIMESTAMP() "
    "AND e.updated_in > UNIX_TIMESTAMP()"
)
PRODUCT_NAMES = (
    "select m.magento_id, p.name from catalog_service.products as p join "
    "migration.magento_id_map as m on m.new_uuid = p.id and m.entity_type = 'product'"
)
_ROW_KEYED = tuple(
    f"catalog_product_entity_{t}" for t in ("varchar", "int", "decimal", "datetime", "text")
)


@pytest.fixture
def scenario(request, tmp_path_factory) -> Iterator[tuple[Pipeline, Pipeline]]:
    """(the synced pipeline, a fresh pipeline on the same source) for a mode."""
    with sync_scenario(request.param, "sync_ee", tmp_path_factory) as pipelines:
        yield pipelines


def cycle(run: Pipeline, mode: str) -> float:
    """One `magento-migrate sync` cycle; returns the seconds it took before its dbt build (the
    extract-load and the raw layer, from its "Steps:" line)."""
    result = sync_cycle(run, "--mode", mode)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"Sync mode: {mode}" in result.stdout
    steps = dict(re.findall(r"([a-z-]+) (\d+)s", result.stdout.split("Steps:")[1].splitlines()[0]))
    return float(steps["extract-load"]) + float(steps["raw-layer"])


def build_started(run: Pipeline) -> float:
    """When the last cycle's dbt build started (Unix time): the "now" its staging read."""
    results = Path(run.env["DBT_TARGET_PATH"]) / "migration_build_results.json"
    started = json.loads(results.read_text())["metadata"]["invocation_started_at"]
    return datetime.fromisoformat(started).timestamp()


def execute(run: Pipeline, *statements: tuple[str, tuple]) -> None:
    """Statements in one source transaction."""
    from magento_migration.connections import mysql_connection

    with mysql_connection(run.source) as connection, connection.cursor() as cursor:
        connection.begin()
        for statement, params in statements:
            cursor.execute(statement, params)
        connection.commit()


def delete_rule(run: Pipeline) -> tuple[int, list[int]]:
    """A cart rule with several versions, deleted as Magento does (every version, the sequence
    row; its coupons cascade). Returns (rule id, its row ids)."""
    ((rule_id,),) = run.source_query(
        "SELECT rule_id FROM salesrule GROUP BY rule_id HAVING COUNT(*) > 1 "
        "ORDER BY rule_id LIMIT 1"
    )
    rows = [
        r[0] for r in run.source_query("SELECT row_id FROM salesrule WHERE rule_id = %s", rule_id)
    ]
    execute(
        run,
        ("DELETE FROM salesrule WHERE rule_id = %s", (rule_id,)),
        ("DELETE FROM sequence_salesrule WHERE sequence_value = %s", (rule_id,)),
    )
    return int(rule_id), rows


def schedule_version(run: Pipeline, start: int) -> tuple[int, str]:
    """A new version of a product whose base version is its only one, starting at `start`, as
    Magento's "Schedule New Update" writes it. Returns (entity id, the new version's name)."""
    ((entity_id, row_id),) = run.source_query(
        "SELECT e.entity_id, MIN(e.row_id) FROM catalog_product_entity e "
        "WHERE e.type_id = 'simple' GROUP BY e.entity_id HAVING COUNT(*) = 1 "
        "ORDER BY e.entity_id DESC LIMIT 1"
    )
    ((new_row,),) = run.source_query("SELECT MAX(row_id) + 1 FROM catalog_product_entity")
    columns = [
        c
        for (c, *_) in run.source_query("SHOW COLUMNS FROM catalog_product_entity")
        if c not in ("row_id", "created_in", "updated_in", "updated_at")
    ]
    listed = ", ".join(f"`{c}`" for c in columns)
    copies = [
        (
            f"INSERT INTO `{table}` (attribute_id, store_id, row_id, value) "
            f"SELECT attribute_id, store_id, %s, value FROM `{table}` WHERE row_id = %s",
            (new_row, row_id),
        )
        for table in _ROW_KEYED
    ]
    execute(
        run,
        (
            "INSERT INTO staging_update (id, start_time, name, is_campaign) "
            "VALUES (%s, FROM_UNIXTIME(%s), 'Test flash sale', 1)",
            (start, start),
        ),
        (
            f"INSERT INTO catalog_product_entity (row_id, created_in, updated_in, {listed}) "
            f"SELECT %s, %s, 2147483647, {listed} FROM catalog_product_entity WHERE row_id = %s",
            (new_row, start, row_id),
        ),
        *copies,
        (
            "UPDATE catalog_product_entity_varchar v JOIN eav_attribute a "
            "ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' "
            "AND a.entity_type_id = 4 SET v.value = CONCAT(v.value, ' (flash sale)') "
            "WHERE v.row_id = %s AND v.store_id = 0",
            (new_row,),
        ),
        (
            "UPDATE catalog_product_entity SET updated_in = %s WHERE row_id = %s",
            (start, row_id),
        ),
    )
    names = run.source_query(
        "SELECT v.value FROM catalog_product_entity_varchar v JOIN eav_attribute a "
        "ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' "
        "AND a.entity_type_id = 4 WHERE v.row_id = %s AND v.store_id = 0",
        new_row,
    )
    return int(entity_id), names[0][0]


@pytest.mark.parametrize("scenario", ["binlog", "incremental"], indirect=True)
def test_a_staged_version_that_starts_between_cycles_reaches_the_services(scenario) -> None:
    synced, fresh = scenario
    mode = "binlog" if synced.source.port != source_settings().port else "incremental"
    store_cli(synced, "generate", "--profile", "small", "--seed", "11", "--edition", "commerce")
    before_build = cycle(synced, mode)  # a full load: longer than the next cycle's
    issued = identity_map(synced)
    products = {r[0] for r in synced.source_query("SELECT entity_id FROM catalog_product_entity")}

    # activity: simulate (its staged update starts during the run), deletes with every version
    output = store_cli(
        synced, "simulate", "--orders", "10", "--updates", "20", "--deletes", "3", "--seed", "4"
    )
    assert "staged_updates                  1" in output
    ((simulated, simulated_name),) = synced.source_query(
        "SELECT e.entity_id, v.value FROM catalog_product_entity e "
        "JOIN catalog_product_entity_varchar v ON v.row_id = e.row_id AND v.store_id = 0 "
        "JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' "
        "AND a.entity_type_id = 4 JOIN staging_update u ON u.id = e.created_in "
        "WHERE u.description LIKE '%%simulate run%%'"
    )
    (deleted,) = products - {
        r[0] for r in synced.source_query("SELECT entity_id FROM catalog_product_entity")
    }
    deleted_rows = [
        r[0]
        for r in synced.query(
            "select row_id from magento_raw.catalog_product_entity where entity_id = %s", deleted
        )
    ]
    rule_id, rule_rows = delete_rule(synced)
    # a version starting after the next cycle's dbt build has started (its extract-load and
    # raw layer take less than the first cycle's full load), so that its start passes while
    # that build runs, with no source row changed after it
    start = int(time.time() + max(45.0, 2 * before_build))
    scheduled, new_name = schedule_version(synced, start)
    ((old_name,),) = synced.source_query(NAME, scheduled)
    assert old_name != new_name

    cycle(synced, mode)
    names = dict(synced.query(PRODUCT_NAMES))
    assert names[simulated] == simulated_name  # started during the simulation
    if build_started(synced) < start - 1:
        assert names[scheduled] == old_name  # scheduled: not in the services yet
    assert deleted not in names
    for table in _ROW_KEYED:
        live = synced.query(
            f"select count(*) from magento_raw.{table} "
            "where row_id = any(%s) and _sdc_deleted_at is null",
            deleted_rows,
        )
        assert live == [(0,)], table
    for table in ("salesrule_website", "salesrule_customer_group"):
        live = synced.query(
            f"select count(*) from magento_raw.{table} "
            "where row_id = any(%s) and _sdc_deleted_at is null",
            rule_rows,
        )
        assert live == [(0,)], table
    assert synced.query(
        "select count(*) from promotion_service.promotion_rules where magento_id = %s", rule_id
    ) == [(0,)]

    # the clock passes the start; no source row changes before the next cycle
    time.sleep(max(0.0, start + 2 - time.time()))
    cycle(synced, mode)
    assert dict(synced.query(PRODUCT_NAMES))[scheduled] == new_name
    assert issued <= identity_map(synced)  # no UUID issued before changed or vanished
    assert_equals_fresh_migration(synced, fresh)
