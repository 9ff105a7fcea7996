"""Product changes through EAV only, as Magento's mass "Update attributes" writes them
(`catalog_product_entity` untouched): prices, names, store-view overrides added and removed,
multiselect values.
"""

from __future__ import annotations

import random
from typing import Any

from .. import vocab
from ..catalog import translated_name
from ..common import money
from ..eav import PRODUCT, SCOPE_STORE
from .store import DbAttribute, Picker, Store, allot, to_cents

# Product changes of --updates, in the order they are guaranteed at small N, with their weights.
PRODUCT_CHANGES: tuple[tuple[str, int], ...] = (
    ("price", 40),
    ("override_added", 15),
    ("override_removed", 15),
    ("multiselect", 15),
    ("name", 15),
)

# Store-scoped product attributes whose store-view rows may be added or removed. url_key is left
# alone: its store rows must match url_rewrite.
OVERRIDE_CODES = ("name", "description", "marketing_tagline")


def update_products(store: Store, count: int) -> None:
    """Mass "Update attributes": EAV rows change, catalog_product_entity (updated_at) does not."""
    if count == 0:
        return
    rng = store.rng("products")
    db = store.db
    name = store.attr(PRODUCT, "name")
    price = store.attr(PRODUCT, "price")
    special = store.attr(PRODUCT, "special_price")
    touched = store.touched_products
    # the values of the current version (Commerce) with their entity id
    join, entity = store.by_entity("catalog_product_entity", "v")
    standalone = (
        f"NOT EXISTS (SELECT 1 FROM catalog_product_super_link l WHERE l.product_id = {entity})"
    )
    prices = Picker(
        rng,
        db.rows(
            f"SELECT v.value_id, {entity}, v.value FROM catalog_product_entity_decimal v{join} "
            "WHERE v.attribute_id = %s AND v.store_id = 0 ORDER BY v.value_id",
            (price.attribute_id,),
        ),
        touched,
    )
    specials = {
        int(e): to_cents(v)
        for e, v in db.rows(
            f"SELECT {entity}, v.value FROM catalog_product_entity_decimal v{join} "
            "WHERE v.attribute_id = %s AND v.store_id = 0",
            (special.attribute_id,),
        )
    }
    name_rows = db.rows(
        f"SELECT v.value_id, {entity}, v.value FROM catalog_product_entity_varchar v{join} "
        f"WHERE v.attribute_id = %s AND v.store_id = 0 AND {standalone} ORDER BY v.value_id",
        (name.attribute_id,),
    )
    names = Picker(rng, name_rows, touched)
    additions = Picker(rng, name_rows, touched)
    overrides = {
        code: store.attr(PRODUCT, code)
        for code in OVERRIDE_CODES
        if (PRODUCT, code) in store.attributes
        and store.attr(PRODUCT, code).is_global == SCOPE_STORE
    }
    store_rows: list[tuple[Any, ...]] = []
    for attribute in overrides.values():
        table = attribute.table("catalog_product_entity")
        store_rows += [
            (table, *r)
            for r in db.rows(
                f"SELECT {entity}, v.value_id, v.attribute_id, v.store_id FROM `{table}` v{join} "
                "WHERE v.attribute_id = %s AND v.store_id > 0 ORDER BY v.value_id",
                (attribute.attribute_id,),
            )
        ]
    existing = {(int(r[3]), int(r[4]), int(r[1])) for r in store_rows}
    removals = Picker(rng, store_rows, touched)
    multiselects = [
        a
        for (type_id, _), a in sorted(store.attributes.items())
        if type_id == PRODUCT and a.frontend_input == "multiselect"
    ]
    multi_rows: list[tuple[Any, ...]] = []
    for attribute in multiselects:
        table = attribute.table("catalog_product_entity")
        multi_rows += [
            (table, *r)
            for r in db.rows(
                f"SELECT {entity}, v.value_id, v.attribute_id, v.value FROM `{table}` v{join} "
                "WHERE v.attribute_id = %s AND v.store_id = 0 ORDER BY v.value_id",
                (attribute.attribute_id,),
            )
        ]
    multis = Picker(rng, multi_rows, touched)
    options = {a.attribute_id: store.options(a) for a in multiselects}
    plan = allot(count, PRODUCT_CHANGES)
    rng.shuffle(plan)
    added = 0
    for n, kind in enumerate(plan):
        when = store.clock.tick(rng)
        with db.event(when):
            if kind == "price":
                _change_price(store, rng, prices.next(), specials)
            elif kind == "name":
                _change_name(store, rng, names.next())
            elif kind == "override_added":
                addable = [a for c, a in overrides.items() if c in ("name", "description")]
                added += _add_override(store, rng, additions.next(), existing, addable, added)
            elif kind == "override_removed":
                _remove_override(store, removals.next())
            else:
                _change_multiselect(store, rng, multis.next(), options)
        if (n + 1) % 100 == 0:
            store.progress.say(f"updates: {n + 1:,} of {count:,} product changes")


def _change_price(
    store: Store, rng: random.Random, row: tuple[Any, ...] | None, specials: dict[int, int]
) -> None:
    if row is None:
        return
    value_id, entity_id, value = row
    old = to_cents(value)
    dollars = max(1, round(old * rng.uniform(0.9, 1.25) / 100))
    new = dollars * 100 - 1 if dollars > 1 else 99
    new = max(new, specials.get(int(entity_id), 0) + 100)  # stays above a special price
    if new == old:
        new += 100
    store.db.update("catalog_product_entity_decimal", {"value": money(new)}, "value_id", value_id)
    store.add("price_changes")


def _change_name(store: Store, rng: random.Random, row: tuple[Any, ...] | None) -> None:
    if row is None:
        return
    value_id, _, value = row
    first, _, rest = str(value or "").partition(" ")
    adjective = rng.choice([a for a in vocab.ADJECTIVES if a != first])
    store.db.update(
        "catalog_product_entity_varchar",
        {"value": f"{adjective} {rest}" if rest else f"{adjective} {first}"},
        "value_id",
        value_id,
    )
    store.add("name_changes")


def _add_override(
    store: Store,
    rng: random.Random,
    row: tuple[Any, ...] | None,
    existing: set[tuple[int, int, int]],
    overrides: list[DbAttribute],
    added: int,
) -> int:
    """A new store-view row of name or description ("use default" unchecked in one view); the
    second, fifth, ... of the run keep an empty (NULL) value, which still wins over store 0."""
    if row is None or not overrides:
        return 0
    _, entity_id, base_name = row
    entity_id = int(entity_id)
    views = store.layout.views[1:] or store.layout.views
    choices = [
        (a, v)
        for a in overrides
        for v in views
        if (a.attribute_id, v.store_id, entity_id) not in existing
    ]
    if not choices:
        return 0
    attribute, view = rng.choice(choices)
    is_null = added % 3 == 1
    value: str | None = None
    if not is_null:
        base = str(base_name or "")
        if attribute.backend_type == "varchar":
            index = next((i for i, noun in enumerate(vocab.NOUNS) if noun in base), 0)
            value = translated_name(index, base.split(" ")[0], view.language, entity_id)
        else:
            value = f"<p>{base} ({view.language})</p>"
    table = attribute.table("catalog_product_entity")
    store.db.insert(
        table,
        {
            "value_id": store.ids.take(table, "value_id"),
            "attribute_id": attribute.attribute_id,
            "store_id": view.store_id,
            "row_id" if store.staged else "entity_id": store.row_of(
                "catalog_product_entity", entity_id
            ),
            "value": value,
        },
    )
    existing.add((attribute.attribute_id, view.store_id, entity_id))
    store.add("overrides_added")
    if is_null:
        store.add("overrides_added_null")
    return 1


def _remove_override(store: Store, row: tuple[Any, ...] | None) -> None:
    """Delete a store-view row: the default (store 0) value applies again."""
    if row is None:
        return
    table, _, value_id = row[0], row[1], row[2]
    store.db.run(f"DELETE FROM `{table}` WHERE value_id = %s", (value_id,))
    store.add("overrides_removed")


def _change_multiselect(
    store: Store,
    rng: random.Random,
    row: tuple[Any, ...] | None,
    options: dict[int, list[int]],
) -> None:
    if row is None:
        return
    table, _, value_id, attribute_id, value = row
    choices = options[int(attribute_id)]
    new = str(value)
    for _ in range(10):
        new = ",".join(map(str, sorted(rng.sample(choices, rng.randint(1, min(3, len(choices)))))))
        if new != value:
            break
    store.db.update(table, {"value": new}, "value_id", value_id)
    store.add("multiselect_changes")
