"""`magento-store simulate` against the real local MariaDB.

Two identical `small` stores get the same simulated activity: their tables must stay identical,
and every kind of change must be there, including the ones an `updated_at` poller cannot see.
Every database is named mg_test_sim_* and dropped at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pymysql
import pytest

from magento_migration.settings import source_settings
from magento_store import ddl
from magento_store.generator import Options, generate
from magento_store.loader import Progress
from magento_store.simulate import COUNT_KEYS, SIMULATION_TABLE
from tests.names import db_name

ORDERS, UPDATES, DELETES, SEED = 30, 40, 4, 11
ONE, TWO, FOREIGN = db_name("sim_one"), db_name("sim_two"), db_name("sim_foreign")


def connect(database: str | None = None) -> pymysql.Connection:
    settings = source_settings()
    return pymysql.connect(
        host=settings.host,
        port=settings.port,
        user=settings.user,
        password=settings.password,
        database=database,
        charset="utf8mb4",
        autocommit=True,
        init_command="SET time_zone = '+00:00'",
    )


def query(database: str, statement: str, *params: object) -> list[tuple]:
    with connect(database) as conn, conn.cursor() as cur:
        cur.execute(statement, params or None)
        return list(cur.fetchall())


def scalar(database: str, statement: str, *params: object) -> object:
    return query(database, statement, *params)[0][0]


def count(database: str, from_where: str, *params: object) -> int:
    """SELECT COUNT(*) FROM <from_where>."""
    return int(scalar(database, f"SELECT COUNT(*) FROM {from_where}", *params))  # type: ignore[arg-type]


def drop_database(name: str) -> None:
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


def checksums(database: str) -> dict[str, int]:
    tables = [
        r[0]
        for r in query(
            database,
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s",
            database,
        )
    ]
    names = ", ".join(f"`{t}`" for t in tables)
    return {r[0].split(".", 1)[1]: r[1] for r in query(database, f"CHECKSUM TABLE {names}")}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "magento_store.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MAGENTO_STORE_QUIET": "1"},
        timeout=300,
    )


def simulate(database: str, *args: str) -> dict[str, int]:
    """Run the CLI; returns the counts it printed."""
    result = run_cli("simulate", "--database", database, *args)
    assert result.returncode == 0, result.stderr
    return {kind: int(n) for kind, n in (line.split() for line in result.stdout.splitlines())}


def attribute_id(database: str, entity_type: str, code: str) -> int:
    return int(
        scalar(  # type: ignore[arg-type]
            database,
            "SELECT a.attribute_id FROM eav_attribute a JOIN eav_entity_type t "
            "USING (entity_type_id) WHERE t.entity_type_code = %s AND a.attribute_code = %s",
            entity_type,
            code,
        )
    )


@dataclass
class Before:
    """The parts of store ONE the assertions compare against, read before the simulation."""

    marker: list[tuple]
    orders: int
    max_order: int
    increments: dict[int, int]
    creditmemos: int
    customers: set[int]
    orders_of_customer: dict[int, set[int]]
    order_updated_at: dict[int, object]
    product_updated_at: dict[int, object]
    prices: dict[int, Decimal]
    store_rows: set[tuple]
    multiselect: dict[tuple[int, int], str]
    stock: dict[int, Decimal]
    customer_updated_at: dict[int, object]
    customer_eav: dict[tuple[str, int], tuple[int, object]]
    coupon_uses: int
    rule_uses: int
    reviews: set[int]


@dataclass
class Simulated:
    before: Before
    counts: dict[str, int]
    checksums_one: dict[str, int]
    checksums_two: dict[str, int]


def read_before(db: str) -> Before:
    price = attribute_id(db, "catalog_product", "price")
    multiselect = [
        int(r[0])
        for r in query(
            db,
            "SELECT attribute_id FROM eav_attribute WHERE frontend_input = 'multiselect' "
            "AND entity_type_id = 4",
        )
    ]
    orders_of: dict[int, set[int]] = {}
    for order_id, customer_id in query(
        db, "SELECT entity_id, customer_id FROM sales_order WHERE customer_id IS NOT NULL"
    ):
        orders_of.setdefault(customer_id, set()).add(order_id)
    return Before(
        marker=query(db, f"SELECT * FROM {ddl.MARKER_TABLE}"),
        orders=count(db, "sales_order"),
        max_order=int(scalar(db, "SELECT MAX(entity_id) FROM sales_order")),  # type: ignore[arg-type]
        increments={
            s: int(i[-9:])
            for s, i in query(db, "SELECT store_id, MAX(increment_id) FROM sales_order GROUP BY 1")
        },
        creditmemos=count(db, "sales_creditmemo"),
        customers={r[0] for r in query(db, "SELECT entity_id FROM customer_entity")},
        orders_of_customer=orders_of,
        order_updated_at=dict(query(db, "SELECT entity_id, updated_at FROM sales_order")),
        product_updated_at=dict(
            query(db, "SELECT entity_id, updated_at FROM catalog_product_entity")
        ),
        prices=dict(
            query(
                db,
                "SELECT entity_id, value FROM catalog_product_entity_decimal "
                "WHERE attribute_id = %s AND store_id = 0",
                price,
            )
        ),
        store_rows={
            (table, *r)
            for table in ("varchar", "text")
            for r in query(
                db,
                "SELECT value_id, attribute_id, store_id, entity_id FROM "
                f"catalog_product_entity_{table} WHERE store_id > 0",
            )
        },
        multiselect={
            (r[0], r[1]): r[2]
            for r in query(
                db,
                "SELECT entity_id, attribute_id, value FROM catalog_product_entity_text "
                f"WHERE store_id = 0 AND attribute_id IN ({', '.join(map(str, multiselect))})",
            )
        },
        stock=dict(query(db, "SELECT product_id, qty FROM cataloginventory_stock_item")),
        customer_updated_at=dict(query(db, "SELECT entity_id, updated_at FROM customer_entity")),
        customer_eav=customer_eav(db),
        coupon_uses=int(scalar(db, "SELECT SUM(times_used) FROM salesrule_coupon")),  # type: ignore[arg-type]
        rule_uses=int(scalar(db, "SELECT SUM(times_used) FROM salesrule")),  # type: ignore[arg-type]
        reviews={r[0] for r in query(db, "SELECT review_id FROM review")},
    )


def customer_eav(db: str) -> dict[tuple[str, int], tuple[int, object]]:
    """(table, value_id) -> (customer, value) of the custom customer attributes."""
    return {
        (table, value_id): (entity_id, value)
        for table in ("customer_entity_int", "customer_entity_varchar")
        for value_id, entity_id, value in query(
            db, f"SELECT value_id, entity_id, value FROM {table}"
        )
    }


@pytest.fixture(scope="module")
def simulated() -> Iterator[Simulated]:
    """Two identical small stores (seed 7), the same activity (seed SEED) applied to both."""
    for name in (ONE, TWO):
        generate(
            source_settings(),
            Options(profile="small", database=name, seed=7, force=True),
            Progress(quiet=True),
        )
    before = read_before(ONE)
    args = ("--orders", str(ORDERS), "--updates", str(UPDATES), "--deletes", str(DELETES))
    counts = simulate(ONE, *args, "--seed", str(SEED))
    assert simulate(TWO, *args, "--seed", str(SEED)) == counts
    yield Simulated(before, counts, checksums(ONE), checksums(TWO))
    if not os.environ.get("MG_KEEP_TEST_DATABASES"):
        for name in (ONE, TWO, FOREIGN):
            drop_database(name)


def test_same_seed_same_tables_and_the_run_is_recorded(simulated: Simulated) -> None:
    assert simulated.checksums_one == simulated.checksums_two
    assert SIMULATION_TABLE in simulated.checksums_one
    # the generator's marker is left as generated; the run has its own table
    assert query(ONE, f"SELECT * FROM {ddl.MARKER_TABLE}") == simulated.before.marker
    (run,) = query(ONE, f"SELECT run_id, seed, status, options, counts FROM {SIMULATION_TABLE}")
    assert run[:3] == (1, SEED, "done")
    assert json.loads(run[3]) == {"orders": ORDERS, "updates": UPDATES, "deletes": DELETES}
    assert json.loads(run[4]) == simulated.counts
    assert list(simulated.counts) == list(COUNT_KEYS)


def test_new_orders_reconcile_and_continue_each_store_sequence(simulated: Simulated) -> None:
    before, counts = simulated.before, simulated.counts
    new = f"sales_order WHERE entity_id > {before.max_order}"
    assert count(ONE, "sales_order") == before.orders + ORDERS == count(ONE, new) + before.orders
    assert counts["orders"] == ORDERS
    assert counts["orders_by_guests"] >= 1
    assert counts["orders_by_new_customers"] >= 1
    assert counts["customers_created"] == max(1, round(ORDERS / 10))
    assert count(ONE, f"{new} AND customer_is_guest = 1") == counts["orders_by_guests"]
    bad_totals = (
        f"{new} AND (grand_total <> subtotal + shipping_amount + tax_amount + discount_amount "
        "OR subtotal <> (SELECT SUM(row_total) FROM sales_order_item i "
        "WHERE i.order_id = sales_order.entity_id AND i.parent_item_id IS NULL))"
    )
    assert count(ONE, bad_totals) == 0
    assert count(ONE, "sales_order_item WHERE row_total <> price * qty_ordered") == 0
    # every new order: 2 addresses, 1 payment; online payments have gateway transactions
    assert count(ONE, f"sales_order_address WHERE parent_id > {before.max_order}") == 2 * ORDERS
    assert count(ONE, f"sales_order_payment WHERE parent_id > {before.max_order}") == ORDERS
    online = (
        "sales_order_payment p WHERE p.parent_id > %s AND p.method <> 'checkmo' AND NOT EXISTS "
        "(SELECT 1 FROM sales_payment_transaction t WHERE t.payment_id = p.entity_id)"
    )
    assert count(ONE, online, before.max_order) == 0
    assert count(
        ONE, "sales_order_payment WHERE parent_id > %s AND method = 'braintree'", before.max_order
    )
    # a configurable line: priced parent row, zero-priced child row
    pair = (
        "sales_order_item c JOIN sales_order_item p ON p.item_id = c.parent_item_id "
        "WHERE p.order_id > %s AND p.product_type = 'configurable' AND c.price = 0"
    )
    assert count(ONE, pair, before.max_order) == counts["configurable_lines"] >= 1
    # increment ids go on from each store's last one, without gaps
    for store_id, last in before.increments.items():
        numbers = sorted(
            int(r[0][-9:])
            for r in query(ONE, f"SELECT increment_id FROM {new} AND store_id = %s", store_id)
        )
        assert numbers == list(range(last + 1, last + 1 + len(numbers))), store_id
    # coupons: each coupon order used one code; every applied rule counted once
    assert counts["coupons_used"] >= 1
    coupon_uses = int(scalar(ONE, "SELECT SUM(times_used) FROM salesrule_coupon"))  # type: ignore[arg-type]
    assert coupon_uses == before.coupon_uses + counts["coupons_used"]
    assert count(ONE, f"{new} AND coupon_code IS NOT NULL") == counts["coupons_used"]
    rule_uses = int(scalar(ONE, "SELECT SUM(times_used) FROM salesrule"))  # type: ignore[arg-type]
    assert rule_uses == before.rule_uses + count(ONE, f"{new} AND applied_rule_ids IS NOT NULL")


def test_stock_decreases_by_what_was_sold(simulated: Simulated) -> None:
    before = simulated.before
    sold = dict(
        query(
            ONE,
            "SELECT product_id, SUM(qty_ordered) FROM sales_order_item "
            "WHERE order_id > %s AND product_type = 'simple' GROUP BY product_id",
            before.max_order,
        )
    )
    after = dict(query(ONE, "SELECT product_id, qty FROM cataloginventory_stock_item"))
    assert sold
    checked = 0
    for product_id, qty in sold.items():
        if product_id in after:  # the product deleted by the run may have been sold first
            assert before.stock[product_id] - after[product_id] == qty, product_id
            assert after[product_id] >= 1
            checked += 1
    assert checked >= len(sold) - 1
    untouched = set(after) - set(sold)
    assert all(after[p] == before.stock[p] for p in untouched)


def test_credit_memos_partial_and_full(simulated: Simulated) -> None:
    before, counts = simulated.before, simulated.counts
    memos = counts["creditmemos_full"] + counts["creditmemos_partial"]
    assert counts["creditmemos_full"] >= 1
    assert counts["creditmemos_partial"] >= 1
    assert count(ONE, "sales_creditmemo") == before.creditmemos + memos
    rows = query(
        ONE,
        "SELECT o.entity_id, o.state, o.grand_total, o.total_refunded, c.grand_total, "
        "o.updated_at, c.created_at FROM sales_creditmemo c "
        "JOIN sales_order o ON o.entity_id = c.order_id ORDER BY c.entity_id DESC LIMIT %s",
        memos,
    )
    for order_id, state, grand_total, refunded, memo_total, updated_at, memo_at in rows:
        assert order_id <= before.max_order  # on orders older than the run
        assert refunded == memo_total
        assert (state == "closed") == (refunded == grand_total)
        assert updated_at == memo_at  # moved by ON UPDATE CURRENT_TIMESTAMP
        refunded_items = count(
            ONE, "sales_order_item WHERE order_id = %s AND qty_refunded > 0", order_id
        )
        assert refunded_items >= 1
    assert {r[1] for r in rows} >= {"closed"}


def test_product_changes_go_through_eav_only(simulated: Simulated) -> None:
    before, counts = simulated.before, simulated.counts
    price = attribute_id(ONE, "catalog_product", "price")
    prices = dict(
        query(
            ONE,
            "SELECT entity_id, value FROM catalog_product_entity_decimal "
            "WHERE attribute_id = %s AND store_id = 0",
            price,
        )
    )
    changed = [p for p, value in prices.items() if before.prices.get(p) != value]
    assert len(changed) == counts["price_changes"] >= 1
    # no product row was touched: an updated_at poller sees none of these changes
    updated = dict(query(ONE, "SELECT entity_id, updated_at FROM catalog_product_entity"))
    assert all(updated[p] == before.product_updated_at[p] for p in updated)
    assert all(updated[p] == before.product_updated_at[p] for p in changed)
    rows_now = {
        (table, *r)
        for table in ("varchar", "text")
        for r in query(
            ONE,
            "SELECT value_id, attribute_id, store_id, entity_id FROM "
            f"catalog_product_entity_{table} WHERE store_id > 0",
        )
    }
    added, removed = rows_now - before.store_rows, before.store_rows - rows_now
    assert len(added) == counts["overrides_added"] >= 1
    assert len(removed) >= counts["overrides_removed"] >= 1  # + cascades of a deleted product
    null_added = [
        r
        for r in added
        if scalar(ONE, f"SELECT value FROM catalog_product_entity_{r[0]} WHERE value_id = %s", r[1])
        is None
    ]
    assert len(null_added) == counts["overrides_added_null"] >= 1
    multiselect_now = {
        (r[0], r[1]): r[2]
        for r in query(
            ONE,
            "SELECT entity_id, attribute_id, value FROM catalog_product_entity_text "
            "WHERE store_id = 0",
        )
    }
    changed_lists = [k for k, v in before.multiselect.items() if multiselect_now.get(k, v) != v]
    assert len(changed_lists) == counts["multiselect_changes"] >= 1


def test_customer_changes(simulated: Simulated) -> None:
    before, counts = simulated.before, simulated.counts
    clock_start, clock_end = query(ONE, f"SELECT clock_start, clock_end FROM {SIMULATION_TABLE}")[0]
    updated = dict(query(ONE, "SELECT entity_id, updated_at FROM customer_entity"))
    moved = [
        c for c in before.customers & set(updated) if updated[c] != before.customer_updated_at[c]
    ]
    # renames move updated_at (ON UPDATE) into the run's simulated time span
    assert len(moved) == counts["customer_renames"] >= 1
    assert all(clock_start <= updated[c] <= clock_end for c in moved)
    # custom EAV values change without touching customer_entity: invisible to updated_at
    now = customer_eav(ONE)
    changed = {
        entity_id
        for key, (entity_id, value) in before.customer_eav.items()
        if key in now and now[key][1] != value
    }
    assert len(changed) == counts["customer_eav_changes"] >= 1
    assert all(updated[c] == before.customer_updated_at[c] for c in changed)


def test_deleted_customers_cascade_and_their_orders_stay(simulated: Simulated) -> None:
    before, counts = simulated.before, simulated.counts
    now = {r[0] for r in query(ONE, "SELECT entity_id FROM customer_entity")}
    deleted = before.customers - now
    assert len(deleted) == counts["customers_deleted"] == DELETES
    ids = tuple(deleted)
    for table in (
        "customer_address_entity WHERE parent_id IN %s",
        "customer_entity_varchar WHERE entity_id IN %s",
        "customer_entity_int WHERE entity_id IN %s",
        "customer_entity_datetime WHERE entity_id IN %s",
        "wishlist WHERE customer_id IN %s",
        "newsletter_subscriber WHERE customer_id IN %s",
        "review_detail WHERE customer_id IN %s",
        "sales_order WHERE customer_id IN %s",
    ):
        assert count(ONE, table, ids) == 0, table
    their_orders = tuple(o for c in deleted for o in before.orders_of_customer.get(c, ()))
    assert len(their_orders) == counts["orders_detached"] >= 1
    assert query(
        ONE,
        "SELECT DISTINCT customer_id, customer_is_guest FROM sales_order WHERE entity_id IN %s",
        their_orders,
    ) == [(None, 0)]
    # InnoDB's SET NULL does not fire ON UPDATE CURRENT_TIMESTAMP: a poller never sees it
    updated = dict(
        query(
            ONE, "SELECT entity_id, updated_at FROM sales_order WHERE entity_id IN %s", their_orders
        )
    )
    assert all(updated[o] == before.order_updated_at[o] for o in their_orders)


def test_deleted_product_and_review(simulated: Simulated) -> None:
    before, counts = simulated.before, simulated.counts
    assert counts["products_deleted"] == counts["reviews_deleted"] == 1
    now = set(dict(query(ONE, "SELECT entity_id, 1 FROM catalog_product_entity")))
    (product_id,) = set(before.product_updated_at) - now
    for table, column in (
        ("catalog_product_entity_varchar", "entity_id"),
        ("catalog_product_entity_int", "entity_id"),
        ("catalog_product_entity_decimal", "entity_id"),
        ("cataloginventory_stock_item", "product_id"),
        ("catalog_category_product", "product_id"),
        ("catalog_product_website", "product_id"),
        ("url_rewrite", "entity_id"),
    ):
        assert count(ONE, f"{table} WHERE {column} = %s", product_id) == 0, table
    # order items keep the id of the deleted product (no foreign key there)
    assert count(ONE, "sales_order_item WHERE product_id = %s", product_id) >= 1
    (review_id,) = before.reviews - {r[0] for r in query(ONE, "SELECT review_id FROM review")}
    for table in ("review_detail", "review_store", "rating_option_vote"):
        assert count(ONE, f"{table} WHERE review_id = %s", review_id) == 0, table


def test_a_second_run_follows_the_first(simulated: Simulated) -> None:
    first_end = scalar(TWO, f"SELECT clock_end FROM {SIMULATION_TABLE}")
    max_order = int(scalar(TWO, "SELECT MAX(entity_id) FROM sales_order"))  # type: ignore[arg-type]
    counts = simulate(TWO, "--orders", "3", "--updates", "4", "--deletes", "0")
    assert counts["orders"] == 3
    assert counts["overrides_added"] == counts["overrides_removed"] == 1
    assert counts["price_changes"] == counts["multiselect_changes"] == 1
    assert counts["customers_deleted"] == counts["products_deleted"] == 0
    runs = query(TWO, f"SELECT run_id, clock_start, status FROM {SIMULATION_TABLE} ORDER BY 1")
    assert [(r[0], r[2]) for r in runs] == [(1, "done"), (2, "done")]
    assert runs[1][1] > first_end
    oldest_new = scalar(
        TWO, "SELECT MIN(created_at) FROM sales_order WHERE entity_id > %s", max_order
    )
    assert oldest_new > first_end  # type: ignore[operator]


def test_refuses_a_database_it_did_not_generate(simulated: Simulated) -> None:
    drop_database(FOREIGN)
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"CREATE DATABASE {FOREIGN}")
        cur.execute(f"CREATE TABLE {FOREIGN}.precious (id int)")
    for args, words in (
        (("--database", FOREIGN), (FOREIGN, ddl.MARKER_TABLE)),
        (("--database", db_name("sim_missing")), ("does not exist",)),
        (("--database", ONE, "--orders", "-1"), ("--orders", "0 or more")),
    ):
        result = run_cli("simulate", *args)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert all(word in lines[0] for word in words), lines[0]
        assert result.stdout == ""
    tables = query(FOREIGN, "SHOW TABLES")
    assert tables == [("precious",)]
