"""Orchestration: guard the target database, create the schema, run every section in a
parents-first order, inject the dirty-data corpus when asked and record the run in the marker
table."""

from __future__ import annotations

import contextlib
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pymysql

from magento_migration import __version__
from magento_migration.connections import mysql_connect
from magento_migration.settings import DbSettings

from . import (
    catalog,
    content_staging,
    customers,
    ddl,
    eav,
    inventory,
    marketing,
    reference,
    rules,
    sales,
    stores,
)
from .anomalies import (
    ANOMALY_TABLE,
    DEFAULT_COUNT,
    KINDS,
    check_options,
    default_manifest,
    inject,
    write_manifest,
)
from .errors import StoreError
from .loader import Loader, Progress
from .profiles import Profile, get_profile

_DATABASE_NAME = re.compile(r"^[A-Za-z0-9_]{1,64}$")
_SYSTEM_DATABASES = frozenset({"mysql", "information_schema", "performance_schema", "sys"})


@dataclass(frozen=True)
class Options:
    """What to generate and where."""

    profile: str
    database: str
    seed: int = 42
    attribute_id_offset: int = 0
    edition: str = "open-source"
    force: bool = False
    anomalies: tuple[str, ...] = ()  # kinds of anomalies.KINDS to inject; () injects nothing
    anomaly_count: int = DEFAULT_COUNT  # rows per kind
    manifest: str | None = None  # the JSON manifest (default: <database>_anomalies.json here)


def connect(
    settings: DbSettings, database: str | None = None, *, local_infile: bool = False
) -> pymysql.Connection:
    """A utf8mb4, autocommit connection (to a database, or to the server only)."""
    return mysql_connect(
        settings.with_name(database) if database else settings,
        database=database is not None,
        autocommit=True,
        local_infile=local_infile,
    )


def _prepare_database(conn: pymysql.Connection, name: str, force: bool) -> None:
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", (name,))
        exists = cur.fetchone() is not None
        if exists:
            cur.execute(
                "SELECT 1 FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s",
                (name, ddl.MARKER_TABLE),
            )
            if cur.fetchone() is None and not force:
                raise StoreError(
                    f"database '{name}' exists and was not created by magento-store "
                    f"(no {ddl.MARKER_TABLE} table); refusing to overwrite it - pass --force to "
                    "drop it, or choose another --database"
                )
            cur.execute(f"DROP DATABASE `{name}`")
        cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")


def _create_schema(conn: pymysql.Connection, name: str, edition: str) -> None:
    with conn.cursor() as cur:
        cur.execute(f"USE `{name}`")
        cur.execute("SET SESSION foreign_key_checks = 1")
        for statement in ddl.statements(edition):
            cur.execute(statement)
        cur.execute(ddl.MARKER_DDL)
        if edition == "commerce":
            content_staging.create_scratch_tables(cur)


def _session_for_loading(conn: pymysql.Connection, foreign_key_checks: bool) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "SET SESSION foreign_key_checks = %s, unique_checks = %s, time_zone = '+00:00', "
            "sql_mode = 'NO_AUTO_VALUE_ON_ZERO,STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'",
            (int(foreign_key_checks), int(foreign_key_checks)),
        )
        # needs a privilege we may not have; the binary log is then simply written
        with contextlib.suppress(pymysql.MySQLError):
            cur.execute("SET SESSION sql_log_bin = 0")


def check_database_name(name: str) -> None:
    """Reject a database name we would not create (or a system database)."""
    if not _DATABASE_NAME.match(name):
        raise StoreError(f"invalid database name {name!r}: use letters, digits and _ only")
    if name.lower() in _SYSTEM_DATABASES:
        raise StoreError(f"refusing to use the system database '{name}'")


def validate(options: Options) -> None:
    """Reject bad options before touching the server."""
    try:
        get_profile(options.profile)
    except KeyError as exc:
        raise StoreError(str(exc.args[0])) from None
    check_database_name(options.database)
    if options.edition not in ddl.EDITIONS:
        raise StoreError(
            f"unknown edition {options.edition!r}; choose one of {', '.join(ddl.EDITIONS)}"
        )
    if options.anomalies and options.edition == "commerce":
        raise StoreError(
            "--anomalies needs --edition open-source (the corpus is written by entity_id)"
        )
    if options.attribute_id_offset < 0:
        raise StoreError("--attribute-id-offset must be 0 or more")
    check_options(options.anomalies, options.anomaly_count, options.manifest)


def generate(
    settings: DbSettings,
    options: Options,
    progress: Progress | None = None,
    *,
    foreign_key_checks: bool = False,
) -> dict[str, int]:
    """Build the store into `options.database`; returns rows per table (every table, 0 included).

    `foreign_key_checks=True` loads with checks on (slower); it proves the load order.
    """
    validate(options)
    progress = progress or Progress()
    profile = get_profile(options.profile)
    try:
        model = eav.build_eav(profile, options.attribute_id_offset)
    except ValueError as exc:
        raise StoreError(str(exc)) from None
    layout = stores.build_layout(profile)
    regions = reference.load_regions()
    admin = connect(settings)
    try:
        _prepare_database(admin, options.database, options.force)
        _create_schema(admin, options.database, options.edition)
    finally:
        admin.close()
    progress.say(
        f"profile {profile.name} (seed {options.seed}, attribute id offset "
        f"{options.attribute_id_offset}, {options.edition}): created "
        f"{len(ddl.table_names(options.edition))} tables in "
        f"{settings.host}:{settings.port}/{options.database}"
    )

    conn = connect(settings, options.database, local_infile=True)
    try:
        _session_for_loading(conn, foreign_key_checks)
        with tempfile.TemporaryDirectory(prefix="magento-store-") as workdir:
            loader = Loader(conn, Path(workdir), progress)
            if options.edition == "commerce":
                loader.redirect = content_staging.scratch_tables()
            try:
                _run_sections(loader, profile, model, layout, regions, options)
            except BaseException:
                loader.abort()
                raise
            counts = loader.finish()
        counts.update(_finish_edition(conn, options, progress))
        all_counts = {table: counts.get(table, 0) for table in ddl.table_names(options.edition)}
        if options.anomalies:
            _inject_anomalies(conn, options, profile, all_counts, progress)
        with conn.cursor() as cur:
            cur.execute(
                f"INSERT INTO `{ddl.MARKER_TABLE}` VALUES (1, %s, %s, %s, %s, %s, %s)",
                (
                    profile.name,
                    options.seed,
                    options.attribute_id_offset,
                    options.edition,
                    __version__,
                    json.dumps(all_counts, sort_keys=True),
                ),
            )
    finally:
        conn.close()
    progress.say(f"done: {sum(all_counts.values()):,} rows in {len(all_counts)} tables")
    return all_counts


def _finish_edition(
    conn: pymysql.Connection, options: Options, progress: Progress
) -> dict[str, int]:
    """Multi-source inventory (both editions), then Commerce's content staging; rows per table."""
    commerce = options.edition == "commerce"
    products = content_staging.SCRATCH_PREFIX + "catalog_product_entity" if commerce else None
    counts = inventory.write_inventory(conn, options.seed, products or "catalog_product_entity")
    progress.say(
        f"inventory: {counts['inventory_source_item']:,} source items, "
        f"{counts['inventory_reservation']:,} reservations"
    )
    if commerce:
        counts.update(content_staging.convert(conn, options.seed, content_staging.REFERENCE_NOW))
        progress.say(
            f"content staging: {counts['catalog_product_entity']:,} product versions, "
            f"{counts['catalog_category_entity']:,} category versions, "
            f"{counts['salesrule']:,} cart rule versions"
        )
    return counts


def _inject_anomalies(
    conn: pymysql.Connection,
    options: Options,
    profile: Profile,
    counts: dict[str, int],
    progress: Progress,
) -> None:
    """The dirty-data corpus: rows written, `magento_store_anomalies`, the JSON manifest; the row
    counts include the rows it inserted."""
    path = Path(options.manifest) if options.manifest else default_manifest(options.database)
    kinds = [kind for kind in KINDS if kind in options.anomalies]
    injected = inject(conn, kinds, options.anomaly_count, options.seed)
    for table, rows in injected.inserted.items():
        counts[table] += rows
    write_manifest(
        path,
        {
            "database": options.database,
            "profile": profile.name,
            "seed": options.seed,
            "attribute_id_offset": options.attribute_id_offset,
            "edition": options.edition,
            "generator_version": __version__,
            "anomaly_count": options.anomaly_count,
            "kinds": kinds,
        },
        injected,
    )
    progress.say(
        f"anomalies: {len(injected.anomalies)} rows of {len(kinds)} kinds "
        f"({options.anomaly_count} each) in {ANOMALY_TABLE} and {path}"
    )


def _run_sections(
    loader: Loader,
    profile: Profile,
    model: eav.Eav,
    layout: stores.StoreLayout,
    regions: tuple[reference.Region, ...],
    options: Options,
) -> None:
    seed = options.seed
    progress = loader.progress
    stores.write_stores(loader, layout)
    reference.write_reference(loader, layout, regions)
    eav.write_eav(loader, model, layout)
    progress.say("catalog: categories and products")
    store_catalog = catalog.generate_catalog(loader, profile, model, layout, seed)
    progress.say("customers")
    factory = customers.AddressFactory(regions)
    people = customers.plan_customers(profile, layout, model, factory, seed)
    customers.write_customers(loader, people, model, layout, seed)
    progress.say("orders")
    cart_rules = rules.plan_rules(profile, layout, seed)
    orders = sales.plan_orders(
        profile, store_catalog, people, cart_rules, layout, factory, model, seed
    )
    sales.write_orders(loader, orders, layout, model, seed)
    rules.write_rules(loader, cart_rules)
    progress.say("marketing: newsletter, wishlists, reviews")
    subscribed = marketing.write_newsletter(loader, people, layout, seed)
    marketing.write_wishlists(loader, people, store_catalog, seed)
    reviews = marketing.write_reviews(loader, people, store_catalog, layout, seed)
    if options.edition == "commerce":
        marketing.write_rewards(loader, people, orders, reviews, subscribed, layout, seed)
