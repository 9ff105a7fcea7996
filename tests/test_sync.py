"""Issue 4: after store activity and one sync cycle, the services equal a fresh migration.

Binlog mode runs against a throwaway MariaDB with a ROW binlog; the fallback (updated_at +
full-table + key sweep) against the shared server, whose binlog is off.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from magento_migration.project import PROJECT_ROOT
from magento_migration.settings import source_settings
from tests.conftest import (
    Pipeline,
    store_cli,
    sync_cycle,
    sync_scenario,
)
from tests.services import (
    assert_equals_fresh_migration,
    content,
    identity_map,
    service_tables,
)


@pytest.fixture
def scenario(request, tmp_path_factory) -> Iterator[tuple[Pipeline, Pipeline]]:
    """(the synced pipeline, a fresh pipeline on the same source) for a mode."""
    with sync_scenario(request.param, "sync", tmp_path_factory) as pipelines:
        yield pipelines


@pytest.mark.parametrize("scenario", ["binlog", "incremental"], indirect=True)
def test_one_sync_cycle_after_activity_equals_a_fresh_migration(scenario) -> None:
    synced, fresh = scenario
    mode = "binlog" if synced.source.port != source_settings().port else "incremental"
    store_cli(synced, "generate", "--profile", "small", "--seed", "11", "--force")

    first = sync_cycle(synced, "--mode", mode)
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-2000:]
    assert f"Sync mode: {mode}" in first.stdout
    issued = identity_map(synced)
    prices_before = dict(synced.query("select magento_id, price from catalog_service.products"))
    customers_before = {
        row[0] for row in synced.query("select magento_id from customer_service.customers")
    }
    updated_at_before = dict(
        synced.source_query("select entity_id, updated_at from catalog_product_entity")
    )

    store_cli(
        synced, "simulate", "--orders", "25", "--updates", "40", "--deletes", "4", "--seed", "3"
    )
    second = sync_cycle(synced, "--mode", mode)
    assert second.returncode == 0, second.stdout[-4000:] + second.stderr[-2000:]
    assert "Changed rows this cycle" in second.stdout
    if mode == "binlog":  # its only reader of the raw change times is the change feed
        assert synced.query(
            "select sum(idx_scan) from pg_stat_user_indexes "
            "where schemaname = 'magento_raw' and indexrelname like '%changed_at'"
        )[0][0], "the change feed read no raw table through its change-time index"

    # no UUID issued before changed or vanished
    assert issued <= identity_map(synced)

    # an EAV-only price change reached the catalog service
    prices_after = dict(synced.query("select magento_id, price from catalog_service.products"))
    eav_only = [
        product
        for product, price in prices_after.items()
        if product in prices_before
        and price != prices_before[product]
        and synced.source_query(
            "select updated_at from catalog_product_entity where entity_id = %s", product
        )[0][0]
        == updated_at_before[product]
    ]
    assert eav_only, "no EAV-only price change reached the services"

    # deleted customers left the service and were logged with their UUID
    customers_after = {
        row[0] for row in synced.query("select magento_id from customer_service.customers")
    }
    deleted = customers_before - customers_after
    assert deleted, "the simulation deletes customers"
    logged = dict(
        synced.query(
            "select magento_id, new_uuid from migration.deletions where entity_type = 'customer'"
        )
    )
    mapped = dict(
        synced.query(
            "select magento_id, new_uuid from migration.magento_id_map "
            "where entity_type = 'customer'"
        )
    )
    for customer in deleted:
        assert logged.get(customer) == mapped[customer]

    assert_equals_fresh_migration(synced, fresh)

    idle_cycle_skips_its_build(synced, mode)
    if mode == "binlog":
        cycles_skip_only_an_unchanged_build(synced)


def idle_cycle_skips_its_build(synced: Pipeline, mode: str) -> None:
    """A cycle after which Magento changed nothing skips its dbt build and changes no service row.
    In incremental mode its EL re-reads every FULL_TABLE table whole: the raw layer keeps the
    re-read rows as they were (their `_sdc_extracted_at` too), so nothing counts as changed."""
    tables = service_tables(synced)
    services = {table: content(synced, table, columns) for table, columns in tables.items()}
    extracted = "select max(_sdc_extracted_at), count(*) from magento_raw.{}"
    full_tables = ("catalog_product_entity_varchar", "cataloginventory_stock_item")
    before = {table: synced.query(extracted.format(table)) for table in full_tables}
    idle = sync_cycle(synced, "--mode", mode)
    assert idle.returncode == 0, idle.stdout[-4000:] + idle.stderr[-2000:]
    assert "dbt build skipped" in idle.stdout
    assert "dbt-build" not in idle.stdout
    assert {table: content(synced, table, columns) for table, columns in tables.items()} == services
    assert {table: synced.query(extracted.format(table)) for table in full_tables} == before


def cycles_skip_only_an_unchanged_build(synced: Pipeline) -> None:
    """A cycle after one whose build failed (its EL had written a change) builds although its
    own binlog brings nothing, and the change reaches the services; a table past its
    error_after fails the cycle's health."""

    # an order table past its error_after (its last change logged 2 days ago, as when the sync
    # stopped for that long): the cycle says so and fails its health, from
    # migration.sync_status (as `dbt source freshness` would judge it)
    synced.execute(
        "update intermediate.int_source_changes "
        "set extracted_at = extracted_at - interval '2 days' where source_table = 'sales_order'"
    )
    stale = sync_cycle(synced, "--mode", "binlog")
    assert stale.returncode == 1, stale.stdout[-4000:] + stale.stderr[-2000:]
    assert "freshness: ERROR, past error_after: sales_order (migration.sync_status)" in stale.stdout
    assert "Status: THRESHOLD BREACHED" in stale.stdout

    store_cli(
        synced, "simulate", "--orders", "2", "--updates", "0", "--deletes", "0", "--seed", "5"
    )
    (newest_order,) = synced.source_query("select max(entity_id) from sales_order")[0]
    broken = subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "magento-migrate"), "sync", "--mode", "binlog"],
        capture_output=True,
        text=True,
        env={**synced.env, "DBT_THREADS": "none"},  # the EL runs, then dbt refuses to start
        check=False,
    )
    assert broken.returncode != 0, broken.stdout[-3000:]
    resumed = sync_cycle(synced, "--mode", "binlog")
    assert resumed.returncode == 0, resumed.stdout[-4000:] + resumed.stderr[-2000:]
    assert "dbt build skipped" not in resumed.stdout
    assert synced.query(
        "select count(*) from order_service.orders where magento_id = %s", newest_order
    ) == [(1,)]
