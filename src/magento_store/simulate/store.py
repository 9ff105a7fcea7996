"""The store as the simulator sees it: one connection with a transaction per simulated instant,
the simulated clock, new ids, the attributes read by code, and what the run has counted.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pymysql

from ..catalog import Product
from ..common import BASE_EPOCH, HOUR, section_rng
from ..eav import CUSTOMER, ENTITY_TYPE_CODES, PRODUCT, Eav
from ..errors import StoreError
from ..loader import Progress
from ..profiles import Profile
from ..stores import StoreLayout

SIMULATION_TABLE = "magento_store_simulation_run"

# What one run reports, in this order (stdout and the counts JSON).
COUNT_KEYS = (
    "customers_created",
    "orders",
    "orders_by_guests",
    "orders_by_new_customers",
    "order_items",
    "configurable_lines",
    "payment_transactions",
    "stock_decrements",
    "coupons_used",
    "creditmemos_full",
    "creditmemos_partial",
    "price_changes",
    "name_changes",
    "overrides_added",
    "overrides_added_null",
    "overrides_removed",
    "multiselect_changes",
    "customer_renames",
    "customer_eav_changes",
    "customers_deleted",
    "orders_detached",
    "products_deleted",
    "reviews_deleted",
    "reward_events",
)

# staged entity tables (Commerce) the simulator writes, and their entity id column
_ENTITY_ID = {"catalog_product_entity": "entity_id", "salesrule": "rule_id"}

EVENT_GAP = (20, 180)  # seconds between two changes
_BACKENDS = frozenset({"varchar", "int", "decimal", "datetime", "text"})


class Db:
    """One connection: queries, inserts and one transaction per simulated event."""

    def __init__(self, conn: pymysql.Connection) -> None:
        self.conn = conn
        self.cur = conn.cursor()

    def rows(self, sql: str, params: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        """All rows of a query."""
        self.cur.execute(sql, params)
        return list(self.cur.fetchall())

    def value(self, sql: str, params: Sequence[object] | None = None) -> Any:
        """First column of the first row (None without rows)."""
        self.cur.execute(sql, params)
        row = self.cur.fetchone()
        return row[0] if row else None

    def run(self, sql: str, params: Sequence[object] | None = None) -> int:
        """Execute a statement; returns the affected row count."""
        return int(self.cur.execute(sql, params))

    def insert(self, table: str, row: Mapping[str, object]) -> None:
        """INSERT one row given as {column: value}."""
        columns = ", ".join(f"`{c}`" for c in row)
        marks = ", ".join(["%s"] * len(row))
        self.cur.execute(f"INSERT INTO `{table}` ({columns}) VALUES ({marks})", list(row.values()))

    def update(self, table: str, values: Mapping[str, object], key: str, key_value: int) -> None:
        """UPDATE one row by its key (ON UPDATE columns move by themselves)."""
        assignments = ", ".join(f"`{c}` = %s" for c in values)
        self.cur.execute(
            f"UPDATE `{table}` SET {assignments} WHERE `{key}` = %s",
            [*values.values(), key_value],
        )

    def has_table(self, table: str) -> bool:
        """Whether the current database has `table`."""
        return bool(
            self.value(
                "SELECT COUNT(*) FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s",
                (table,),
            )
        )

    @contextmanager
    def event(self, epoch: int) -> Iterator[None]:
        """One transaction whose CURRENT_TIMESTAMP (and so every ON UPDATE column) is `epoch`."""
        self.cur.execute("SET SESSION timestamp = %s", (epoch,))
        self.conn.begin()
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()


class Ids:
    """Next ids per table: after both the largest id and the AUTO_INCREMENT counter, so the id of
    a deleted row is never handed out again (as Magento's auto-increment keys behave)."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.next: dict[str, int] = {}

    def peek(self, table: str, column: str = "entity_id") -> int:
        """The id `take` would return, without taking it."""
        if table not in self.next:
            largest = int(self.db.value(f"SELECT COALESCE(MAX(`{column}`), 0) FROM `{table}`"))
            counter = self.db.value(
                "SELECT AUTO_INCREMENT FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s",
                (table,),
            )
            self.next[table] = max(largest + 1, int(counter or 1))
        return self.next[table]

    def take(self, table: str, column: str = "entity_id", count: int = 1) -> int:
        """The first of `count` consecutive new ids."""
        first = self.peek(table, column)
        self.next[table] = first + count
        return first


class Clock:
    """Simulated time: strictly increasing instants, a few seconds to minutes apart."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.now = start - EVENT_GAP[0]

    def tick(self, rng: random.Random) -> int:
        """The instant of the next change."""
        self.now += rng.randint(*EVENT_GAP)
        return self.now

    def reach(self, epoch: int) -> None:
        """Make sure the next change comes after `epoch`."""
        self.now = max(self.now, epoch)


# Columns whose newest value is where the simulated clock starts (an incremental sync keyed on
# them sees every change of the run as newer than anything it has read before).
_CLOCK_COLUMNS = (
    ("sales_order", "updated_at"),
    ("sales_order_item", "updated_at"),
    ("sales_creditmemo", "updated_at"),
    ("sales_payment_transaction", "created_at"),
    ("customer_entity", "updated_at"),
    ("customer_address_entity", "updated_at"),
    ("catalog_product_entity", "updated_at"),
    ("catalog_category_entity", "updated_at"),
    ("review", "created_at"),
    ("wishlist", "updated_at"),
    ("wishlist_item", "added_at"),
    ("newsletter_subscriber", "change_status_at"),
    ("magento_reward_history", "created_at"),
    (SIMULATION_TABLE, "clock_end"),
)


def simulated_start(db: Db) -> int:
    """The next full hour after the newest timestamp of the store."""
    newest = BASE_EPOCH
    for table, column in _CLOCK_COLUMNS:
        if db.has_table(table):
            value = db.value(f"SELECT UNIX_TIMESTAMP(MAX(`{column}`)) FROM `{table}`")
            if value is not None:
                newest = max(newest, int(value))
    return (newest // HOUR + 1) * HOUR


def to_cents(value: object) -> int:
    """A decimal column value as integer cents."""
    if value is None:
        return 0
    return int((Decimal(str(value)) * 100).to_integral_value())


def to_grams(value: object) -> int:
    if value is None:
        return 0
    return int((Decimal(str(value)) * 1000).to_integral_value())


def placeholders(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


@dataclass(frozen=True)
class DbAttribute:
    """An eav_attribute row as read from the database (gotchas 1, 3, 4: by code, never by id)."""

    attribute_id: int
    backend_type: str
    frontend_input: str | None
    is_global: int | None

    def table(self, entity_table: str) -> str:
        """The value table of this attribute, from its backend_type."""
        if self.backend_type not in _BACKENDS:
            raise StoreError(f"attribute {self.attribute_id} has no value table")
        return f"{entity_table}_{self.backend_type}"


@dataclass
class Store:
    """Everything the activity sections share: connection, model, clock, ids and counts."""

    db: Db
    profile: Profile
    edition: str
    layout: StoreLayout
    eav: Eav
    attributes: dict[tuple[int, str], DbAttribute]
    run_id: int
    seed: int
    clock: Clock
    ids: Ids
    progress: Progress
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    products: dict[int, Product] = field(default_factory=dict)
    touched_products: set[int] = field(default_factory=set)
    touched_customers: set[int] = field(default_factory=set)
    first_new_order: int = 0
    next_guest: int = 0

    def rng(self, section: str) -> random.Random:
        """A Random per section of this run (seed, run id and section name)."""
        return section_rng(self.seed, f"simulate:{self.run_id}:{section}")

    def attr(self, entity_type_id: int, code: str) -> DbAttribute:
        """An attribute of the database by entity type and code."""
        try:
            return self.attributes[(entity_type_id, code)]
        except KeyError:
            raise StoreError(
                f"attribute '{code}' ({ENTITY_TYPE_CODES[entity_type_id]}) is missing; "
                "was this database made by magento-store generate?"
            ) from None

    def options(self, attribute: DbAttribute) -> list[int]:
        """Option ids of a select or multiselect attribute."""
        return [
            int(r[0])
            for r in self.db.rows(
                "SELECT option_id FROM eav_attribute_option WHERE attribute_id = %s "
                "ORDER BY option_id",
                (attribute.attribute_id,),
            )
        ]

    def add(self, key: str, count: int = 1) -> None:
        """Count `count` more of one kind of activity (a kind of one edition only, such as
        `staged_updates`, is counted from its first occurrence)."""
        self.counts[key] = self.counts.get(key, 0) + count

    @property
    def staged(self) -> bool:
        """Commerce: the catalog and cart rules are versioned by row_id (content staging)."""
        return self.edition == "commerce"

    def current(self, alias: str) -> str:
        """SQL: `alias` (a row of a staged entity table) is the version current at the
        simulated clock (created_in <= now < updated_in)."""
        now = int(self.clock.now)
        return f"{alias}.created_in <= {now} AND {alias}.updated_in > {now}"

    def by_entity(self, table: str, alias: str, column: str = "entity_id") -> tuple[str, str]:
        """(JOIN clause, entity id expression) for `alias`, a row that refers to an entity of
        `table` by `column`. Open Source: nothing to join, the column. Commerce: the column holds
        a row_id (named row_id when it was the entity id column) and only the current
        version's rows join."""
        entity_id = _ENTITY_ID[table]
        if not self.staged:
            return "", f"{alias}.{column}"
        joined = f"{alias}_cur"
        key = "row_id" if column == entity_id else column
        return (
            f" JOIN `{table}` {joined} ON {joined}.row_id = {alias}.{key}"
            f" AND {self.current(joined)}",
            f"{joined}.{entity_id}",
        )

    def row_of(self, table: str, entity_id: int) -> int:
        """What rows keyed by an entity of `table` hold: its id (Open Source) or the row_id of
        its current version (Commerce)."""
        if not self.staged:
            return entity_id
        return int(
            self.db.value(
                f"SELECT row_id FROM `{table}` e WHERE e.{_ENTITY_ID[table]} = %s "
                f"AND {self.current('e')}",
                (entity_id,),
            )
        )


def read_attributes(db: Db) -> dict[tuple[int, str], DbAttribute]:
    codes = {code: type_id for type_id, code in ENTITY_TYPE_CODES.items()}
    rows = db.rows(
        "SELECT t.entity_type_code, a.attribute_code, a.attribute_id, a.backend_type, "
        "a.frontend_input, c.is_global FROM eav_attribute a "
        "JOIN eav_entity_type t ON t.entity_type_id = a.entity_type_id "
        "LEFT JOIN catalog_eav_attribute c ON c.attribute_id = a.attribute_id "
        "WHERE t.entity_type_code IN %s",
        (tuple(codes),),
    )
    return {
        (codes[type_code], code): DbAttribute(
            int(attribute_id), backend, frontend, None if scope is None else int(scope)
        )
        for type_code, code, attribute_id, backend, frontend, scope in rows
    }


def check_model(store: Store) -> None:
    """The generator's EAV model (labels for order item options) must match the database."""
    for type_id, code in (
        (PRODUCT, "name"),
        (PRODUCT, "price"),
        (PRODUCT, "color"),
        (PRODUCT, "size"),
        (PRODUCT, "inseam"),
        (CUSTOMER, "loyalty_tier"),
    ):
        expected = store.eav.id(type_id, code)
        found = store.attr(type_id, code).attribute_id
        if found != expected:
            raise StoreError(
                f"attribute '{code}' has id {found} in the database but {expected} in the "
                "generator's model: the store was changed outside magento-store"
            )


def share_of(total: int, share: float, minimum: int = 1) -> int:
    """`total` x `share`, rounded, at least `minimum` when `total` is positive."""
    return max(minimum, round(total * share)) if total > 0 else 0


class Picker:
    """Candidates in a seeded random order; each product is changed at most once per run."""

    def __init__(self, rng: random.Random, rows: list[tuple[Any, ...]], touched: set[int]) -> None:
        self.rows = list(rows)
        rng.shuffle(self.rows)
        self.touched = touched
        self.index = 0

    def next(self, entity_column: int = 1) -> tuple[Any, ...] | None:
        """The next candidate row whose product is untouched (marked touched), or None."""
        while self.index < len(self.rows):
            row = self.rows[self.index]
            self.index += 1
            if int(row[entity_column]) not in self.touched:
                self.touched.add(int(row[entity_column]))
                return row
        return None


def allot(total: int, kinds: Sequence[tuple[str, int]]) -> list[str]:
    """`total` kinds: the first min(total, len(kinds)) once each, the rest by weight."""
    counts = {kind: 0 for kind, _ in kinds}
    for kind, _ in kinds[: min(total, len(kinds))]:
        counts[kind] = 1
    rest = total - sum(counts.values())
    weights = sum(w for _, w in kinds)
    for kind, weight in kinds:
        counts[kind] += rest * weight // weights
    counts[kinds[0][0]] += total - sum(counts.values())
    return [kind for kind, _ in kinds for _ in range(counts[kind])]
