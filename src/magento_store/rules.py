"""Cart price rules (salesrule) and their coupons: planned before orders (which apply them),
written after them (with times_used counted from the orders)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .common import BASE_EPOCH, DAY, day, hex_token, section_rng, ts
from .loader import Loader
from .profiles import AUTO_COUPONS_PER_CUSTOMER, Profile
from .stores import StoreLayout

NO_COUPON, SPECIFIC_COUPON, AUTO_COUPON = 1, 2, 3
_COMBINE = "Magento\\SalesRule\\Model\\Rule\\Condition\\Combine"
_FOUND = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product\\Found"
_ADDRESS = "Magento\\SalesRule\\Model\\Rule\\Condition\\Address"


@dataclass
class Coupon:
    """A salesrule_coupon row (type 0 manual, 1 generated)."""

    coupon_id: int
    rule_id: int
    code: str
    generated: bool
    created_at: int
    usage_limit: int | None
    times_used: int = 0


@dataclass
class Rule:
    """A salesrule row and where it applies."""

    rule_id: int
    name: str
    coupon_type: int
    simple_action: str  # by_percent or cart_fixed
    discount: int  # percent, or cents for cart_fixed
    website_ids: tuple[int, ...]
    group_ids: tuple[int, ...]
    is_active: bool
    from_date: int | None
    to_date: int | None
    coupons: list[Coupon] = field(default_factory=list)
    times_used: int = 0
    _next_generated: int = 0

    def discount_for(self, subtotal: int) -> int:
        """Discount in cents (positive) on a subtotal."""
        if self.simple_action == "by_percent":
            return subtotal * self.discount // 100
        return min(self.discount, subtotal)

    def take_coupon(self) -> Coupon | None:
        """The coupon an order uses: the primary one, or the next unused generated code."""
        if self.coupon_type == SPECIFIC_COUPON:
            return self.coupons[0]
        if self.coupon_type == AUTO_COUPON and self._next_generated < len(self.coupons):
            coupon = self.coupons[self._next_generated]
            self._next_generated += 1
            return coupon
        return None


def plan_rules(profile: Profile, layout: StoreLayout, seed: int) -> list[Rule]:
    """20 rules: 40% without coupon, 50% with one specific coupon, 10% auto-generated codes."""
    rng = section_rng(seed, "salesrules")
    all_sites = tuple(w.website_id for w in layout.websites)
    rules: list[Rule] = []
    count = profile.cart_price_rules
    auto_rules = max(1, count // 10)
    specific_rules = count // 2
    next_coupon = 1
    for rule_id in range(1, count + 1):
        if rule_id <= count - specific_rules - auto_rules:
            coupon_type = NO_COUPON
        elif rule_id <= count - auto_rules:
            coupon_type = SPECIFIC_COUPON
        else:
            coupon_type = AUTO_COUPON
        percent = rng.random() < 0.8
        sites = all_sites if rng.random() < 0.7 else all_sites[:1]
        groups = (0, 1, 2, 3) if coupon_type != NO_COUPON or rng.random() < 0.5 else (1, 2, 3)
        start = BASE_EPOCH - 30 * DAY + rng.randrange(200) * DAY
        rule = Rule(
            rule_id,
            f"{'Cart' if coupon_type == NO_COUPON else 'Coupon'} rule {rule_id}",
            coupon_type,
            "by_percent" if percent else "cart_fixed",
            rng.choice((5, 10, 15, 20, 25)) if percent else rng.choice((500, 1000, 2000)),
            sites,
            groups,
            rule_id % 9 != 0,
            start if rng.random() < 0.5 else None,
            start + 400 * DAY if rng.random() < 0.3 else None,
        )
        if coupon_type == SPECIFIC_COUPON:
            code = f"SAVE{rule.discount}-{hex_token('coupon', seed, rule_id, length=6).upper()}"
            rule.coupons.append(Coupon(next_coupon, rule_id, code, False, start, None))
            next_coupon += 1
        elif coupon_type == AUTO_COUPON:
            generated = max(50, round(profile.customers * AUTO_COUPONS_PER_CUSTOMER))
            if rule_id != count:
                generated = 10
            for n in range(generated):
                code = f"GEN{rule_id}-{hex_token('generated', seed, rule_id, n, length=10).upper()}"
                rule.coupons.append(Coupon(next_coupon, rule_id, code, True, start + n * 60, 1))
                next_coupon += 1
        rules.append(rule)
    return rules


def _conditions(rule: Rule) -> str:
    if rule.rule_id % 3 == 0:
        inner = [
            {
                "type": _ADDRESS,
                "attribute": "base_subtotal",
                "operator": ">=",
                "value": "50",
                "is_value_processed": False,
            }
        ]
    else:
        inner = []
    data: dict[str, object] = {
        "type": _COMBINE,
        "attribute": None,
        "operator": None,
        "value": "1",
        "is_value_processed": None,
        "aggregator": "all",
    }
    if inner:
        data["conditions"] = inner
    return json.dumps(data, separators=(",", ":"))


def _actions() -> str:
    data = {
        "type": _FOUND.replace("Found", "Combine"),
        "attribute": None,
        "operator": None,
        "value": "1",
        "is_value_processed": None,
        "aggregator": "all",
    }
    return json.dumps(data, separators=(",", ":"))


def write_rules(loader: Loader, rules: list[Rule]) -> None:
    """salesrule, salesrule_coupon and the website / customer-group links."""
    loader.load_rows(
        "salesrule",
        (
            "rule_id",
            "name",
            "description",
            "from_date",
            "to_date",
            "uses_per_customer",
            "is_active",
            "conditions_serialized",
            "actions_serialized",
            "stop_rules_processing",
            "is_advanced",
            "sort_order",
            "simple_action",
            "discount_amount",
            "discount_qty",
            "discount_step",
            "apply_to_shipping",
            "times_used",
            "is_rss",
            "coupon_type",
            "use_auto_generation",
            "uses_per_coupon",
            "simple_free_shipping",
        ),
        [
            (
                r.rule_id,
                r.name,
                f"{r.name}: {r.discount}{'%' if r.simple_action == 'by_percent' else ' cents'} off",
                day(r.from_date) if r.from_date else None,
                day(r.to_date) if r.to_date else None,
                0,
                int(r.is_active),
                _conditions(r),
                _actions(),
                0,
                1,
                r.rule_id,
                r.simple_action,
                f"{r.discount}.0000"
                if r.simple_action == "by_percent"
                else f"{r.discount // 100}.0000",
                None,
                0,
                0,
                r.times_used,
                1,
                r.coupon_type,
                int(r.coupon_type == AUTO_COUPON),
                1 if r.coupon_type == AUTO_COUPON else 0,
                0,
            )
            for r in rules
        ],
    )
    loader.load_rows(
        "salesrule_coupon",
        (
            "coupon_id",
            "rule_id",
            "code",
            "usage_limit",
            "usage_per_customer",
            "times_used",
            "expiration_date",
            "is_primary",
            "created_at",
            "type",
        ),
        [
            (
                c.coupon_id,
                c.rule_id,
                c.code,
                c.usage_limit,
                1 if c.generated else None,
                c.times_used,
                ts(r.to_date) if r.to_date else None,
                None if c.generated else 1,
                ts(c.created_at),
                int(c.generated),
            )
            for r in rules
            for c in r.coupons
        ],
    )
    loader.load_rows(
        "salesrule_website",
        ("rule_id", "website_id"),
        [(r.rule_id, w) for r in rules for w in r.website_ids],
    )
    loader.load_rows(
        "salesrule_customer_group",
        ("rule_id", "customer_group_id"),
        [(r.rule_id, g) for r in rules for g in r.group_ids],
    )
