"""Orders with their items, addresses, payments, gateway transactions and credit memos.

Money is computed in integer cents, so totals reconcile exactly:
item row_total = price x qty; order subtotal = sum of parent-level row totals;
grand_total = subtotal + shipping + tax - discount (discount_amount is stored negative on the
order, positive on items); total_refunded = sum of the order's credit memo grand totals.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

from . import vocab
from .catalog import Catalog, Product
from .common import BASE_EPOCH, DAY, HOUR, hex_token, money, section_rng, spread, ts
from .customers import Address, AddressFactory, Customer
from .eav import Eav
from .loader import Loader
from .profiles import (
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
from .rules import NO_COUPON, Rule
from .stores import StoreLayout, StoreView

END_EPOCH = BASE_EPOCH + 730 * DAY
INVOICED_STATES = frozenset({"processing", "complete", "closed"})
ONLINE_METHODS = frozenset({"braintree", "paypal_express"})
_METHOD_TITLES = {
    "checkmo": "Check / Money order",
    "braintree": "Credit Card (Braintree)",
    "paypal_express": "PayPal Express Checkout",
}


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


def php_serialize(value: object) -> str:
    """PHP serialize() of str/int/dict: the format Magento keeps in transaction blobs."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, str):
        return f's:{len(value.encode())}:"{value}";'
    if isinstance(value, dict):
        body = "".join(php_serialize(k) + php_serialize(v) for k, v in value.items())
        return f"a:{len(value)}:{{{body}}}"
    raise TypeError(type(value))


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return f"2001:db8:{rng.randrange(65536):x}::{rng.randrange(65536):x}"
    return (
        f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    )


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


def product_options(line: Line, eav: Eav) -> tuple[str, str | None]:
    product = line.product
    request: dict[str, object] = {"qty": line.qty, "product": str(product.entity_id)}
    if line.child is None:
        return _json({"info_buyRequest": request}), None
    request["super_attribute"] = {str(a): str(o) for a, o in line.child.super_options}
    info = []
    for attribute_id, option_id in line.child.super_options:
        attribute = eav.by_id(attribute_id)
        info.append(
            {
                "label": attribute.label,
                "value": attribute.option_label(option_id),
                "option_id": attribute_id,
                "option_value": option_id,
            }
        )
    parent = {
        "info_buyRequest": request,
        "attributes_info": info,
        "simple_name": line.child.name,
        "simple_sku": line.child.sku,
        "product_calculations": 1,
        "shipment_type": 0,
    }
    return _json(parent), _json({"info_buyRequest": request})


def _both(row: dict[str, object], column: str, value: object) -> None:
    """Set a money column and its base_ twin (order currency = base currency here)."""
    row[column] = value
    row[f"base_{column}"] = value


def order_row(o: Order, layout: StoreLayout, rng: random.Random) -> dict[str, object]:
    m = money
    website = layout.website(o.store.website_id)
    currency = website.currency
    c = o.customer
    registered = o.kind == "registered"
    sub, disc, tax, ship, grand = o.subtotal, o.discount, o.tax, o.shipping, o.grand_total
    invoiced = o.state in INVOICED_STATES
    canceled = o.state == "canceled"
    qty = sum(line.qty for line in o.lines)
    row: dict[str, object] = {
        "entity_id": o.entity_id,
        "increment_id": o.increment_id,
        "state": o.state,
        "status": o.status,
        "store_id": o.store.store_id,
        "store_name": layout.store_name(o.store),
        "customer_id": c.entity_id if registered and c else None,
        "customer_is_guest": int(o.kind == "guest"),
        "customer_group_id": c.group_id if c else 0,
        "customer_email": o.email,
        "customer_firstname": o.firstname,
        "customer_lastname": o.lastname,
        "customer_dob": f"{c.dob} 00:00:00" if c and c.dob else None,
        "customer_gender": c.gender if c else None,
        "customer_taxvat": c.taxvat if c else None,
        "customer_note": "Please deliver after 5pm.\nThanks!" if rng.random() < 0.02 else None,
        "customer_note_notify": 1,
        "coupon_code": o.coupon_code,
        "applied_rule_ids": str(o.rule.rule_id) if o.rule else None,
        "discount_description": o.coupon_code or (o.rule.name if o.rule else None),
        "protect_code": hex_token("protect", o.entity_id, length=6),
        "shipping_method": "freeshipping_freeshipping" if ship == 0 else "flatrate_flatrate",
        "shipping_description": "Free Shipping - Free" if ship == 0 else "Flat Rate - Fixed",
        "is_virtual": 0,
        "billing_address_id": 2 * o.entity_id - 1,
        "shipping_address_id": 2 * o.entity_id,
        "quote_id": 1000 + o.entity_id,
        "email_sent": 1,
        "send_email": 1,
        "remote_ip": _ip(rng),
        "hold_before_state": "new" if o.state == "holded" else None,
        "hold_before_status": "pending" if o.state == "holded" else None,
        "base_currency_code": currency,
        "order_currency_code": currency,
        "store_currency_code": currency,
        "global_currency_code": "USD",
        "base_to_global_rate": website.to_usd,
        "base_to_order_rate": "1.0000",
        "store_to_base_rate": "0.0000",
        "store_to_order_rate": "0.0000",
        "weight": f"{sum(line.product.weight * line.qty for line in o.lines) / 1000:.4f}",
        "total_item_count": len(o.lines),
        "created_at": ts(o.created_at),
        "updated_at": ts(o.updated_at),
        "total_qty_ordered": f"{qty}.0000",
        "base_total_qty_ordered": f"{qty}.0000",
        "base_total_invoiced_cost": (
            m(sum(line.price * 55 // 100 * line.qty for line in o.lines)) if invoiced else None
        ),
    }
    _both(row, "subtotal", m(sub))
    _both(row, "discount_amount", m(-disc))
    _both(row, "shipping_amount", m(ship))
    _both(row, "shipping_tax_amount", "0.0000")
    _both(row, "shipping_incl_tax", m(ship))
    _both(row, "shipping_discount_amount", "0.0000")
    _both(row, "tax_amount", m(tax))
    _both(row, "grand_total", m(grand))
    _both(row, "subtotal_incl_tax", m(sub + tax))
    _both(row, "discount_tax_compensation_amount", "0.0000")
    row["shipping_discount_tax_compensation_amount"] = "0.0000"
    row["base_shipping_discount_tax_compensation_amnt"] = "0.0000"
    _both(row, "total_due", None if canceled else m(0 if invoiced else grand))
    for column, amount in (
        ("subtotal", sub),
        ("discount", -disc),
        ("shipping", ship),
        ("tax", tax),
    ):
        _both(row, f"{column}_invoiced", m(amount) if invoiced else None)
        _both(row, f"{column}_canceled", m(amount) if canceled else None)
    _both(row, "total_invoiced", m(grand) if invoiced else None)
    _both(row, "total_paid", m(grand) if invoiced else None)
    _both(row, "total_canceled", m(grand) if canceled else None)
    row.update(order_refund_columns(o))
    return row


def order_refund_columns(o: Order) -> dict[str, object]:
    """The refund totals of a sales_order row: sums over its credit memos (NULL without any)."""
    m = money
    memos = o.creditmemos
    refunded = o.refunded
    online = o.method in ONLINE_METHODS
    refund = lambda v: m(v) if memos else None  # noqa: E731
    row: dict[str, object] = {}
    _both(row, "subtotal_refunded", refund(sum(cm.subtotal for cm in memos)))
    _both(row, "discount_refunded", refund(-sum(cm.discount for cm in memos)))
    _both(row, "shipping_refunded", refund(sum(cm.shipping for cm in memos)))
    _both(row, "tax_refunded", refund(sum(cm.tax for cm in memos)))
    _both(row, "total_refunded", refund(refunded))
    _both(row, "total_online_refunded", refund(refunded if online else 0))
    _both(row, "total_offline_refunded", refund(0 if online else refunded))
    return row


def item_row(
    o: Order,
    line: Line,
    item_id: int,
    parent_item_id: int | None,
    product: Product,
    options: str | None,
    tax_percent: str,
) -> dict[str, object]:
    """A sales_order_item row: the line itself, or (price 0) the child of a configurable line."""
    m = money
    invoiced = o.state in INVOICED_STATES
    canceled = o.state == "canceled"
    q = line.qty
    child_row = parent_item_id is not None
    price = 0 if child_row else line.price
    row_total = price * q
    tax = 0 if child_row else line.tax
    discount = 0 if child_row else line.discount
    percent = o.rule.discount if o.rule and o.rule.simple_action == "by_percent" else 0
    row: dict[str, object] = {
        "item_id": item_id,
        "order_id": o.entity_id,
        "parent_item_id": parent_item_id,
        "quote_item_id": 5000 + item_id,
        "store_id": o.store.store_id,
        "created_at": ts(o.created_at),
        "updated_at": ts(o.updated_at),
        "product_id": product.entity_id,
        "product_type": "simple" if child_row else product.type_id,
        "product_options": options,
        "weight": f"{product.weight / 1000:.4f}",
        "row_weight": f"{product.weight * q / 1000:.4f}",
        "is_virtual": 0,
        "sku": line.child.sku if line.child else product.sku,
        "name": product.name,
        "applied_rule_ids": str(o.rule.rule_id) if o.rule else None,
        "is_qty_decimal": 0,
        "no_discount": 0,
        "free_shipping": 0,
        "qty_ordered": f"{q}.0000",
        "qty_invoiced": f"{q if invoiced else 0}.0000",
        "qty_shipped": f"{q if o.state in ('complete', 'closed') else 0}.0000",
        "qty_canceled": f"{q if canceled else 0}.0000",
        "tax_percent": "0.0000" if child_row else tax_percent,
        "discount_percent": f"{0 if child_row else percent}.0000",
        "tax_canceled": m(tax) if canceled else None,
        "discount_tax_compensation_amount": "0.0000",
        "base_discount_tax_compensation_amount": "0.0000",
        "base_cost": m(product.price * 55 // 100) if not child_row else "0.0000",
    }
    _both(row, "price", m(price))
    _both(row, "original_price", m(price))
    _both(row, "price_incl_tax", m(price + tax // q))
    _both(row, "row_total", m(row_total))
    _both(row, "row_total_incl_tax", m(row_total + tax))
    _both(row, "row_invoiced", m(row_total if invoiced else 0))
    _both(row, "tax_amount", m(tax))
    _both(row, "tax_invoiced", m(tax if invoiced else 0))
    _both(row, "discount_amount", m(discount))
    _both(row, "discount_invoiced", m(discount if invoiced else 0))
    row.update(item_refund_columns(line, child_row))
    return row


def item_refund_columns(line: Line, child_row: bool) -> dict[str, object]:
    """The refund columns of a sales_order_item row (the child row of a configurable line has
    price, tax and discount 0 but the same refunded quantity)."""
    m = money
    q = line.qty
    refunded = line.refunded_qty
    row: dict[str, object] = {"qty_refunded": f"{refunded}.0000"}
    _both(row, "amount_refunded", m(0 if child_row else line.price * refunded))
    _both(row, "tax_refunded", m(0 if child_row else line.tax * refunded // q))
    _both(row, "discount_refunded", m(0 if child_row else line.discount * refunded // q))
    return row


def write_orders(
    loader: Loader, orders: list[Order], layout: StoreLayout, eav: Eav, seed: int
) -> None:
    """All sales tables, parents first (order, address, item, payment, transaction, memo)."""
    rng = section_rng(seed, "order-rows")
    with loader.table("sales_order") as out:
        for n, o in enumerate(orders, start=1):
            out.add_mapping(order_row(o, layout, rng))
            if n % 50_000 == 0:
                loader.progress.say(f"orders: {n:,} of {len(orders):,} written")
    with loader.table("sales_order_address") as out:
        for o in orders:
            out.add_mapping(order_address_row(o, 2 * o.entity_id - 1, "billing"))
            out.add_mapping(order_address_row(o, 2 * o.entity_id, "shipping"))
    item_id = 0
    with loader.table("sales_order_item") as out:
        for o in orders:
            tax_percent = f"{layout.website(o.store.website_id).tax_rate_bp / 100:.4f}"
            for line in o.lines:
                item_id += 1
                line.item_id = item_id
                options, child_options = product_options(line, eav)
                out.add_mapping(
                    item_row(o, line, item_id, None, line.product, options, tax_percent)
                )
                if line.child is not None:
                    item_id += 1
                    line.child_item_id = item_id
                    out.add_mapping(
                        item_row(
                            o, line, item_id, line.item_id, line.child, child_options, tax_percent
                        )
                    )
    _write_payments(loader, orders, rng)
    _write_creditmemos(loader, orders, layout)


def order_address_row(o: Order, address_id: int, kind: str) -> dict[str, object]:
    """The billing or shipping sales_order_address row of an order."""
    address = o.billing if kind == "billing" else o.shipping_address
    return {
        "entity_id": address_id,
        "parent_id": o.entity_id,
        "address_type": kind,
        # no foreign key here: a deleted customer's id stays behind, pointing nowhere
        "customer_id": o.customer.entity_id if o.customer else None,
        # a copied address-book entry keeps its id, even after the entry is deleted
        "customer_address_id": address.address_id or None,
        "email": o.email,
        "firstname": address.firstname,
        "lastname": address.lastname,
        "company": address.company,
        "street": address.street,
        "city": address.city,
        "region": address.region,
        "region_id": address.region_id,
        "postcode": address.postcode,
        "country_id": address.country_id,
        "telephone": address.telephone,
        "vat_id": address.vat_id,
    }


def _payment_details(o: Order, rng: random.Random) -> dict[str, object]:
    """Method-specific payment columns, additional_information and the gateway txn id base."""
    info: dict[str, object] = {"method_title": _METHOD_TITLES[o.method]}
    row: dict[str, object] = {
        "cc_type": None,
        "cc_last_4": None,
        "cc_exp_month": None,
        "cc_exp_year": None,
        "cc_trans_id": None,
    }
    if o.method == "braintree":
        last4 = f"{rng.randrange(10000):04d}"
        o.txn_base = hex_token("bt", o.entity_id, length=8)
        row.update(
            {
                "cc_type": rng.choice(("VI", "MC", "AE", "DI")),
                "cc_last_4": last4,
                "cc_exp_month": str(rng.randint(1, 12)),
                "cc_exp_year": str(rng.randint(2024, 2030)),
                "cc_trans_id": o.txn_base,
            }
        )
        info.update(
            {
                "cc_type": row["cc_type"],
                "cc_number": f"xxxx-{last4}",
                "avsPostalCodeResponseCode": "M",
                "cvvResponseCode": "M",
                "processorResponseCode": "1000",
                "processorResponseText": "Approved",
            }
        )
    elif o.method == "paypal_express":
        o.txn_base = hex_token("pp", o.entity_id, length=17).upper()
        payer = hex_token("payer", o.email, length=13).upper()
        info.update(
            {
                "paypal_payer_id": payer,
                "paypal_payer_email": o.email,
                "paypal_payer_status": "verified",
                "paypal_address_status": "confirmed",
                "paypal_correlation_id": hex_token("corr", o.entity_id, length=13),
                "paypal_express_checkout_payer_id": payer,
                "paypal_express_checkout_token": "EC-"
                + hex_token("ec", o.entity_id, length=17).upper(),
                "paypal_payment_status": "completed" if o.state in INVOICED_STATES else "pending",
            }
        )
    row["additional_information"] = _json(info)
    return row


def payment_row(
    o: Order,
    payment_id: int,
    rng: random.Random,
    transactions: list[tuple[object, ...]],
    capture_delay: int = HOUR,
) -> dict[str, object]:
    """The sales_order_payment row of an order; appends its gateway transactions (ids
    numbered from len(transactions) + 1, capture `capture_delay` seconds after the order)."""
    m = money
    grand, ship = o.grand_total, o.shipping
    invoiced = o.state in INVOICED_STATES
    canceled = o.state == "canceled"
    online = o.method in ONLINE_METHODS
    row: dict[str, object] = {
        "entity_id": payment_id,
        "parent_id": o.entity_id,
        "method": o.method,
    }
    row.update(_payment_details(o, rng))
    row["last_trans_id"] = (
        _transactions(o, o.txn_base, transactions, payment_id, capture_delay)
        if online and o.txn_base
        else None
    )
    _both(row, "amount_ordered", m(grand))
    _both(row, "shipping_amount", m(ship))
    _both(row, "amount_paid", m(grand) if invoiced else None)
    _both(row, "shipping_captured", m(ship) if invoiced else None)
    _both(row, "amount_authorized", m(grand) if online else None)
    _both(row, "amount_canceled", m(grand) if canceled else None)
    row["base_amount_paid_online"] = m(grand) if online and invoiced else None
    row.update(payment_refund_columns(o))
    return row


def payment_refund_columns(o: Order) -> dict[str, object]:
    """The refund columns of a sales_order_payment row: sums over the order's credit memos."""
    m = money
    refunded = o.refunded
    online = o.method in ONLINE_METHODS
    row: dict[str, object] = {}
    _both(row, "amount_refunded", m(refunded) if refunded else None)
    _both(
        row,
        "shipping_refunded",
        m(sum(cm.shipping for cm in o.creditmemos)) if refunded else None,
    )
    row["base_amount_refunded_online"] = m(refunded) if online and refunded else None
    return row


def _write_payments(loader: Loader, orders: list[Order], rng: random.Random) -> None:
    transactions: list[tuple[object, ...]] = []
    with loader.table("sales_order_payment") as out:
        for o in orders:
            out.add_mapping(payment_row(o, o.entity_id, rng, transactions))
    loader.load_rows(
        "sales_payment_transaction",
        (
            "transaction_id",
            "parent_id",
            "order_id",
            "payment_id",
            "txn_id",
            "parent_txn_id",
            "txn_type",
            "is_closed",
            "additional_information",
            "created_at",
        ),
        transactions,
    )


def _transactions(
    o: Order,
    base: str,
    rows: list[tuple[object, ...]],
    payment_id: int,
    capture_delay: int = HOUR,
) -> str:
    """authorization (+ capture | void) (+ refund per credit memo); returns the last txn_id."""
    invoiced = o.state in INVOICED_STATES
    canceled = o.state == "canceled"

    def add(
        txn_id: str,
        parent: tuple[object, ...] | None,
        txn_type: str,
        closed: int,
        when: int,
        details: dict[str, object],
    ) -> tuple[object, ...]:
        row = (
            len(rows) + 1,
            parent[0] if parent else None,
            o.entity_id,
            payment_id,
            txn_id,
            parent[4] if parent else None,
            txn_type,
            closed,
            php_serialize({"raw_details_info": details}),
            ts(when),
        )
        rows.append(row)
        return row

    amount = money(o.grand_total)
    last = auth = add(
        base,
        None,
        "authorization",
        int(invoiced or canceled),
        o.created_at,
        {"amount": amount, "status": "authorized"},
    )
    if invoiced:
        last = capture = add(
            f"{base}-capture",
            auth,
            "capture",
            1,
            o.created_at + capture_delay,
            {"amount": amount, "status": "settled"},
        )
        for memo in o.creditmemos:
            last = add(
                f"{base}-refund",
                capture,
                "refund",
                1,
                memo.created_at,
                {"amount": money(memo.grand_total), "status": "refunded"},
            )
    elif canceled:
        last = add(f"{base}-void", auth, "void", 1, o.updated_at, {"status": "voided"})
    return str(last[4])


def _write_creditmemos(loader: Loader, orders: list[Order], layout: StoreLayout) -> None:
    memos = [(o, cm) for o in orders for cm in o.creditmemos]
    with loader.table("sales_creditmemo") as out:
        for o, cm in memos:
            out.add_mapping(creditmemo_row(o, cm, layout, (2 * o.entity_id - 1, 2 * o.entity_id)))
    item_id = 0
    with loader.table("sales_creditmemo_item") as out:
        for _, cm in memos:
            for row in creditmemo_item_rows(cm, item_id + 1):
                out.add_mapping(row)
                item_id += 1


def creditmemo_row(
    o: Order, cm: Creditmemo, layout: StoreLayout, address_ids: tuple[int, int]
) -> dict[str, object]:
    """A sales_creditmemo row; `address_ids` are the order's billing and shipping address ids."""
    m = money
    website = layout.website(o.store.website_id)
    row: dict[str, object] = {
        "entity_id": cm.entity_id,
        "increment_id": cm.increment_id,
        "order_id": o.entity_id,
        "store_id": o.store.store_id,
        "state": 2,  # refunded
        "creditmemo_status": None,
        "email_sent": 1,
        "send_email": 1,
        "billing_address_id": address_ids[0],
        "shipping_address_id": address_ids[1],
        "transaction_id": f"{o.txn_base}-refund" if o.txn_base else None,
        "store_currency_code": website.currency,
        "order_currency_code": website.currency,
        "base_currency_code": website.currency,
        "global_currency_code": "USD",
        "base_to_global_rate": website.to_usd,
        "base_to_order_rate": "1.0000",
        "store_to_base_rate": "0.0000",
        "store_to_order_rate": "0.0000",
        "created_at": ts(cm.created_at),
        "updated_at": ts(cm.created_at),
        "adjustment": "0.0000",
        "base_adjustment": "0.0000",
    }
    _both(row, "subtotal", m(cm.subtotal))
    _both(row, "subtotal_incl_tax", m(cm.subtotal + cm.tax))
    _both(row, "discount_amount", m(-cm.discount))
    _both(row, "shipping_amount", m(cm.shipping))
    _both(row, "shipping_incl_tax", m(cm.shipping))
    _both(row, "shipping_tax_amount", "0.0000")
    _both(row, "tax_amount", m(cm.tax))
    _both(row, "adjustment_positive", "0.0000")
    _both(row, "adjustment_negative", "0.0000")
    _both(row, "grand_total", m(cm.grand_total))
    return row


def creditmemo_item_rows(cm: Creditmemo, first_item_id: int) -> list[dict[str, object]]:
    """The sales_creditmemo_item rows of a memo, numbered from `first_item_id` (a configurable
    line gets a zero-priced child row too)."""
    m = money
    rows: list[dict[str, object]] = []
    item_id = first_item_id - 1
    for line, qty in cm.lines:
        item_id += 1
        row_total = line.price * qty
        tax = line.tax * qty // line.qty
        discount = line.discount * qty // line.qty
        row = {
            "entity_id": item_id,
            "parent_id": cm.entity_id,
            "order_item_id": line.item_id,
            "product_id": line.product.entity_id,
            "sku": line.child.sku if line.child else line.product.sku,
            "name": line.product.name,
            "qty": f"{qty}.0000",
        }
        _both(row, "price", m(line.price))
        _both(row, "price_incl_tax", m(line.price + line.tax // line.qty))
        _both(row, "row_total", m(row_total))
        _both(row, "row_total_incl_tax", m(row_total + tax))
        _both(row, "tax_amount", m(tax))
        _both(row, "discount_amount", m(discount))
        row["base_cost"] = m(line.price * 55 // 100)
        rows.append(row)
        if line.child is not None:
            item_id += 1
            zero = dict.fromkeys(row, "0.0000")
            zero.update(
                {
                    "entity_id": item_id,
                    "parent_id": cm.entity_id,
                    "order_item_id": line.child_item_id,
                    "product_id": line.child.entity_id,
                    "sku": line.child.sku,
                    "name": line.child.name,
                    "qty": f"{qty}.0000",
                }
            )
            rows.append(zero)
    return rows
