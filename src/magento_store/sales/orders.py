"""The sales model and its plan: orders with their lines, prices, cart rules and credit memos.

Money is computed in integer cents, so totals reconcile exactly:
item row_total = price x qty; order subtotal = sum of parent-level row totals;
grand_total = subtotal + shipping + tax - discount (discount_amount is stored negative on the
order, positive on items); total_refunded = sum of the order's credit memo grand totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import vocab
from ..catalog import Catalog, Product
from ..common import BASE_EPOCH, DAY, HOUR, section_rng, spread
from ..customers import Address, AddressFactory, Customer
from ..eav import Eav
from ..profiles import (
    CONFIGURABLE_LINE_SHARE,
    COUPON_ORDER_SHARE,
    CREDITMEMO_ORDER_SHARE,
    DELETED_CUSTOMER_ORDER_SHARE,
    DELETED_PRODUCT_LINE_SHARE,
    GUEST_ORDER_SHARE,
    ORDER_STATES,
    PARTIAL_REFUND_SHARE,
    PAYMENT_METHODS,
    Profile,
)
from ..rules import NO_COUPON, Rule
from ..stores import StoreLayout, StoreView

END_EPOCH = BASE_EPOCH + 730 * DAY
INVOICED_STATES = frozenset({"processing", "complete", "closed"})
ONLINE_METHODS = frozenset({"braintree", "paypal_express"})


@dataclass(slots=True)
class Line:
    """One ordered line (a configurable line is 2 sales_order_item rows)."""

    product: Product
    child: Product | None
    qty: int
    price: int
    discount: int = 0
    tax: int = 0
    refunded_qty: int = 0
    item_id: int = 0
    child_item_id: int = 0

    @property
    def row_total(self) -> int:
        """price x qty, in cents."""
        return self.price * self.qty


@dataclass(slots=True)
class Creditmemo:
    """A credit memo of an order."""

    entity_id: int
    increment_id: str
    full: bool
    subtotal: int
    discount: int
    tax: int
    shipping: int
    created_at: int
    lines: list[tuple[Line, int]]

    @property
    def grand_total(self) -> int:
        """subtotal + shipping + tax - discount."""
        return self.subtotal + self.shipping + self.tax - self.discount


@dataclass(slots=True)
class Order:
    """An order as the rest of the generator (rewards) needs it, plus its computed totals."""

    entity_id: int
    increment_id: str
    store: StoreView
    customer: Customer | None
    kind: str  # registered, guest, deleted
    email: str
    firstname: str
    lastname: str
    created_at: int
    state: str
    status: str
    method: str
    lines: list[Line]
    billing: Address
    shipping_address: Address
    shipping: int
    rule: Rule | None = None
    coupon_code: str | None = None
    creditmemos: list[Creditmemo] = field(default_factory=list)
    updated_at: int = 0
    txn_base: str | None = None

    @property
    def subtotal(self) -> int:
        """Sum of the parent-level row totals."""
        return sum(line.row_total for line in self.lines)

    @property
    def discount(self) -> int:
        """Total discount, positive cents."""
        return sum(line.discount for line in self.lines)

    @property
    def tax(self) -> int:
        """Total tax, cents."""
        return sum(line.tax for line in self.lines)

    @property
    def grand_total(self) -> int:
        """subtotal + shipping + tax - discount."""
        return self.subtotal + self.shipping + self.tax - self.discount

    @property
    def refunded(self) -> int:
        """Sum of the credit memos' grand totals."""
        return sum(cm.grand_total for cm in self.creditmemos)


class IncrementSequences:
    """Per-store increment_id sequences (sequence_order_<store_id> / sequence_creditmemo_<id>)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, int], int] = {}

    def next(self, kind: str, store: StoreView) -> str:
        key = (kind, store.store_id)
        value = self.values.get(key, 0) + 1
        self.values[key] = value
        return f"{store.increment_prefix}{value:09d}"


def eligible_rules(rules: list[Rule], website_id: int, group_id: int) -> list[Rule]:
    return [
        r for r in rules if r.is_active and website_id in r.website_ids and group_id in r.group_ids
    ]


def plan_orders(
    profile: Profile,
    catalog: Catalog,
    customers: list[Customer],
    rules: list[Rule],
    layout: StoreLayout,
    factory: AddressFactory,
    eav: Eav,
    seed: int,
) -> list[Order]:
    """Every order with lines, totals, state and refunds (no rows yet)."""
    rng = section_rng(seed, "orders")
    live = [c for c in customers if not c.deleted]
    gone = [c for c in customers if c.deleted]
    simples = catalog.sellable_simples
    configurables = catalog.configurables
    deleted_products = catalog.deleted
    count = profile.orders
    # Shares are drawn as exact counts (at least 2 where the case must exist), not per-order coin
    # flips, so even the small store has guests, deleted customers and deleted products.
    guests = set(rng.sample(range(count), round(count * GUEST_ORDER_SHARE)))
    others = [n for n in range(count) if n not in guests]
    deleted_count = max(2, round(count * DELETED_CUSTOMER_ORDER_SHARE)) if gone else 0
    by_deleted = set(rng.sample(others, min(len(others), deleted_count)))
    # who orders and when; entity ids follow time, as in a real store
    plans: list[tuple[int, int, str, Customer | None]] = []
    for n in range(count):
        if n in guests:
            kind, customer = "guest", None
        elif n in by_deleted:
            kind, customer = "deleted", rng.choice(gone)
        else:
            kind, customer = "registered", rng.choice(live)
        start = max(BASE_EPOCH, customer.created_at + HOUR) if customer else BASE_EPOCH
        start = min(start, END_EPOCH - DAY)
        plans.append((start + rng.randrange(END_EPOCH - start), n, kind, customer))
    plans.sort(key=lambda p: (p[0], p[1]))
    states = spread(rng, [((s, st), w) for s, st, w in ORDER_STATES], count)
    methods = spread(rng, PAYMENT_METHODS, count)
    line_count = count * profile.items_per_order
    line_slots = list(range(line_count))
    deleted_lines = set(
        rng.sample(line_slots, max(2, round(line_count * DELETED_PRODUCT_LINE_SHARE)))
    )
    free_slots = [n for n in line_slots if n not in deleted_lines]
    configurable_lines = (
        set(rng.sample(free_slots, round(line_count * CONFIGURABLE_LINE_SHARE)))
        if configurables
        else set()
    )

    sequences = IncrementSequences()
    orders: list[Order] = []
    next_guest = 1
    for entity_id, (created, _, kind, customer) in enumerate(plans, start=1):
        if customer is not None:
            store = rng.choice(layout.views_of(customer.website_id))
            email, first, last = customer.email, customer.firstname, customer.lastname
            group_id = customer.group_id
        else:
            store = rng.choice(layout.views)
            first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
            email = f"guest{next_guest}@example.net"
            next_guest += 1
            group_id = 0
        website = layout.website(store.website_id)
        if customer is not None and customer.addresses:
            billing = customer.addresses[0]
            shipping_address = customer.addresses[-1]
        else:
            billing = factory.make(rng, 0, store.country, first, last)
            shipping_address = (
                billing if rng.random() < 0.8 else factory.make(rng, 0, store.country, first, last)
            )
        state, status = states[entity_id - 1]
        lines: list[Line] = []
        for k in range(profile.items_per_order):
            slot = (entity_id - 1) * profile.items_per_order + k
            qty = 1 if rng.random() < 0.75 else rng.randint(2, 3)
            if slot in deleted_lines:
                product = rng.choice(deleted_products)
                lines.append(Line(product, None, qty, product.price))
            elif slot in configurable_lines:
                parent = rng.choice(configurables)
                child = rng.choice(parent.children)
                lines.append(Line(parent, child, qty, child.price))
            else:
                product = rng.choice(simples)
                lines.append(Line(product, None, qty, product.price))
        order = Order(
            entity_id,
            sequences.next("order", store),
            store,
            customer,
            kind,
            email,
            first,
            last,
            created,
            state,
            status,
            methods[entity_id - 1],
            lines,
            billing,
            shipping_address,
            0 if rng.random() < 0.1 else 500 * sum(line.qty for line in lines),
        )
        if rng.random() < COUPON_ORDER_SHARE:
            candidates = eligible_rules(rules, website.website_id, group_id)
            if candidates:
                rule = rng.choice(candidates)
                coupon = rule.take_coupon()
                if coupon is None and rule.coupon_type != NO_COUPON:
                    rule = None
                if rule is not None:
                    order.rule = rule
                    rule.times_used += 1
                    if coupon is not None:
                        coupon.times_used += 1
                        order.coupon_code = coupon.code
        price_lines(order, website.tax_rate_bp)
        order.updated_at = created + rng.randrange(1, 240) * HOUR
        orders.append(order)

    # credit memos: half full refunds (order closed), half partial (one unit of one line)
    invoiced = [o for o in orders if o.state in INVOICED_STATES]
    memo_count = min(len(invoiced), max(2, round(len(orders) * CREDITMEMO_ORDER_SHARE)))
    refunded = sorted(rng.sample(invoiced, memo_count), key=lambda o: o.entity_id)
    partial_count = min(memo_count - 1, max(1, round(memo_count * PARTIAL_REFUND_SHARE)))
    partial = {o.entity_id for o in rng.sample(refunded, partial_count)}
    for memo_id, order in enumerate(refunded, start=1):
        full = order.entity_id not in partial
        memo_time = order.created_at + rng.randrange(3, 30) * DAY
        memo = plan_refund(
            order, memo_id, sequences.next("creditmemo", order.store), full, memo_time
        )
        order.creditmemos.append(memo)
        order.updated_at = max(order.updated_at, memo_time)
        if full:
            order.state, order.status = "closed", "closed"
    return orders


def price_lines(order: Order, tax_bp: int) -> None:
    """Discounts spread over lines (last line takes the remainder), then tax per line."""
    if order.rule is not None:
        total = order.rule.discount_for(order.subtotal)
        remaining = total
        for index, line in enumerate(order.lines):
            share = (
                remaining
                if index == len(order.lines) - 1
                else total * line.row_total // order.subtotal
            )
            line.discount = share
            remaining -= share
    for line in order.lines:
        line.tax = (line.row_total - line.discount) * tax_bp // 10_000


def plan_refund(
    order: Order, entity_id: int, increment_id: str, full: bool, created: int
) -> Creditmemo:
    if full:
        lines = [(line, line.qty) for line in order.lines]
        for line in order.lines:
            line.refunded_qty = line.qty
        return Creditmemo(
            entity_id,
            increment_id,
            True,
            order.subtotal,
            order.discount,
            order.tax,
            order.shipping,
            created,
            lines,
        )
    line = order.lines[0]
    line.refunded_qty = 1
    discount = line.discount // line.qty
    tax = line.tax // line.qty
    return Creditmemo(
        entity_id, increment_id, False, line.price, discount, tax, 0, created, [(line, 1)]
    )
