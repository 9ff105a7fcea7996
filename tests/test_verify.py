"""Issue 14 items 3 and 4 on real servers: `magento-migrate verify` against the live Magento, and
the monitoring of a running `magento-migrate sync --every` loop over real HTTP.

The tests share one small store and run in file order: a sync cycle costs ~2.5 min on the
shared server (binlog off, so `--mode incremental` re-reads every FULL_TABLE table), so the one
successful cycle of the monitored loop is also the cycle after which verify must find Magento's
changes gone. The raw-layer test comes last (it breaks the warehouse on purpose).
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from magento_migration.connections import mysql_connection, postgres_conninfo
from magento_migration.project import PROJECT_ROOT
from magento_migration.verify import ENTITIES
from tests.conftest import Pipeline, generate_store
from tests.names import db_name

BIN = PROJECT_ROOT / ".venv" / "bin"
DIFFERENCE = re.compile(r"([\d,]+) (missing|stale|different|extra) \[([^\]]*)\]")
# a table every Magento has and the cycle's preflight checks; renamed to make one cycle fail
HIDDEN_TABLE = "newsletter_subscriber"
# this module's warehouse lands Magento's tables in a raw schema of another name than the default:
# every step (EL, dbt, verify, sync cycles with their key sweep, cascades and analyze, summary)
# must follow WAREHOUSE_RAW_SCHEMA
RAW = "shop_raw"


@pytest.fixture(scope="module")
def store(make_pipeline) -> Pipeline:
    """A small store with one quarantined customer (invalid email), migrated."""
    run = make_pipeline(db_name("verify"), db_name("verify_wh"))
    run.extra_env["WAREHOUSE_RAW_SCHEMA"] = RAW
    generate_store(run.source.name, "--profile", "small", "--seed", "11")
    source_execute(run, "update customer_entity set email = 'not-an-email' where entity_id = 3")
    run.extract_load()
    run.dbt_ok("build")
    return run


def source_execute(run: Pipeline, statement: str, *params: object) -> None:
    """A write in the Magento database, committed."""
    with mysql_connection(run.source, autocommit=True) as connection:
        connection.cursor().execute(statement, params or None)


def verify(run: Pipeline, *args: str) -> tuple[int, dict[str, dict[str, list[str]]], str]:
    """(exit code, {service table: {kind: Magento ids}}, output) of `magento-migrate verify`."""
    result = subprocess.run(
        [str(BIN / "magento-migrate"), "verify", "--examples", "50", *args],
        capture_output=True,
        text=True,
        env=run.env,
        check=False,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    differences: dict[str, dict[str, list[str]]] = {}
    for line in result.stdout.splitlines():
        found = DIFFERENCE.findall(line)
        if found:
            differences[line.split(" ", 1)[0]] = {
                kind: ids.replace(", ...", "").split(", ") for _, kind, ids in found
            }
    return result.returncode, differences, result.stdout


def source_count(run: Pipeline, table: str) -> int:
    return int(run.source_query(f"select count(*) from `{table}`")[0][0])


def present_entities(run: Pipeline) -> list[str]:
    tables = {row[0] for row in run.source_query("show tables")}
    return [e.source_table for e in ENTITIES if e.source_table in tables]


def test_clean_migration_verifies(store):
    code, differences, output = verify(store)
    checked = present_entities(store)
    total = sum(source_count(store, table) for table in checked)
    assert code == 0, output
    assert differences == {}
    assert output.splitlines()[-1].startswith(
        f"all {len(checked)} tables consistent with Magento ({total:,} Magento rows checked"
    )
    # the quarantined customer is accounted for, not missing
    assert store.query(
        "select count(*) from migration.quarantine "
        "where source_table = 'customer_entity' and magento_id = 3"
    ) == [(1,)]


def later(run: Pipeline, table: str) -> object:
    """An updated_at one hour after the table's latest (so updated_at polling sees it)."""
    return run.source_query(f"select max(updated_at) + interval 1 hour from `{table}`")[0][0]


@pytest.fixture(scope="module")
def changes(store) -> dict[str, int]:
    """Magento changed after the migration: an update of a customer and of a product (with a new
    updated_at), a stock change (no updated_at), a deleted customer (its addresses go with it,
    ON DELETE CASCADE) and a new customer."""
    run = store
    customer_ids = [row[0] for row in run.source_query("select entity_id from customer_entity")]
    deleted = next(
        customer
        for customer in sorted(customer_ids)
        if customer != 3
        and run.source_query(
            "select count(*) from customer_address_entity where parent_id = %s", customer
        )[0][0]
        and not run.source_query("select 1 from wishlist where customer_id = %s", customer)
        and not run.source_query(
            "select 1 from newsletter_subscriber where customer_id = %s", customer
        )
    )
    updated = max(customer_ids)
    source_execute(
        run,
        "update customer_entity set firstname = 'Renamed', updated_at = %s where entity_id = %s",
        later(run, "customer_entity"),
        updated,
    )
    product = int(run.source_query("select min(entity_id) from catalog_product_entity")[0][0])
    source_execute(
        run,
        "update catalog_product_entity set updated_at = %s where entity_id = %s",
        later(run, "catalog_product_entity"),
        product,
    )
    stock_item = int(run.source_query("select max(item_id) from cataloginventory_stock_item")[0][0])
    source_execute(
        run, "update cataloginventory_stock_item set qty = qty + 7 where item_id = %s", stock_item
    )
    addresses = run.source_query(
        "select entity_id from customer_address_entity where parent_id = %s order by 1", deleted
    )
    source_execute(run, "delete from customer_entity where entity_id = %s", deleted)
    source_execute(
        run,
        "insert into customer_entity (website_id, email, group_id, store_id, firstname, "
        "lastname, created_at, updated_at) select website_id, 'new.customer@example.com', "
        "group_id, store_id, 'New', 'Customer', now(), now() from customer_entity "
        "where entity_id = %s",
        updated,
    )
    new = int(run.source_query("select max(entity_id) from customer_entity")[0][0])
    return {
        "updated": updated,
        "product": product,
        "stock_item": stock_item,
        "deleted": deleted,
        "first_address": addresses[0][0],
        "addresses": len(addresses),
        "new": new,
    }


def test_changes_in_magento_are_reported_by_id(store, changes):
    code, differences, output = verify(store)
    assert code == 1, output
    assert differences == {
        "customer_service.customers": {
            "missing": [str(changes["new"])],
            "stale": [str(changes["updated"])],
            "extra": [str(changes["deleted"])],
        },
        "customer_service.customer_addresses": {
            "extra": [
                str(row[0])
                for row in store.query(
                    "select a.magento_id from customer_service.customer_addresses as a "
                    "join customer_service.customers as c on c.id = a.customer_id "
                    "where c.magento_id = %s order by 1",
                    changes["deleted"],
                )
            ]
        },
        "catalog_service.products": {"stale": [str(changes["product"])]},
        "warehouse_service.stock_items": {"different": [str(changes["stock_item"])]},
    }, output
    assert len(differences["customer_service.customer_addresses"]["extra"]) == changes["addresses"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def metrics(port: int) -> dict[str, float]:
    """`name{labels}` -> value of every sample; every other line must be HELP or TYPE."""
    status, text = get(port, "/metrics")
    assert status == 200
    samples = {}
    for line in text.splitlines():
        if line.startswith(("# HELP magento_sync_", "# TYPE magento_sync_")):
            continue
        name, value = line.rsplit(" ", 1)
        assert name.startswith("magento_sync_"), line
        samples[name] = float(value)
    return samples


def wait_for(condition, what: str, timeout: float, process: subprocess.Popen) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the loop exited (rc {process.returncode}) before {what}"
        try:
            value = condition()
        except (ConnectionError, OSError):
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def lock_holder(store) -> Iterator[dict]:
    """A warehouse session that can take the run lock of `magento-migrate` (pipeline.run_lock),
    blocking until a running cycle releases it: the next cycle then fails (\"another run\")."""
    state: dict = {
        "connection": psycopg.connect(**postgres_conninfo(store.warehouse), autocommit=True)
    }
    key = f"magento_migration:{store.warehouse.name}"

    def take() -> None:
        state["connection"].execute("select pg_advisory_lock(hashtext(%s))", (key,))
        state["held"] = True

    state["take"] = take
    yield state
    state["connection"].close()


def lock_is_held_by_a_cycle(run: Pipeline) -> bool:
    return bool(
        run.query(
            "select count(*) from pg_locks where locktype = 'advisory' and granted "
            "and database = (select oid from pg_database where datname = current_database())"
        )[0][0]
    )


def test_sync_loop_serves_health_and_metrics(store, changes, lock_holder):
    """cycle 1 fails (a Magento table is missing), 2 succeeds (and syncs `changes`), 3-5 fail
    (another session holds the run lock): counted, retried after 5 s, 5 s, 10 s, loop alive."""
    run, port = store, free_port()
    source_execute(run, f"rename table `{HIDDEN_TABLE}` to `{HIDDEN_TABLE}_away`")
    launched = time.time()
    loop = "sync --mode incremental --every 1s --cycles 5 --retry-base 5s --retry-max 10s"
    process = subprocess.Popen(
        [str(BIN / "magento-migrate"), *loop.split()],
        env={**run.env, "MIGRATION_METRICS_PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    restored = False
    try:
        # cycle 1: failed, counted, unhealthy with the reason; the loop waits 5 s to retry
        first = wait_for(
            lambda: (m := metrics(port)).get("magento_sync_cycle_errors_total") == 1 and m,
            "the first (failing) cycle",
            120,
            process,
        )
        status, body = get(port, "/health")
        source_execute(run, f"rename table `{HIDDEN_TABLE}_away` to `{HIDDEN_TABLE}`")
        restored = True
        assert first["magento_sync_cycles_total"] == 1
        assert "magento_sync_last_success_timestamp_seconds" not in first
        assert status == 503
        problems = json.loads(body)["problems"]
        assert "no sync cycle has succeeded yet (1 failed)" in problems
        assert any("last cycle failed" in p and HIDDEN_TABLE in p for p in problems), problems

        # cycle 2 runs: queue for the run lock, so that cycle 3 finds it taken
        wait_for(lambda: lock_is_held_by_a_cycle(run), "cycle 2 to start", 60, process)
        assert metrics(port)["magento_sync_cycle_in_progress"] == 1
        taker = threading.Thread(target=lock_holder["take"], daemon=True)
        taker.start()

        after = wait_for(
            lambda: (m := metrics(port)).get("magento_sync_cycle_errors_total") == 2 and m,
            "cycle 2 to succeed and cycle 3 to fail",
            900,
            process,
        )
        status, body = get(port, "/health")
        status_rows = dict(
            run.query(
                "select source_table, rows_changed_last_cycle from migration.sync_status "
                "where is_replicated"
            )
        )
        lag = dict(
            run.query(
                "select source_table, lag_seconds from migration.sync_status where is_replicated"
            )
        )
    finally:
        if not restored:
            source_execute(run, f"rename table `{HIDDEN_TABLE}_away` to `{HIDDEN_TABLE}`")
    assert after["magento_sync_cycles_total"] == 3
    assert after["magento_sync_consecutive_failures"] == 1
    assert launched < after["magento_sync_last_success_timestamp_seconds"] < time.time()
    assert after["magento_sync_cycle_duration_seconds"] < 60  # the failed cycle 3
    for table, changed in status_rows.items():
        assert after[f'magento_sync_rows_changed{{table="{table}"}}'] == changed
        lag_metric = after.get(f'magento_sync_lag_seconds{{table="{table}"}}')
        if lag[table] is None:  # an empty table: no change yet, no lag
            assert lag_metric is None, table
        else:
            assert abs(lag_metric - lag[table]) < 30, table
    assert after['magento_sync_rows_changed{table="customer_entity"}'] >= 1
    assert status == 503
    assert any("another migration or sync run" in p for p in json.loads(body)["problems"])

    assert process.wait(timeout=120) == 2  # cycles 4 and 5 failed too, then it stopped
    reader.join(timeout=10)
    text = "".join(output)
    assert [int(s) for s in re.findall(r"retrying in (\d+)s", text)] == [5, 5, 10], text
    assert "Status: OK" in text  # cycle 2
    assert text.count("Sync cycle ") == 5


def test_sync_cycle_removes_the_differences(store, changes):
    code, differences, output = verify(store)
    assert (code, differences) == (0, {}), output
    assert store.query(
        "select count(*) from customer_service.customers where magento_id = %s", changes["new"]
    ) == [(1,)]


def test_every_step_followed_the_raw_schema_setting(store, changes):
    """After the migration and the sync cycles above: no `magento_raw` anywhere, the deleted
    customer's addresses soft-deleted (key sweep, cascade) in the configured schema, the summary
    counting that schema's rows against Magento."""
    schemas = {row[0] for row in store.query("select nspname from pg_namespace")}
    assert RAW in schemas
    assert "magento_raw" not in schemas
    assert store.query(
        f"select count(*) from {RAW}.customer_address_entity "
        "where parent_id = %s and _sdc_deleted_at is not null",
        changes["deleted"],
    ) == [(changes["addresses"],)]
    result = subprocess.run(
        [str(BIN / "magento-migrate"), "summary"],
        capture_output=True,
        text=True,
        env=store.env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert f".{RAW}): " in result.stdout, result.stdout
    assert "all counts match." in result.stdout, result.stdout


def test_verify_catches_a_raw_layer_that_lost_rows(store):
    """Rows lost between Magento and the raw layer: dbt's reconciliations (service = raw rows -
    quarantined - excluded) still pass; only the comparison with Magento sees it."""
    lost = [
        row[0]
        for row in store.query(
            f"select item_id from {RAW}.cataloginventory_stock_item "
            "where _sdc_deleted_at is null order by item_id limit 3"
        )
    ]
    store.execute(f"delete from {RAW}.cataloginventory_stock_item where item_id = any(%s)", lost)
    build = store.dbt_ok("build", "--select", "stg_magento__cataloginventory_stock_item+")
    assert "reconciles_with_source_stock_items" in build  # the reconciliation ran, and passed
    code, differences, output = verify(store)
    assert code == 1, output
    assert differences == {
        "warehouse_service.stock_items": {"missing": [str(item) for item in lost]}
    }, output


def test_verify_of_an_unmigrated_warehouse_is_one_line_error(make_pipeline):
    """No service tables yet: exit 2 with one line saying what to do, no traceback."""
    empty = make_pipeline(db_name("verify_src_unused"), db_name("verify_empty_wh"))
    result = subprocess.run(
        [str(BIN / "magento-migrate"), "verify"],
        capture_output=True,
        text=True,
        env={**empty.env, "MAGENTO_DB_NAME": "mysql"},  # a database that exists, not Magento
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: migration.quarantine does not exist in the warehouse. "
        "Run the migration first (`make migrate`)."
    ]
