"""The products of a store, planned from the profile: every type, prices, set, website and
category links, deleted ids.
"""

from __future__ import annotations

import random

from .. import vocab
from ..common import BASE_EPOCH, DAY, section_rng
from ..eav import DEFAULT_PRODUCT_SET_ID, SUPER_ATTRIBUTE_CODES, Eav
from ..profiles import (
    BUNDLE_PRODUCT_SHARE,
    CONFIGURABLE_VARIATIONS,
    DELETED_PRODUCT_SHARE,
    GROUPED_PRODUCT_SHARE,
    Profile,
)
from .model import Product


def _price(rng: random.Random) -> int:
    """A shelf price in cents, mostly ending in .99."""
    dollars = min(int(rng.lognormvariate(3.4, 0.8)) + 2, 2_000)
    return dollars * 100 - (1 if rng.random() < 0.7 else 0)


def plan_products(profile: Profile, eav: Eav, seed: int) -> list[Product]:
    """Product ids, types, skus, names and prices (no rows yet).

    Ids 1..n are the toolkit's simple products (a few of them bundle or grouped) plus the
    products that will be deleted (gaps); then each configurable parent followed by its 24
    children.
    """
    rng = section_rng(seed, "product-plan")
    deleted_count = max(3, round(profile.simple_products * DELETED_PRODUCT_SHARE))
    slots = list(range(1, profile.simple_products + deleted_count + 1))
    deleted = set(rng.sample(slots, deleted_count))
    live = [i for i in slots if i not in deleted]
    bundles = set(rng.sample(live, max(2, round(len(live) * BUNDLE_PRODUCT_SHARE))))
    grouped = set(
        rng.sample(
            [i for i in live if i not in bundles], max(2, round(len(live) * GROUPED_PRODUCT_SHARE))
        )
    )
    sets = [DEFAULT_PRODUCT_SET_ID, *(s.attribute_set_id for s in eav.product_sets)]
    created_start = BASE_EPOCH - 360 * DAY
    products: list[Product] = []
    for entity_id in slots:
        type_id = (
            "bundle" if entity_id in bundles else "grouped" if entity_id in grouped else "simple"
        )
        index = rng.randrange(len(vocab.NOUNS))
        adjective = rng.choice(vocab.ADJECTIVES)
        name = f"{adjective} {vocab.NOUNS[index]} {entity_id}"
        if rng.random() < 0.01:
            name = f"{rng.choice(vocab.SPECIAL_NAMES)} {entity_id}"
        prefix = {"simple": "SIM", "bundle": "BUN", "grouped": "GRP"}[type_id]
        products.append(
            Product(
                entity_id,
                type_id,
                f"{prefix}-{entity_id:07d}",
                name,
                0 if type_id == "grouped" else _price(rng),
                200 + rng.randrange(3000),
                sets[entity_id % len(sets)] if type_id == "simple" else DEFAULT_PRODUCT_SET_ID,
                created_start + rng.randrange(300 * DAY),
                deleted=entity_id in deleted,
            )
        )
    super_ids = [eav.product(code) for code in SUPER_ATTRIBUTE_CODES]
    next_id = len(slots) + 1
    for _ in range(profile.configurable_products):
        parent_id = next_id
        index = rng.randrange(len(vocab.NOUNS))
        name = f"{rng.choice(vocab.ADJECTIVES)} {vocab.NOUNS[index]} {parent_id}"
        price = _price(rng)
        created = created_start + rng.randrange(300 * DAY)
        parent = Product(
            parent_id,
            "configurable",
            f"CFG-{parent_id:07d}",
            name,
            price,
            0,
            DEFAULT_PRODUCT_SET_ID,
            created,
        )
        products.append(parent)
        shift = rng.randrange(8)
        for k in range(CONFIGURABLE_VARIATIONS):
            # 24 distinct (color, size, inseam) combinations out of 8 x 8 x 8
            picks = (k % 8, (k // 8 + shift) % 8, (k + shift) % 8)
            options = tuple(
                (attr.attribute_id, attr.option_ids[i])
                for attr, i in zip(super_ids, picks, strict=True)
            )
            labels = [
                attr.options.labels[i] if attr.options else ""
                for attr, i in zip(super_ids, picks, strict=True)
            ]
            child = Product(
                parent_id + 1 + k,
                "simple",
                f"{parent.sku}-{labels[0]}-{labels[1]}-{28 + picks[2]}",
                f"{name}-{labels[0]}-{labels[1]}-{labels[2]}",
                price + (k % 3) * 100,
                300 + rng.randrange(1500),
                DEFAULT_PRODUCT_SET_ID,
                created,
                visible=False,
                parent_id=parent_id,
                super_options=options,
            )
            parent.children.append(child)
            products.append(child)
        next_id = parent_id + 1 + CONFIGURABLE_VARIATIONS
    by_id = {p.entity_id: p for p in products}
    composite_pool = [
        p for p in products if p.type_id == "simple" and p.parent_id is None and not p.deleted
    ]
    for p in products:
        if p.type_id in ("bundle", "grouped") and not p.deleted:
            for child in rng.sample(composite_pool, 3 if p.type_id == "grouped" else 2):
                p.children.append(by_id[child.entity_id])
    return products
