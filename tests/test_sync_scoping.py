"""Issue 10: every migration syncs from its own state, and a cycle never mass-deletes silently.

A rehearsal and a production warehouse fed from one checkout: each, after its own syncs, equals
a fresh migration of its source, with every UUID it issued unchanged. The mass-delete guard
stops a cycle on an emptied source table before anything is written, and lets it through when
asked to. Two servers whose databases share a name: tests/test_sync_servers.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from magento_migration.connections import mysql_connection
from magento_migration.settings import source_settings, warehouse_settings
from magento_migration.state import migration_id
from tests.conftest import (
    Pipeline,
    create_postgres_database,
    drop_mysql_database,
    drop_postgres_database,
    generate_store,
    migrate,
    simulate,
    sync_cycle,
    synced_ok,
)
from tests.names import db_name
from tests.services import (
    assert_equals_fresh_migration,
    content,
    identity_map,
    raw_fingerprint,
    service_tables,
    services_snapshot,
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scoping")


@pytest.fixture(scope="module")
def two_warehouses(workdir: Path) -> Iterator[tuple[Pipeline, Pipeline, Pipeline]]:
    """(rehearsal, production, fresh) warehouses of one store, fed from one checkout: the two
    first share one Meltano system database, as every warehouse of a checkout did before."""
    source = source_settings().with_name(db_name("scope_store"))
    names = [db_name(f"scope_{kind}_wh") for kind in ("rehearsal", "production", "fresh")]
    shared = {"MELTANO_DATABASE_URI": f"sqlite:///{workdir / 'checkout-meltano.db'}"}
    runs = []
    for name in names:
        create_postgres_database(name)
        (workdir / name).mkdir()
        extra = shared if "fresh" not in name else {}
        runs.append(Pipeline(source, warehouse_settings().with_name(name), workdir / name, extra))
    generate_store(source.name, "--profile", "small", "--seed", "11")
    try:
        yield runs[0], runs[1], runs[2]
    finally:
        for name in names:
            drop_postgres_database(name)
        drop_mysql_database(source.name)


def test_two_warehouses_from_one_checkout_each_sync_from_their_own_state(
    two_warehouses, workdir
) -> None:
    rehearsal, production, fresh = two_warehouses
    migrate(rehearsal)
    migrate(production)
    issued = {run.warehouse.name: identity_map(run) for run in (rehearsal, production)}

    simulate(rehearsal, seed=3)
    synced_ok(rehearsal, "--mode", "incremental")
    simulate(rehearsal, seed=4)
    # the data-loss case: production's first sync came right after rehearsal's, from one
    # checkout, and continued from rehearsal's bookmarks and table versions
    output = synced_ok(production, "--mode", "incremental")
    assert "Status: OK" in output
    assert migration_id(production.source, production.warehouse, "magento_raw") in output

    with sqlite3.connect(workdir / "checkout-meltano.db") as meltano_db:
        checkout_ids = {row[0] for row in meltano_db.execute("select state_id from state")}
    suffixes = {
        run.warehouse.name: migration_id(run.source, run.warehouse, "magento_raw")
        for run in (rehearsal, production)
    }
    by_run = {
        run: {i for i in checkout_ids if i.endswith(suffix)} for run, suffix in suffixes.items()
    }
    assert all(by_run.values()), checkout_ids
    assert not any(i.count(":") < 2 for i in checkout_ids), "a state id without a migration"

    # Meltano's catalog and state files of a run are per migration, never the checkout's one
    # `.meltano/run/<plugin>/` (two syncs at once would read each other's files)
    catalogs = {
        Path(run.env["MELTANO_SYS_DIR_ROOT"]) / "run" / "tap-mysql-incremental"
        for run in (rehearsal, production)
    }
    assert len(catalogs) == 2
    assert all((folder / "tap.properties.json").is_file() for folder in catalogs), catalogs

    assert_equals_fresh_migration(production, fresh)
    synced_ok(rehearsal, "--mode", "incremental")
    for run in (rehearsal, production):
        assert issued[run.warehouse.name] <= identity_map(run), run.warehouse.name
    # the fresh warehouse of the final store is the reference for both
    for table, rows in services_snapshot(fresh).items():
        assert content(rehearsal, table, service_tables(fresh)[table]) == rows, table


def test_mass_delete_guard_stops_before_writing_then_proceeds_when_allowed(
    two_warehouses,
) -> None:
    rehearsal, _, _ = two_warehouses
    synced_ok(rehearsal, "--mode", "incremental")  # nothing pending
    source = rehearsal.source
    before_raw, before_services = raw_fingerprint(rehearsal), services_snapshot(rehearsal)

    # an emptied full-table table: the target would mark every row deleted (ACTIVATE_VERSION)
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute("create table kept_int as select * from catalog_product_entity_int")
        cursor.execute("delete from catalog_product_entity_int")
        connection.commit()
    stopped = sync_cycle(rehearsal, "--mode", "incremental")
    assert stopped.returncode == 2
    error = stopped.stderr.strip().splitlines()
    assert len(error) == 1, stopped.stderr
    assert "mass-delete guard: magento_raw.catalog_product_entity_int" in error[0]
    assert "--allow-mass-delete" in error[0]
    assert raw_fingerprint(rehearsal) == before_raw
    assert services_snapshot(rehearsal) == before_services

    # an emptied updated_at table (its children kept): the key sweep would delete every row
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute("insert into catalog_product_entity_int select * from kept_int")
        cursor.execute("drop table kept_int")
        cursor.execute("set foreign_key_checks = 0")
        cursor.execute("create table kept_customers as select * from customer_entity")
        cursor.execute("delete from customer_entity")
        connection.commit()
    stopped = sync_cycle(rehearsal, "--mode", "incremental")
    assert stopped.returncode == 2, stopped.stdout[-3000:]
    assert "mass-delete guard: magento_raw.customer_entity" in stopped.stderr
    assert raw_fingerprint(rehearsal).get("customer_entity") == before_raw["customer_entity"]
    assert services_snapshot(rehearsal) == before_services

    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute("set foreign_key_checks = 0")
        cursor.execute("insert into customer_entity select * from kept_customers")
        cursor.execute("drop table kept_customers")
        connection.commit()
    synced_ok(rehearsal, "--mode", "incremental")

    # a third of the customers really deleted in Magento (its cascades): stopped, then allowed
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute("delete from customer_entity where entity_id % 3 = 0")
        connection.commit()
    stopped = sync_cycle(rehearsal, "--mode", "incremental")
    assert stopped.returncode == 2, stopped.stdout[-3000:]
    assert "mass-delete guard" in stopped.stderr
    allowed = synced_ok(rehearsal, "--mode", "incremental", "--allow-mass-delete")
    assert "Status: OK" in allowed
    (live,) = rehearsal.source_query("select count(*) from customer_entity")[0]
    assert rehearsal.query("select count(*) from customer_service.customers") == [(live,)]


def test_a_state_whose_raw_tables_are_gone_is_reset_to_a_full_load(two_warehouses) -> None:
    rehearsal, _, _ = two_warehouses
    rehearsal.execute("drop table magento_raw.store_website cascade")
    output = synced_ok(rehearsal, "--mode", "incremental")
    assert "reset: 1 bookmarked table(s) were missing from the raw layer" in output
    (websites,) = rehearsal.source_query("select count(*) from store_website")[0]
    assert rehearsal.query("select count(*) from magento_raw.store_website") == [(websites,)]
