"""Row builders of the order tables: sales_order, sales_order_item, sales_order_address,
sales_creditmemo(_item). The generator and `simulate` write the same rows from the same model.
"""

from __future__ import annotations

import random

from ..catalog import Product
from ..common import hex_token, magento_json, money, ts
from ..eav import Eav
from ..stores import StoreLayout
from .orders import INVOICED_STATES, ONLINE_METHODS, Creditmemo, Line, Order


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return f"2001:db8:{rng.randrange(65536):x}::{rng.randrange(65536):x}"
    return (
        f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    )


def product_options(line: Line, eav: Eav) -> tuple[str, str | None]:
    product = line.product
    request: dict[str, object] = {"qty": line.qty, "product": str(product.entity_id)}
    if line.child is None:
        return magento_json({"info_buyRequest": request}), None
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
    return magento_json(parent), magento_json({"info_buyRequest": request})


def set_both(row: dict[str, object], column: str, value: object) -> None:
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
    set_both(row, "subtotal", m(sub))
    set_both(row, "discount_amount", m(-disc))
    set_both(row, "shipping_amount", m(ship))
    set_both(row, "shipping_tax_amount", "0.0000")
    set_both(row, "shipping_incl_tax", m(ship))
    set_both(row, "shipping_discount_amount", "0.0000")
    set_both(row, "tax_amount", m(tax))
    set_both(row, "grand_total", m(grand))
    set_both(row, "subtotal_incl_tax", m(sub + tax))
    set_both(row, "discount_tax_compensation_amount", "0.0000")
    row["shipping_discount_tax_compensation_amount"] = "0.0000"
    row["base_shipping_discount_tax_compensation_amnt"] = "0.0000"
    set_both(row, "total_due", None if canceled else m(0 if invoiced else grand))
    for column, amount in (
        ("subtotal", sub),
        ("discount", -disc),
        ("shipping", ship),
        ("tax", tax),
    ):
        set_both(row, f"{column}_invoiced", m(amount) if invoiced else None)
        set_both(row, f"{column}_canceled", m(amount) if canceled else None)
    set_both(row, "total_invoiced", m(grand) if invoiced else None)
    set_both(row, "total_paid", m(grand) if invoiced else None)
    set_both(row, "total_canceled", m(grand) if canceled else None)
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
    set_both(row, "subtotal_refunded", refund(sum(cm.subtotal for cm in memos)))
    set_both(row, "discount_refunded", refund(-sum(cm.discount for cm in memos)))
    set_both(row, "shipping_refunded", refund(sum(cm.shipping for cm in memos)))
    set_both(row, "tax_refunded", refund(sum(cm.tax for cm in memos)))
    set_both(row, "total_refunded", refund(refunded))
    set_both(row, "total_online_refunded", refund(refunded if online else 0))
    set_both(row, "total_offline_refunded", refund(0 if online else refunded))
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
    set_both(row, "price", m(price))
    set_both(row, "original_price", m(price))
    set_both(row, "price_incl_tax", m(price + tax // q))
    set_both(row, "row_total", m(row_total))
    set_both(row, "row_total_incl_tax", m(row_total + tax))
    set_both(row, "row_invoiced", m(row_total if invoiced else 0))
    set_both(row, "tax_amount", m(tax))
    set_both(row, "tax_invoiced", m(tax if invoiced else 0))
    set_both(row, "discount_amount", m(discount))
    set_both(row, "discount_invoiced", m(discount if invoiced else 0))
    row.update(item_refund_columns(line, child_row))
    return row


def item_refund_columns(line: Line, child_row: bool) -> dict[str, object]:
    """The refund columns of a sales_order_item row (the child row of a configurable line has
    price, tax and discount 0 but the same refunded quantity)."""
    m = money
    q = line.qty
    refunded = line.refunded_qty
    row: dict[str, object] = {"qty_refunded": f"{refunded}.0000"}
    set_both(row, "amount_refunded", m(0 if child_row else line.price * refunded))
    set_both(row, "tax_refunded", m(0 if child_row else line.tax * refunded // q))
    set_both(row, "discount_refunded", m(0 if child_row else line.discount * refunded // q))
    return row


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
    set_both(row, "subtotal", m(cm.subtotal))
    set_both(row, "subtotal_incl_tax", m(cm.subtotal + cm.tax))
    set_both(row, "discount_amount", m(-cm.discount))
    set_both(row, "shipping_amount", m(cm.shipping))
    set_both(row, "shipping_incl_tax", m(cm.shipping))
    set_both(row, "shipping_tax_amount", "0.0000")
    set_both(row, "tax_amount", m(cm.tax))
    set_both(row, "adjustment_positive", "0.0000")
    set_both(row, "adjustment_negative", "0.0000")
    set_both(row, "grand_total", m(cm.grand_total))
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
        set_both(row, "price", m(line.price))
        set_both(row, "price_incl_tax", m(line.price + line.tax // line.qty))
        set_both(row, "row_total", m(row_total))
        set_both(row, "row_total_incl_tax", m(row_total + tax))
        set_both(row, "tax_amount", m(tax))
        set_both(row, "discount_amount", m(discount))
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
