"""New orders: lines, cart rules and coupons, and every row of a placed order written in one
transaction (the generator's row builders, so totals reconcile exactly as generated orders do).
"""

from __future__ import annotations

import random
from typing import cast

from .. import vocab
from ..common import spread
from ..customers import AddressFactory, Customer
from ..errors import StoreError
from ..marketing import REWARD_ORDER
from ..profiles import (
    CONFIGURABLE_LINE_SHARE,
    COUPON_ORDER_SHARE,
    GUEST_ORDER_SHARE,
    PAYMENT_METHODS,
)
from ..reference import load_regions
from ..rules import NO_COUPON, Coupon, Rule
from ..sales.orders import (
    ONLINE_METHODS,
    IncrementSequences,
    Line,
    Order,
    eligible_rules,
    price_lines,
)
from ..sales.payments import payment_row
from ..sales.rows import item_row, order_address_row, order_row, product_options
from .catalog import Sellable, read_child, read_product, read_sellable
from .customers import load_customers
from .rewards import add_reward
from .store import Store, share_of, to_cents

# States of new orders: just placed, or paid (online capture at checkout), a few shipped or held.
# Never canceled: Magento would put the stock back.
NEW_ORDER_STATES: tuple[tuple[tuple[str, str], int], ...] = (
    (("new", "pending"), 45),
    (("processing", "processing"), 40),
    (("complete", "complete"), 10),
    (("holded", "holded"), 5),
)

STOCK_LEFT = 2  # a sale never takes qty below this (no low-stock flags, as generated)
CAPTURE_DELAY = (2, 15)  # seconds between an online order and its capture (< the smallest gap)


def _read_rules(store: Store) -> list[Rule]:
    """Cart price rules with their websites, groups and still usable coupons."""
    db = store.db
    # Commerce: the lists and the row of each rule's current version
    join, rule = store.by_entity("salesrule", "l", "rule_id")
    websites: dict[int, list[int]] = {}
    for rule_id, website_id in db.rows(
        f"SELECT {rule}, l.website_id FROM salesrule_website l{join} ORDER BY 1, 2"
    ):
        websites.setdefault(int(rule_id), []).append(int(website_id))
    groups: dict[int, list[int]] = {}
    for rule_id, group_id in db.rows(
        f"SELECT {rule}, l.customer_group_id FROM salesrule_customer_group l{join} ORDER BY 1, 2"
    ):
        groups.setdefault(int(rule_id), []).append(int(group_id))
    rules: dict[int, Rule] = {}
    current = f" WHERE {store.current('r')}" if store.staged else ""
    for rule_id, name, coupon_type, action, amount, active, used in db.rows(
        "SELECT rule_id, name, coupon_type, simple_action, discount_amount, is_active, "
        f"times_used FROM salesrule r{current} ORDER BY rule_id"
    ):
        percent = action == "by_percent"
        rules[int(rule_id)] = Rule(
            int(rule_id),
            name,
            int(coupon_type),
            action,
            int(amount) if percent else to_cents(amount),
            tuple(websites.get(int(rule_id), ())),
            tuple(groups.get(int(rule_id), ())),
            bool(active),
            None,
            None,
            times_used=int(used),
        )
    for coupon_id, rule_id, code, kind, limit, used, created in db.rows(
        "SELECT coupon_id, rule_id, code, type, usage_limit, times_used, "
        "UNIX_TIMESTAMP(created_at) FROM salesrule_coupon ORDER BY coupon_id"
    ):
        if limit is not None and int(used) >= int(limit):
            continue  # a used-up generated code
        rule = rules.get(int(rule_id))
        if rule is not None:
            coupon = Coupon(
                int(coupon_id), int(rule_id), code, kind == 1, int(created or 0), limit, int(used)
            )
            rule.coupons.append(coupon)
    return list(rules.values())


def increment_sequences(store: Store, table: str, kind: str) -> IncrementSequences:
    """Per-store increment sequences continuing from the largest increment_id of each view."""
    sequences = IncrementSequences()
    for store_id, increment_id in store.db.rows(
        f"SELECT store_id, MAX(increment_id) FROM `{table}` WHERE store_id IS NOT NULL "
        "GROUP BY store_id ORDER BY store_id"
    ):
        view = store.layout.view(int(store_id))
        prefix = view.increment_prefix
        if not increment_id.startswith(prefix) or not increment_id[len(prefix) :].isdigit():
            raise StoreError(
                f"{table}.increment_id {increment_id!r} of store {store_id} does not continue "
                f"the generator's sequence (prefix {prefix!r})"
            )
        sequences.values[(kind, int(store_id))] = int(increment_id[len(prefix) :])
    return sequences


def place_orders(store: Store, count: int, new_customers: list[Customer]) -> None:
    """`count` new orders; every kind (guest, registered, new customer, configurable line, coupon,
    each payment method) appears once `count` allows."""
    if count == 0:
        return
    rng = store.rng("orders")
    db, layout = store.db, store.layout
    store.first_new_order = store.ids.peek("sales_order")
    catalog = read_sellable(store)
    if not catalog.simples:
        raise StoreError("no product is in stock: nothing can be ordered")
    rules = _read_rules(store)
    orders_seq = increment_sequences(store, "sales_order", "order")
    factory = AddressFactory(load_regions())
    registered_ids = [
        int(r[0])
        for r in db.rows("SELECT entity_id FROM customer_entity WHERE is_active = 1 ORDER BY 1")
        if int(r[0]) not in store.touched_customers
    ]
    by_new = min(len(new_customers), max(1, (len(new_customers) + 1) // 2))
    guests = min(count - by_new, share_of(count, GUEST_ORDER_SHARE)) if count >= 2 else 0
    kinds = ["new"] * by_new + ["guest"] * guests + ["registered"] * (count - by_new - guests)
    if not registered_ids:
        kinds = ["guest" if k == "registered" else k for k in kinds]
    rng.shuffle(kinds)
    buyers = rng.sample(new_customers, by_new)
    picks = [rng.choice(registered_ids) if k == "registered" else 0 for k in kinds]
    known = load_customers(store, sorted({p for p in picks if p}))
    states = spread(rng, NEW_ORDER_STATES, count)
    methods = spread(rng, PAYMENT_METHODS, count)
    lines_total = count * store.profile.items_per_order
    configurable_slots = (
        set(rng.sample(range(lines_total), max(1, round(lines_total * CONFIGURABLE_LINE_SHARE))))
        if catalog.children
        else set()
    )
    coupon_orders = sorted(rng.sample(range(count), share_of(count, COUPON_ORDER_SHARE)))
    for n, kind in enumerate(kinds):
        customer: Customer | None = None
        if kind == "new":
            customer = buyers.pop()
        elif kind == "registered":
            customer = known[picks[n]]
        order = _plan_order(
            store, rng, n, customer, catalog, factory, orders_seq, configurable_slots
        )
        order.state, order.status = states[n]
        order.method = methods[n]
        coupon = None
        if n in coupon_orders:
            coupon = _apply_rule(rng, order, rules, must_have_code=n == coupon_orders[0])
        price_lines(order, layout.website(order.store.website_id).tax_rate_bp)
        _write_order(store, rng, order, coupon)
        store.add("orders")
        if customer is None:
            store.add("orders_by_guests")
        elif kind == "new":
            store.add("orders_by_new_customers")
        if (n + 1) % 100 == 0:
            store.progress.say(f"orders: {n + 1:,} of {count:,} placed")


def _plan_order(
    store: Store,
    rng: random.Random,
    n: int,
    customer: Customer | None,
    catalog: Sellable,
    factory: AddressFactory,
    sequences: IncrementSequences,
    configurable_slots: set[int],
) -> Order:
    layout = store.layout
    when = store.clock.tick(rng)
    if customer is not None:
        view = rng.choice(layout.views_of(customer.website_id))
        email, first, last = customer.email, customer.firstname, customer.lastname
    else:
        view = rng.choice(layout.views)
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        email = f"guest{_next_guest(store)}@example.net"
    if customer is not None and customer.addresses:
        billing, shipping = customer.addresses[0], customer.addresses[-1]
    else:
        billing = factory.make(rng, 0, view.country, first, last)
        shipping = (
            billing if rng.random() < 0.8 else factory.make(rng, 0, view.country, first, last)
        )
    lines: list[Line] = []
    for k in range(store.profile.items_per_order):
        line = _pick_line(
            store, rng, catalog, n * store.profile.items_per_order + k in configurable_slots
        )
        if line is not None:
            lines.append(line)
    if not lines:
        raise StoreError("not enough stock left to place another order")
    order = Order(
        store.ids.take("sales_order"),
        sequences.next("order", view),
        view,
        customer,
        "guest" if customer is None else "registered",
        email,
        first,
        last,
        when,
        "new",
        "pending",
        "checkmo",
        lines,
        billing,
        shipping,
        0 if rng.random() < 0.1 else 500 * sum(line.qty for line in lines),
    )
    order.updated_at = when
    return order


def _next_guest(store: Store) -> int:
    """The next number of the guest e-mail sequence guest<N>@example.net."""
    if not store.next_guest:
        largest = store.db.value(
            "SELECT MAX(CAST(SUBSTRING(customer_email, 6, LOCATE('@', customer_email) - 6) "
            "AS UNSIGNED)) FROM sales_order WHERE customer_is_guest = 1 "
            "AND customer_email LIKE 'guest%%@example.net'"
        )
        store.next_guest = int(largest or 0) + 1
    store.next_guest += 1
    return store.next_guest - 1


def _pick_line(
    store: Store, rng: random.Random, catalog: Sellable, configurable: bool
) -> Line | None:
    """One line whose (child) product keeps at least STOCK_LEFT units after the sale."""
    qty = 1 if rng.random() < 0.75 else rng.randint(2, 3)
    configurable = configurable and bool(catalog.children)
    parents = catalog.parents
    for _ in range(50):
        if configurable:
            parent_id = rng.choice(parents)
            stocked = rng.choice(catalog.children[parent_id])
        else:
            parent_id, stocked = 0, rng.choice(catalog.simples)
        if catalog.stock[stocked] - qty >= STOCK_LEFT:
            break
    else:
        return None
    catalog.stock[stocked] -= qty
    if parent_id:
        parent = read_product(store, parent_id)
        child = read_child(store, parent, stocked)
        return Line(parent, child, qty, child.price)
    product = read_product(store, stocked)
    return Line(product, None, qty, product.price)


def _apply_rule(
    rng: random.Random, order: Order, rules: list[Rule], *, must_have_code: bool
) -> Coupon | None:
    """A cart rule for the order, as the generator picks them; returns the coupon it uses."""
    group_id = order.customer.group_id if order.customer else 0
    candidates = eligible_rules(rules, order.store.website_id, group_id)
    if must_have_code:
        with_codes = [r for r in candidates if r.coupon_type != NO_COUPON and r.coupons]
        candidates = with_codes or candidates
    if not candidates:
        return None
    rule = rng.choice(candidates)
    coupon = rule.take_coupon()
    if coupon is None and rule.coupon_type != NO_COUPON:
        return None
    order.rule = rule
    rule.times_used += 1
    if coupon is not None:
        coupon.times_used += 1
        order.coupon_code = coupon.code
    return coupon


def _write_order(store: Store, rng: random.Random, order: Order, coupon: Coupon | None) -> None:
    """Every row of one placed order, in one transaction, plus stock and coupon counters."""
    db, layout, ids = store.db, store.layout, store.ids
    online = order.method in ONLINE_METHODS
    invoiced = order.state in ("processing", "complete")
    delay = rng.randint(*CAPTURE_DELAY) if online else 0
    if invoiced:
        order.updated_at = order.created_at + max(delay, 1)
    store.clock.reach(order.updated_at)
    billing_id = ids.take("sales_order_address", count=2)
    row = order_row(order, layout, rng)
    row.update({"billing_address_id": billing_id, "shipping_address_id": billing_id + 1})
    tax_percent = f"{layout.website(order.store.website_id).tax_rate_bp / 100:.4f}"
    with db.event(order.created_at):
        db.insert("sales_order", row)
        db.insert("sales_order_address", order_address_row(order, billing_id, "billing"))
        db.insert("sales_order_address", order_address_row(order, billing_id + 1, "shipping"))
        for line in order.lines:
            line.item_id = ids.take("sales_order_item", "item_id")
            options, child_options = product_options(line, store.eav)
            db.insert(
                "sales_order_item",
                item_row(order, line, line.item_id, None, line.product, options, tax_percent),
            )
            if line.child is not None:
                line.child_item_id = ids.take("sales_order_item", "item_id")
                db.insert(
                    "sales_order_item",
                    item_row(
                        order,
                        line,
                        line.child_item_id,
                        line.item_id,
                        line.child,
                        child_options,
                        tax_percent,
                    ),
                )
                store.add("configurable_lines")
            store.add("order_items")
            stocked = line.child or line.product
            db.run(
                "UPDATE cataloginventory_stock_item SET qty = qty - %s "
                "WHERE product_id = %s AND stock_id = 1",
                (line.qty, stocked.entity_id),
            )
            store.add("stock_decrements")
        payment_id = ids.take("sales_order_payment")
        transactions: list[tuple[object, ...]] = []
        db.insert("sales_order_payment", payment_row(order, payment_id, rng, transactions, delay))
        _insert_transactions(store, transactions)
        if order.rule is not None:
            key = "row_id" if store.staged else "rule_id"
            db.run(
                f"UPDATE salesrule SET times_used = times_used + 1 WHERE {key} = %s",
                (store.row_of("salesrule", order.rule.rule_id),),
            )
        if coupon is not None:
            db.run(
                "UPDATE salesrule_coupon SET times_used = times_used + 1 WHERE coupon_id = %s",
                (coupon.coupon_id,),
            )
            store.add("coupons_used")
        if order.customer is not None:
            add_reward(
                store,
                rng,
                order.customer,
                REWARD_ORDER,
                order.grand_total // 100,
                order.entity_id,
                {"increment_id": order.increment_id},
                order.created_at,
            )
    if order.customer is not None:
        store.touched_customers.add(order.customer.entity_id)


def _insert_transactions(store: Store, rows: list[tuple[object, ...]]) -> None:
    """Gateway transactions built by the generator (numbered from 1), renumbered to new ids."""
    if not rows:
        return
    first = store.ids.take("sales_payment_transaction", "transaction_id", len(rows))
    for row in rows:
        local_id, parent_id = cast(int, row[0]), cast(int | None, row[1])
        store.db.insert(
            "sales_payment_transaction",
            {
                "transaction_id": first + local_id - 1,
                "parent_id": None if parent_id is None else first + parent_id - 1,
                "order_id": row[2],
                "payment_id": row[3],
                "txn_id": row[4],
                "parent_txn_id": row[5],
                "txn_type": row[6],
                "is_closed": row[7],
                "additional_information": row[8],
                "created_at": row[9],
            },
        )
        store.add("payment_transactions")
