"""Planning: one `Change` per injected row, picked by `Planner` among rows every profile has, no
entity touched by two kinds.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pymysql

from ..common import section_rng
from ..errors import AnomalyError

# Where new ids and ids that must stay unused come from: the key, plus columns of other tables
# that may still hold ids of deleted rows (deleted customers, addresses, products).
ID_SPACES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "customer_entity": (
        "entity_id",
        (
            ("sales_order", "customer_id"),
            ("sales_order_address", "customer_id"),
            ("rating_option_vote", "customer_id"),
            ("review_detail", "customer_id"),
            ("newsletter_subscriber", "customer_id"),
            ("wishlist", "customer_id"),
        ),
    ),
    "customer_address_entity": ("entity_id", (("sales_order_address", "customer_address_id"),)),
    "sales_order": ("entity_id", (("sales_order_item", "order_id"),)),
    "sales_order_item": ("item_id", (("sales_creditmemo_item", "order_item_id"),)),
    "review": ("review_id", (("review_detail", "review_id"), ("rating_option_vote", "review_id"))),
    "rating_option_vote": ("vote_id", ()),
    "catalog_product_entity": (
        "entity_id",
        (
            ("sales_order_item", "product_id"),
            ("sales_creditmemo_item", "product_id"),
            ("cataloginventory_stock_item", "product_id"),
            ("wishlist_item", "product_id"),
        ),
    ),
    "cataloginventory_stock_item": ("item_id", ()),
    "salesrule": ("rule_id", (("salesrule_coupon", "rule_id"),)),
    "salesrule_coupon": ("coupon_id", ()),
    "eav_attribute": ("attribute_id", ()),
    "customer_entity_varchar": ("value_id", ()),
    "catalog_product_entity_int": ("value_id", ()),
}

NUL = "\x00"


@dataclass(frozen=True)
class Change:
    """One planned write: an UPDATE of `column` of an existing row, or a new row (`insert`: its
    column values, or with `copy_of` the values that differ from the copied row)."""

    kind: str
    table: str
    key: str
    row_id: int
    column: str
    note: str
    value: object = None
    expression: str = "%s"
    insert: tuple[tuple[str, object], ...] = ()
    copy_of: int | None = None
    original: object = None
    related_id: int | None = None
    missing: tuple[str, int] | None = None  # (parent table, id that must not exist)

    @property
    def inserts(self) -> bool:
        return bool(self.insert) or self.copy_of is not None


Row = tuple[Any, ...]  # (row id, entity id or None, payload...)


class Planner:
    """Reads candidate rows and hands out rows (one anomaly per entity) and new ids."""

    def __init__(self, conn: pymysql.Connection, seed: int) -> None:
        self.cur = conn.cursor()
        self.seed = seed
        self.taken: dict[str, set[int]] = {}
        self._next_id: dict[str, int] = {}
        self._rows: dict[tuple[str, tuple[object, ...]], list[Row]] = {}
        self._auto_updated: dict[str, list[str]] | None = None

    def rng(self, kind: str) -> random.Random:
        return section_rng(self.seed, f"anomalies:{kind}")

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Rows sorted by their first column; the same query is read once (planning writes
        nothing)."""
        memo = (sql, tuple(params))
        if memo not in self._rows:
            self.cur.execute(sql, tuple(params) or None)
            self._rows[memo] = sorted(self.cur.fetchall(), key=lambda r: r[0])
        return self._rows[memo]

    def attribute_id(self, entity_type: str, code: str) -> int:
        rows = self.rows(
            "SELECT a.attribute_id FROM eav_attribute a JOIN eav_entity_type t "
            "USING (entity_type_id) WHERE t.entity_type_code = %s AND a.attribute_code = %s",
            (entity_type, code),
        )
        if not rows:
            raise AnomalyError(f"--anomalies: the store has no {entity_type} attribute {code!r}")
        return int(rows[0][0])

    def pick(
        self, rng: random.Random, candidates: list[Row], count: int, entity: str | None
    ) -> list[Row]:
        """`count` rows in a seeded order; with `entity`, rows of entities no other kind has
        taken (row[1] is the entity id), which are then taken."""
        order = list(candidates)
        rng.shuffle(order)
        if entity is None:
            return sorted(order[:count], key=lambda r: r[0])
        taken = self.taken.setdefault(entity, set())
        chosen: list[Row] = []
        for row in order:
            if len(chosen) == count:
                break
            if row[1] not in taken:
                taken.add(row[1])
                chosen.append(row)
        return sorted(chosen, key=lambda r: r[0])

    def new_id(self, table: str) -> int:
        """An id above every id of `table` (and every id other rows still reference)."""
        if table not in self._next_id:
            key, also = ID_SPACES[table]
            largest = [f"(SELECT COALESCE(MAX(`{key}`), 0) FROM `{table}`)"] + [
                f"(SELECT COALESCE(MAX(`{c}`), 0) FROM `{t}`)" for t, c in also
            ]
            self.cur.execute(f"SELECT GREATEST(0, {', '.join(largest)})")
            (highest,) = self.cur.fetchone()
            self.cur.execute(
                "SELECT AUTO_INCREMENT FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s",
                (table,),
            )
            (counter,) = self.cur.fetchone()
            self._next_id[table] = max(int(highest) + 1, int(counter or 1))
        value = self._next_id[table]
        self._next_id[table] = value + 1
        return value

    def columns(self, table: str) -> list[str]:
        """The columns of `table`, in order."""
        return [
            r[1]
            for r in self.rows(
                "SELECT ORDINAL_POSITION, COLUMN_NAME FROM information_schema.COLUMNS "
                "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s",
                (table,),
            )
        ]

    def auto_updated(self, table: str) -> list[str]:
        """Columns with ON UPDATE CURRENT_TIMESTAMP: an UPDATE here keeps them as they are."""
        if self._auto_updated is None:
            self._auto_updated = {}
            for name, column in self.rows(
                "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
                "WHERE TABLE_SCHEMA = DATABASE() AND EXTRA LIKE %s "
                "ORDER BY TABLE_NAME, ORDINAL_POSITION",
                ("%on update%",),
            ):
                self._auto_updated.setdefault(name, []).append(column)
        return self._auto_updated.get(table, [])


def split_count(count: int, parts: int) -> list[int]:
    """`count` rows round-robin over `parts` targets: the first targets get the extra rows."""
    return [count // parts + (1 if i < count % parts else 0) for i in range(parts)]


def customer_candidates(p: Planner) -> list[Row]:
    return p.rows("SELECT entity_id, entity_id, email, website_id FROM customer_entity")


def product_name_candidates(p: Planner) -> list[Row]:
    return p.rows(
        "SELECT value_id, entity_id, value FROM catalog_product_entity_varchar "
        "WHERE attribute_id = %s AND store_id = 0 AND value IS NOT NULL",
        (p.attribute_id("catalog_product", "name"),),
    )


def review_candidates(p: Planner) -> list[Row]:
    return p.rows("SELECT detail_id, review_id, detail FROM review_detail WHERE detail <> ''")


def product_candidates(p: Planner) -> list[Row]:
    return p.rows("SELECT entity_id, entity_id, sku FROM catalog_product_entity")
