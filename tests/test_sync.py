"""Issue 4: after store activity and one sync cycle, the services equal a fresh migration.

Binlog mode runs against a throwaway MariaDB with a ROW binlog; the fallback (updated_at +
full-table + key sweep) against the shared server, whose binlog is off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from magento_migration.settings import source_settings, warehouse_settings
from tests.conftest import (
    Pipeline,
    create_postgres_database,
    drop_mysql_database,
    drop_postgres_database,
    store_cli,
    sync_cycle,
)
from tests.mariadb_server import binlog_mariadb
from tests.names import PREFIX
from tests.services import assert_equals_fresh_migration, identity_map


@pytest.fixture
def scenario(request, tmp_path_factory) -> Iterator[tuple[Pipeline, Pipeline]]:
    """(the synced pipeline, a fresh pipeline on the same source) for a mode."""
    mode = request.param
    workdir = tmp_path_factory.mktemp(f"sync_{mode}")
    names = {
        "source": f"{PREFIX}_sync_{mode}",
        "synced": f"{PREFIX}_sync_{mode}_wh",
        "fresh": f"{PREFIX}_sync_{mode}_fresh_wh",
    }
    for name in (names["synced"], names["fresh"]):
        create_postgres_database(name)

    def pipelines(source) -> tuple[Pipeline, Pipeline]:
        source = source.with_name(names["source"])
        (workdir / "synced").mkdir()
        (workdir / "fresh").mkdir()
        return (
            Pipeline(source, warehouse_settings().with_name(names["synced"]), workdir / "synced"),
            Pipeline(source, warehouse_settings().with_name(names["fresh"]), workdir / "fresh"),
        )

    try:
        if mode == "binlog":
            with binlog_mariadb(workdir) as server:
                yield pipelines(server)
        else:
            yield pipelines(source_settings())
            drop_mysql_database(names["source"])
    finally:
        for name in (names["synced"], names["fresh"]):
            drop_postgres_database(name)


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
