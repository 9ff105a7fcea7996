"""Catalog: the category tree, products of every type, their EAV values (with store-view
overrides), website/category links, configurable and composite relations, images, stock and
storefront URL rewrites.

- `model.py`: Category, Product, Catalog, and the EAV-value and URL-rewrite writers both share;
- `categories.py`: the tree and its rows; `product_plan.py`: the products; `product_rows.py`:
  their rows.
"""

from __future__ import annotations

from ..eav import Eav
from ..loader import Loader
from ..profiles import Profile
from ..stores import StoreLayout
from .categories import build_categories, write_categories
from .model import URL_REWRITE_COLUMNS, Catalog, Category, Product, UrlRewrites, translated_name
from .product_plan import plan_products
from .product_rows import write_products

__all__ = ["Catalog", "Category", "Product", "generate_catalog", "translated_name"]


def generate_catalog(
    loader: Loader, profile: Profile, eav: Eav, layout: StoreLayout, seed: int
) -> Catalog:
    """Categories, then products; url_rewrite is written last (categories' rows first)."""
    categories = build_categories(profile, seed)
    products = plan_products(profile, eav, seed)
    rewrites = UrlRewrites(loader.table("url_rewrite", URL_REWRITE_COLUMNS))
    write_categories(loader, categories, eav, layout, seed, rewrites)
    write_products(loader, profile, products, categories, eav, layout, seed, rewrites)
    rewrites.writer.close()
    return Catalog(categories, products)
