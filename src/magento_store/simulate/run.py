"""One simulation run: options, the checks before touching the store, its row in
`magento_store_simulation_run`, and the sections in simulated-time order.
"""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import dataclass

import pymysql

from magento_migration import __version__
from magento_migration.settings import DbSettings

from .. import ddl
from ..common import ts
from ..eav import build_eav
from ..errors import StoreError
from ..generator import check_database_name, connect
from ..loader import Progress
from ..profiles import get_profile
from ..stores import build_layout
from .customers import create_customers, update_customers
from .deletes import delete_customers, delete_product, delete_review
from .orders import place_orders
from .products import update_products
from .refunds import refund_orders
from .staging import schedule_update
from .store import (
    SIMULATION_TABLE,
    Clock,
    Db,
    Ids,
    Store,
    check_model,
    read_attributes,
    share_of,
    simulated_start,
)

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
        db = Db(conn)
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


def _prepare(db: Db, options: SimulateOptions, progress: Progress) -> Store:
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
    try:
        profile = get_profile(str(profile_name))
    except KeyError as exc:
        raise StoreError(str(exc.args[0])) from None
    db.run(SIMULATION_DDL)
    run_id = int(db.value(f"SELECT COALESCE(MAX(run_id), 0) + 1 FROM `{SIMULATION_TABLE}`"))
    start = simulated_start(db)
    store = Store(
        db=db,
        profile=profile,
        edition=str(edition),
        layout=build_layout(profile),
        eav=build_eav(profile, int(offset)),
        attributes=read_attributes(db),
        run_id=run_id,
        seed=options.seed,
        clock=Clock(start),
        ids=Ids(db),
        progress=progress,
    )
    check_model(store)
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


def _record(store: Store, status: str) -> None:
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


def _run(store: Store, options: SimulateOptions) -> None:
    """Every section, in simulated-time order."""
    say = store.progress.say
    customers, memos = share_of(options.orders, 0.1), share_of(options.orders, 0.1, minimum=2)
    customer_changes = share_of(options.updates, 0.05)
    say(f"customers: {customers} new")
    new_customers = create_customers(store, customers)
    say(f"orders: {options.orders} new")
    place_orders(store, options.orders, new_customers)
    say(f"refunds: {memos} credit memos")
    refund_orders(store, memos)
    if store.staged and options.updates:
        say("updates: one product's staged update, starting during the run")
        schedule_update(store)
    say(f"updates: {options.updates} product changes through EAV only")
    update_products(store, options.updates)
    say(f"updates: {customer_changes} customer renames and as many customer EAV changes")
    update_customers(store, customer_changes)
    say(f"deletes: {options.deletes} customers")
    delete_customers(store, options.deletes)
    if options.deletes >= 3:
        say("deletes: one product and one review")
        delete_product(store)
        delete_review(store)
