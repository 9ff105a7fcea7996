"""The demo-store generator (`magento-store`), against the real local MariaDB.

Every test works in its own `mg_test_gen_*` databases and drops them at the end.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pymysql
import pytest

from magento_migration.registry import edition_tables
from magento_migration.settings import source_settings
from magento_store import ddl
from magento_store.generator import Options, generate
from magento_store.loader import Progress
from magento_store.profiles import PROFILES
from tests.names import db_name

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_MAGENTO = REPO_ROOT.parent / "shared" / "magento"
FRESH_DUMP = SHARED_MAGENTO / "fresh_install_2.4.2.sql"
DEFAULT_ATTRIBUTES_CSV = (
    REPO_ROOT / "src" / "magento_store" / "data" / "default_eav_attributes_2.4.2.csv"
)
BACKENDS = ("varchar", "int", "decimal", "datetime", "text")
EAV_VALUE_TABLES = [
    f"{entity}_{backend}"
    for entity in (
        "catalog_product_entity",
        "catalog_category_entity",
        "customer_entity",
        "customer_address_entity",
    )
    for backend in ("varchar", "int", "decimal", "datetime", "text")
]

# Known 2.4.2 -> 2.4.8-p1 differences between Magento's real 2.4.2 install and our DDL
# (which follows the 2.4.8-p1 declarative schema): (table, column) -> (2.4.2 type, our type).
ALLOWED_TYPE_CHANGES = {
    ("sales_order", "increment_id"): ("varchar(32)", "varchar(50)"),
    ("sales_order", "original_increment_id"): ("varchar(32)", "varchar(50)"),
    ("sales_order", "email_sent"): ("smallint(5) unsigned", "smallint(6)"),
    ("sales_creditmemo", "email_sent"): ("smallint(5) unsigned", "smallint(6)"),
    ("sales_order_item", "product_options"): ("text", "longtext"),
    ("salesrule", "times_used"): ("int(10) unsigned", "int(11)"),
    ("catalog_product_entity_decimal", "value_id"): ("int(11)", "int(10) unsigned"),
    **{
        ("sales_order_item", column): ("decimal(12,4)", "decimal(20,4)")
        for column in ("price", "base_price", "original_price", "base_original_price")
    },
    **{
        ("sales_creditmemo_item", column): ("decimal(12,4)", "decimal(20,4)")
        for column in (
            "base_price",
            "tax_amount",
            "base_row_total",
            "discount_amount",
            "row_total",
            "base_discount_amount",
            "price_incl_tax",
            "base_tax_amount",
            "base_price_incl_tax",
            "base_cost",
            "price",
            "base_row_total_incl_tax",
            "row_total_incl_tax",
            "discount_tax_compensation_amount",
            "base_discount_tax_compensation_amount",
        )
    },
}
# Columns added after 2.4.2 (customer_entity.session_cutoff in 2.4.4, ...).
ALLOWED_NEW_COLUMNS = {
    ("customer_entity", "session_cutoff"),
    ("customer_eav_attribute", "grid_filter_condition_type"),
    ("catalog_eav_attribute", "is_pagebuilder_enabled"),
}
# Columns of extensions bundled with 2.4.2 and unbundled in 2.4.4 (Vertex, dotdigital).
ALLOWED_GONE_COLUMNS = {
    ("sales_order_address", "vertex_vat_country_code"),
    ("salesrule_coupon", "generated_by_dotmailer"),
}
COMMERCE_ONLY_TABLES = edition_tables("commerce")


# --- helpers ----------------------------------------------------------------------------------


def connect(database: str | None = None, **overrides: object) -> pymysql.Connection:
    settings = source_settings()
    params: dict[str, object] = {
        "host": settings.host,
        "port": settings.port,
        "user": settings.user,
        "password": settings.password,
        "database": database,
        "charset": "utf8mb4",
        "autocommit": True,
    }
    params.update(overrides)
    return pymysql.connect(**params)


def query(database: str, statement: str, *params: object) -> list[tuple]:
    with connect(database) as conn, conn.cursor() as cur:
        cur.execute(statement, params or None)
        return list(cur.fetchall())


def scalar(database: str, statement: str, *params: object) -> object:
    rows = query(database, statement, *params)
    return rows[0][0]


def drop_database(name: str) -> None:
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


def build(database: str, profile: str = "small", **options: object) -> dict[str, int]:
    fk_checks = bool(options.pop("foreign_key_checks", False))
    return generate(
        source_settings(),
        Options(profile=profile, database=database, force=True, **options),  # type: ignore[arg-type]
        Progress(quiet=True),
        foreign_key_checks=fk_checks,
    )


def tables_of(database: str) -> list[str]:
    return [
        r[0]
        for r in query(
            database,
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s ORDER BY 1",
            database,
        )
    ]


def checksums(database: str) -> dict[str, int]:
    names = ", ".join(f"`{t}`" for t in tables_of(database))
    return {row[0].split(".", 1)[1]: row[1] for row in query(database, f"CHECKSUM TABLE {names}")}


def run_cli(
    *args: str, env: dict[str, str] | None = None, quiet: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run `magento-store` in a fresh interpreter (progress lines off unless quiet=False)."""
    return subprocess.run(
        [sys.executable, "-m", "magento_store.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MAGENTO_STORE_QUIET": "1" if quiet else "0", **(env or {})},
        timeout=300,
    )


def default_attribute_ids() -> set[int]:
    with DEFAULT_ATTRIBUTES_CSV.open(encoding="utf-8", newline="") as handle:
        return {int(row["attribute_id"]) for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def databases() -> Iterator[list[str]]:
    """Names registered here are dropped when the module ends."""
    names: list[str] = []
    yield names
    for name in names:
        drop_database(name)


@pytest.fixture(scope="module")
def small(databases: list[str]) -> str:
    """The `small` store, seed 42, open-source edition."""
    databases.append(db_name("gen_small"))
    build(db_name("gen_small"), seed=42)
    return db_name("gen_small")


@pytest.fixture(scope="module")
def commerce(databases: list[str]) -> str:
    databases.append(db_name("gen_commerce"))
    build(db_name("gen_commerce"), seed=42, edition="commerce")
    return db_name("gen_commerce")


# --- DDL against Magento's real schema -----------------------------------------------------------


def load_dump(database: str, path: Path) -> None:
    """Run a mysqldump file statement by statement (each ends with ';' at the end of a line)."""
    with connect(database) as conn, conn.cursor() as cur, path.open(encoding="utf-8") as handle:
        statement: list[str] = []
        for line in handle:
            if not statement and (line.startswith("--") or not line.strip()):
                continue
            statement.append(line)
            if line.rstrip().endswith(";"):
                cur.execute("".join(statement))
                statement = []


def columns(database: str) -> dict[tuple[str, str], str]:
    return {
        (t, c): ctype
        for t, c, ctype in query(
            database,
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = %s",
            database,
        )
    }


def test_ddl_matches_magento_2_4_2_dump(databases: list[str]) -> None:
    if not FRESH_DUMP.is_file():
        pytest.fail(
            f"Magento's real dump is missing: {FRESH_DUMP} (the shared reference material must sit "
            "beside the repository, at ../shared; CI has it at /work/shared)"
        )
    databases.extend([db_name("gen_dump"), db_name("gen_ddl")])
    for name in (db_name("gen_dump"), db_name("gen_ddl")):
        drop_database(name)
        with connect() as conn, conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}`")
    load_dump(db_name("gen_dump"), FRESH_DUMP)
    with connect(db_name("gen_ddl")) as conn, conn.cursor() as cur:
        for statement in ddl.statements("open-source"):
            cur.execute(statement)

    real, ours = columns(db_name("gen_dump")), columns(db_name("gen_ddl"))
    real_tables = {t for t, _ in real}
    our_tables = {t for t, _ in ours}
    assert len(real_tables) >= 407, "the dump did not load completely"
    assert our_tables <= real_tables
    shared = our_tables & real_tables
    assert len(shared) == 80  # 74 + the six multi-source inventory tables

    new = {key for key in ours if key[0] in shared and key not in real}
    gone = {key for key in real if key[0] in shared and key not in ours}
    changed = {
        key: (real[key], ours[key]) for key in ours.keys() & real.keys() if ours[key] != real[key]
    }
    assert new == ALLOWED_NEW_COLUMNS
    assert gone == ALLOWED_GONE_COLUMNS
    assert changed == ALLOWED_TYPE_CHANGES


def test_schema_charset_and_keys(small: str) -> None:
    rows = query(
        small,
        "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES "
        "WHERE TABLE_SCHEMA = %s",
        small,
    )
    assert {r[1] for r in rows} == {"InnoDB"}
    assert {r[2] for r in rows} == {"utf8mb4_general_ci"}
    fks = query(
        small,
        "SELECT TABLE_NAME, REFERENCED_TABLE_NAME, DELETE_RULE FROM "
        "information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA=%s",
        small,
    )
    assert ("sales_order", "customer_entity", "SET NULL") in fks
    assert ("review", "review_status", "NO ACTION") in fks
    assert ("catalog_product_entity_varchar", "catalog_product_entity", "CASCADE") in fks
    assert not set(tables_of(small)) & COMMERCE_ONLY_TABLES


# --- determinism ---------------------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_data(small: str, databases: list[str]) -> None:
    databases.extend([db_name("gen_small_again"), db_name("gen_seed43")])
    # another process with another string-hash seed: no dependence on set/dict ordering
    again = run_cli(
        "generate",
        "--profile",
        "small",
        "--database",
        db_name("gen_small_again"),
        env={"PYTHONHASHSEED": "12345"},
    )
    assert again.returncode == 0, again.stderr
    build(db_name("gen_seed43"), seed=43)
    first, again, other = (
        checksums(db) for db in (small, db_name("gen_small_again"), db_name("gen_seed43"))
    )
    assert first == again
    assert set(first) == set(other)
    differing = {t for t in first if first[t] != other[t]}
    for table in (
        "catalog_product_entity_varchar",
        "customer_entity",
        "sales_order",
        "review_detail",
    ):
        assert table in differing


def test_load_order_works_with_foreign_key_checks(small: str, databases: list[str]) -> None:
    """Loaded parents first, with foreign_key_checks and unique_checks on: same bytes."""
    databases.append(db_name("gen_fk"))
    build(db_name("gen_fk"), seed=42, foreign_key_checks=True)
    assert checksums(db_name("gen_fk")) == checksums(small)


def test_marker_records_the_run(small: str) -> None:
    profile, seed, offset, edition, version, counts = query(
        small,
        f"SELECT profile, seed, attribute_id_offset, edition, generator_version, row_counts "
        f"FROM {ddl.MARKER_TABLE}",
    )[0]
    assert (profile, seed, offset, edition) == ("small", 42, 0, "open-source")
    assert version
    counts = json.loads(counts)
    assert set(counts) == set(ddl.table_names("open-source"))
    for table, rows in counts.items():
        assert scalar(small, f"SELECT COUNT(*) FROM `{table}`") == rows, table


# --- attribute id offset -------------------------------------------------------------------------


def eav_value_signature(database: str, table: str) -> list[tuple]:
    store = "v.store_id" if table.startswith("catalog_") else "0"
    return query(
        database,
        f"SELECT a.attribute_code, v.entity_id, {store}, COUNT(*) FROM `{table}` v "
        "JOIN eav_attribute a ON a.attribute_id = v.attribute_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )


def test_attribute_id_offset_shifts_every_id(small: str, databases: list[str]) -> None:
    databases.append(db_name("gen_offset"))
    counts = build(db_name("gen_offset"), seed=42, attribute_id_offset=1000)
    shifted = db_name("gen_offset")
    assert counts == json.loads(scalar(small, f"SELECT row_counts FROM {ddl.MARKER_TABLE}"))

    ids = {r[0] for r in query(shifted, "SELECT attribute_id FROM eav_attribute")}
    assert not ids & default_attribute_ids()
    assert min(ids) == 1001
    plain_options = {r[0] for r in query(small, "SELECT option_id FROM eav_attribute_option")}
    shifted_options = {r[0] for r in query(shifted, "SELECT option_id FROM eav_attribute_option")}
    assert not plain_options & shifted_options

    for table in EAV_VALUE_TABLES:
        assert eav_value_signature(small, table) == eav_value_signature(shifted, table), table
    # every table storing attribute ids points at existing attributes, by the same codes
    for table in (
        "catalog_eav_attribute",
        "customer_eav_attribute",
        "eav_entity_attribute",
        "eav_attribute_option",
        "catalog_product_super_attribute",
        "catalog_product_entity_media_gallery",
    ):
        signature = (
            f"SELECT a.attribute_code, COUNT(*) FROM `{table}` t LEFT JOIN eav_attribute a "
            "ON a.attribute_id = t.attribute_id GROUP BY 1 ORDER BY 1"
        )
        rows = query(shifted, signature)
        assert all(code is not None for code, _ in rows), table
        assert rows == query(small, signature), table
    # option labels resolve the same (select values and multiselect lists)
    labels = (
        "SELECT a.attribute_code, v.store_id, ov.value, COUNT(*) FROM catalog_product_entity_int v "
        "JOIN eav_attribute a ON a.attribute_id = v.attribute_id "
        "JOIN eav_attribute_option o ON o.option_id = v.value AND o.attribute_id = v.attribute_id "
        "JOIN eav_attribute_option_value ov ON ov.option_id = o.option_id AND ov.store_id = 0 "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    assert query(small, labels)
    assert query(small, labels) == query(shifted, labels)
    gender = (
        "SELECT ov.value, COUNT(*) FROM customer_entity c JOIN eav_attribute_option_value ov "
        "ON ov.option_id = c.gender GROUP BY 1 ORDER BY 1"
    )
    assert query(small, gender)
    assert query(small, gender) == query(shifted, gender)
    multiselect = (
        "SELECT COUNT(*) FROM catalog_product_entity_text v JOIN eav_attribute a "
        "ON a.attribute_id = v.attribute_id AND a.frontend_input = 'multiselect' "
        "JOIN eav_attribute_option o ON FIND_IN_SET(o.option_id, v.value) "
        "AND o.attribute_id = a.attribute_id"
    )
    assert scalar(small, multiselect)
    assert scalar(small, multiselect) == scalar(shifted, multiselect)


# --- editions ------------------------------------------------------------------------------------


def test_commerce_edition_has_consistent_reward_points(commerce: str) -> None:
    assert set(tables_of(commerce)) >= COMMERCE_ONLY_TABLES
    rewards = scalar(commerce, "SELECT COUNT(*) FROM magento_reward")
    customers = scalar(commerce, "SELECT COUNT(*) FROM customer_entity")
    assert 0.4 * customers <= rewards <= 0.7 * customers
    actions = {r[0] for r in query(commerce, "SELECT DISTINCT action FROM magento_reward_history")}
    assert {0, 1, 2, 3, 6, 9} <= actions
    # each history row's balance = previous balance + delta, and the last equals the balance row
    history = query(
        commerce,
        "SELECT reward_id, points_delta, points_balance FROM magento_reward_history "
        "ORDER BY reward_id, history_id",
    )
    running: dict[int, int] = {}
    for reward_id, delta, balance in history:
        running[reward_id] = running.get(reward_id, 0) + delta
        assert running[reward_id] == balance >= 0
    final = dict(query(commerce, "SELECT reward_id, points_balance FROM magento_reward"))
    assert running == final
    assert (
        scalar(
            commerce,
            "SELECT COUNT(*) FROM magento_reward r JOIN customer_entity c "
            "ON c.entity_id = r.customer_id AND c.website_id = r.website_id",
        )
        == rewards
    )


def test_commerce_ddl_has_content_staging(databases: list[str]) -> None:
    """Commerce's shape (SCHEMA.md gotcha 18): row_id on the staged entities, row_id instead of
    the entity id in their value tables, sequence tables behind every other reference."""
    databases.append(db_name("gen_ee_ddl"))
    name = db_name("gen_ee_ddl")
    drop_database(name)
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"CREATE DATABASE `{name}`")
    with connect(name) as conn, conn.cursor() as cur:
        for statement in ddl.statements("commerce"):
            cur.execute(statement)
    ours = columns(name)
    for table, key in (
        ("catalog_product_entity", "entity_id"),
        ("catalog_category_entity", "entity_id"),
        ("salesrule", "rule_id"),
    ):
        assert {(table, c) for c in ("row_id", key, "created_in", "updated_in")} <= set(ours)
        primary = query(
            name,
            "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = %s "
            "AND TABLE_NAME = %s AND CONSTRAINT_NAME = 'PRIMARY'",
            name,
            table,
        )
        assert primary == [("row_id",)], table
    row_keyed = [
        *(f"catalog_{e}_entity_{t}" for e in ("product", "category") for t in BACKENDS),
        "catalog_product_entity_media_gallery_value_to_entity",
        "salesrule_website",
        "salesrule_customer_group",
    ]
    for table in row_keyed:
        assert (table, "row_id") in ours, table
        assert (table, "entity_id") not in ours, table
        assert (table, "rule_id") not in ours, table
    references = set(
        query(
            name,
            "SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME "
            "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = %s "
            "AND REFERENCED_TABLE_NAME IS NOT NULL",
            name,
        )
    )
    assert ("catalog_product_super_link", "parent_id", "catalog_product_entity", "row_id") in (
        references
    )
    assert ("catalog_product_super_link", "product_id", "sequence_product", "sequence_value") in (
        references
    )
    assert ("catalog_product_website", "product_id", "sequence_product", "sequence_value") in (
        references
    )
    assert ("salesrule_coupon", "rule_id", "sequence_salesrule", "sequence_value") in references
    # no reference to an entity id of a staged table is left (it is not unique any more)
    staged_ids = {("catalog_product_entity", "entity_id"), ("catalog_category_entity", "entity_id")}
    assert not {r for r in references if (r[2], r[3]) in staged_ids | {("salesrule", "rule_id")}}


CURRENT = "created_in <= UNIX_TIMESTAMP() AND UNIX_TIMESTAMP() < updated_in"


def test_commerce_current_versions_are_the_open_source_catalog(small: str, commerce: str) -> None:
    """Same seed: the version current now of every product, category and cart rule, with its
    values, links and lists, is the open-source row; other versions exist and differ."""
    for table, key in (
        ("catalog_product_entity", "entity_id"),
        ("catalog_category_entity", "entity_id"),
        ("salesrule", "rule_id"),
    ):
        rows = query(commerce, f"SELECT {key}, COUNT(*) FROM {table} WHERE {CURRENT} GROUP BY 1")
        assert all(n == 1 for _, n in rows), table
        assert len(rows) == count(small, table), table
        versions = dict(
            query(
                commerce,
                f"SELECT CASE WHEN {CURRENT} THEN 'current' WHEN created_in > UNIX_TIMESTAMP() "
                f"THEN 'scheduled' ELSE 'superseded' END, COUNT(*) FROM {table} GROUP BY 1",
            )
        )
        assert versions["scheduled"] >= 1, table
        assert versions["superseded"] >= 1, table
        sequence = {"catalog_product_entity": "sequence_product"}.get(
            table,
            "sequence_catalog_category" if table.startswith("catalog") else "sequence_salesrule",
        )
        assert count(commerce, sequence) == len(rows)
    assert (
        scalar(
            commerce, "SELECT COUNT(*) FROM staging_update WHERE id = UNIX_TIMESTAMP(start_time)"
        )
        == 4
    )
    for entity in ("product", "category"):
        for backend in BACKENDS:
            table = f"catalog_{entity}_entity_{backend}"
            current = query(
                commerce,
                "SELECT v.value_id, e.entity_id, v.attribute_id, v.store_id, v.value "
                f"FROM {table} v "
                f"JOIN catalog_{entity}_entity e ON e.row_id = v.row_id AND e.{CURRENT} ORDER BY 1",
            )
            assert current == query(
                small,
                "SELECT value_id, entity_id, attribute_id, store_id, value "
                f"FROM {table} ORDER BY 1",
            ), table
    changed_names = count(
        commerce,
        "catalog_product_entity_varchar v JOIN catalog_product_entity e ON e.row_id = v.row_id "
        f"AND NOT e.{CURRENT} WHERE v.value LIKE '%% [%%]'",
    )
    assert changed_names > 0
    links = query(
        commerce,
        "SELECT l.link_id, l.product_id, e.entity_id FROM catalog_product_super_link l "
        f"JOIN catalog_product_entity e ON e.row_id = l.parent_id AND e.{CURRENT} ORDER BY 1",
    )
    assert links == query(
        small, "SELECT link_id, product_id, parent_id FROM catalog_product_super_link ORDER BY 1"
    )
    assert count(commerce, "catalog_product_super_link") > len(links)
    for table, column in (
        ("salesrule_website", "website_id"),
        ("salesrule_customer_group", "customer_group_id"),
    ):
        lists = query(
            commerce,
            f"SELECT r.rule_id, t.{column} FROM {table} t JOIN salesrule r ON r.row_id = t.row_id "
            f"AND r.{CURRENT} ORDER BY 1, 2",
        )
        assert lists == query(small, f"SELECT rule_id, {column} FROM {table} ORDER BY 1, 2"), table
    # row ids are not entity ids (a join on the wrong column finds the wrong product)
    assert count(commerce, "catalog_product_entity WHERE row_id <> entity_id") > 0.5 * len(links)
    for table in (
        "inventory_source_item",
        "inventory_reservation",
        "sales_order",
        "customer_entity",
    ):
        assert checksums(commerce)[table] == checksums(small)[table], table


def test_multi_source_inventory(small: str) -> None:
    sources = dict(query(small, "SELECT source_code, enabled FROM inventory_source"))
    assert len(sources) >= 2
    assert 0 in sources.values()
    per_source = dict(
        query(small, "SELECT source_code, COUNT(*) FROM inventory_source_item GROUP BY 1")
    )
    assert all(per_source.get(code, 0) > 0 for code in sources)
    # the default source mirrors the legacy stock of every simple product
    assert per_source["default"] == count(
        small,
        "cataloginventory_stock_item s JOIN catalog_product_entity p ON p.entity_id = s.product_id "
        "WHERE p.type_id = 'simple'",
    )
    assert (
        count(
            small,
            "inventory_source_item i LEFT JOIN catalog_product_entity p ON p.sku = i.sku "
            "WHERE p.entity_id IS NULL",
        )
        == 3
    )
    channels = query(
        small, "SELECT stock_id, COUNT(*) FROM inventory_stock_sales_channel GROUP BY 1"
    )
    assert {stock for stock, _ in channels} == {1, 2}
    # every simple order line reserved its quantity; shipped or canceled orders compensated it
    placed = count(small, "inventory_reservation WHERE metadata LIKE '%%order_placed%%'")
    assert placed == count(small, "sales_order_item WHERE product_type = 'simple'")
    assert scalar(small, "SELECT SUM(quantity) FROM inventory_reservation") < 0
    assert count(small, "inventory_reservation WHERE quantity > 0") > 0


# --- realism on the small store ------------------------------------------------------------------


def count(database: str, from_where: str, *params: object) -> int:
    """SELECT COUNT(*) FROM <from_where>."""
    return int(scalar(database, f"SELECT COUNT(*) FROM {from_where}", *params))  # type: ignore[arg-type]


def eav_count(database: str, table: str, code: str, where: str = "TRUE") -> int:
    """Rows of an EAV value table for one attribute code, filtered by `where` (alias v)."""
    return count(
        database,
        f"{table} v JOIN eav_attribute a ON a.attribute_id = v.attribute_id "
        f"WHERE a.attribute_code = %s AND {where}",
        code,
    )


def test_stores_and_categories(small: str) -> None:
    assert count(small, "store_website WHERE website_id > 0") >= 2
    assert count(small, "store WHERE store_id > 0") >= 3
    codes = [r[0] for r in query(small, "SELECT code FROM store ORDER BY store_id")]
    assert codes == ["admin", "default", "fr", "de"]
    assert count(small, "store_group WHERE group_id > 0 AND root_category_id = 2") == 2
    categories = query(
        small,
        "SELECT entity_id, parent_id, path, level, children_count FROM catalog_category_entity",
    )
    by_id = {c[0]: c for c in categories}
    assert by_id[1][2:4] == ("1", 0)
    assert by_id[2][2:4] == ("1/2", 1)
    assert max(c[3] for c in categories) >= 4  # at least 3 levels below Default Category
    for entity_id, parent_id, path, level, children in categories:
        parts = path.split("/")
        assert parts[-1] == str(entity_id)
        assert len(parts) == level + 1
        if entity_id > 1:
            assert f"{by_id[parent_id][2]}/{entity_id}" == path
        descendants = [
            c for c in categories if f"/{entity_id}/" in f"/{c[2]}/" and c[0] != entity_id
        ]
        assert children == len(descendants)


def test_store_overrides_and_attribute_storage(small: str) -> None:
    varchar, text = "catalog_product_entity_varchar", "catalog_product_entity_text"
    assert eav_count(
        small, varchar, "name", "a.entity_type_id = 4 AND v.store_id > 0 AND v.value IS NULL"
    )
    assert eav_count(small, varchar, "name", "v.store_id > 0 AND v.value IS NOT NULL")
    assert eav_count(small, varchar, "url_key", "a.entity_type_id = 4 AND v.store_id > 0")
    assert eav_count(small, text, "description", "v.store_id > 0 AND v.value IS NULL")
    assert eav_count(small, "catalog_category_entity_varchar", "name", "v.store_id > 0")
    # a stray store-level row on a GLOBAL attribute (Magento ignores it)
    assert (
        scalar(
            small,
            "SELECT is_global FROM catalog_eav_attribute JOIN eav_attribute "
            "USING (attribute_id) WHERE attribute_code = 'price'",
        )
        == 1
    )
    assert eav_count(small, "catalog_product_entity_decimal", "price", "v.store_id > 0")
    # website-scoped status: written for every view (1 and 2) of website 1
    disabled = query(
        small,
        "SELECT v.entity_id, COUNT(*) FROM catalog_product_entity_int v JOIN eav_attribute a "
        "USING (attribute_id) WHERE a.attribute_code = 'status' AND v.store_id IN (1, 2) "
        "GROUP BY 1",
    )
    assert disabled
    assert {n for _, n in disabled} == {2}
    # multiselect values: comma-separated option ids in _text (backend_type text since 2.4.4)
    material = query(
        small,
        f"SELECT a.backend_type, v.value FROM {text} v JOIN eav_attribute a USING (attribute_id) "
        "WHERE a.attribute_code = 'material' AND a.frontend_input = 'multiselect'",
    )
    assert {r[0] for r in material} == {"text"}
    assert any("," in r[1] for r in material)
    assert (
        count(
            small,
            f"{varchar} v JOIN eav_attribute a USING (attribute_id) "
            "WHERE a.frontend_input = 'multiselect'",
        )
        == 0
    )
    # per-store-view option labels of a custom select attribute
    assert count(
        small,
        "eav_attribute_option_value ov JOIN eav_attribute_option o USING (option_id) "
        "JOIN eav_attribute a USING (attribute_id) WHERE a.attribute_code = 'season' "
        "AND ov.store_id > 0",
    )
    # custom customer and address attributes have values in their value tables
    for table, code in (
        ("customer_entity_int", "loyalty_tier"),
        ("customer_entity_varchar", "preferred_language"),
        ("customer_entity_decimal", "credit_limit"),
        ("customer_entity_datetime", "last_visit_at"),
        ("customer_entity_text", "customer_notes"),
        ("customer_address_entity_text", "delivery_instructions"),
        ("customer_address_entity_int", "is_business_address"),
        ("customer_address_entity_varchar", "floor_number"),
    ):
        assert eav_count(small, table, code, "a.is_user_defined = 1"), code


def test_products_links_and_configurables(small: str) -> None:
    profile = PROFILES["small"]
    assert count(small, "catalog_product_entity") == profile.products
    parents = query(
        small,
        "SELECT p.entity_id, COUNT(l.link_id) FROM catalog_product_entity p "
        "JOIN catalog_product_super_link l ON l.parent_id = p.entity_id "
        "WHERE p.type_id = 'configurable' GROUP BY p.entity_id",
    )
    assert len(parents) == profile.configurable_products
    assert {n for _, n in parents} == {24}
    super_attributes = (
        "(SELECT DISTINCT product_id, attribute_id FROM catalog_product_super_attribute) s"
    )
    assert count(small, super_attributes) == 3 * len(parents)
    parent_types = query(
        small,
        "SELECT DISTINCT p.type_id FROM catalog_product_relation r "
        "JOIN catalog_product_entity p ON p.entity_id = r.parent_id ORDER BY 1",
    )
    assert parent_types == [("bundle",), ("configurable",), ("grouped",)]
    websites = count(small, "store_website WHERE website_id > 0")
    assert count(small, "catalog_product_website") == profile.products * websites
    stock = "cataloginventory_stock_item WHERE stock_id = 1 AND website_id = 0"
    assert count(small, stock) == profile.products
    gallery = (
        "(SELECT DISTINCT entity_id FROM catalog_product_entity_media_gallery_value_to_entity) g"
    )
    assert count(small, gallery) == profile.products
    assert count(small, "url_rewrite WHERE entity_type = 'category'")
    views = "(SELECT DISTINCT store_id FROM url_rewrite WHERE entity_type = 'product') s"
    assert count(small, views) == 3


def test_orders_guests_deleted_customers_and_money(small: str) -> None:
    assert count(small, "sales_order WHERE customer_id IS NULL AND customer_is_guest = 1")
    deleted_customer_orders = "sales_order o WHERE customer_id IS NULL AND customer_is_guest = 0"
    assert count(small, deleted_customer_orders)
    # a deleted customer's identity survives only on the order
    assert (
        count(
            small,
            "sales_order o JOIN customer_entity c ON c.email = o.customer_email "
            "WHERE o.customer_id IS NULL AND o.customer_is_guest = 0",
        )
        == 0
    )
    assert (
        count(
            small,
            "sales_order o LEFT JOIN sales_order_status_state s ON s.state = o.state "
            "AND s.status = o.status WHERE s.status IS NULL",
        )
        == 0
    )
    duplicates = "(SELECT 1 FROM sales_order GROUP BY increment_id, store_id HAVING COUNT(*) > 1) d"
    assert count(small, duplicates) == 0
    # increment ids repeat across stores (only (increment_id, store_id) is unique)
    assert count(small, "(SELECT 1 FROM sales_order GROUP BY increment_id HAVING COUNT(*) > 1) d")
    assert count(small, "sales_order_item WHERE row_total <> price * qty_ordered") == 0
    assert (
        count(
            small,
            "sales_order o WHERE subtotal <> (SELECT SUM(row_total) FROM sales_order_item i "
            "WHERE i.order_id = o.entity_id AND i.parent_item_id IS NULL) "
            "OR grand_total <> subtotal + shipping_amount + tax_amount - ABS(discount_amount)",
        )
        == 0
    )
    assert count(
        small,
        "sales_order_item c JOIN sales_order_item p ON p.item_id = c.parent_item_id "
        "WHERE p.product_type = 'configurable' AND c.price = 0 AND c.product_type = 'simple'",
    )
    gone = "sales_order_item i LEFT JOIN catalog_product_entity p ON p.entity_id = i.product_id"
    assert count(small, f"{gone} WHERE p.entity_id IS NULL")
    assert count(small, "sales_order_address") == 2 * count(small, "sales_order")
    # sales_order_address.customer_id has no foreign key: deleted customers' ids dangle
    dangling = (
        "sales_order_address a JOIN sales_order o ON o.entity_id = a.parent_id "
        "LEFT JOIN customer_entity c ON c.entity_id = a.customer_id "
        "WHERE o.customer_is_guest = 0 AND o.customer_id IS NULL"
    )
    assert count(small, f"{dangling} AND a.customer_id IS NOT NULL AND c.entity_id IS NULL")
    assert count(small, "sales_order_address WHERE street LIKE '%\n%' AND region_id IS NOT NULL")


def test_refunds_payments_and_transactions(small: str) -> None:
    refunds = query(
        small,
        "SELECT o.state, o.grand_total, o.total_refunded, SUM(c.grand_total) FROM sales_order o "
        "JOIN sales_creditmemo c ON c.order_id = o.entity_id GROUP BY o.entity_id",
    )
    assert all(total == memos for _, _, total, memos in refunds)
    full = [r for r in refunds if r[2] == r[1]]
    partial = [r for r in refunds if r[2] < r[1]]
    assert full
    assert partial
    assert {r[0] for r in full} == {"closed"}
    refunded_items = (
        "sales_creditmemo_item ci JOIN sales_order_item oi ON oi.item_id = ci.order_item_id "
        "WHERE oi.qty_refunded > 0"
    )
    assert count(small, refunded_items)
    assert count(small, "sales_order_payment") == count(small, "sales_order")
    offline = (
        "sales_payment_transaction t JOIN sales_order_payment p ON p.entity_id = t.payment_id "
        "WHERE p.method = 'checkmo'"
    )
    assert count(small, offline) == 0
    types = {r[0] for r in query(small, "SELECT DISTINCT txn_type FROM sales_payment_transaction")}
    assert {"authorization", "capture", "refund"} <= types
    for (info,) in query(small, "SELECT additional_information FROM sales_order_payment"):
        assert "method_title" in json.loads(info)


def test_marketing_tables(small: str) -> None:
    customers = PROFILES["small"].customers
    statuses = query(
        small, "SELECT DISTINCT subscriber_status FROM newsletter_subscriber ORDER BY 1"
    )
    assert statuses == [(1,), (2,), (3,), (4,)]
    assert count(small, "newsletter_subscriber WHERE customer_id = 0") >= 0.1 * customers
    assert count(small, "review_detail WHERE customer_id IS NULL")
    assert count(small, "rating_option_vote") == 3 * count(small, "review")
    assert count(small, "salesrule") == 20
    assert query(small, "SELECT DISTINCT coupon_type FROM salesrule ORDER BY 1") == [
        (1,),
        (2,),
        (3,),
    ]
    assert count(small, "salesrule_coupon WHERE type = 1") >= 50
    assert count(small, "wishlist") > 0.2 * customers
    # 4-byte UTF-8 survives the load (utf8mb4)
    assert count(small, "review_detail WHERE title LIKE %s", "%😍%")


def test_customers_and_addresses(small: str) -> None:
    assert count(small, "customer_entity WHERE default_billing IS NULL") >= 2
    assert count(
        small,
        "customer_entity c JOIN customer_address_entity a ON a.entity_id = c.default_billing "
        "AND a.parent_id = c.entity_id",
    ) == count(small, "customer_entity WHERE default_billing IS NOT NULL")
    assert count(small, "customer_address_entity WHERE street LIKE '%\n%'")
    assert count(small, "customer_entity WHERE dob IS NOT NULL AND taxvat IS NOT NULL")
    assert count(small, "customer_entity WHERE is_active = 1") > 0.9 * count(
        small, "customer_entity"
    )
    regions = "customer_address_entity a JOIN directory_country_region r USING (region_id)"
    assert count(small, f"{regions} WHERE r.default_name <> a.region") == 0
    assert (
        count(
            small,
            "directory_country_region WHERE default_name IN %s",
            ("Alabama", "Michigan", "Texas", "California", "New York"),
        )
        == 5
    )


def test_timestamps_are_ordered(small: str) -> None:
    for table in (
        "catalog_product_entity",
        "catalog_category_entity",
        "customer_entity",
        "customer_address_entity",
        "sales_order",
        "sales_order_item",
        "sales_creditmemo",
    ):
        assert count(small, f"{table} WHERE updated_at < created_at") == 0, table


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_generates_and_prints_counts(databases: list[str]) -> None:
    databases.append(db_name("gen_cli"))
    drop_database(db_name("gen_cli"))
    result = run_cli("generate", "--profile", "small", "--database", db_name("gen_cli"))
    assert result.returncode == 0, result.stderr
    lines = dict(line.split() for line in result.stdout.splitlines())
    assert int(lines["catalog_product_entity"]) == PROFILES["small"].products
    assert int(lines["sales_order"]) == PROFILES["small"].orders
    # an existing generator database is regenerated without --force
    again = run_cli(
        "generate", "--profile", "small", "--database", db_name("gen_cli"), "--seed", "5"
    )
    assert again.returncode == 0, again.stderr
    assert scalar(db_name("gen_cli"), f"SELECT seed FROM {ddl.MARKER_TABLE}") == 5


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_cli_refuses_a_foreign_database(databases: list[str]) -> None:
    databases.append(db_name("gen_foreign"))
    drop_database(db_name("gen_foreign"))
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"CREATE DATABASE {db_name('gen_foreign')}")
        cur.execute(f"CREATE TABLE {db_name('gen_foreign')}.precious (id int)")
    result = run_cli(
        "generate", "--profile", "small", "--database", db_name("gen_foreign"), quiet=False
    )
    assert_one_line_error(result, db_name("gen_foreign"), "--force")
    assert tables_of(db_name("gen_foreign")) == ["precious"]
    forced = run_cli(
        "generate", "--profile", "small", "--database", db_name("gen_foreign"), "--force"
    )
    assert forced.returncode == 0, forced.stderr
    assert "precious" not in tables_of(db_name("gen_foreign"))


def test_cli_unreachable_server() -> None:
    result = run_cli(
        "generate",
        "--profile",
        "small",
        "--database",
        db_name("gen_never"),
        env={"MAGENTO_DB_HOST": "127.0.0.1", "MAGENTO_DB_PORT": "1"},
        quiet=False,
    )
    assert_one_line_error(result, "127.0.0.1:1", "MAGENTO_DB_PORT")


def test_cli_wrong_password() -> None:
    # a throwaway user of our own (root may use unix_socket auth); not tests/test_cli_errors.py's
    # mg_test_user, so the two suites can run at the same time
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"DROP USER IF EXISTS '{db_name('user_store')}'@'%'")
        cur.execute(f"CREATE USER '{db_name('user_store')}'@'%' IDENTIFIED BY 'right-password'")
    try:
        result = run_cli(
            "generate",
            "--profile",
            "small",
            "--database",
            db_name("gen_never"),
            env={"MAGENTO_DB_USER": db_name("user_store"), "MAGENTO_DB_PASS": "wrong-password"},
            quiet=False,
        )
        assert_one_line_error(result, "access denied", db_name("user_store"), "MAGENTO_DB_PASS")
        assert "wrong-password" not in result.stderr
    finally:
        with connect() as conn, conn.cursor() as cur:
            cur.execute(f"DROP USER IF EXISTS '{db_name('user_store')}'@'%'")


def test_cli_unknown_profile() -> None:
    result = run_cli(
        "generate", "--profile", "huge", "--database", db_name("gen_never"), quiet=False
    )
    assert_one_line_error(result, "huge", "small")


# --- speed ---------------------------------------------------------------------------------------


def test_medium_profile_within_two_minutes(databases: list[str]) -> None:
    databases.append(db_name("gen_medium"))
    started = time.monotonic()
    counts = build(db_name("gen_medium"), profile="medium")
    elapsed = time.monotonic() - started
    assert elapsed < 120, f"medium took {elapsed:.0f}s"
    assert counts["catalog_product_entity"] == 40_000
    assert counts["sales_order"] == 50_000
    assert counts["customer_entity"] == 2_000
