"""Websites, store groups and store views (Magento's store hierarchy), admin scope 0 included."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import Loader
from .profiles import Profile

ROOT_CATALOG_ID = 1
DEFAULT_CATEGORY_ID = 2


@dataclass(frozen=True)
class Website:
    """A `store_website` row plus what orders need: base currency, country, tax rate."""

    website_id: int
    code: str
    name: str
    group_id: int
    group_code: str
    group_name: str
    currency: str
    country: str
    tax_rate_bp: int  # basis points: 825 = 8.25 %
    to_usd: str  # base_to_global_rate


@dataclass(frozen=True)
class StoreView:
    """A `store` row (a store view) with its locale and order-number prefix."""

    store_id: int
    code: str
    name: str
    website_id: int
    group_id: int
    locale: str
    country: str
    increment_prefix: str

    @property
    def language(self) -> str:
        """Two-letter language of the locale ('fr' for fr_CA)."""
        return self.locale.split("_")[0]


# (code, name, group code, group name, currency, country, tax bp, to USD, first view)
_WEBSITES = (
    (
        "base",
        "Main Website",
        "main_website_store",
        "Main Website Store",
        "USD",
        "US",
        825,
        "1.0000",
        ("default", "Default Store View", "en_US"),
    ),
    (
        "eu",
        "EU Website",
        "eu_store",
        "EU Store",
        "EUR",
        "DE",
        1900,
        "1.0800",
        ("de", "German Store View", "de_DE"),
    ),
    (
        "uk",
        "UK Website",
        "uk_store",
        "UK Store",
        "GBP",
        "GB",
        2000,
        "1.2700",
        ("uk", "UK Store View", "en_GB"),
    ),
    (
        "ca",
        "Canada Website",
        "ca_store",
        "Canada Store",
        "CAD",
        "CA",
        1300,
        "0.7400",
        ("ca_fr", "Canada French Store View", "fr_CA"),
    ),
    (
        "au",
        "Australia Website",
        "au_store",
        "Australia Store",
        "AUD",
        "AU",
        1000,
        "0.6600",
        ("au", "Australia Store View", "en_AU"),
    ),
)
# Extra views (beyond one per website) go to the base website, in this order.
_EXTRA_BASE_VIEWS = (
    ("fr", "French Store View", "fr_FR", "FR"),
    ("es", "Spanish Store View", "es_ES", "US"),
)
# Store views whose orders use no number prefix, like store 1: their increment_ids repeat store
# 1's ('000000001' exists in both), which is legal: the unique key is (increment_id, store_id).
_UNPREFIXED_VIEWS = frozenset({"default", "de"})


@dataclass(frozen=True)
class StoreLayout:
    """All websites and store views of a generated store (admin scope excluded)."""

    websites: tuple[Website, ...]
    views: tuple[StoreView, ...]

    def website(self, website_id: int) -> Website:
        """The website with this id."""
        return next(w for w in self.websites if w.website_id == website_id)

    def view(self, store_id: int) -> StoreView:
        """The store view with this id."""
        return next(v for v in self.views if v.store_id == store_id)

    def views_of(self, website_id: int) -> tuple[StoreView, ...]:
        """Store views of one website, in store_id order."""
        return tuple(v for v in self.views if v.website_id == website_id)

    def store_name(self, view: StoreView) -> str:
        """`sales_order.store_name`: website, group and view names joined by newlines."""
        website = self.website(view.website_id)
        return f"{website.name}\n{website.group_name}\n{view.name}"


def build_layout(profile: Profile) -> StoreLayout:
    """Websites 1..n (one group each, root category 2) and their store views."""
    if profile.websites < 1 or profile.websites > len(_WEBSITES):
        raise ValueError(f"profile {profile.name}: websites must be 1..{len(_WEBSITES)}")
    extra = profile.store_views - profile.websites
    if extra < 0 or extra > len(_EXTRA_BASE_VIEWS):
        raise ValueError(f"profile {profile.name}: unsupported number of store views")
    websites: list[Website] = []
    views: list[StoreView] = []
    for index, spec in enumerate(_WEBSITES[: profile.websites], start=1):
        code, name, group_code, group_name, currency, country, tax, to_usd, first = spec
        websites.append(
            Website(
                index, code, name, index, group_code, group_name, currency, country, tax, to_usd
            )
        )
        view_specs = [(first[0], first[1], first[2], country)]
        if index == 1:
            view_specs.extend(_EXTRA_BASE_VIEWS[:extra])
        for view_code, view_name, locale, view_country in view_specs:
            store_id = len(views) + 1
            prefix = "" if view_code in _UNPREFIXED_VIEWS else str(store_id)
            views.append(
                StoreView(
                    store_id, view_code, view_name, index, index, locale, view_country, prefix
                )
            )
    return StoreLayout(tuple(websites), tuple(views))


def write_stores(loader: Loader, layout: StoreLayout) -> None:
    """store_website, store_group and store, with the admin scope (id 0) as Magento installs it."""
    loader.load_rows(
        "store_website",
        ("website_id", "code", "name", "sort_order", "default_group_id", "is_default"),
        [(0, "admin", "Admin", 0, 0, 0)]
        + [
            (w.website_id, w.code, w.name, w.website_id - 1, w.group_id, int(w.website_id == 1))
            for w in layout.websites
        ],
    )
    loader.load_rows(
        "store_group",
        ("group_id", "website_id", "name", "root_category_id", "default_store_id", "code"),
        [(0, 0, "Default", 0, 0, "default")]
        + [
            (
                w.group_id,
                w.website_id,
                w.group_name,
                DEFAULT_CATEGORY_ID,
                layout.views_of(w.website_id)[0].store_id,
                w.group_code,
            )
            for w in layout.websites
        ],
    )
    loader.load_rows(
        "store",
        ("store_id", "code", "website_id", "group_id", "name", "sort_order", "is_active"),
        [(0, "admin", 0, 0, "Admin", 0, 1)]
        + [
            (v.store_id, v.code, v.website_id, v.group_id, v.name, v.store_id - 1, 1)
            for v in layout.views
        ],
    )
