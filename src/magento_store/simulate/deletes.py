"""Deletes with plain SQL, as Magento issues them: customers (InnoDB cascades and SET NULL do the
rest), one product, one review.
"""

from __future__ import annotations

from ..marketing import REWARD_REVIEW
from .store import Store


def delete_customers(store: Store, count: int) -> None:
    """Plain DELETE FROM customer_entity: InnoDB cascades addresses, EAV values, wishlists (and
    reward balances) and sets sales_order.customer_id and review_detail.customer_id to NULL.
    The newsletter subscription (no foreign key) goes too, as Magento's plugin removes it."""
    if count == 0:
        return
    rng = store.rng("customer-deletes")
    db = store.db
    rows = db.rows(
        "SELECT c.entity_id, "
        "EXISTS (SELECT 1 FROM sales_order o WHERE o.customer_id = c.entity_id) AND "
        "EXISTS (SELECT 1 FROM customer_address_entity a WHERE a.parent_id = c.entity_id) "
        "FROM customer_entity c ORDER BY c.entity_id"
    )
    free = [(int(r[0]), int(r[1])) for r in rows if int(r[0]) not in store.touched_customers]
    preferred = [c for c, rich in free if rich]
    others = [c for c, rich in free if not rich]
    chosen = rng.sample(preferred, min(count, len(preferred)))
    chosen += rng.sample(others, min(count - len(chosen), len(others)))
    for customer_id in chosen:
        detached = int(
            db.value("SELECT COUNT(*) FROM sales_order WHERE customer_id = %s", (customer_id,))
        )
        with db.event(store.clock.tick(rng)):
            db.run("DELETE FROM newsletter_subscriber WHERE customer_id = %s", (customer_id,))
            db.run("DELETE FROM customer_entity WHERE entity_id = %s", (customer_id,))
        store.touched_customers.add(customer_id)
        store.add("customers_deleted")
        store.add("orders_detached", detached)


def delete_product(store: Store) -> None:
    """One standalone simple product, preferably one that was ordered: EAV rows, stock item,
    website and category links cascade; order items keep its id (no foreign key there). Its
    url_rewrite rows go too (Magento's observer); a product with reviews is never chosen."""
    rng = store.rng("product-delete")
    db = store.db

    def ids(sql: str) -> set[int]:
        return {int(r[0]) for r in db.rows(sql) if r[0] is not None}

    sold = ids("SELECT DISTINCT product_id FROM sales_order_item")
    avoid = (
        store.touched_products
        | ids("SELECT DISTINCT child_id FROM catalog_product_relation")
        | ids("SELECT DISTINCT entity_pk_value FROM review WHERE entity_id = 1")
    )
    simples = [
        i
        for i in sorted(
            ids("SELECT entity_id FROM catalog_product_entity WHERE type_id = 'simple'")
        )
        if i not in avoid
    ]
    candidates = [i for i in simples if i in sold] or simples
    if not candidates:
        return
    product_id = rng.choice(candidates)
    with db.event(store.clock.tick(rng)):
        db.run(
            "DELETE FROM url_rewrite WHERE entity_type = 'product' AND entity_id = %s",
            (product_id,),
        )
        # every version (Commerce; row_id-keyed rows cascade), then the id's sequence row
        # (Commerce; the rows keyed by entity id cascade from it)
        db.run("DELETE FROM catalog_product_entity WHERE entity_id = %s", (product_id,))
        if store.staged:
            db.run("DELETE FROM sequence_product WHERE sequence_value = %s", (product_id,))
    store.touched_products.add(product_id)
    store.add("products_deleted")


def delete_review(store: Store) -> None:
    """One review: its detail, store links and rating votes cascade."""
    rng = store.rng("review-delete")
    db = store.db
    rows = db.rows("SELECT review_id FROM review ORDER BY review_id")
    reviews = [int(r[0]) for r in rows]
    if store.edition == "commerce":
        # keep the reward ledger's review entries pointing at existing reviews
        earned = {
            int(r[0])
            for r in db.rows(
                "SELECT entity FROM magento_reward_history "
                "WHERE action = %s AND entity IS NOT NULL",
                (REWARD_REVIEW,),
            )
        }
        reviews = [r for r in reviews if r not in earned]
    if not reviews:
        return
    with db.event(store.clock.tick(rng)):
        db.run("DELETE FROM review WHERE review_id = %s", (rng.choice(reviews),))
    store.add("reviews_deleted")
