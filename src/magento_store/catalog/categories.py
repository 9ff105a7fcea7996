"""The category tree and its rows: entities, EAV values (with store-view overrides), URL
rewrites.
"""

from __future__ import annotations

from .. import vocab
from ..common import BASE_EPOCH, DAY, pick_ids, section_rng, slug, ts
from ..eav import CATEGORY, Eav
from ..loader import Loader
from ..profiles import NULL_OVERRIDE_SHARE, STORE_OVERRIDE_SHARE, Profile
from ..stores import DEFAULT_CATEGORY_ID, ROOT_CATALOG_ID, StoreLayout
from .model import CATEGORY_ATTRIBUTE_SET_ID, EAV_VALUE_COLUMNS, Category, EavWriter, UrlRewrites


def build_categories(profile: Profile, seed: int) -> list[Category]:
    """Root (1), Default Category (2) and the profile's categories, nested at least 3 levels."""
    rng = section_rng(seed, "categories")
    created = BASE_EPOCH - 400 * DAY
    root = Category(ROOT_CATALOG_ID, 0, "1", 0, 0, "Root Catalog", "", "", created)
    default = Category(
        DEFAULT_CATEGORY_ID, ROOT_CATALOG_ID, "1/2", 1, 1, "Default Category", "", "", created
    )
    categories = [root, default]
    depth = max(3, profile.categories_nesting_level)
    max_level = 1 + depth
    by_level: dict[int, list[Category]] = {1: [default]}
    sibling_count: dict[int, int] = {}

    def make(parent: Category) -> Category:
        entity_id = len(categories) + 1
        words = vocab.CATEGORY_WORDS
        name = words[(entity_id * 7 + rng.randrange(len(words))) % len(words)]
        if parent.level >= 2:
            name = f"{parent.name.split(' / ')[-1]} {name}"
        url_key = f"{slug(name)}-{entity_id}"
        url_path = f"{parent.url_path}/{url_key}" if parent.level >= 2 else url_key
        position = sibling_count.get(parent.entity_id, 0) + 1
        sibling_count[parent.entity_id] = position
        category = Category(
            entity_id,
            parent.entity_id,
            f"{parent.path}/{entity_id}",
            parent.level + 1,
            position,
            name,
            url_key,
            url_path,
            created + rng.randrange(300) * DAY + rng.randrange(DAY),
        )
        categories.append(category)
        by_level.setdefault(category.level, []).append(category)
        return category

    parent = default
    for _ in range(min(depth, profile.categories)):  # one chain reaches the deepest level
        parent = make(parent)
    while len(categories) - 2 < profile.categories:
        level = rng.choice([lvl for lvl in range(1, max_level) if by_level.get(lvl)])
        make(rng.choice(by_level[level]))
    by_id = {c.entity_id: c for c in categories}
    for category in categories[1:]:
        for ancestor_id in category.path.split("/")[:-1]:
            by_id[int(ancestor_id)].children_count += 1
    return categories


def write_categories(
    loader: Loader,
    categories: list[Category],
    eav: Eav,
    layout: StoreLayout,
    seed: int,
    rewrites: UrlRewrites,
) -> None:
    """catalog_category_entity and its EAV tables, with store-view overrides."""
    rng = section_rng(seed, "category-values")
    loader.load_rows(
        "catalog_category_entity",
        (
            "entity_id",
            "attribute_set_id",
            "parent_id",
            "created_at",
            "updated_at",
            "path",
            "position",
            "level",
            "children_count",
        ),
        [
            (
                c.entity_id,
                CATEGORY_ATTRIBUTE_SET_ID,
                c.parent_id,
                ts(c.created_at),
                ts(c.created_at + (c.entity_id % 50) * DAY),
                c.path,
                c.position,
                c.level,
                c.children_count,
            )
            for c in categories
        ],
    )
    a = {
        code: eav.id(CATEGORY, code)
        for code in (
            "name",
            "url_key",
            "url_path",
            "display_mode",
            "meta_title",
            "is_active",
            "include_in_menu",
            "is_anchor",
            "description",
            "meta_description",
            "filter_price_range",
            "custom_design_from",
        )
    }
    tables = {
        t: loader.table(f"catalog_category_entity_{t}", EAV_VALUE_COLUMNS)
        for t in ("varchar", "int", "decimal", "datetime", "text")
    }
    varchar, integer, decimal, datetime, text = (EavWriter(tables[t]) for t in tables)
    profile_categories = [c for c in categories if c.level >= 2]
    ids = [c.entity_id for c in profile_categories]
    leaf_ids = [c.entity_id for c in profile_categories if c.children_count == 0]
    renamed = pick_ids(rng, ids, STORE_OVERRIDE_SHARE, 2)
    null_named = pick_ids(rng, [i for i in ids if i not in renamed], NULL_OVERRIDE_SHARE, 1)
    rekeyed = pick_ids(rng, [i for i in leaf_ids if i in renamed], 0.5, 1)
    null_description = pick_ids(rng, ids, NULL_OVERRIDE_SHARE, 1)
    inactive_in_view = pick_ids(rng, ids, STORE_OVERRIDE_SHARE, 1)
    views = layout.views
    for c in categories:
        e = c.entity_id
        varchar.add(a["name"], 0, e, c.name)
        if e == ROOT_CATALOG_ID:
            integer.add(a["include_in_menu"], 0, e, 1)
            continue
        if e == DEFAULT_CATEGORY_ID:
            varchar.add(a["display_mode"], 0, e, "PRODUCTS")
            integer.add(a["is_active"], 0, e, 1)
            integer.add(a["include_in_menu"], 0, e, 1)
            continue
        view = views[(e + 1) % len(views)]
        if e in renamed:
            word = vocab.CATEGORY_TRANSLATIONS.get(view.language, view.language.upper())
            varchar.add(a["name"], view.store_id, e, f"{c.name} {word}")
        elif e in null_named:
            varchar.add(a["name"], view.store_id, e, None)
        varchar.add(a["url_key"], 0, e, c.url_key)
        varchar.add(a["url_path"], 0, e, c.url_path)
        if e in rekeyed:
            store_key = f"{slug(c.name)}-{view.language}-{e}"
            parent_path = c.url_path.rsplit("/", 1)[0] if "/" in c.url_path else ""
            store_path = f"{parent_path}/{store_key}" if parent_path else store_key
            varchar.add(a["url_key"], view.store_id, e, store_key)
            varchar.add(a["url_path"], view.store_id, e, store_path)
            c.store_url_paths[view.store_id] = store_path
        varchar.add(a["display_mode"], 0, e, "PRODUCTS")
        if rng.random() < 0.3:
            varchar.add(a["meta_title"], 0, e, f"{c.name} | Shop")
        integer.add(a["is_active"], 0, e, 0 if rng.random() < 0.05 else 1)
        if e in inactive_in_view:
            integer.add(a["is_active"], views[-1].store_id, e, 0)
        integer.add(a["include_in_menu"], 0, e, 0 if rng.random() < 0.1 else 1)
        integer.add(a["is_anchor"], 0, e, 1)
        if rng.random() < 0.05:
            decimal.add(a["filter_price_range"], 0, e, "50.000000")
        if rng.random() < 0.05:
            datetime.add(a["custom_design_from"], 0, e, ts(c.created_at + 30 * DAY))
        if rng.random() < 0.5 or e in null_description:
            text.add(a["description"], 0, e, f"<p>All about {c.name}.</p>")
            if rng.random() < 0.3:
                text.add(a["meta_description"], 0, e, f"Shop {c.name} online.")
        if e in null_description:
            text.add(a["description"], view.store_id, e, None)
        for v in views:
            path = c.url_path_in(v.store_id)
            rewrites.add("category", e, f"{path}.html", f"catalog/category/view/id/{e}", v.store_id)
    for writer in tables.values():
        writer.close()
