"""Reward points (commerce edition): one ledger row and the new balance per rewarded event."""

from __future__ import annotations

import json
import random

from ..common import money, ts
from ..customers import Customer
from ..marketing import POINTS_PER_CURRENCY_UNIT
from .store import Store


def add_reward(
    store: Store,
    rng: random.Random,
    customer: Customer,
    action: int,
    delta: int,
    entity: int,
    extra: dict[str, object],
    when: int,
) -> None:
    """One ledger row and the new balance, for customers that have a reward balance (commerce)."""
    if store.edition != "commerce":
        return
    db = store.db
    found = db.rows(
        "SELECT reward_id, points_balance FROM magento_reward "
        "WHERE customer_id = %s AND website_id = %s FOR UPDATE",
        (customer.entity_id, customer.website_id),
    )
    if not found:
        return
    reward_id, balance = int(found[0][0]), int(found[0][1])
    delta = max(delta, -balance)
    balance += delta
    currency = store.layout.website(customer.website_id).currency
    rate = {
        "points": POINTS_PER_CURRENCY_UNIT,
        "currency_amount": "1.0000",
        "direction": 1,
        "currency_code": currency,
    }
    db.insert(
        "magento_reward_history",
        {
            "history_id": store.ids.take("magento_reward_history", "history_id"),
            "reward_id": reward_id,
            "website_id": customer.website_id,
            "store_id": customer.store_id,
            "action": action,
            "entity": entity,
            "points_balance": balance,
            "points_delta": delta,
            "points_used": 0,
            "points_voided": 0,
            "currency_amount": money(balance),
            "currency_delta": money(delta),
            "base_currency_code": currency,
            "additional_data": json.dumps({**extra, "rate": rate}, separators=(",", ":")),
            "comment": None,
            "created_at": ts(when),
            "expired_at_static": ts(when + 365 * 86_400) if delta > 0 else None,
            "expired_at_dynamic": None,
            "is_expired": 0,
            "is_duplicate_of": None,
            "notification_sent": int(delta > 0 and rng.random() < 0.5),
        },
    )
    db.update("magento_reward", {"points_balance": balance}, "reward_id", reward_id)
    store.add("reward_events")
