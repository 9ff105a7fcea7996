"""The catalog as new orders see it: what can be sold (enabled, in stock) and products as order
items snapshot them now (store-0 name, price, weight; a configurable child's options).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Product
from ..eav import PRODUCT
from .store import Store, placeholders, to_cents, to_grams

MIN_STOCK = 10  # products with less are not sold


@dataclass
class Sellable:
    """What new orders can sell: enabled simples and configurable children with stock."""

    simples: list[int]
    children: dict[int, list[int]]  # configurable parent -> sellable children
    stock: dict[int, int]

    @property
    def parents(self) -> list[int]:
        """Configurable parents with at least one sellable child."""
        return sorted(self.children)


def read_sellable(store: Store) -> Sellable:
    db = store.db
    status = store.attr(PRODUCT, "status").attribute_id
    join, entity = store.by_entity("catalog_product_entity", "v")
    disabled = {
        int(r[0])
        for r in db.rows(
            f"SELECT DISTINCT {entity} FROM catalog_product_entity_int v{join} "
            "WHERE v.attribute_id = %s AND v.value = 2",
            (status,),
        )
    }
    # Commerce: the current version of the product, and links of its parents' current versions
    current = f" AND {store.current('p')}" if store.staged else ""
    join, parent = store.by_entity("catalog_product_entity", "l", "parent_id")
    links = f"(catalog_product_super_link l{join})" if join else "catalog_product_super_link l"
    rows = db.rows(
        f"SELECT s.product_id, s.qty, {parent} FROM cataloginventory_stock_item s "
        f"JOIN catalog_product_entity p ON p.entity_id = s.product_id{current} "
        f"LEFT JOIN {links} "
        "ON l.product_id = p.entity_id "
        "WHERE s.stock_id = 1 AND s.is_in_stock = 1 AND s.qty >= %s AND p.type_id = 'simple' "
        f"ORDER BY s.product_id, {parent}",
        (MIN_STOCK,),
    )
    catalog = Sellable([], {}, {})
    for product_id, qty, parent_id in rows:
        if product_id in disabled or (parent_id is not None and parent_id in disabled):
            continue
        catalog.stock[int(product_id)] = int(qty)
        if parent_id is None:
            catalog.simples.append(int(product_id))
        else:
            catalog.children.setdefault(int(parent_id), []).append(int(product_id))
    return catalog


def read_product(store: Store, entity_id: int) -> Product:
    """A product as order items snapshot it now: current store-0 name, price and weight."""
    cached = store.products.get(entity_id)
    if cached is not None:
        return cached
    db = store.db
    current = f" AND {store.current('p')}" if store.staged else ""
    row = db.rows(
        "SELECT type_id, sku, attribute_set_id, UNIX_TIMESTAMP(created_at) "
        f"FROM catalog_product_entity p WHERE entity_id = %s{current}",
        (entity_id,),
    )[0]
    key = "row_id" if store.staged else "entity_id"
    row_id = store.row_of("catalog_product_entity", entity_id)
    name = db.value(
        "SELECT value FROM catalog_product_entity_varchar "
        f"WHERE {key} = %s AND attribute_id = %s AND store_id = 0",
        (row_id, store.attr(PRODUCT, "name").attribute_id),
    )
    decimals = dict(
        db.rows(
            "SELECT attribute_id, value FROM catalog_product_entity_decimal "
            f"WHERE {key} = %s AND store_id = 0 AND attribute_id IN (%s, %s)",
            (
                row_id,
                store.attr(PRODUCT, "price").attribute_id,
                store.attr(PRODUCT, "weight").attribute_id,
            ),
        )
    )
    product = Product(
        entity_id,
        row[0],
        row[1],
        name or row[1],
        to_cents(decimals.get(store.attr(PRODUCT, "price").attribute_id)),
        to_grams(decimals.get(store.attr(PRODUCT, "weight").attribute_id)),
        int(row[2]),
        int(row[3]),
    )
    store.products[entity_id] = product
    return product


def read_child(store: Store, parent: Product, child_id: int) -> Product:
    """A configurable child with its super-attribute options, in the parent's attribute order."""
    child = read_product(store, child_id)
    if not child.super_options:
        db = store.db
        attributes = [
            int(r[0])
            for r in db.rows(
                "SELECT attribute_id FROM catalog_product_super_attribute WHERE product_id = %s "
                "ORDER BY position, product_super_attribute_id",
                (store.row_of("catalog_product_entity", parent.entity_id),),
            )
        ]
        values = (
            dict(
                db.rows(
                    "SELECT attribute_id, value FROM catalog_product_entity_int "
                    f"WHERE {'row_id' if store.staged else 'entity_id'} = %s AND store_id = 0 "
                    f"AND attribute_id IN ({placeholders(attributes)})",
                    (store.row_of("catalog_product_entity", child_id), *attributes),
                )
            )
            if attributes
            else {}
        )
        child.parent_id = parent.entity_id
        child.visible = False
        child.super_options = tuple((a, int(values[a])) for a in attributes if a in values)
    return child
