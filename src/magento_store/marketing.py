"""Newsletter subscribers, wishlists, reviews with rating votes, and (Adobe Commerce only)
reward points balances with their history ledger."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass

from . import vocab
from .catalog import Catalog
from .common import DAY, HOUR, hex_token, section_rng, ts, weighted
from .customers import Customer
from .loader import Loader
from .profiles import (
    GUEST_REVIEW_SHARE,
    NEWSLETTER_CUSTOMER_SHARE,
    NEWSLETTER_GUEST_RATIO,
    REVIEWS_PER_PRODUCT,
    REWARD_CUSTOMER_SHARE,
    WISHLIST_CUSTOMER_SHARE,
    WISHLIST_ITEMS,
)
from .reference import RATINGS, rating_option_id
from .sales import Order
from .stores import StoreLayout

SUBSCRIBED, NOT_ACTIVE, UNSUBSCRIBED, UNCONFIRMED = 1, 2, 3, 4
REVIEW_APPROVED, REVIEW_PENDING, REVIEW_NOT_APPROVED = 1, 2, 3
REVIEW_ENTITY_PRODUCT = 1
# magento_reward_history.action (Magento\Reward\Model\Reward constants)
REWARD_ADMIN, REWARD_ORDER, REWARD_REGISTER, REWARD_NEWSLETTER, REWARD_REVIEW, REWARD_CREDITMEMO = (
    0,
    1,
    2,
    3,
    6,
    9,
)
POINTS_PER_CURRENCY_UNIT = 100


@dataclass(frozen=True)
class Review:
    """A written review (what reward points need of it)."""

    review_id: int
    customer_id: int | None
    status_id: int
    created_at: int


def write_newsletter(
    loader: Loader, customers: list[Customer], layout: StoreLayout, seed: int
) -> set[int]:
    """Subscribers: ~40% of customers plus guests (customer_id 0); returns the ids of
    subscribed customers."""
    rng = section_rng(seed, "newsletter")
    rows = []
    subscribed: set[int] = set()
    statuses = ((SUBSCRIBED, 75), (UNSUBSCRIBED, 15), (UNCONFIRMED, 5), (NOT_ACTIVE, 5))
    for c in customers:
        if c.deleted or rng.random() >= NEWSLETTER_CUSTOMER_SHARE:
            continue
        status = weighted(rng, statuses)
        if status == SUBSCRIBED:
            subscribed.add(c.entity_id)
        rows.append(
            (
                c.store_id,
                ts(c.created_at + rng.randrange(300) * DAY),
                c.entity_id,
                c.email,
                status,
                hex_token("confirm", c.email),
            )
        )
    guests = max(4, round(len(customers) * NEWSLETTER_GUEST_RATIO))
    for n in range(1, guests + 1):
        status = (
            (SUBSCRIBED, NOT_ACTIVE, UNSUBSCRIBED, UNCONFIRMED)[n - 1]
            if n <= 4
            else weighted(rng, statuses)
        )
        view = rng.choice(layout.views)
        rows.append(
            (
                view.store_id,
                ts(customers[0].created_at + rng.randrange(600) * DAY),
                0,
                f"newsletter{n}@example.org",
                status,
                hex_token("confirm-guest", n),
            )
        )
    rows.sort(key=lambda r: (r[1], r[3]))
    loader.load_rows(
        "newsletter_subscriber",
        (
            "subscriber_id",
            "store_id",
            "change_status_at",
            "customer_id",
            "subscriber_email",
            "subscriber_status",
            "subscriber_confirm_code",
        ),
        [(n, *r) for n, r in enumerate(rows, start=1)],
    )
    return subscribed


def write_wishlists(loader: Loader, customers: list[Customer], catalog: Catalog, seed: int) -> None:
    """One wishlist for ~30% of customers, 1-5 items each."""
    rng = section_rng(seed, "wishlists")
    visible = [p.entity_id for p in catalog.visible]
    wishlists, items = [], []
    for c in customers:
        if c.deleted or rng.random() >= WISHLIST_CUSTOMER_SHARE:
            continue
        wishlist_id = len(wishlists) + 1
        updated = c.created_at + rng.randrange(1, 500) * DAY
        shared = int(rng.random() < 0.1)
        wishlists.append(
            (wishlist_id, c.entity_id, shared, hex_token("wishlist", c.entity_id), ts(updated))
        )
        for product_id in sorted(rng.sample(visible, rng.randint(*WISHLIST_ITEMS))):
            items.append(
                (
                    len(items) + 1,
                    wishlist_id,
                    product_id,
                    c.store_id if rng.random() < 0.95 else None,
                    ts(updated - rng.randrange(30) * DAY),
                    "For my birthday 🎁" if rng.random() < 0.05 else None,
                    "1.0000",
                )
            )
    loader.load_rows(
        "wishlist",
        ("wishlist_id", "customer_id", "shared", "sharing_code", "updated_at"),
        wishlists,
    )
    loader.load_rows(
        "wishlist_item",
        (
            "wishlist_item_id",
            "wishlist_id",
            "product_id",
            "store_id",
            "added_at",
            "description",
            "qty",
        ),
        items,
    )


def write_reviews(
    loader: Loader, customers: list[Customer], catalog: Catalog, layout: StoreLayout, seed: int
) -> list[Review]:
    """Reviews (~0.1 per product, ~20% guests), their details, store links and 3 votes each."""
    rng = section_rng(seed, "reviews")
    products = catalog.visible
    count = max(10, round(len(catalog.products) * REVIEWS_PER_PRODUCT))
    planned = []
    for n in range(count):
        product = rng.choice(products)
        customer = None if rng.random() < GUEST_REVIEW_SHARE else rng.choice(customers)
        created = product.created_at + rng.randrange(30, 700) * DAY + rng.randrange(DAY)
        planned.append((created, n, product.entity_id, customer))
    planned.sort(key=lambda p: (p[0], p[1]))
    reviews, details, stores, votes, result = [], [], [], [], []
    for review_id, (created, _, product_id, customer) in enumerate(planned, start=1):
        status = weighted(
            rng, ((REVIEW_APPROVED, 80), (REVIEW_PENDING, 15), (REVIEW_NOT_APPROVED, 5))
        )
        store_id = customer.store_id if customer else rng.choice(layout.views).store_id
        # a deleted customer's reviews keep no customer_id (ON DELETE SET NULL)
        customer_id = customer.entity_id if customer and not customer.deleted else None
        nickname = customer.firstname if customer else rng.choice(vocab.FIRST_NAMES)
        reviews.append((review_id, ts(created), REVIEW_ENTITY_PRODUCT, product_id, status))
        details.append(
            (
                review_id,
                review_id,
                store_id,
                rng.choice(vocab.REVIEW_TITLES),
                rng.choice(vocab.REVIEW_DETAILS),
                nickname,
                customer_id,
            )
        )
        stores.extend(((review_id, 0), (review_id, store_id)))
        ip = str(ipaddress.IPv4Address(rng.randrange(0x01000000, 0xDF000000)))
        # rating_option_vote.customer_id has no foreign key: a deleted customer's id stays;
        # guests vote with NULL or 0
        if customer is not None:
            vote_customer: int | None = customer.entity_id
        else:
            vote_customer = 0 if review_id % 2 else None
        for rating in RATINGS:
            value = rng.choices((1, 2, 3, 4, 5), weights=(5, 5, 15, 35, 40))[0]
            votes.append(
                (
                    len(votes) + 1,
                    rating_option_id(rating[0], value),
                    ip,
                    int(ipaddress.IPv4Address(ip)),
                    vote_customer,
                    product_id,
                    rating[0],
                    review_id,
                    value * 20,
                    value,
                )
            )
        result.append(Review(review_id, customer_id, status, created))
    loader.load_rows(
        "review", ("review_id", "created_at", "entity_id", "entity_pk_value", "status_id"), reviews
    )
    loader.load_rows(
        "review_detail",
        ("detail_id", "review_id", "store_id", "title", "detail", "nickname", "customer_id"),
        details,
    )
    loader.load_rows("review_store", ("review_id", "store_id"), stores)
    loader.load_rows(
        "rating_option_vote",
        (
            "vote_id",
            "option_id",
            "remote_ip",
            "remote_ip_long",
            "customer_id",
            "entity_pk_value",
            "rating_id",
            "review_id",
            "percent",
            "value",
        ),
        votes,
    )
    return result


def write_rewards(
    loader: Loader,
    customers: list[Customer],
    orders: list[Order],
    reviews: list[Review],
    subscribed: set[int],
    layout: StoreLayout,
    seed: int,
) -> None:
    """magento_reward (one balance per customer and website) and magento_reward_history, whose
    running points_balance ends at the balance row's points_balance."""
    rng = section_rng(seed, "rewards")
    orders_by_customer: dict[int, list[Order]] = {}
    for o in orders:
        if o.kind == "registered" and o.customer is not None:
            orders_by_customer.setdefault(o.customer.entity_id, []).append(o)
    reviews_by_customer: dict[int, list[Review]] = {}
    for r in reviews:
        if r.customer_id is not None and r.status_id == REVIEW_APPROVED:
            reviews_by_customer.setdefault(r.customer_id, []).append(r)
    refunded_customers = {
        cid for cid, os in orders_by_customer.items() if any(o.creditmemos for o in os)
    }
    balances, history = [], []
    for c in customers:
        if c.deleted:
            continue
        if c.entity_id not in refunded_customers and rng.random() >= REWARD_CUSTOMER_SHARE:
            continue
        website = layout.website(c.website_id)
        events: list[tuple[int, int, int, int | None, dict[str, object], str | None]] = []
        events.append((c.created_at, REWARD_REGISTER, rng.choice((50, 100)), None, {}, None))
        if c.entity_id in subscribed:
            events.append((c.created_at + DAY, REWARD_NEWSLETTER, 20, None, {}, None))
        for o in orders_by_customer.get(c.entity_id, []):
            if o.state == "canceled":
                continue
            earned = o.grand_total // 100
            extra = {"increment_id": o.increment_id}
            if rng.random() < 0.2:
                events.append((o.created_at, REWARD_ORDER, -100, o.entity_id, extra, None))
            events.append((o.created_at + HOUR, REWARD_ORDER, earned, o.entity_id, extra, None))
            for memo in o.creditmemos:
                refund = -(earned * memo.grand_total // max(1, o.grand_total))
                events.append(
                    (
                        memo.created_at,
                        REWARD_CREDITMEMO,
                        refund,
                        o.entity_id,
                        {"increment_id": memo.increment_id},
                        None,
                    )
                )
        for r in reviews_by_customer.get(c.entity_id, []):
            events.append((r.created_at + DAY, REWARD_REVIEW, 10, r.review_id, {}, None))
        if rng.random() < 0.2:
            events.append(
                (
                    c.created_at + rng.randrange(1, 400) * DAY,
                    REWARD_ADMIN,
                    rng.choice((-30, 25, 200)),
                    None,
                    {},
                    "Goodwill adjustment by customer service",
                )
            )
        events.sort(key=lambda e: (e[0], e[1]))
        reward_id = len(balances) + 1
        balance = 0
        for when, action, delta, entity, extra, comment in events:
            delta = max(delta, -balance)  # a balance never goes below zero
            balance += delta
            rate = {
                "points": POINTS_PER_CURRENCY_UNIT,
                "currency_amount": "1.0000",
                "direction": 1,
                "currency_code": website.currency,
            }
            history.append(
                (
                    len(history) + 1,
                    reward_id,
                    c.website_id,
                    c.store_id,
                    action,
                    entity,
                    balance,
                    delta,
                    -delta if delta < 0 and action == REWARD_ORDER else 0,
                    0,
                    f"{balance // 100}.{balance % 100:02d}",
                    f"{'-' if delta < 0 else ''}{abs(delta) // 100}.{abs(delta) % 100:02d}",
                    website.currency,
                    json.dumps({**extra, "rate": rate}, separators=(",", ":")),
                    comment,
                    ts(when),
                    ts(when + 365 * DAY) if delta > 0 else None,
                    None,
                    0,
                    None,
                    int(delta > 0 and rng.random() < 0.5),
                )
            )
        balances.append((reward_id, c.entity_id, c.website_id, balance, website.currency))
    loader.load_rows(
        "magento_reward",
        ("reward_id", "customer_id", "website_id", "points_balance", "website_currency_code"),
        balances,
    )
    loader.load_rows(
        "magento_reward_history",
        (
            "history_id",
            "reward_id",
            "website_id",
            "store_id",
            "action",
            "entity",
            "points_balance",
            "points_delta",
            "points_used",
            "points_voided",
            "currency_amount",
            "currency_delta",
            "base_currency_code",
            "additional_data",
            "comment",
            "created_at",
            "expired_at_static",
            "expired_at_dynamic",
            "is_expired",
            "is_duplicate_of",
            "notification_sent",
        ),
        history,
    )
