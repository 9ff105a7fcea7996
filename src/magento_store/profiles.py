"""Store sizes: Magento performance-toolkit profiles plus the ratios the toolkit leaves open.

The per-profile numbers are the toolkit's (`setup/performance-toolkit/profiles/ce/*.xml`,
identical in 2.3.3 and 2.4.8-p1). Two deliberate departures, so every profile exercises
multi-store logic:

* every profile has at least 2 websites and 3 store views (the toolkit's `small` has 1 and 1);
* products are assigned to every website (`assign_entities_to_all_websites`), also for `small`.

The toolkit does not generate reviews, wishlists, credit memos, newsletter subscribers or reward
points; the ratios for those (and for the "realism" cases that break naive migrations) are the
named constants below. They are our choices, not Magento figures.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """Entity counts of one store size."""

    name: str
    websites: int
    store_views: int
    simple_products: int
    configurable_products: int
    image_pool: int
    images_per_product: int
    categories: int
    categories_nesting_level: int
    customers: int
    addresses_per_customer: int
    cart_price_rules: int
    coupon_codes: int
    product_attribute_sets: int
    attributes_per_set: int
    options_per_attribute: int
    orders: int
    items_per_order: int

    @property
    def products(self) -> int:
        """Rows of catalog_product_entity: simples + configurable parents + their children."""
        return self.simple_products + self.configurable_products * (1 + CONFIGURABLE_VARIATIONS)


# Configurable products: 3 super attributes with 8 options each; every parent has 24 children
# (24 distinct combinations), as the toolkit's "3 x 8 = 24 variations".
CONFIGURABLE_SUPER_ATTRIBUTES = 3
CONFIGURABLE_OPTIONS_PER_ATTRIBUTE = 8
CONFIGURABLE_VARIATIONS = 24

# Cap for the toolkit's per-attribute-set attributes (extra_large asks for 100 x 30 = 3,000
# select attributes with 15 options each). small and medium keep their numbers.
MAX_TOOLKIT_ATTRIBUTES = 1_000

PROFILES: dict[str, Profile] = {
    "small": Profile(
        name="small",
        websites=2,
        store_views=3,
        simple_products=800,
        configurable_products=16,
        image_pool=100,
        images_per_product=3,
        categories=30,
        categories_nesting_level=3,
        customers=200,
        addresses_per_customer=2,
        cart_price_rules=20,
        coupon_codes=20,
        product_attribute_sets=10,
        attributes_per_set=5,
        options_per_attribute=5,
        orders=80,
        items_per_order=2,
    ),
    "medium": Profile(
        name="medium",
        websites=3,
        store_views=3,
        simple_products=24_000,
        configurable_products=640,
        image_pool=1_000,
        images_per_product=3,
        categories=300,
        categories_nesting_level=3,
        customers=2_000,
        addresses_per_customer=2,
        cart_price_rules=20,
        coupon_codes=20,
        product_attribute_sets=30,
        attributes_per_set=10,
        options_per_attribute=8,
        orders=50_000,
        items_per_order=2,
    ),
    "large": Profile(
        name="large",
        websites=5,
        store_views=5,
        simple_products=300_000,
        configurable_products=8_000,
        image_pool=2_000,
        images_per_product=3,
        categories=3_000,
        categories_nesting_level=5,
        customers=5_000,
        addresses_per_customer=2,
        cart_price_rules=20,
        coupon_codes=20,
        product_attribute_sets=50,
        attributes_per_set=20,
        options_per_attribute=15,
        orders=100_000,
        items_per_order=2,
    ),
    "extra_large": Profile(
        name="extra_large",
        websites=5,
        store_views=5,
        simple_products=600_000,
        configurable_products=16_000,
        image_pool=2_000,
        images_per_product=3,
        categories=6_000,
        categories_nesting_level=5,
        customers=10_000,
        addresses_per_customer=2,
        cart_price_rules=20,
        coupon_codes=20,
        product_attribute_sets=100,
        attributes_per_set=30,
        options_per_attribute=15,
        orders=150_000,
        items_per_order=2,
    ),
}

# --- Catalog realism -------------------------------------------------------------------------
# Share of the toolkit's simple products turned into bundle / grouped products (at least 2 each).
BUNDLE_PRODUCT_SHARE = 0.005
GROUPED_PRODUCT_SHARE = 0.005
# Extra products generated then deleted (ids left as gaps); order items still point at them.
DELETED_PRODUCT_SHARE = 0.005
# Products / categories with a store-view override of name, url_key, description, ...
STORE_OVERRIDE_SHARE = 0.04
# Products / categories with a store-view override row whose value is NULL.
NULL_OVERRIDE_SHARE = 0.015
# Products with a stray store-level row on a GLOBAL attribute (price), which Magento ignores.
STRAY_GLOBAL_ROW_SHARE = 0.01
# Products disabled on one website (status rows for every store view of that website).
WEBSITE_DISABLED_SHARE = 0.02
SPECIAL_PRICE_SHARE = 0.10
CATEGORIES_PER_PRODUCT = (1, 3)

# --- Customers -------------------------------------------------------------------------------
# Extra customers generated, given orders, then deleted (their orders keep customer_id NULL).
DELETED_CUSTOMER_SHARE = 0.03
CUSTOMER_WITHOUT_ADDRESS_SHARE = 0.03
MULTILINE_STREET_SHARE = 0.3
INACTIVE_CUSTOMER_SHARE = 0.03

# --- Sales -----------------------------------------------------------------------------------
GUEST_ORDER_SHARE = 0.15
DELETED_CUSTOMER_ORDER_SHARE = 0.03
CONFIGURABLE_LINE_SHARE = 0.3
DELETED_PRODUCT_LINE_SHARE = 0.01
COUPON_ORDER_SHARE = 0.2
CREDITMEMO_ORDER_SHARE = 0.05
PARTIAL_REFUND_SHARE = 0.5
# (state, status, weight) of orders before refunds; every pair is in sales_order_status_state.
ORDER_STATES: tuple[tuple[str, str, int], ...] = (
    ("complete", "complete", 55),
    ("processing", "processing", 17),
    ("new", "pending", 12),
    ("canceled", "canceled", 10),
    ("holded", "holded", 6),
)
# (payment method, weight); checkmo has no gateway transactions.
PAYMENT_METHODS: tuple[tuple[str, int], ...] = (
    ("checkmo", 40),
    ("braintree", 35),
    ("paypal_express", 25),
)

# --- Marketing -------------------------------------------------------------------------------
REVIEWS_PER_PRODUCT = 0.1
GUEST_REVIEW_SHARE = 0.2
WISHLIST_CUSTOMER_SHARE = 0.3
WISHLIST_ITEMS = (1, 5)
NEWSLETTER_CUSTOMER_SHARE = 0.4
NEWSLETTER_GUEST_RATIO = 0.1
REWARD_CUSTOMER_SHARE = 0.5
# Generated coupon codes of the auto-generation rule, per profile size (at least 50).
AUTO_COUPONS_PER_CUSTOMER = 0.25


def get_profile(name: str) -> Profile:
    """The profile called `name`; raises KeyError naming the valid choices."""
    try:
        return PROFILES[name]
    except KeyError:
        raise KeyError(f"unknown profile {name!r}; choose one of {', '.join(PROFILES)}") from None
