"""Row builders of payments: sales_order_payment and the gateway transactions of online methods
(`additional_information` JSON, transaction blobs PHP-serialized).
"""

from __future__ import annotations

import random

from ..common import HOUR, hex_token, magento_json, money, ts
from .orders import INVOICED_STATES, ONLINE_METHODS, Order
from .rows import set_both

_METHOD_TITLES = {
    "checkmo": "Check / Money order",
    "braintree": "Credit Card (Braintree)",
    "paypal_express": "PayPal Express Checkout",
}


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
    row["additional_information"] = magento_json(info)
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
    set_both(row, "amount_ordered", m(grand))
    set_both(row, "shipping_amount", m(ship))
    set_both(row, "amount_paid", m(grand) if invoiced else None)
    set_both(row, "shipping_captured", m(ship) if invoiced else None)
    set_both(row, "amount_authorized", m(grand) if online else None)
    set_both(row, "amount_canceled", m(grand) if canceled else None)
    row["base_amount_paid_online"] = m(grand) if online and invoiced else None
    row.update(payment_refund_columns(o))
    return row


def payment_refund_columns(o: Order) -> dict[str, object]:
    """The refund columns of a sales_order_payment row: sums over the order's credit memos."""
    m = money
    refunded = o.refunded
    online = o.method in ONLINE_METHODS
    row: dict[str, object] = {}
    set_both(row, "amount_refunded", m(refunded) if refunded else None)
    set_both(
        row,
        "shipping_refunded",
        m(sum(cm.shipping for cm in o.creditmemos)) if refunded else None,
    )
    row["base_amount_refunded_online"] = m(refunded) if online and refunded else None
    return row


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
