"""The product rows: entities, EAV values (with store-view overrides), website/category links,
configurable and composite relations, images, stock and URL rewrites.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import vocab
from ..common import BASE_EPOCH, DAY, money, pick_ids, section_rng, slug, ts
from ..eav import Eav
from ..loader import Loader
from ..profiles import (
    CATEGORIES_PER_PRODUCT,
    NULL_OVERRIDE_SHARE,
    SPECIAL_PRICE_SHARE,
    STORE_OVERRIDE_SHARE,
    STRAY_GLOBAL_ROW_SHARE,
    WEBSITE_DISABLED_SHARE,
    Profile,
)
from ..stores import StoreLayout
from .model import (
    EAV_VALUE_COLUMNS,
    STATUS_DISABLED,
    STATUS_ENABLED,
    STOCK_ITEM_DEFAULTS,
    TAXABLE_GOODS,
    VISIBILITY_BOTH,
    VISIBILITY_NOT_VISIBLE,
    Category,
    EavWriter,
    Product,
    UrlRewrites,
    translated_name,
)


def _weight(grams: int) -> str:
    return f"{grams // 1000}.{grams % 1000:03d}"


def _image_path(n: int) -> str:
    name = f"product_image_{n:05d}.jpg"
    return f"/{name[0]}/{name[1]}/{name}"


@dataclass
class _Ids:
    """Attribute ids the product loop needs, resolved once."""

    name: int
    url_key: int
    meta_title: int
    meta_description: int
    options_container: int
    msrp_display: int
    image: int
    small_image: int
    thumbnail: int
    country: int
    tagline: int
    status: int
    visibility: int
    tax_class: int
    stock_status: int
    color: int
    manufacturer: int
    season: int
    price_type: int
    sku_type: int
    weight_type: int
    shipment_type: int
    price_view: int
    price: int
    special_price: int
    cost: int
    weight: int
    msrp: int
    handling_fee: int
    special_from: int
    special_to: int
    news_from: int
    description: int
    short_description: int
    meta_keyword: int
    material: int
    activity: int
    media_gallery: int

    @classmethod
    def of(cls, eav: Eav) -> _Ids:
        p = eav.product
        return cls(
            p("name").attribute_id,
            p("url_key").attribute_id,
            p("meta_title").attribute_id,
            p("meta_description").attribute_id,
            p("options_container").attribute_id,
            p("msrp_display_actual_price_type").attribute_id,
            p("image").attribute_id,
            p("small_image").attribute_id,
            p("thumbnail").attribute_id,
            p("country_of_manufacture").attribute_id,
            p("marketing_tagline").attribute_id,
            p("status").attribute_id,
            p("visibility").attribute_id,
            p("tax_class_id").attribute_id,
            p("quantity_and_stock_status").attribute_id,
            p("color").attribute_id,
            p("manufacturer").attribute_id,
            p("season").attribute_id,
            p("price_type").attribute_id,
            p("sku_type").attribute_id,
            p("weight_type").attribute_id,
            p("shipment_type").attribute_id,
            p("price_view").attribute_id,
            p("price").attribute_id,
            p("special_price").attribute_id,
            p("cost").attribute_id,
            p("weight").attribute_id,
            p("msrp").attribute_id,
            p("handling_fee").attribute_id,
            p("special_from_date").attribute_id,
            p("special_to_date").attribute_id,
            p("news_from_date").attribute_id,
            p("description").attribute_id,
            p("short_description").attribute_id,
            p("meta_keyword").attribute_id,
            p("material").attribute_id,
            p("activity").attribute_id,
            p("media_gallery").attribute_id,
        )


class _ProductWriter:
    """Writes every product table, product by product; one method per concern."""

    def __init__(
        self,
        loader: Loader,
        profile: Profile,
        products: list[Product],
        categories: list[Category],
        eav: Eav,
        layout: StoreLayout,
        rng: random.Random,
        rewrites: UrlRewrites,
    ) -> None:
        self.rng = rng
        self.layout = layout
        self.views = layout.views
        self.profile = profile
        self.ids = _Ids.of(eav)
        self.rewrites = rewrites
        live = [p for p in products if not p.deleted]
        overridable = [p.entity_id for p in live if p.parent_id is None]
        priced = [p.entity_id for p in live if p.type_id in ("simple", "configurable")]
        self.renamed = pick_ids(rng, overridable, STORE_OVERRIDE_SHARE, 3)
        self.null_named = pick_ids(
            rng, [i for i in overridable if i not in self.renamed], NULL_OVERRIDE_SHARE, 2
        )
        self.null_description = pick_ids(rng, overridable, NULL_OVERRIDE_SHARE, 2)
        self.stray_price = pick_ids(rng, priced, STRAY_GLOBAL_ROW_SHARE, 2)
        self.website_disabled = pick_ids(rng, overridable, WEBSITE_DISABLED_SHARE, 2)
        self.toolkit = {
            s.attribute_set_id: [eav.by_id(i) for i in s.toolkit_attribute_ids]
            for s in eav.product_sets
        }
        self.options = {
            code: eav.product(code).option_ids
            for code in ("color", "manufacturer", "season", "material", "activity")
        }
        self.leaf_categories = [c for c in categories if c.level >= 2]
        self.category_positions: dict[int, int] = {}

        self.entity = loader.table("catalog_product_entity")
        values = {
            t: loader.table(f"catalog_product_entity_{t}", EAV_VALUE_COLUMNS)
            for t in ("varchar", "int", "decimal", "datetime", "text")
        }
        self.value_tables = list(values.values())
        self.varchar, self.int, self.decimal, self.datetime, self.text = (
            EavWriter(w) for w in self.value_tables
        )
        self.website = loader.table("catalog_product_website", ("product_id", "website_id"))
        self.super_attribute = loader.table(
            "catalog_product_super_attribute",
            ("product_super_attribute_id", "product_id", "attribute_id", "position"),
        )
        self.super_link = loader.table(
            "catalog_product_super_link", ("link_id", "product_id", "parent_id")
        )
        self.relation = loader.table("catalog_product_relation", ("parent_id", "child_id"))
        self.gallery_link = loader.table(
            "catalog_product_entity_media_gallery_value_to_entity", ("value_id", "entity_id")
        )
        self.category_product = loader.table(
            "catalog_category_product", ("entity_id", "category_id", "product_id", "position")
        )
        self.stock = loader.table("cataloginventory_stock_item")

    def write(self, stock_item_id: int, p: Product) -> None:
        """All rows of one product."""
        updated = p.created_at + self.rng.randrange(200) * DAY + self.rng.randrange(DAY)
        composite = int(p.type_id in ("configurable", "bundle"))
        self.entity.add_mapping(
            {
                "entity_id": p.entity_id,
                "attribute_set_id": p.attribute_set_id,
                "type_id": p.type_id,
                "sku": p.sku,
                "has_options": composite,
                "required_options": composite,
                "created_at": ts(p.created_at),
                "updated_at": ts(updated),
            }
        )
        url_key = f"{slug(p.name)}-{p.entity_id}" if p.parent_id is None else slug(p.sku)
        store_url_keys = self._names(p, url_key)
        images = self._varchar(p)
        self._int(p)
        self._decimal(p)
        self._text(p, store_url_keys)
        categories = self._links(p, images)
        self._stock(stock_item_id, p, updated)
        if p.visible:
            self._rewrites(p, url_key, store_url_keys, categories)

    def _names(self, p: Product, url_key: str) -> dict[int, str]:
        """name and url_key, with store-view overrides (some NULL); returns store url keys."""
        e, ids = p.entity_id, self.ids
        self.varchar.add(ids.name, 0, e, p.name)
        store_url_keys: dict[int, str] = {}
        if e in self.renamed or e in self.null_named:
            view = self.views[1 + e % (len(self.views) - 1)]
            if e in self.renamed:
                index = next((i for i, n in enumerate(vocab.NOUNS) if n in p.name), 0)
                translated = translated_name(index, p.name.split(" ")[0], view.language, e)
                self.varchar.add(ids.name, view.store_id, e, translated)
                store_url_keys[view.store_id] = f"{slug(translated)}-{e}"
            else:
                # "use default" unchecked with an empty value: the store row wins, NULL
                self.varchar.add(ids.name, view.store_id, e, None)
        self.varchar.add(ids.url_key, 0, e, url_key)
        for store_id, key in store_url_keys.items():
            self.varchar.add(ids.url_key, store_id, e, key)
        return store_url_keys

    def _varchar(self, p: Product) -> list[int]:
        """The other varchar attributes; returns the product's gallery image ids."""
        e, ids, rng, child = p.entity_id, self.ids, self.rng, p.parent_id is not None
        if not child:
            self.varchar.add(ids.meta_title, 0, e, p.name)
            self.varchar.add(ids.meta_description, 0, e, f"{p.name} - buy online")
            self.varchar.add(ids.options_container, 0, e, "container2")
            self.varchar.add(ids.msrp_display, 0, e, "0")
        pool = self.profile.image_pool
        per_product = 1 if child else self.profile.images_per_product
        images = list(dict.fromkeys(1 + (e * 7 + k * 13) % pool for k in range(per_product)))
        for attribute_id in (ids.image, ids.small_image, ids.thumbnail):
            self.varchar.add(attribute_id, 0, e, _image_path(images[0]))
        if not child and rng.random() < 0.3:
            self.varchar.add(ids.country, 0, e, rng.choice(("US", "DE", "CN", "VN", "PT", "IT")))
        if not child and rng.random() < 0.1:
            self.varchar.add(ids.tagline, 0, e, rng.choice(vocab.TAGLINES))
            for view in self.views[1:]:
                roll = rng.random()
                if roll < 0.5:
                    tagline = vocab.TAGLINE_TRANSLATIONS.get(view.language, "Built to last.")
                    self.varchar.add(ids.tagline, view.store_id, e, tagline)
                elif roll < 0.6:
                    self.varchar.add(ids.tagline, view.store_id, e, None)
        return images

    def _int(self, p: Product) -> None:
        """status (website scope), visibility, tax class, selects and toolkit attributes."""
        e, ids, rng = p.entity_id, self.ids, self.rng
        status = STATUS_DISABLED if rng.random() < 0.03 else STATUS_ENABLED
        self.int.add(ids.status, 0, e, status)
        if e in self.website_disabled:
            website = self.layout.websites[e % len(self.layout.websites)]
            for view in self.layout.views_of(website.website_id):
                self.int.add(ids.status, view.store_id, e, STATUS_DISABLED)
        visibility = VISIBILITY_BOTH if p.visible else VISIBILITY_NOT_VISIBLE
        self.int.add(ids.visibility, 0, e, visibility)
        if p.type_id != "grouped":
            self.int.add(ids.tax_class, 0, e, TAXABLE_GOODS)
        self.int.add(ids.stock_status, 0, e, 1)
        if p.parent_id is not None:
            for attribute_id, option_id in p.super_options:
                self.int.add(attribute_id, 0, e, option_id)
            return
        if p.type_id == "simple" and rng.random() < 0.4:
            self.int.add(ids.color, 0, e, rng.choice(self.options["color"]))
        if rng.random() < 0.5:
            self.int.add(ids.manufacturer, 0, e, rng.choice(self.options["manufacturer"]))
        if rng.random() < 0.3:
            self.int.add(ids.season, 0, e, rng.choice(self.options["season"]))
        if p.type_id == "bundle":
            for attribute_id in (
                ids.price_type,
                ids.sku_type,
                ids.weight_type,
                ids.shipment_type,
                ids.price_view,
            ):
                self.int.add(attribute_id, 0, e, 0)
        for attribute in self.toolkit.get(p.attribute_set_id, ()):
            self.int.add(attribute.attribute_id, 0, e, rng.choice(attribute.option_ids))

    def _decimal(self, p: Product) -> None:
        """Prices (GLOBAL, plus a few stray store rows), weight, cost, msrp, the website-scoped
        handling fee, and special prices with their website-scoped dates."""
        e, ids, rng, child = p.entity_id, self.ids, self.rng, p.parent_id is not None
        if p.type_id in ("simple", "configurable"):
            self.decimal.add(ids.price, 0, e, money(p.price))
            if e in self.stray_price:
                self.decimal.add(ids.price, self.views[0].store_id, e, money(p.price + 100))
        if p.type_id == "simple":
            self.decimal.add(ids.weight, 0, e, _weight(p.weight))
        if child or p.type_id not in ("simple", "configurable"):
            return
        if rng.random() < 0.3:
            self.decimal.add(ids.cost, 0, e, money(p.price * 55 // 100))
        if rng.random() < 0.05:
            self.decimal.add(ids.msrp, 0, e, money(p.price + 1000))
        if rng.random() < 0.05:
            self.decimal.add(ids.handling_fee, 0, e, "2.500000")
            website = self.layout.websites[e % len(self.layout.websites)]
            for view in self.layout.views_of(website.website_id):
                self.decimal.add(ids.handling_fee, view.store_id, e, "4.000000")
        if rng.random() < SPECIAL_PRICE_SHARE:
            self.decimal.add(ids.special_price, 0, e, money(p.price * 8 // 10))
            start = BASE_EPOCH + rng.randrange(600) * DAY
            self.datetime.add(ids.special_from, 0, e, ts(start))
            if rng.random() < 0.7:
                self.datetime.add(ids.special_to, 0, e, ts(start + rng.randrange(7, 60) * DAY))
        if rng.random() < 0.1:
            self.datetime.add(ids.news_from, 0, e, ts(p.created_at - p.created_at % DAY))

    def _text(self, p: Product, store_url_keys: dict[int, str]) -> None:
        """Descriptions (with store overrides, some NULL) and multiselect option-id lists."""
        e, ids, rng = p.entity_id, self.ids, self.rng
        if p.parent_id is not None:
            return
        self.text.add(ids.description, 0, e, rng.choice(vocab.DESCRIPTIONS).format(name=p.name))
        if e in self.null_description:
            self.text.add(ids.description, self.views[-1].store_id, e, None)
        elif store_url_keys:
            store_id = next(iter(store_url_keys))
            language = self.layout.view(store_id).language
            self.text.add(ids.description, store_id, e, f"<p>{p.name} ({language})</p>")
        if rng.random() < 0.6:
            self.text.add(ids.short_description, 0, e, f"<p>{p.name}</p>")
        if rng.random() < 0.3:
            self.text.add(ids.meta_keyword, 0, e, f"{p.name}, {p.sku}")
        if p.type_id not in ("simple", "configurable"):
            return
        for code, attribute_id, share in (
            ("material", ids.material, 0.3),
            ("activity", ids.activity, 0.2),
        ):
            if rng.random() < share:
                chosen = sorted(rng.sample(self.options[code], rng.randint(1, 3)))
                self.text.add(attribute_id, 0, e, ",".join(map(str, chosen)))

    def _links(self, p: Product, images: list[int]) -> list[Category]:
        """Websites, configurable/composite relations, gallery links and categories."""
        e = p.entity_id
        for website in self.layout.websites:
            self.website.add((e, website.website_id))
        if p.type_id == "configurable":
            for position, (attribute_id, _) in enumerate(p.children[0].super_options):
                self.super_attribute.add(
                    (self.super_attribute.rows_added + 1, e, attribute_id, position)
                )
            for c in p.children:
                self.super_link.add((self.super_link.rows_added + 1, c.entity_id, e))
        for c in p.children:
            self.relation.add((e, c.entity_id))
        for image in images:
            self.gallery_link.add((image, e))
        if not p.visible:
            return []
        wanted = min(len(self.leaf_categories), self.rng.randint(*CATEGORIES_PER_PRODUCT))
        chosen = self.rng.sample(self.leaf_categories, wanted)
        for category in chosen:
            position = self.category_positions.get(category.entity_id, 0) + 1
            self.category_positions[category.entity_id] = position
            row = (self.category_product.rows_added + 1, category.entity_id, e, position)
            self.category_product.add(row)
        return chosen

    def _stock(self, item_id: int, p: Product, updated: int) -> None:
        """The legacy single-stock row (stock 1, website 0)."""
        qty = 0
        if p.type_id == "simple" and self.rng.random() >= 0.05:
            qty = self.rng.randrange(1, 1000)
        in_stock = int(qty > 0 or p.type_id != "simple")
        self.stock.add_mapping(
            {
                "item_id": item_id,
                "product_id": p.entity_id,
                "qty": f"{qty}.0000",
                "is_in_stock": in_stock,
                "low_stock_date": None if in_stock else ts(updated),
                **STOCK_ITEM_DEFAULTS,
            }
        )

    def _rewrites(
        self, p: Product, url_key: str, store_url_keys: dict[int, str], categories: list[Category]
    ) -> None:
        """Per store view: the product URL and one category-path URL."""
        e = p.entity_id
        target = f"catalog/product/view/id/{e}"
        for view in self.views:
            key = store_url_keys.get(view.store_id, url_key)
            self.rewrites.add("product", e, f"{key}.html", target, view.store_id)
            if categories:
                category = categories[0]
                self.rewrites.add(
                    "product",
                    e,
                    f"{category.url_path_in(view.store_id)}/{key}.html",
                    f"{target}/category/{category.entity_id}",
                    view.store_id,
                    f'{{"category_id":"{category.entity_id}"}}',
                )

    def close(self) -> None:
        """Queue the files, parents first."""
        self.entity.close()
        for writer in (
            *self.value_tables,
            self.website,
            self.super_attribute,
            self.super_link,
            self.relation,
            self.gallery_link,
            self.category_product,
            self.stock,
        ):
            writer.close()


def write_products(
    loader: Loader,
    profile: Profile,
    products: list[Product],
    categories: list[Category],
    eav: Eav,
    layout: StoreLayout,
    seed: int,
    rewrites: UrlRewrites,
) -> None:
    """Every product table. Deleted products get no rows at all."""
    rng = section_rng(seed, "product-values")
    # the media gallery pool, shared by products as the toolkit does
    gallery_attribute = eav.product("media_gallery").attribute_id
    loader.load_rows(
        "catalog_product_entity_media_gallery",
        ("value_id", "attribute_id", "value", "media_type", "disabled"),
        [
            (n, gallery_attribute, _image_path(n), "image", int(n % 97 == 0))
            for n in range(1, profile.image_pool + 1)
        ],
    )
    writer = _ProductWriter(loader, profile, products, categories, eav, layout, rng, rewrites)
    live = [p for p in products if not p.deleted]
    for item_id, product in enumerate(live, start=1):
        writer.write(item_id, product)
        if item_id % 50_000 == 0:
            loader.check()
            loader.progress.say(f"products: {item_id:,} of {len(live):,} generated")
    writer.close()
