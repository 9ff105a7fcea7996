"""Reference rows a Magento install writes: customer groups, review/rating setup, order
statuses, the default stock and directory regions (rows as in a 2.4.2 install)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from .loader import Loader
from .stores import StoreLayout

CUSTOMER_GROUPS = (
    (0, "NOT LOGGED IN", 3),
    (1, "General", 3),
    (2, "Wholesale", 3),
    (3, "Retailer", 3),
)
REVIEW_ENTITIES = ((1, "product"), (2, "customer"), (3, "category"))
REVIEW_STATUSES = ((1, "Approved"), (2, "Pending"), (3, "Not Approved"))
RATING_ENTITIES = ((1, "product"), (2, "product_review"), (3, "review"))
RATINGS = ((1, 1, "Quality", 0, 1), (2, 1, "Value", 0, 1), (3, 1, "Price", 0, 1))
ORDER_STATUSES = (
    ("canceled", "Canceled"),
    ("closed", "Closed"),
    ("complete", "Complete"),
    ("fraud", "Suspected Fraud"),
    ("holded", "On Hold"),
    ("payment_review", "Payment Review"),
    ("paypal_canceled_reversal", "PayPal Canceled Reversal"),
    ("paypal_reversed", "PayPal Reversed"),
    ("pending", "Pending"),
    ("pending_payment", "Pending Payment"),
    ("pending_paypal", "Pending PayPal"),
    ("processing", "Processing"),
)
# (status, state, is_default, visible_on_front)
ORDER_STATUS_STATES = (
    ("canceled", "canceled", 1, 1),
    ("closed", "closed", 1, 1),
    ("complete", "complete", 1, 1),
    ("fraud", "payment_review", 0, 1),
    ("fraud", "processing", 0, 1),
    ("holded", "holded", 1, 1),
    ("payment_review", "payment_review", 1, 1),
    ("pending", "new", 1, 1),
    ("pending_payment", "pending_payment", 1, 0),
    ("processing", "processing", 1, 1),
)


def rating_option_id(rating_id: int, value: int) -> int:
    """rating_option.option_id of a star value (1..5) of a rating, as installed (1..15)."""
    return (rating_id - 1) * 5 + value


@dataclass(frozen=True)
class Region:
    """A directory_country_region row."""

    region_id: int
    country_id: str
    code: str
    name: str


def load_regions() -> tuple[Region, ...]:
    """The shipped region subset (US, CA, DE and FR, with their real 2.4.2 ids)."""
    path = resources.files("magento_store") / "data" / "directory_country_region.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Region(int(r["region_id"]), r["country_id"], r["code"], r["default_name"])
            for r in csv.DictReader(handle)
        )


def write_reference(loader: Loader, layout: StoreLayout, regions: tuple[Region, ...]) -> None:
    """All reference tables, parents first."""
    loader.load_rows(
        "customer_group",
        ("customer_group_id", "customer_group_code", "tax_class_id"),
        CUSTOMER_GROUPS,
    )
    loader.load_rows("review_entity", ("entity_id", "entity_code"), REVIEW_ENTITIES)
    loader.load_rows("review_status", ("status_id", "status_code"), REVIEW_STATUSES)
    loader.load_rows("rating_entity", ("entity_id", "entity_code"), RATING_ENTITIES)
    loader.load_rows(
        "rating", ("rating_id", "entity_id", "rating_code", "position", "is_active"), RATINGS
    )
    loader.load_rows(
        "rating_option",
        ("option_id", "rating_id", "code", "value", "position"),
        [(rating_option_id(r[0], v), r[0], str(v), v, v) for r in RATINGS for v in range(1, 6)],
    )
    loader.load_rows(
        "rating_store",
        ("rating_id", "store_id"),
        [(r[0], store) for r in RATINGS for store in [0, *(v.store_id for v in layout.views)]],
    )
    loader.load_rows("sales_order_status", ("status", "label"), ORDER_STATUSES)
    loader.load_rows(
        "sales_order_status_state",
        ("status", "state", "is_default", "visible_on_front"),
        ORDER_STATUS_STATES,
    )
    loader.load_rows(
        "cataloginventory_stock", ("stock_id", "website_id", "stock_name"), [(1, 0, "Default")]
    )
    loader.load_rows(
        "directory_country_region",
        ("region_id", "country_id", "code", "default_name"),
        [(r.region_id, r.country_id, r.code, r.name) for r in regions],
    )
