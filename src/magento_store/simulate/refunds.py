"""Credit memos on invoiced orders older than the run: full (the order closes) and partial, with
the refund transaction of online payments.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..catalog import Product
from ..common import money, ts
from ..customers import Address
from ..marketing import REWARD_CREDITMEMO
from ..sales.orders import ONLINE_METHODS, Creditmemo, IncrementSequences, Line, Order, plan_refund
from ..sales.payments import payment_refund_columns, php_serialize
from ..sales.rows import (
    creditmemo_item_rows,
    creditmemo_row,
    item_refund_columns,
    order_refund_columns,
)
from .customers import load_customers
from .orders import increment_sequences
from .rewards import add_reward
from .store import Store, to_cents

NO_ADDRESS = Address(0, "", "", None, "", "", None, None, "", "", "")


@dataclass
class _Invoiced:
    """An existing invoiced order, rebuilt from its rows so the generator's refund math applies."""

    order: Order
    address_ids: tuple[int, int]
    payment_id: int
    capture: tuple[int, str] | None  # transaction_id, txn_id
    customer_id: int | None


def refund_orders(store: Store, count: int) -> None:
    """Credit memos on invoiced orders older than this run: half full (order closed), half
    partial (one unit of the first line, as generated)."""
    if count == 0:
        return
    rng = store.rng("refunds")
    db = store.db
    before = store.first_new_order or store.ids.peek("sales_order")
    rows = db.rows(
        "SELECT o.entity_id, o.state, o.customer_id FROM sales_order o "
        "WHERE o.state IN ('processing', 'complete') AND o.entity_id < %s "
        "AND o.store_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM sales_creditmemo c WHERE c.order_id = o.entity_id) "
        "ORDER BY o.entity_id",
        (before,),
    )
    if store.edition == "commerce":
        # a refunded customer always has a reward balance in generated commerce stores
        rewarded = {int(r[0]) for r in db.rows("SELECT DISTINCT customer_id FROM magento_reward")}
        rows = [r for r in rows if r[2] is None or int(r[2]) in rewarded]
    complete = [int(r[0]) for r in rows if r[1] == "complete"]
    full = rng.sample(complete, min(len(complete), count // 2))
    taken = set(full)
    rest = [int(r[0]) for r in rows if int(r[0]) not in taken]
    partial = rng.sample(rest, min(len(rest), count - len(full)))
    plan = [(order_id, True) for order_id in full] + [(o, False) for o in partial]
    rng.shuffle(plan)
    memos = increment_sequences(store, "sales_creditmemo", "creditmemo")
    for order_id, is_full in plan:
        invoiced = _load_invoiced(store, order_id)
        if invoiced is not None:
            _write_refund(store, rng, invoiced, is_full, memos)


def _load_invoiced(store: Store, order_id: int) -> _Invoiced | None:
    db = store.db
    (o,) = db.rows(
        "SELECT entity_id, store_id, state, status, shipping_amount, grand_total, "
        "billing_address_id, shipping_address_id, customer_id, increment_id, created_at "
        "FROM sales_order WHERE entity_id = %s",
        (order_id,),
    )
    payment = db.rows(
        "SELECT entity_id, method FROM sales_order_payment WHERE parent_id = %s ORDER BY 1",
        (order_id,),
    )
    if not payment:
        return None
    lines: list[Line] = []
    by_item: dict[int, Line] = {}
    for item_id, parent_item, product_id, type_id, sku, name, qty, price, tax, discount in db.rows(
        "SELECT item_id, parent_item_id, product_id, product_type, sku, name, qty_ordered, "
        "price, tax_amount, discount_amount FROM sales_order_item WHERE order_id = %s "
        "ORDER BY item_id",
        (order_id,),
    ):
        product = Product(int(product_id or 0), type_id, sku, name, to_cents(price), 0, 0, 0)
        if parent_item is None:
            line = Line(product, None, int(qty), to_cents(price), to_cents(discount), to_cents(tax))
            line.item_id = int(item_id)
            by_item[line.item_id] = line
            lines.append(line)
        elif int(parent_item) in by_item:
            parent_line = by_item[int(parent_item)]
            parent_line.child = product
            parent_line.child_item_id = int(item_id)
    view = store.layout.view(int(o[1]))
    order = Order(
        int(o[0]),
        o[9],
        view,
        None,
        "registered" if o[8] is not None else "guest",
        "",
        "",
        "",
        0,
        o[2],
        o[3],
        payment[0][1],
        lines,
        NO_ADDRESS,
        NO_ADDRESS,
        to_cents(o[4]),
    )
    if not lines or order.grand_total != to_cents(o[5]):
        return None  # not shaped like a generated order: leave it alone
    capture = None
    if order.method in ONLINE_METHODS:
        found = db.rows(
            "SELECT transaction_id, txn_id FROM sales_payment_transaction "
            "WHERE order_id = %s AND txn_type = 'capture' ORDER BY transaction_id",
            (order_id,),
        )
        if not found:
            return None
        capture = (int(found[0][0]), str(found[0][1]))
        order.txn_base = capture[1].removesuffix("-capture")
    return _Invoiced(
        order,
        (int(o[6]), int(o[7])),
        int(payment[0][0]),
        capture,
        None if o[8] is None else int(o[8]),
    )


def _write_refund(
    store: Store, rng: random.Random, invoiced: _Invoiced, full: bool, memos: IncrementSequences
) -> None:
    db, ids = store.db, store.ids
    o = invoiced.order
    when = store.clock.tick(rng)
    memo: Creditmemo = plan_refund(
        o, ids.take("sales_creditmemo"), memos.next("creditmemo", o.store), full, when
    )
    o.creditmemos.append(memo)
    if full:
        o.state, o.status = "closed", "closed"
    item_rows = creditmemo_item_rows(memo, ids.peek("sales_creditmemo_item"))
    ids.take("sales_creditmemo_item", count=len(item_rows))
    with db.event(when):
        db.insert("sales_creditmemo", creditmemo_row(o, memo, store.layout, invoiced.address_ids))
        for row in item_rows:
            db.insert("sales_creditmemo_item", row)
        db.update(
            "sales_order",
            {"state": o.state, "status": o.status, **order_refund_columns(o)},
            "entity_id",
            o.entity_id,
        )
        for line, _ in memo.lines:
            db.update("sales_order_item", item_refund_columns(line, False), "item_id", line.item_id)
            if line.child is not None:
                db.update(
                    "sales_order_item",
                    item_refund_columns(line, True),
                    "item_id",
                    line.child_item_id,
                )
        payment = payment_refund_columns(o)
        if invoiced.capture is not None:
            refund_txn = f"{o.txn_base}-refund"
            payment["last_trans_id"] = refund_txn
            db.insert(
                "sales_payment_transaction",
                {
                    "transaction_id": ids.take("sales_payment_transaction", "transaction_id"),
                    "parent_id": invoiced.capture[0],
                    "order_id": o.entity_id,
                    "payment_id": invoiced.payment_id,
                    "txn_id": refund_txn,
                    "parent_txn_id": invoiced.capture[1],
                    "txn_type": "refund",
                    "is_closed": 1,
                    "additional_information": php_serialize(
                        {
                            "raw_details_info": {
                                "amount": money(memo.grand_total),
                                "status": "refunded",
                            }
                        }
                    ),
                    "created_at": ts(when),
                },
            )
            store.add("payment_transactions")
        db.update("sales_order_payment", payment, "entity_id", invoiced.payment_id)
        if invoiced.customer_id is not None:
            customer = load_customers(store, [invoiced.customer_id]).get(invoiced.customer_id)
            if customer is not None:
                earned = o.grand_total // 100
                add_reward(
                    store,
                    rng,
                    customer,
                    REWARD_CREDITMEMO,
                    -(earned * memo.grand_total // max(1, o.grand_total)),
                    o.entity_id,
                    {"increment_id": memo.increment_id},
                    when,
                )
    if invoiced.customer_id is not None:
        store.touched_customers.add(invoiced.customer_id)
    store.add("creditmemos_full" if full else "creditmemos_partial")
