"""Issue 10: two Magento servers whose databases share a name sync into their own warehouses.

Each warehouse, after its own binlog syncs, equals a fresh migration of its own source, with every
UUID it issued unchanged; the mass-delete guard stops a binlog cycle on an emptied source table
before anything is written; each warehouse holds its own state.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from magento_migration.connections import mysql_connection
from magento_migration.settings import warehouse_settings
from magento_migration.state import migration_id
from tests.conftest import (
    Pipeline,
    create_postgres_database,
    drop_postgres_database,
    migrate,
    simulate,
    store_cli,
    sync_cycle,
    synced_ok,
)
from tests.mariadb_server import binlog_mariadb
from tests.names import db_name
from tests.services import (
    assert_equals_fresh_migration,
    identity_map,
    raw_fingerprint,
    services_snapshot,
    state_ids,
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("servers")


@pytest.fixture(scope="module")
def two_servers(workdir: Path) -> Iterator[list[tuple[Pipeline, Pipeline]]]:
    """Two throwaway binlog MariaDB servers, each with a database `magento_binlog` holding a
    different store; per server (its warehouse, a fresh warehouse), one checkout."""
    names = [db_name(f"scope_server{n}_{kind}") for n in (1, 2) for kind in ("wh", "fresh_wh")]
    for name in names:
        create_postgres_database(name)
    try:
        with (
            binlog_mariadb(_mkdir(workdir / "server1")) as first,
            binlog_mariadb(_mkdir(workdir / "server2")) as second,
        ):
            assert first.name == second.name
            assert first.port != second.port
            pairs = []
            for number, server in ((1, first), (2, second)):
                runs = tuple(
                    Pipeline(
                        server,
                        warehouse_settings().with_name(db_name(f"scope_server{number}_{kind}")),
                        _mkdir(workdir / f"server{number}_{kind}"),
                    )
                    for kind in ("wh", "fresh_wh")
                )
                store_cli(runs[0], "generate", "--profile", "small", "--seed", str(20 + number))
                pairs.append(runs)
            yield pairs
    finally:
        for name in names:
            drop_postgres_database(name)


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_two_servers_with_databases_of_one_name_sync_into_their_own_warehouses(
    two_servers,
) -> None:
    (first, first_fresh), (second, second_fresh) = two_servers
    for run in (first, second):
        migrate(run)
    issued = {run.warehouse.name: identity_map(run) for run in (first, second)}
    assert migration_id(first.source, first.warehouse, "magento_raw") != migration_id(
        second.source, second.warehouse, "magento_raw"
    )

    for seed, run in ((5, first), (6, second)):
        simulate(run, seed)
        output = synced_ok(run, "--mode", "binlog")
        assert "Sync mode: binlog" in output
    simulate(first, 7)
    synced_ok(first, "--mode", "binlog")

    for run, fresh in ((first, first_fresh), (second, second_fresh)):
        assert_equals_fresh_migration(run, fresh)
        assert issued[run.warehouse.name] <= identity_map(run)


def test_binlog_mass_delete_is_stopped_before_writing(two_servers) -> None:
    (first, _), _ = two_servers
    before_raw, before_services = raw_fingerprint(first), services_snapshot(first)
    with mysql_connection(first.source) as connection, connection.cursor() as cursor:
        cursor.execute("delete from catalog_product_entity_varchar")
        connection.commit()
    stopped = sync_cycle(first, "--mode", "binlog")
    assert stopped.returncode == 2, stopped.stdout[-3000:]
    assert "mass-delete guard: magento_raw.catalog_product_entity_varchar" in stopped.stderr
    assert raw_fingerprint(first) == before_raw
    assert services_snapshot(first) == before_services
    # the state did not move: the same cycle stops again
    again = sync_cycle(first, "--mode", "binlog")
    assert again.returncode == 2
    assert "mass-delete guard" in again.stderr


def test_state_lives_in_each_warehouse(two_servers) -> None:
    (first, _), (second, _) = two_servers
    for run in (first, second):
        suffix = migration_id(run.source, run.warehouse, "magento_raw")
        assert {i.rsplit(":", 1)[1] for i in state_ids(run)} == {suffix}
