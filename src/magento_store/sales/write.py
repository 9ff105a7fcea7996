"""The generator's sales section: every order table loaded, parents first."""

from __future__ import annotations

import random

from ..common import section_rng
from ..eav import Eav
from ..loader import Loader
from ..stores import StoreLayout
from .orders import Order
from .payments import payment_row
from .rows import (
    creditmemo_item_rows,
    creditmemo_row,
    item_row,
    order_address_row,
    order_row,
    product_options,
)


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
