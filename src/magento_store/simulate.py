"""`magento-store simulate`: store activity on a generated store, written the way Magento writes it.

One run applies, in simulated-time order:

1. new customers, each with an address and custom EAV values;
2. new orders by existing customers, some of the new customers and guests: items (a configurable
   line is a parent and a child row), billing and shipping addresses, a payment, gateway
   transactions for online methods, stock decrements and coupon usage. Rows and totals come from
   the generator's own builders in `sales.py`, so they reconcile exactly as generated orders do;
3. credit memos on existing invoiced orders, partial and full (a full refund closes the order);
4. product changes through EAV only, as Magento's mass "Update attributes" writes them
   (`catalog_product_entity` untouched): prices, names, store-view overrides added (some NULL) and
   removed, multiselect values;
5. customer changes: first names (`customer_entity.updated_at` moves by ON UPDATE) and custom EAV
   values (`customer_entity` untouched);
6. deletes with plain SQL: customers (InnoDB cascades and SET NULL do the rest), one product, one
   review.

Every change is its own transaction at its own simulated instant. The session `timestamp` is set to
that instant, so `ON UPDATE CURRENT_TIMESTAMP` columns move by themselves while the run stays
deterministic: the same seed on identical databases gives identical tables. The simulated clock
starts at the next full hour after the newest timestamp already in the store, so every timestamp a
run writes is newer than anything a previous sync has read. Ids continue after both the largest id
and the AUTO_INCREMENT counter (a deleted id is never reused). Each run is one row of
`magento_store_simulation_run` (never of the generator's marker table).

What a sync can see:

* `updated_at` polling sees new orders, order items, credit memos, transactions (`created_at`),
  new customers and their addresses, refunded orders and their items, renamed customers;
* new rows without a timestamp (order addresses, payments, credit memo items, EAV values) need a
  key sweep (ids only grow), the binlog or a full-table read;
* only the binlog or a full-table read sees the EAV changes (products and customers), stock
  quantities, payment refund columns and `salesrule(_coupon).times_used`; DELETEs too (or a key
  sweep that compares key sets);
* the binlog does not see what InnoDB's cascades do: child rows of deleted customers, products
  and reviews, and `sales_order.customer_id` / `review_detail.customer_id` set to NULL (cascades
  are not written to the binlog, and SET NULL does not fire ON UPDATE CURRENT_TIMESTAMP). Only a
  full-table read, a key sweep of the child tables or emulating the foreign keys downstream does.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

import pymysql

from magento_migration import __version__
from magento_migration.settings import DbSettings

from . import ddl, vocab
from .catalog import Product, translated_name
from .common import BASE_EPOCH, HOUR, money, section_rng, slug, spread, ts
from .customers import Address, AddressFactory, Customer, password_hash
from .eav import ADDRESS, CUSTOMER, ENTITY_TYPE_CODES, PRODUCT, SCOPE_STORE, Eav, build_eav
from .errors import StoreError
from .generator import check_database_name, connect
from .loader import Progress
from .marketing import POINTS_PER_CURRENCY_UNIT, REWARD_CREDITMEMO, REWARD_ORDER, REWARD_REVIEW
from .profiles import (
    CONFIGURABLE_LINE_SHARE,
    COUPON_ORDER_SHARE,
    GUEST_ORDER_SHARE,
    PAYMENT_METHODS,
    Profile,
    get_profile,
)
from .reference import load_regions
from .rules import NO_COUPON, Coupon, Rule
from .sales.orders import (
    ONLINE_METHODS,
    Creditmemo,
    IncrementSequences,
    Line,
    Order,
    eligible_rules,
    plan_refund,
    price_lines,
)
from .sales.payments import payment_refund_columns, payment_row, php_serialize
from .sales.rows import (
    creditmemo_item_rows,
    creditmemo_row,
    item_refund_columns,
    item_row,
    order_address_row,
    order_refund_columns,
    order_row,
    product_options,
)
from .stores import StoreLayout, build_layout

SIMULATION_TABLE = "magento_store_simulation_run"
SIMULATION_DDL = f"""
CREATE TABLE IF NOT EXISTS `{SIMULATION_TABLE}` (
  `run_id` int unsigned NOT NULL,
  `seed` bigint NOT NULL,
  `status` varchar(16) NOT NULL COMMENT 'running, done or failed',
  `options` varchar(255) NOT NULL COMMENT 'JSON object: --orders, --updates, --deletes',
  `counts` longtext NOT NULL COMMENT 'JSON object: activity kind -> count',
  `clock_start` datetime DEFAULT NULL COMMENT 'simulated UTC time: no change of the run is older',
  `clock_end` datetime DEFAULT NULL COMMENT 'simulated UTC time of the last change',
  `simulator_version` varchar(32) NOT NULL,
  PRIMARY KEY (`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
  COMMENT='Written by magento-store simulate: one row per run'
"""
MAX_COUNT = 1_000_000

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
# States of new orders: just placed, or paid (online capture at checkout), a few shipped or held.
# Never canceled: Magento would put the stock back.
NEW_ORDER_STATES: tuple[tuple[tuple[str, str], int], ...] = (
    (("new", "pending"), 45),
    (("processing", "processing"), 40),
    (("complete", "complete"), 10),
    (("holded", "holded"), 5),
)
# Product changes of --updates, in the order they are guaranteed at small N, with their weights.
PRODUCT_CHANGES: tuple[tuple[str, int], ...] = (
    ("price", 40),
    ("override_added", 15),
    ("override_removed", 15),
    ("multiselect", 15),
    ("name", 15),
)
# Store-scoped product attributes whose store-view rows may be added or removed. url_key is left
# alone: its store rows must match url_rewrite.
OVERRIDE_CODES = ("name", "description", "marketing_tagline")
MIN_STOCK = 10  # products with less are not sold
STOCK_LEFT = 2  # a sale never takes qty below this (no low-stock flags, as generated)
EVENT_GAP = (20, 180)  # seconds between two changes
CAPTURE_DELAY = (2, 15)  # seconds between an online order and its capture (< the smallest gap)
_BACKENDS = frozenset({"varchar", "int", "decimal", "datetime", "text"})
_NO_ADDRESS = Address(0, "", "", None, "", "", None, None, "", "", "")


@dataclass(frozen=True)
class SimulateOptions:
    """How much activity to apply, and where."""

    database: str
    orders: int = 20
    updates: int = 50
    deletes: int = 5
    seed: int = 42


@dataclass(frozen=True)
class SimulationResult:
    """What a run did: its id, the simulated time span and the counts per kind."""

    run_id: int
    clock_start: int
    clock_end: int
    counts: dict[str, int]


def validate(options: SimulateOptions) -> None:
    """Reject bad options before touching the server."""
    check_database_name(options.database)
    for flag, value in (
        ("--orders", options.orders),
        ("--updates", options.updates),
        ("--deletes", options.deletes),
    ):
        if not 0 <= value <= MAX_COUNT:
            raise StoreError(f"{flag} must be between 0 and {MAX_COUNT:,}, got {value}")


# --- database access -----------------------------------------------------------------------------


class _Db:
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


class _Ids:
    """Next ids per table: after both the largest id and the AUTO_INCREMENT counter, so the id of
    a deleted row is never handed out again (as Magento's auto-increment keys behave)."""

    def __init__(self, db: _Db) -> None:
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


class _Clock:
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


def _clock_start(db: _Db) -> int:
    """The next full hour after the newest timestamp of the store."""
    newest = BASE_EPOCH
    for table, column in _CLOCK_COLUMNS:
        if db.has_table(table):
            value = db.value(f"SELECT UNIX_TIMESTAMP(MAX(`{column}`)) FROM `{table}`")
            if value is not None:
                newest = max(newest, int(value))
    return (newest // HOUR + 1) * HOUR


def _cents(value: object) -> int:
    """A decimal column value as integer cents."""
    if value is None:
        return 0
    return int((Decimal(str(value)) * 100).to_integral_value())


def _grams(value: object) -> int:
    if value is None:
        return 0
    return int((Decimal(str(value)) * 1000).to_integral_value())


def _marks(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


# --- the store as the simulator sees it ----------------------------------------------------------


@dataclass(frozen=True)
class _Attribute:
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
class _Store:
    """Everything the activity sections share: connection, model, clock, ids and counts."""

    db: _Db
    profile: Profile
    edition: str
    layout: StoreLayout
    eav: Eav
    attributes: dict[tuple[int, str], _Attribute]
    run_id: int
    seed: int
    clock: _Clock
    ids: _Ids
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

    def attr(self, entity_type_id: int, code: str) -> _Attribute:
        """An attribute of the database by entity type and code."""
        try:
            return self.attributes[(entity_type_id, code)]
        except KeyError:
            raise StoreError(
                f"attribute '{code}' ({ENTITY_TYPE_CODES[entity_type_id]}) is missing; "
                "was this database made by magento-store generate?"
            ) from None

    def options(self, attribute: _Attribute) -> list[int]:
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
        """Count `count` more of one kind of activity."""
        self.counts[key] += count


def _read_attributes(db: _Db) -> dict[tuple[int, str], _Attribute]:
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
        (codes[type_code], code): _Attribute(
            int(attribute_id), backend, frontend, None if scope is None else int(scope)
        )
        for type_code, code, attribute_id, backend, frontend, scope in rows
    }


def _check_model(store: _Store) -> None:
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


# --- entry point ---------------------------------------------------------------------------------


def _open_database(settings: DbSettings, database: str) -> pymysql.Connection:
    """Connect to a database made by `magento-store generate`, or explain why not."""
    server = connect(settings)
    try:
        with server.cursor() as cur:
            cur.execute(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", (database,)
            )
            if cur.fetchone() is None:
                raise StoreError(
                    f"database '{database}' does not exist; create it with "
                    f"'magento-store generate --database {database}'"
                )
            cur.execute(
                "SELECT 1 FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s",
                (database, ddl.MARKER_TABLE),
            )
            if cur.fetchone() is None:
                raise StoreError(
                    f"database '{database}' was not created by magento-store generate (no "
                    f"{ddl.MARKER_TABLE} table); refusing to simulate activity on it"
                )
    finally:
        server.close()
    conn = connect(settings, database)
    with conn.cursor() as cur:
        cur.execute(
            "SET SESSION foreign_key_checks = 1, unique_checks = 1, time_zone = '+00:00', "
            "sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'"
        )
    return conn


def simulate(
    settings: DbSettings, options: SimulateOptions, progress: Progress | None = None
) -> SimulationResult:
    """Apply one run of activity to `options.database`; returns what was done."""
    validate(options)
    progress = progress or Progress()
    conn = _open_database(settings, options.database)
    try:
        db = _Db(conn)
        store = _prepare(db, options, progress)
        try:
            _run(store, options)
        except BaseException:
            with suppress(pymysql.MySQLError):
                _record(store, "failed")
            raise
        _record(store, "done")
        db.run("SET SESSION timestamp = DEFAULT")
    finally:
        conn.close()
    return SimulationResult(store.run_id, store.clock.start, store.clock.now, dict(store.counts))


def _prepare(db: _Db, options: SimulateOptions, progress: Progress) -> _Store:
    marker = db.rows(
        f"SELECT profile, attribute_id_offset, edition FROM `{ddl.MARKER_TABLE}` "
        "ORDER BY run_id LIMIT 1"
    )
    if not marker:
        raise StoreError(
            f"database '{options.database}' has an empty {ddl.MARKER_TABLE} table: its "
            "generation did not finish; generate it again"
        )
    profile_name, offset, edition = marker[0]
    if edition == "commerce":
        # its catalog and cart rules are versioned by row_id (content staging): the activity
        # below writes them by entity id
        raise StoreError(
            f"database '{options.database}' is a Commerce store (content staging): simulate "
            "supports open-source stores only"
        )
    try:
        profile = get_profile(str(profile_name))
    except KeyError as exc:
        raise StoreError(str(exc.args[0])) from None
    db.run(SIMULATION_DDL)
    run_id = int(db.value(f"SELECT COALESCE(MAX(run_id), 0) + 1 FROM `{SIMULATION_TABLE}`"))
    start = _clock_start(db)
    store = _Store(
        db=db,
        profile=profile,
        edition=str(edition),
        layout=build_layout(profile),
        eav=build_eav(profile, int(offset)),
        attributes=_read_attributes(db),
        run_id=run_id,
        seed=options.seed,
        clock=_Clock(start),
        ids=_Ids(db),
        progress=progress,
    )
    _check_model(store)
    db.insert(
        SIMULATION_TABLE,
        {
            "run_id": run_id,
            "seed": options.seed,
            "status": "running",
            "options": _options_json(options),
            "counts": "{}",
            "clock_start": ts(start),
            "clock_end": None,
            "simulator_version": __version__,
        },
    )
    progress.say(
        f"run {run_id} on {options.database} (profile {profile.name}, {edition}, seed "
        f"{options.seed}): simulated clock starts at {ts(start)} UTC"
    )
    return store


def _options_json(options: SimulateOptions) -> str:
    return json.dumps(
        {"orders": options.orders, "updates": options.updates, "deletes": options.deletes},
        sort_keys=True,
    )


def _record(store: _Store, status: str) -> None:
    """Close the run's row: status, counts and the simulated time of its last change."""
    store.db.update(
        SIMULATION_TABLE,
        {
            "status": status,
            "counts": json.dumps(store.counts),
            "clock_end": ts(max(store.clock.now, store.clock.start)),
        },
        "run_id",
        store.run_id,
    )


def _run(store: _Store, options: SimulateOptions) -> None:
    """Every section, in simulated-time order."""
    say = store.progress.say
    customers, memos = _share(options.orders, 0.1), _share(options.orders, 0.1, minimum=2)
    customer_changes = _share(options.updates, 0.05)
    say(f"customers: {customers} new")
    new_customers = _create_customers(store, customers)
    say(f"orders: {options.orders} new")
    _place_orders(store, options.orders, new_customers)
    say(f"refunds: {memos} credit memos")
    _refund_orders(store, memos)
    say(f"updates: {options.updates} product changes through EAV only")
    _update_products(store, options.updates)
    say(f"updates: {customer_changes} customer renames and as many customer EAV changes")
    _update_customers(store, customer_changes)
    say(f"deletes: {options.deletes} customers")
    _delete_customers(store, options.deletes)
    if options.deletes >= 3:
        say("deletes: one product and one review")
        _delete_product(store)
        _delete_review(store)


def _share(total: int, share: float, minimum: int = 1) -> int:
    """`total` x `share`, rounded, at least `minimum` when `total` is positive."""
    return max(minimum, round(total * share)) if total > 0 else 0


# --- customers -----------------------------------------------------------------------------------


def _create_customers(store: _Store, count: int) -> list[Customer]:
    """New registrations: customer_entity, one address, custom customer and address EAV values."""
    if count == 0:
        return []
    rng = store.rng("customers")
    db, layout = store.db, store.layout
    factory = AddressFactory(load_regions())
    genders = store.options(store.attr(CUSTOMER, "gender"))
    tier = store.attr(CUSTOMER, "loyalty_tier")
    tiers = store.options(tier)
    weights = [6] + [2] * (len(layout.websites) - 1)
    created: list[Customer] = []
    for _ in range(count):
        when = store.clock.tick(rng)
        entity_id = store.ids.take("customer_entity")
        website = rng.choices(layout.websites, weights=weights)[0]
        view = rng.choice(layout.views_of(website.website_id))
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        customer = Customer(
            entity_id,
            website.website_id,
            view.store_id,
            rng.choice((1, 1, 1, 1, 2, 3)),
            f"{slug(first) or 'user'}.{slug(last) or 'name'}.{entity_id}@example.com",
            first,
            last,
            f"{rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.6
            else None,
            rng.choice(genders) if rng.random() < 0.5 else None,
            f"{view.country}{rng.randrange(10**8, 10**9)}" if rng.random() < 0.2 else None,
            when,
        )
        address = factory.make(
            rng, store.ids.take("customer_address_entity"), view.country, first, last
        )
        customer.addresses.append(address)
        with db.event(when):
            db.insert("customer_entity", _customer_row(customer, layout))
            db.insert("customer_address_entity", _address_row(customer, address))
            values: list[tuple[int, str, object]] = [
                (CUSTOMER, "loyalty_tier", rng.choice(tiers)),
                (CUSTOMER, "preferred_language", rng.choice(vocab.LANGUAGES)),
            ]
            if rng.random() < 0.2:
                values.append((CUSTOMER, "credit_limit", f"{rng.randrange(5, 200) * 100}.0000"))
            if rng.random() < 0.7:
                values.append((CUSTOMER, "last_visit_at", ts(when)))
            if rng.random() < 0.1:
                values.append((CUSTOMER, "customer_notes", rng.choice(vocab.CUSTOMER_NOTES)))
            if rng.random() < 0.3:
                values.append((ADDRESS, "is_business_address", int(address.company is not None)))
            if rng.random() < 0.2:
                values.append(
                    (ADDRESS, "delivery_instructions", rng.choice(vocab.DELIVERY_INSTRUCTIONS))
                )
            for type_id, code, value in values:
                owner = entity_id if type_id == CUSTOMER else address.address_id
                _insert_customer_value(store, type_id, code, owner, value)
        created.append(customer)
        store.touched_customers.add(entity_id)
        store.add("customers_created")
    return created


def _customer_row(c: Customer, layout: StoreLayout) -> dict[str, object]:
    address_id = c.addresses[0].address_id if c.addresses else None
    return {
        "entity_id": c.entity_id,
        "website_id": c.website_id,
        "store_id": c.store_id,
        "created_in": layout.view(c.store_id).name,
        "group_id": c.group_id,
        "email": c.email,
        "firstname": c.firstname,
        "lastname": c.lastname,
        "dob": c.dob,
        "gender": c.gender,
        "taxvat": c.taxvat,
        "is_active": 1,
        "disable_auto_group_change": 0,
        "default_billing": address_id,
        "default_shipping": address_id,
        "password_hash": password_hash(c.entity_id),
        "failures_num": 0,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.created_at),
    }


def _address_row(c: Customer, a: Address) -> dict[str, object]:
    return {
        "entity_id": a.address_id,
        "parent_id": c.entity_id,
        "is_active": 1,
        "firstname": a.firstname,
        "lastname": a.lastname,
        "company": a.company,
        "street": a.street,
        "city": a.city,
        "region": a.region,
        "region_id": a.region_id,
        "postcode": a.postcode,
        "country_id": a.country_id,
        "telephone": a.telephone,
        "vat_id": a.vat_id,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.created_at),
    }


def _insert_customer_value(
    store: _Store, type_id: int, code: str, entity_id: int, value: object
) -> None:
    attribute = store.attr(type_id, code)
    entity_table = "customer_entity" if type_id == CUSTOMER else "customer_address_entity"
    table = attribute.table(entity_table)
    store.db.insert(
        table,
        {
            "value_id": store.ids.take(table, "value_id"),
            "attribute_id": attribute.attribute_id,
            "entity_id": entity_id,
            "value": value,
        },
    )


def _load_customers(store: _Store, ids: Sequence[int]) -> dict[int, Customer]:
    """Existing customers with their default billing and shipping addresses."""
    if not ids:
        return {}
    db = store.db
    rows = db.rows(
        "SELECT entity_id, website_id, store_id, group_id, email, firstname, lastname, dob, "
        "gender, taxvat, UNIX_TIMESTAMP(created_at), default_billing, default_shipping "
        f"FROM customer_entity WHERE entity_id IN ({_marks(ids)}) ORDER BY entity_id",
        list(ids),
    )
    addresses = {
        int(r[0]): Address(int(r[0]), *r[2:])
        for r in db.rows(
            "SELECT entity_id, parent_id, firstname, lastname, company, street, city, region, "
            "region_id, postcode, country_id, telephone, vat_id FROM customer_address_entity "
            f"WHERE parent_id IN ({_marks(ids)}) ORDER BY entity_id",
            list(ids),
        )
    }
    customers: dict[int, Customer] = {}
    for r in rows:
        website_id = int(r[1])
        customer = Customer(
            int(r[0]),
            website_id,
            int(r[2]) if r[2] is not None else store.layout.views_of(website_id)[0].store_id,
            int(r[3]),
            r[4],
            r[5],
            r[6],
            str(r[7]) if r[7] is not None else None,
            r[8],
            r[9],
            int(r[10]),
        )
        billing, shipping = addresses.get(r[11] or 0), addresses.get(r[12] or 0)
        customer.addresses = [a for a in (billing, shipping) if a is not None]
        customers[customer.entity_id] = customer
    return customers


# --- orders --------------------------------------------------------------------------------------


@dataclass
class _Catalog:
    """What new orders can sell: enabled simples and configurable children with stock."""

    simples: list[int]
    children: dict[int, list[int]]  # configurable parent -> sellable children
    stock: dict[int, int]

    @property
    def parents(self) -> list[int]:
        """Configurable parents with at least one sellable child."""
        return sorted(self.children)


def _sellable(store: _Store) -> _Catalog:
    db = store.db
    status = store.attr(PRODUCT, "status").attribute_id
    disabled = {
        int(r[0])
        for r in db.rows(
            "SELECT DISTINCT entity_id FROM catalog_product_entity_int "
            "WHERE attribute_id = %s AND value = 2",
            (status,),
        )
    }
    rows = db.rows(
        "SELECT s.product_id, s.qty, l.parent_id FROM cataloginventory_stock_item s "
        "JOIN catalog_product_entity p ON p.entity_id = s.product_id "
        "LEFT JOIN catalog_product_super_link l ON l.product_id = p.entity_id "
        "WHERE s.stock_id = 1 AND s.is_in_stock = 1 AND s.qty >= %s AND p.type_id = 'simple' "
        "ORDER BY s.product_id, l.parent_id",
        (MIN_STOCK,),
    )
    catalog = _Catalog([], {}, {})
    for product_id, qty, parent_id in rows:
        if product_id in disabled or (parent_id is not None and parent_id in disabled):
            continue
        catalog.stock[int(product_id)] = int(qty)
        if parent_id is None:
            catalog.simples.append(int(product_id))
        else:
            catalog.children.setdefault(int(parent_id), []).append(int(product_id))
    return catalog


def _product(store: _Store, entity_id: int) -> Product:
    """A product as order items snapshot it now: current store-0 name, price and weight."""
    cached = store.products.get(entity_id)
    if cached is not None:
        return cached
    db = store.db
    row = db.rows(
        "SELECT type_id, sku, attribute_set_id, UNIX_TIMESTAMP(created_at) "
        "FROM catalog_product_entity WHERE entity_id = %s",
        (entity_id,),
    )[0]
    name = db.value(
        "SELECT value FROM catalog_product_entity_varchar "
        "WHERE entity_id = %s AND attribute_id = %s AND store_id = 0",
        (entity_id, store.attr(PRODUCT, "name").attribute_id),
    )
    decimals = dict(
        db.rows(
            "SELECT attribute_id, value FROM catalog_product_entity_decimal "
            "WHERE entity_id = %s AND store_id = 0 AND attribute_id IN (%s, %s)",
            (
                entity_id,
                store.attr(PRODUCT, "price").attribute_id,
                store.attr(PRODUCT, "weight").attribute_id,
            ),
        )
    )
    product = Product(
        entity_id,
        row[0],
        row[1],
        name or row[1],
        _cents(decimals.get(store.attr(PRODUCT, "price").attribute_id)),
        _grams(decimals.get(store.attr(PRODUCT, "weight").attribute_id)),
        int(row[2]),
        int(row[3]),
    )
    store.products[entity_id] = product
    return product


def _child(store: _Store, parent: Product, child_id: int) -> Product:
    """A configurable child with its super-attribute options, in the parent's attribute order."""
    child = _product(store, child_id)
    if not child.super_options:
        db = store.db
        attributes = [
            int(r[0])
            for r in db.rows(
                "SELECT attribute_id FROM catalog_product_super_attribute WHERE product_id = %s "
                "ORDER BY position, product_super_attribute_id",
                (parent.entity_id,),
            )
        ]
        values = (
            dict(
                db.rows(
                    "SELECT attribute_id, value FROM catalog_product_entity_int WHERE "
                    f"entity_id = %s AND store_id = 0 AND attribute_id IN ({_marks(attributes)})",
                    (child_id, *attributes),
                )
            )
            if attributes
            else {}
        )
        child.parent_id = parent.entity_id
        child.visible = False
        child.super_options = tuple((a, int(values[a])) for a in attributes if a in values)
    return child


def _read_rules(store: _Store) -> list[Rule]:
    """Cart price rules with their websites, groups and still usable coupons."""
    db = store.db
    websites: dict[int, list[int]] = {}
    for rule_id, website_id in db.rows(
        "SELECT rule_id, website_id FROM salesrule_website ORDER BY 1, 2"
    ):
        websites.setdefault(int(rule_id), []).append(int(website_id))
    groups: dict[int, list[int]] = {}
    for rule_id, group_id in db.rows(
        "SELECT rule_id, customer_group_id FROM salesrule_customer_group ORDER BY 1, 2"
    ):
        groups.setdefault(int(rule_id), []).append(int(group_id))
    rules: dict[int, Rule] = {}
    for rule_id, name, coupon_type, action, amount, active, used in db.rows(
        "SELECT rule_id, name, coupon_type, simple_action, discount_amount, is_active, "
        "times_used FROM salesrule ORDER BY rule_id"
    ):
        percent = action == "by_percent"
        rules[int(rule_id)] = Rule(
            int(rule_id),
            name,
            int(coupon_type),
            action,
            int(amount) if percent else _cents(amount),
            tuple(websites.get(int(rule_id), ())),
            tuple(groups.get(int(rule_id), ())),
            bool(active),
            None,
            None,
            times_used=int(used),
        )
    for coupon_id, rule_id, code, kind, limit, used, created in db.rows(
        "SELECT coupon_id, rule_id, code, type, usage_limit, times_used, "
        "UNIX_TIMESTAMP(created_at) FROM salesrule_coupon ORDER BY coupon_id"
    ):
        if limit is not None and int(used) >= int(limit):
            continue  # a used-up generated code
        rule = rules.get(int(rule_id))
        if rule is not None:
            coupon = Coupon(
                int(coupon_id), int(rule_id), code, kind == 1, int(created or 0), limit, int(used)
            )
            rule.coupons.append(coupon)
    return list(rules.values())


def _sequences(store: _Store, table: str, kind: str) -> IncrementSequences:
    """Per-store increment sequences continuing from the largest increment_id of each view."""
    sequences = IncrementSequences()
    for store_id, increment_id in store.db.rows(
        f"SELECT store_id, MAX(increment_id) FROM `{table}` WHERE store_id IS NOT NULL "
        "GROUP BY store_id ORDER BY store_id"
    ):
        view = store.layout.view(int(store_id))
        prefix = view.increment_prefix
        if not increment_id.startswith(prefix) or not increment_id[len(prefix) :].isdigit():
            raise StoreError(
                f"{table}.increment_id {increment_id!r} of store {store_id} does not continue "
                f"the generator's sequence (prefix {prefix!r})"
            )
        sequences.values[(kind, int(store_id))] = int(increment_id[len(prefix) :])
    return sequences


def _place_orders(store: _Store, count: int, new_customers: list[Customer]) -> None:
    """`count` new orders; every kind (guest, registered, new customer, configurable line, coupon,
    each payment method) appears once `count` allows."""
    if count == 0:
        return
    rng = store.rng("orders")
    db, layout = store.db, store.layout
    store.first_new_order = store.ids.peek("sales_order")
    catalog = _sellable(store)
    if not catalog.simples:
        raise StoreError("no product is in stock: nothing can be ordered")
    rules = _read_rules(store)
    orders_seq = _sequences(store, "sales_order", "order")
    factory = AddressFactory(load_regions())
    registered_ids = [
        int(r[0])
        for r in db.rows("SELECT entity_id FROM customer_entity WHERE is_active = 1 ORDER BY 1")
        if int(r[0]) not in store.touched_customers
    ]
    by_new = min(len(new_customers), max(1, (len(new_customers) + 1) // 2))
    guests = min(count - by_new, _share(count, GUEST_ORDER_SHARE)) if count >= 2 else 0
    kinds = ["new"] * by_new + ["guest"] * guests + ["registered"] * (count - by_new - guests)
    if not registered_ids:
        kinds = ["guest" if k == "registered" else k for k in kinds]
    rng.shuffle(kinds)
    buyers = rng.sample(new_customers, by_new)
    picks = [rng.choice(registered_ids) if k == "registered" else 0 for k in kinds]
    known = _load_customers(store, sorted({p for p in picks if p}))
    states = spread(rng, NEW_ORDER_STATES, count)
    methods = spread(rng, PAYMENT_METHODS, count)
    lines_total = count * store.profile.items_per_order
    configurable_slots = (
        set(rng.sample(range(lines_total), max(1, round(lines_total * CONFIGURABLE_LINE_SHARE))))
        if catalog.children
        else set()
    )
    coupon_orders = sorted(rng.sample(range(count), _share(count, COUPON_ORDER_SHARE)))
    for n, kind in enumerate(kinds):
        customer: Customer | None = None
        if kind == "new":
            customer = buyers.pop()
        elif kind == "registered":
            customer = known[picks[n]]
        order = _plan_order(
            store, rng, n, customer, catalog, factory, orders_seq, configurable_slots
        )
        order.state, order.status = states[n]
        order.method = methods[n]
        coupon = None
        if n in coupon_orders:
            coupon = _apply_rule(rng, order, rules, must_have_code=n == coupon_orders[0])
        price_lines(order, layout.website(order.store.website_id).tax_rate_bp)
        _write_order(store, rng, order, coupon)
        store.add("orders")
        if customer is None:
            store.add("orders_by_guests")
        elif kind == "new":
            store.add("orders_by_new_customers")
        if (n + 1) % 100 == 0:
            store.progress.say(f"orders: {n + 1:,} of {count:,} placed")


def _plan_order(
    store: _Store,
    rng: random.Random,
    n: int,
    customer: Customer | None,
    catalog: _Catalog,
    factory: AddressFactory,
    sequences: IncrementSequences,
    configurable_slots: set[int],
) -> Order:
    layout = store.layout
    when = store.clock.tick(rng)
    if customer is not None:
        view = rng.choice(layout.views_of(customer.website_id))
        email, first, last = customer.email, customer.firstname, customer.lastname
    else:
        view = rng.choice(layout.views)
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        email = f"guest{_next_guest(store)}@example.net"
    if customer is not None and customer.addresses:
        billing, shipping = customer.addresses[0], customer.addresses[-1]
    else:
        billing = factory.make(rng, 0, view.country, first, last)
        shipping = (
            billing if rng.random() < 0.8 else factory.make(rng, 0, view.country, first, last)
        )
    lines: list[Line] = []
    for k in range(store.profile.items_per_order):
        line = _pick_line(
            store, rng, catalog, n * store.profile.items_per_order + k in configurable_slots
        )
        if line is not None:
            lines.append(line)
    if not lines:
        raise StoreError("not enough stock left to place another order")
    order = Order(
        store.ids.take("sales_order"),
        sequences.next("order", view),
        view,
        customer,
        "guest" if customer is None else "registered",
        email,
        first,
        last,
        when,
        "new",
        "pending",
        "checkmo",
        lines,
        billing,
        shipping,
        0 if rng.random() < 0.1 else 500 * sum(line.qty for line in lines),
    )
    order.updated_at = when
    return order


def _next_guest(store: _Store) -> int:
    """The next number of the guest e-mail sequence guest<N>@example.net."""
    if not store.next_guest:
        largest = store.db.value(
            "SELECT MAX(CAST(SUBSTRING(customer_email, 6, LOCATE('@', customer_email) - 6) "
            "AS UNSIGNED)) FROM sales_order WHERE customer_is_guest = 1 "
            "AND customer_email LIKE 'guest%%@example.net'"
        )
        store.next_guest = int(largest or 0) + 1
    store.next_guest += 1
    return store.next_guest - 1


def _pick_line(
    store: _Store, rng: random.Random, catalog: _Catalog, configurable: bool
) -> Line | None:
    """One line whose (child) product keeps at least STOCK_LEFT units after the sale."""
    qty = 1 if rng.random() < 0.75 else rng.randint(2, 3)
    configurable = configurable and bool(catalog.children)
    parents = catalog.parents
    for _ in range(50):
        if configurable:
            parent_id = rng.choice(parents)
            stocked = rng.choice(catalog.children[parent_id])
        else:
            parent_id, stocked = 0, rng.choice(catalog.simples)
        if catalog.stock[stocked] - qty >= STOCK_LEFT:
            break
    else:
        return None
    catalog.stock[stocked] -= qty
    if parent_id:
        parent = _product(store, parent_id)
        child = _child(store, parent, stocked)
        return Line(parent, child, qty, child.price)
    product = _product(store, stocked)
    return Line(product, None, qty, product.price)


def _apply_rule(
    rng: random.Random, order: Order, rules: list[Rule], *, must_have_code: bool
) -> Coupon | None:
    """A cart rule for the order, as the generator picks them; returns the coupon it uses."""
    group_id = order.customer.group_id if order.customer else 0
    candidates = eligible_rules(rules, order.store.website_id, group_id)
    if must_have_code:
        with_codes = [r for r in candidates if r.coupon_type != NO_COUPON and r.coupons]
        candidates = with_codes or candidates
    if not candidates:
        return None
    rule = rng.choice(candidates)
    coupon = rule.take_coupon()
    if coupon is None and rule.coupon_type != NO_COUPON:
        return None
    order.rule = rule
    rule.times_used += 1
    if coupon is not None:
        coupon.times_used += 1
        order.coupon_code = coupon.code
    return coupon


def _write_order(store: _Store, rng: random.Random, order: Order, coupon: Coupon | None) -> None:
    """Every row of one placed order, in one transaction, plus stock and coupon counters."""
    db, layout, ids = store.db, store.layout, store.ids
    online = order.method in ONLINE_METHODS
    invoiced = order.state in ("processing", "complete")
    delay = rng.randint(*CAPTURE_DELAY) if online else 0
    if invoiced:
        order.updated_at = order.created_at + max(delay, 1)
    store.clock.reach(order.updated_at)
    billing_id = ids.take("sales_order_address", count=2)
    row = order_row(order, layout, rng)
    row.update({"billing_address_id": billing_id, "shipping_address_id": billing_id + 1})
    tax_percent = f"{layout.website(order.store.website_id).tax_rate_bp / 100:.4f}"
    with db.event(order.created_at):
        db.insert("sales_order", row)
        db.insert("sales_order_address", order_address_row(order, billing_id, "billing"))
        db.insert("sales_order_address", order_address_row(order, billing_id + 1, "shipping"))
        for line in order.lines:
            line.item_id = ids.take("sales_order_item", "item_id")
            options, child_options = product_options(line, store.eav)
            db.insert(
                "sales_order_item",
                item_row(order, line, line.item_id, None, line.product, options, tax_percent),
            )
            if line.child is not None:
                line.child_item_id = ids.take("sales_order_item", "item_id")
                db.insert(
                    "sales_order_item",
                    item_row(
                        order,
                        line,
                        line.child_item_id,
                        line.item_id,
                        line.child,
                        child_options,
                        tax_percent,
                    ),
                )
                store.add("configurable_lines")
            store.add("order_items")
            stocked = line.child or line.product
            db.run(
                "UPDATE cataloginventory_stock_item SET qty = qty - %s "
                "WHERE product_id = %s AND stock_id = 1",
                (line.qty, stocked.entity_id),
            )
            store.add("stock_decrements")
        payment_id = ids.take("sales_order_payment")
        transactions: list[tuple[object, ...]] = []
        db.insert("sales_order_payment", payment_row(order, payment_id, rng, transactions, delay))
        _insert_transactions(store, transactions)
        if order.rule is not None:
            db.run(
                "UPDATE salesrule SET times_used = times_used + 1 WHERE rule_id = %s",
                (order.rule.rule_id,),
            )
        if coupon is not None:
            db.run(
                "UPDATE salesrule_coupon SET times_used = times_used + 1 WHERE coupon_id = %s",
                (coupon.coupon_id,),
            )
            store.add("coupons_used")
        if order.customer is not None:
            _reward(
                store,
                rng,
                order.customer,
                REWARD_ORDER,
                order.grand_total // 100,
                order.entity_id,
                {"increment_id": order.increment_id},
                order.created_at,
            )
    if order.customer is not None:
        store.touched_customers.add(order.customer.entity_id)


def _insert_transactions(store: _Store, rows: list[tuple[object, ...]]) -> None:
    """Gateway transactions built by the generator (numbered from 1), renumbered to new ids."""
    if not rows:
        return
    first = store.ids.take("sales_payment_transaction", "transaction_id", len(rows))
    for row in rows:
        local_id, parent_id = cast(int, row[0]), cast(int | None, row[1])
        store.db.insert(
            "sales_payment_transaction",
            {
                "transaction_id": first + local_id - 1,
                "parent_id": None if parent_id is None else first + parent_id - 1,
                "order_id": row[2],
                "payment_id": row[3],
                "txn_id": row[4],
                "parent_txn_id": row[5],
                "txn_type": row[6],
                "is_closed": row[7],
                "additional_information": row[8],
                "created_at": row[9],
            },
        )
        store.add("payment_transactions")


# --- refunds -------------------------------------------------------------------------------------


@dataclass
class _Invoiced:
    """An existing invoiced order, rebuilt from its rows so the generator's refund math applies."""

    order: Order
    address_ids: tuple[int, int]
    payment_id: int
    capture: tuple[int, str] | None  # transaction_id, txn_id
    customer_id: int | None


def _refund_orders(store: _Store, count: int) -> None:
    """Credit memos on invoiced orders older than this run: half full (order closed), half
    partial (one unit of the first line, as generated)."""
    if count == 0:
        return
    rng = store.rng("refunds")
    db = store.db
    before = store.first_new_order or store.ids.peek("sales_order")
    rows = db.rows(
        "SELECT o.entity_id, o.state, o.customer_id FROM sales_order o "
        "WHERE o.state IN ('processing', 'complete') AND o.entity_id < %s "
        "AND o.store_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM sales_creditmemo c WHERE c.order_id = o.entity_id) "
        "ORDER BY o.entity_id",
        (before,),
    )
    if store.edition == "commerce":
        # a refunded customer always has a reward balance in generated commerce stores
        rewarded = {int(r[0]) for r in db.rows("SELECT DISTINCT customer_id FROM magento_reward")}
        rows = [r for r in rows if r[2] is None or int(r[2]) in rewarded]
    complete = [int(r[0]) for r in rows if r[1] == "complete"]
    full = rng.sample(complete, min(len(complete), count // 2))
    taken = set(full)
    rest = [int(r[0]) for r in rows if int(r[0]) not in taken]
    partial = rng.sample(rest, min(len(rest), count - len(full)))
    plan = [(order_id, True) for order_id in full] + [(o, False) for o in partial]
    rng.shuffle(plan)
    memos = _sequences(store, "sales_creditmemo", "creditmemo")
    for order_id, is_full in plan:
        invoiced = _load_invoiced(store, order_id)
        if invoiced is not None:
            _write_refund(store, rng, invoiced, is_full, memos)


def _load_invoiced(store: _Store, order_id: int) -> _Invoiced | None:
    db = store.db
    (o,) = db.rows(
        "SELECT entity_id, store_id, state, status, shipping_amount, grand_total, "
        "billing_address_id, shipping_address_id, customer_id, increment_id, created_at "
        "FROM sales_order WHERE entity_id = %s",
        (order_id,),
    )
    payment = db.rows(
        "SELECT entity_id, method FROM sales_order_payment WHERE parent_id = %s ORDER BY 1",
        (order_id,),
    )
    if not payment:
        return None
    lines: list[Line] = []
    by_item: dict[int, Line] = {}
    for item_id, parent_item, product_id, type_id, sku, name, qty, price, tax, discount in db.rows(
        "SELECT item_id, parent_item_id, product_id, product_type, sku, name, qty_ordered, "
        "price, tax_amount, discount_amount FROM sales_order_item WHERE order_id = %s "
        "ORDER BY item_id",
        (order_id,),
    ):
        product = Product(int(product_id or 0), type_id, sku, name, _cents(price), 0, 0, 0)
        if parent_item is None:
            line = Line(product, None, int(qty), _cents(price), _cents(discount), _cents(tax))
            line.item_id = int(item_id)
            by_item[line.item_id] = line
            lines.append(line)
        elif int(parent_item) in by_item:
            parent_line = by_item[int(parent_item)]
            parent_line.child = product
            parent_line.child_item_id = int(item_id)
    view = store.layout.view(int(o[1]))
    order = Order(
        int(o[0]),
        o[9],
        view,
        None,
        "registered" if o[8] is not None else "guest",
        "",
        "",
        "",
        0,
        o[2],
        o[3],
        payment[0][1],
        lines,
        _NO_ADDRESS,
        _NO_ADDRESS,
        _cents(o[4]),
    )
    if not lines or order.grand_total != _cents(o[5]):
        return None  # not shaped like a generated order: leave it alone
    capture = None
    if order.method in ONLINE_METHODS:
        found = db.rows(
            "SELECT transaction_id, txn_id FROM sales_payment_transaction "
            "WHERE order_id = %s AND txn_type = 'capture' ORDER BY transaction_id",
            (order_id,),
        )
        if not found:
            return None
        capture = (int(found[0][0]), str(found[0][1]))
        order.txn_base = capture[1].removesuffix("-capture")
    return _Invoiced(
        order,
        (int(o[6]), int(o[7])),
        int(payment[0][0]),
        capture,
        None if o[8] is None else int(o[8]),
    )


def _write_refund(
    store: _Store, rng: random.Random, invoiced: _Invoiced, full: bool, memos: IncrementSequences
) -> None:
    db, ids = store.db, store.ids
    o = invoiced.order
    when = store.clock.tick(rng)
    memo: Creditmemo = plan_refund(
        o, ids.take("sales_creditmemo"), memos.next("creditmemo", o.store), full, when
    )
    o.creditmemos.append(memo)
    if full:
        o.state, o.status = "closed", "closed"
    item_rows = creditmemo_item_rows(memo, ids.peek("sales_creditmemo_item"))
    ids.take("sales_creditmemo_item", count=len(item_rows))
    with db.event(when):
        db.insert("sales_creditmemo", creditmemo_row(o, memo, store.layout, invoiced.address_ids))
        for row in item_rows:
            db.insert("sales_creditmemo_item", row)
        db.update(
            "sales_order",
            {"state": o.state, "status": o.status, **order_refund_columns(o)},
            "entity_id",
            o.entity_id,
        )
        for line, _ in memo.lines:
            db.update("sales_order_item", item_refund_columns(line, False), "item_id", line.item_id)
            if line.child is not None:
                db.update(
                    "sales_order_item",
                    item_refund_columns(line, True),
                    "item_id",
                    line.child_item_id,
                )
        payment = payment_refund_columns(o)
        if invoiced.capture is not None:
            refund_txn = f"{o.txn_base}-refund"
            payment["last_trans_id"] = refund_txn
            db.insert(
                "sales_payment_transaction",
                {
                    "transaction_id": ids.take("sales_payment_transaction", "transaction_id"),
                    "parent_id": invoiced.capture[0],
                    "order_id": o.entity_id,
                    "payment_id": invoiced.payment_id,
                    "txn_id": refund_txn,
                    "parent_txn_id": invoiced.capture[1],
                    "txn_type": "refund",
                    "is_closed": 1,
                    "additional_information": php_serialize(
                        {
                            "raw_details_info": {
                                "amount": money(memo.grand_total),
                                "status": "refunded",
                            }
                        }
                    ),
                    "created_at": ts(when),
                },
            )
            store.add("payment_transactions")
        db.update("sales_order_payment", payment, "entity_id", invoiced.payment_id)
        if invoiced.customer_id is not None:
            customer = _load_customers(store, [invoiced.customer_id]).get(invoiced.customer_id)
            if customer is not None:
                earned = o.grand_total // 100
                _reward(
                    store,
                    rng,
                    customer,
                    REWARD_CREDITMEMO,
                    -(earned * memo.grand_total // max(1, o.grand_total)),
                    o.entity_id,
                    {"increment_id": memo.increment_id},
                    when,
                )
    if invoiced.customer_id is not None:
        store.touched_customers.add(invoiced.customer_id)
    store.add("creditmemos_full" if full else "creditmemos_partial")


# --- reward points (commerce edition) -------------------------------------------------------------


def _reward(
    store: _Store,
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


# --- product changes (EAV only) -----------------------------------------------------------------


class _Picker:
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


def _allot(total: int, kinds: Sequence[tuple[str, int]]) -> list[str]:
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


def _update_products(store: _Store, count: int) -> None:
    """Mass "Update attributes": EAV rows change, catalog_product_entity (updated_at) does not."""
    if count == 0:
        return
    rng = store.rng("products")
    db = store.db
    name = store.attr(PRODUCT, "name")
    price = store.attr(PRODUCT, "price")
    special = store.attr(PRODUCT, "special_price")
    touched = store.touched_products
    standalone = (
        "NOT EXISTS (SELECT 1 FROM catalog_product_super_link l WHERE l.product_id = v.entity_id)"
    )
    prices = _Picker(
        rng,
        db.rows(
            "SELECT value_id, entity_id, value FROM catalog_product_entity_decimal v "
            "WHERE attribute_id = %s AND store_id = 0 ORDER BY value_id",
            (price.attribute_id,),
        ),
        touched,
    )
    specials = {
        int(e): _cents(v)
        for e, v in db.rows(
            "SELECT entity_id, value FROM catalog_product_entity_decimal "
            "WHERE attribute_id = %s AND store_id = 0",
            (special.attribute_id,),
        )
    }
    name_rows = db.rows(
        "SELECT value_id, entity_id, value FROM catalog_product_entity_varchar v "
        f"WHERE attribute_id = %s AND store_id = 0 AND {standalone} ORDER BY value_id",
        (name.attribute_id,),
    )
    names = _Picker(rng, name_rows, touched)
    additions = _Picker(rng, name_rows, touched)
    overrides = {
        code: store.attr(PRODUCT, code)
        for code in OVERRIDE_CODES
        if (PRODUCT, code) in store.attributes
        and store.attr(PRODUCT, code).is_global == SCOPE_STORE
    }
    store_rows: list[tuple[Any, ...]] = []
    for attribute in overrides.values():
        table = attribute.table("catalog_product_entity")
        store_rows += [
            (table, *r)
            for r in db.rows(
                f"SELECT entity_id, value_id, attribute_id, store_id FROM `{table}` "
                "WHERE attribute_id = %s AND store_id > 0 ORDER BY value_id",
                (attribute.attribute_id,),
            )
        ]
    existing = {(int(r[3]), int(r[4]), int(r[1])) for r in store_rows}
    removals = _Picker(rng, store_rows, touched)
    multiselects = [
        a
        for (type_id, _), a in sorted(store.attributes.items())
        if type_id == PRODUCT and a.frontend_input == "multiselect"
    ]
    multi_rows: list[tuple[Any, ...]] = []
    for attribute in multiselects:
        table = attribute.table("catalog_product_entity")
        multi_rows += [
            (table, *r)
            for r in db.rows(
                f"SELECT entity_id, value_id, attribute_id, value FROM `{table}` "
                "WHERE attribute_id = %s AND store_id = 0 ORDER BY value_id",
                (attribute.attribute_id,),
            )
        ]
    multis = _Picker(rng, multi_rows, touched)
    options = {a.attribute_id: store.options(a) for a in multiselects}
    plan = _allot(count, PRODUCT_CHANGES)
    rng.shuffle(plan)
    added = 0
    for n, kind in enumerate(plan):
        when = store.clock.tick(rng)
        with db.event(when):
            if kind == "price":
                _change_price(store, rng, prices.next(), specials)
            elif kind == "name":
                _change_name(store, rng, names.next())
            elif kind == "override_added":
                addable = [a for c, a in overrides.items() if c in ("name", "description")]
                added += _add_override(store, rng, additions.next(), existing, addable, added)
            elif kind == "override_removed":
                _remove_override(store, removals.next())
            else:
                _change_multiselect(store, rng, multis.next(), options)
        if (n + 1) % 100 == 0:
            store.progress.say(f"updates: {n + 1:,} of {count:,} product changes")


def _change_price(
    store: _Store, rng: random.Random, row: tuple[Any, ...] | None, specials: dict[int, int]
) -> None:
    if row is None:
        return
    value_id, entity_id, value = row
    old = _cents(value)
    dollars = max(1, round(old * rng.uniform(0.9, 1.25) / 100))
    new = dollars * 100 - 1 if dollars > 1 else 99
    new = max(new, specials.get(int(entity_id), 0) + 100)  # stays above a special price
    if new == old:
        new += 100
    store.db.update("catalog_product_entity_decimal", {"value": money(new)}, "value_id", value_id)
    store.add("price_changes")


def _change_name(store: _Store, rng: random.Random, row: tuple[Any, ...] | None) -> None:
    if row is None:
        return
    value_id, _, value = row
    first, _, rest = str(value or "").partition(" ")
    adjective = rng.choice([a for a in vocab.ADJECTIVES if a != first])
    store.db.update(
        "catalog_product_entity_varchar",
        {"value": f"{adjective} {rest}" if rest else f"{adjective} {first}"},
        "value_id",
        value_id,
    )
    store.add("name_changes")


def _add_override(
    store: _Store,
    rng: random.Random,
    row: tuple[Any, ...] | None,
    existing: set[tuple[int, int, int]],
    overrides: list[_Attribute],
    added: int,
) -> int:
    """A new store-view row of name or description ("use default" unchecked in one view); the
    second, fifth, ... of the run keep an empty (NULL) value, which still wins over store 0."""
    if row is None or not overrides:
        return 0
    _, entity_id, base_name = row
    entity_id = int(entity_id)
    views = store.layout.views[1:] or store.layout.views
    choices = [
        (a, v)
        for a in overrides
        for v in views
        if (a.attribute_id, v.store_id, entity_id) not in existing
    ]
    if not choices:
        return 0
    attribute, view = rng.choice(choices)
    is_null = added % 3 == 1
    value: str | None = None
    if not is_null:
        base = str(base_name or "")
        if attribute.backend_type == "varchar":
            index = next((i for i, noun in enumerate(vocab.NOUNS) if noun in base), 0)
            value = translated_name(index, base.split(" ")[0], view.language, entity_id)
        else:
            value = f"<p>{base} ({view.language})</p>"
    table = attribute.table("catalog_product_entity")
    store.db.insert(
        table,
        {
            "value_id": store.ids.take(table, "value_id"),
            "attribute_id": attribute.attribute_id,
            "store_id": view.store_id,
            "entity_id": entity_id,
            "value": value,
        },
    )
    existing.add((attribute.attribute_id, view.store_id, entity_id))
    store.add("overrides_added")
    if is_null:
        store.add("overrides_added_null")
    return 1


def _remove_override(store: _Store, row: tuple[Any, ...] | None) -> None:
    """Delete a store-view row: the default (store 0) value applies again."""
    if row is None:
        return
    table, _, value_id = row[0], row[1], row[2]
    store.db.run(f"DELETE FROM `{table}` WHERE value_id = %s", (value_id,))
    store.add("overrides_removed")


def _change_multiselect(
    store: _Store,
    rng: random.Random,
    row: tuple[Any, ...] | None,
    options: dict[int, list[int]],
) -> None:
    if row is None:
        return
    table, _, value_id, attribute_id, value = row
    choices = options[int(attribute_id)]
    new = str(value)
    for _ in range(10):
        new = ",".join(map(str, sorted(rng.sample(choices, rng.randint(1, min(3, len(choices)))))))
        if new != value:
            break
    store.db.update(table, {"value": new}, "value_id", value_id)
    store.add("multiselect_changes")


# --- customer changes ----------------------------------------------------------------------------


def _update_customers(store: _Store, count: int) -> None:
    """`count` first-name changes (ORM save: updated_at moves by ON UPDATE) and `count` custom
    EAV value changes written to the value tables only (customer_entity untouched)."""
    if count == 0:
        return
    rng = store.rng("customer-changes")
    db = store.db
    untouched = [
        (int(r[0]), int(r[0]), r[1])
        for r in db.rows("SELECT entity_id, firstname FROM customer_entity ORDER BY entity_id")
        if int(r[0]) not in store.touched_customers
    ]
    renames = _Picker(rng, untouched, store.touched_customers)
    eav_rows: list[tuple[Any, ...]] = []
    for code in ("loyalty_tier", "preferred_language"):
        attribute = store.attr(CUSTOMER, code)
        table = attribute.table("customer_entity")
        eav_rows += [
            (table, code, *r)
            for r in db.rows(
                f"SELECT entity_id, value_id, value FROM `{table}` WHERE attribute_id = %s "
                "ORDER BY value_id",
                (attribute.attribute_id,),
            )
        ]
    eav_changes = _Picker(rng, eav_rows, store.touched_customers)
    tiers = store.options(store.attr(CUSTOMER, "loyalty_tier"))
    for _ in range(count):
        row = renames.next()
        if row is not None:
            with db.event(store.clock.tick(rng)):
                first = rng.choice([f for f in vocab.FIRST_NAMES if f != row[2]])
                db.update("customer_entity", {"firstname": first}, "entity_id", row[0])
            store.add("customer_renames")
        change = eav_changes.next(2)
        if change is not None:
            table, code, _, value_id, value = change
            pool: list[object] = list(tiers if code == "loyalty_tier" else vocab.LANGUAGES)
            new = rng.choice([p for p in pool if str(p) != str(value)])
            with db.event(store.clock.tick(rng)):
                db.update(table, {"value": new}, "value_id", value_id)
            store.add("customer_eav_changes")


# --- deletes -------------------------------------------------------------------------------------


def _delete_customers(store: _Store, count: int) -> None:
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


def _delete_product(store: _Store) -> None:
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
        db.run("DELETE FROM catalog_product_entity WHERE entity_id = %s", (product_id,))
    store.touched_products.add(product_id)
    store.add("products_deleted")


def _delete_review(store: _Store) -> None:
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
