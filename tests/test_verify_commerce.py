"""`magento-migrate verify` on an Adobe Commerce store (content staging), on real servers.

Magento has one row per version of each product, category and cart rule: verify compares the
versions current when it runs, so a clean migration verifies (scheduled and superseded versions
are neither extra nor different), a change of a current version after the migration is reported
stale, a change of a scheduled version is not, and one sync cycle removes the difference.
"""

from __future__ import annotations

import pytest

from magento_migration.verify import ENTITIES, ROW_KEYED
from tests.conftest import Pipeline, generate_store, sync_cycle
from tests.names import db_name
from tests.test_verify import source_execute, verify

CURRENT = "created_in <= unix_timestamp() and unix_timestamp() < updated_in"
E_CURRENT = "e.created_in <= unix_timestamp() and unix_timestamp() < e.updated_in"
VERSIONED = ("catalog_product_entity", "catalog_category_entity", "salesrule")


@pytest.fixture(scope="module")
def store(make_pipeline) -> Pipeline:
    """A small Commerce store, migrated."""
    run = make_pipeline(db_name("verify_ee"), db_name("verify_ee_wh"))
    generate_store(run.source.name, "--profile", "small", "--seed", "7", "--edition", "commerce")
    run.extract_load()
    run.dbt_ok("build")
    return run


def magento_rows(run: Pipeline) -> int:
    """The rows verify must read: current versions only."""
    tables = {row[0] for row in run.source_query("show tables")}
    total = 0
    for entity in ENTITIES:
        table = entity.source_table
        if table not in tables:
            continue
        if table in VERSIONED:
            where = f" where {CURRENT}"
        elif table in ROW_KEYED:
            parent = ROW_KEYED[table][0]
            where = f" t join {parent} e on e.row_id = t.row_id where {E_CURRENT}"
        else:
            where = ""
        total += int(run.source_query(f"select count(*) from `{table}`{where}")[0][0])
    return total


def test_a_clean_commerce_migration_verifies(store: Pipeline) -> None:
    for table in VERSIONED:
        versions, current = store.source_query(f"select count(*), sum({CURRENT}) from {table}")[0]
        assert versions > current, table  # several versions: the others must not count
    code, differences, output = verify(store)
    assert code == 0, output
    assert differences == {}
    assert f"({magento_rows(store):,} Magento rows checked" in output.splitlines()[-1]


def test_a_change_of_the_current_version_is_stale_until_the_next_sync(store: Pipeline) -> None:
    (later,) = store.source_query(
        "select max(updated_at) + interval 1 hour from catalog_product_entity"
    )[0]
    ((current, entity_id),) = store.source_query(
        "select row_id, entity_id from catalog_product_entity "
        f"where created_in > 1 and {CURRENT} order by entity_id limit 1"
    )
    ((scheduled,),) = store.source_query(
        "select row_id from catalog_product_entity where created_in > unix_timestamp() "
        "order by entity_id limit 1"
    )
    for row_id in (current, scheduled):
        source_execute(
            store,
            "update catalog_product_entity set updated_at = %s where row_id = %s",
            later,
            row_id,
        )
    code, differences, output = verify(store)
    assert code == 1, output
    assert differences == {"catalog_service.products": {"stale": [str(entity_id)]}}, output
    cycle = sync_cycle(store, "--mode", "incremental")
    assert cycle.returncode == 0, cycle.stdout[-4000:] + cycle.stderr[-2000:]
    code, differences, output = verify(store)
    assert code == 0, output
    assert differences == {}
