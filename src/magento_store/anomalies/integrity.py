"""Kinds that break what keys and numbers promise: orphans, empty and duplicate skus, negative
stock, non-numeric multiselects, unknown attributes, cut JSON, totals that do not add up.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..common import hex_token
from .planner import (
    ID_SPACES,
    Change,
    Planner,
    Row,
    customer_candidates,
    product_candidates,
    split_count,
)

_JUNK_OPTIONS = ("abc", "n/a", "Blue")


def _orphans(
    p: Planner,
    count: int,
    kind: str,
    table: str,
    column: str,
    parent: str,
    sources: list[Row],
    what: str,
    extra: Callable[[int, Row], tuple[tuple[str, object], ...]] = lambda _, __: (),
) -> list[Change]:
    """New rows, copies of existing ones, whose `column` points at a `parent` id that does not
    exist (never existed below the parent's AUTO_INCREMENT: as if deleted with FK checks off)."""
    rng = p.rng(kind)
    key = ID_SPACES[table][0]
    changes = []
    for row in p.pick(rng, sources, count, None):
        new_id = p.new_id(table)
        missing = p.new_id(parent)
        changes.append(
            Change(
                kind,
                table,
                key,
                new_id,
                column,
                f"copy of {table} {row[0]} whose {column} {missing} is no {what}: the {what} was "
                "deleted with foreign_key_checks = 0",
                insert=((key, new_id), (column, missing), *extra(new_id, row)),
                copy_of=row[0],
                missing=(parent, missing),
            )
        )
    return changes


def orphan_address(p: Planner, count: int) -> list[Change]:
    sources = p.rows("SELECT entity_id, NULL FROM customer_address_entity")
    return _orphans(
        p,
        count,
        "orphan_address",
        "customer_address_entity",
        "parent_id",
        "customer_entity",
        [r for r in sources if r[0] not in p.taken.get("address", set())],
        "customer",
    )


def orphan_order_item(p: Planner, count: int) -> list[Change]:
    sources = p.rows(
        "SELECT item_id, NULL FROM sales_order_item "
        "WHERE parent_item_id IS NULL AND product_type = 'simple'"
    )
    return _orphans(
        p,
        count,
        "orphan_order_item",
        "sales_order_item",
        "order_id",
        "sales_order",
        sources,
        "order",
    )


def orphan_vote(p: Planner, count: int) -> list[Change]:
    sources = p.rows("SELECT vote_id, NULL FROM rating_option_vote")
    return _orphans(
        p, count, "orphan_vote", "rating_option_vote", "review_id", "review", sources, "review"
    )


def orphan_stock_item(p: Planner, count: int) -> list[Change]:
    sources = p.rows("SELECT item_id, NULL FROM cataloginventory_stock_item")
    return _orphans(
        p,
        count,
        "orphan_stock_item",
        "cataloginventory_stock_item",
        "product_id",
        "catalog_product_entity",
        sources,
        "product",
    )


def orphan_coupon(p: Planner, count: int) -> list[Change]:
    sources = p.rows("SELECT coupon_id, NULL FROM salesrule_coupon")
    seed = p.seed
    return _orphans(
        p,
        count,
        "orphan_coupon",
        "salesrule_coupon",
        "rule_id",
        "salesrule",
        sources,
        "cart price rule",
        lambda new_id, _: (
            ("code", f"LEGACY-{hex_token('orphan-coupon', seed, new_id, length=10).upper()}"),
            ("is_primary", None),
        ),
    )


def null_sku(p: Planner, count: int) -> list[Change]:
    rng = p.rng("null_sku")
    return [
        Change(
            "null_sku",
            "catalog_product_entity",
            "entity_id",
            row[0],
            "sku",
            "empty sku: the column is NOT NULL, an import wrote ''",
            value="",
            original=row[2],
        )
        for row in p.pick(rng, product_candidates(p), count, "product")
    ]


def duplicate_sku(p: Planner, count: int) -> list[Change]:
    rng = p.rng("duplicate_sku")
    order = p.pick(rng, product_candidates(p), 2 * count, "product")
    rng.shuffle(order)
    order = order[: len(order) // 2 * 2]
    changes = []
    for first, second in zip(order[::2], order[1::2], strict=True):
        kept, duplicate = sorted((first, second), key=lambda r: r[0])
        changes.append(
            Change(
                "duplicate_sku",
                "catalog_product_entity",
                "entity_id",
                duplicate[0],
                "sku",
                f"sku of product {kept[0]} (lower id, kept) written on product {duplicate[0]}; "
                "catalog_product_entity.sku has no unique key",
                value=kept[2],
                original=duplicate[2],
                related_id=kept[0],
            )
        )
    return changes


def negative_stock(p: Planner, count: int) -> list[Change]:
    rng = p.rng("negative_stock")
    rows = p.rows(
        "SELECT item_id, product_id, CAST(qty AS CHAR) FROM cataloginventory_stock_item "
        "WHERE qty IS NOT NULL"
    )
    return [
        Change(
            "negative_stock",
            "cataloginventory_stock_item",
            "item_id",
            row[0],
            "qty",
            f"negative quantity for product {row[1]} (oversold by an extension writing SQL); "
            "repair: 0, flagged",
            value=-rng.randint(1, 5),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, rows, count, "product")
    ]


def non_numeric_eav(p: Planner, count: int) -> list[Change]:
    rng = p.rng("non_numeric_eav")
    codes = {p.attribute_id("catalog_product", c): c for c in ("material", "activity")}
    rows = p.rows(
        "SELECT value_id, entity_id, value, attribute_id FROM catalog_product_entity_text "
        f"WHERE store_id = 0 AND value <> '' AND attribute_id IN ({', '.join(map(str, codes))})"
    )
    changes = []
    for row in p.pick(rng, rows, count, "product"):
        junk = rng.choice(_JUNK_OPTIONS)
        changes.append(
            Change(
                "non_numeric_eav",
                "catalog_product_entity_text",
                "value_id",
                row[0],
                "value",
                f"multiselect {codes[row[3]]} of product {row[1]} (store 0): comma-separated "
                f"option ids with the non-numeric token '{junk}'; repair: drop it, keep the ids",
                value=f"{junk},{row[2]}",
                original=row[2],
                related_id=row[1],
            )
        )
    return changes


def unknown_attribute(p: Planner, count: int) -> list[Change]:
    rng = p.rng("unknown_attribute")
    on_customers, on_products = split_count(count, 2)
    customer_attribute = p.new_id("eav_attribute")
    product_attribute = p.new_id("eav_attribute")
    changes = []
    for row in p.pick(rng, customer_candidates(p), on_customers, "customer"):
        value_id = p.new_id("customer_entity_varchar")
        changes.append(
            Change(
                "unknown_attribute",
                "customer_entity_varchar",
                "value_id",
                value_id,
                "attribute_id",
                f"value of customer {row[0]} for attribute {customer_attribute}, which is not in "
                "eav_attribute (deleted with foreign_key_checks = 0); the customer itself is fine",
                insert=(
                    ("value_id", value_id),
                    ("attribute_id", customer_attribute),
                    ("entity_id", row[0]),
                    ("value", f"M1-{hex_token('legacy', p.seed, row[0], length=8).upper()}"),
                ),
                related_id=row[0],
                missing=("eav_attribute", customer_attribute),
            )
        )
    for row in p.pick(rng, product_candidates(p), on_products, "product"):
        value_id = p.new_id("catalog_product_entity_int")
        changes.append(
            Change(
                "unknown_attribute",
                "catalog_product_entity_int",
                "value_id",
                value_id,
                "attribute_id",
                f"value of product {row[0]} (store 0) for attribute {product_attribute}, which is "
                "not in eav_attribute (deleted with foreign_key_checks = 0); the product is fine",
                insert=(
                    ("value_id", value_id),
                    ("attribute_id", product_attribute),
                    ("store_id", 0),
                    ("entity_id", row[0]),
                    ("value", 1),
                ),
                related_id=row[0],
                missing=("eav_attribute", product_attribute),
            )
        )
    return changes


def malformed_payment_json(p: Planner, count: int) -> list[Change]:
    rng = p.rng("malformed_payment_json")
    rows = p.rows(
        "SELECT entity_id, parent_id, additional_information FROM sales_order_payment "
        'WHERE additional_information LIKE \'{"%":"%\''
    )
    changes = []
    for row in p.pick(rng, rows, count, "order"):
        text: str = row[2]
        start = text.index('":"') + 3  # inside the first string value
        end = text.find('"', start)
        length = (end if end >= 0 else len(text)) - start
        cut = text[: start + rng.randint(1, max(1, min(8, length)))]
        changes.append(
            Change(
                "malformed_payment_json",
                "sales_order_payment",
                "entity_id",
                row[0],
                "additional_information",
                f"payment of order {row[1]}: JSON cut inside a string (a truncating write); "
                "repair: keep the raw text, no parsed fields, flagged",
                value=cut,
                original=text,
                related_id=row[1],
            )
        )
    return changes


def order_totals_mismatch(p: Planner, count: int) -> list[Change]:
    rng = p.rng("order_totals_mismatch")
    rows = p.rows("SELECT entity_id, entity_id, CAST(grand_total AS CHAR) FROM sales_order")
    changes = []
    for row in p.pick(rng, rows, count, "order"):
        cents = rng.choice((-1, 1)) * rng.randint(1, 9)
        changes.append(
            Change(
                "order_totals_mismatch",
                "sales_order",
                "entity_id",
                row[0],
                "grand_total",
                f"grand_total moved by {cents:+d} cents: no longer subtotal + shipping + tax + "
                "discount (items, base_grand_total, paid and invoiced amounts unchanged)",
                value=Decimal(cents).scaleb(-2),
                expression="`grand_total` + %s",
                original=row[2],
            )
        )
    return changes
