"""`magento-store generate --anomalies` (the dirty-data corpus) against the real local MariaDB.

Every database is named mg_test_anom_* and dropped at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pymysql
import pytest

from magento_migration.settings import source_settings
from magento_store import ddl
from magento_store.anomalies import ANOMALY_TABLE, KINDS
from magento_store.generator import Options, generate
from magento_store.loader import Progress
from tests.names import db_name

SEED = 5
ALL, AGAIN, PLAIN = db_name("anom_all"), db_name("anom_again"), db_name("anom_plain")
SOME, MORE, NEVER = db_name("anom_some"), db_name("anom_more"), db_name("anom_never")

# The contract the downstream models are written against: kind names and their outcomes.
EXPECTED_OUTCOMES = {
    "zero_date_dob": "repair",
    "zero_date_created_at": "repair",
    "zero_date_special_from": "repair",
    "invalid_email": "quarantine",
    "duplicate_email": "quarantine",
    "emoji_text": "migrate",
    "mojibake_latin1": "repair",
    "overlong_value": "quarantine",
    "orphan_address": "quarantine",
    "orphan_order_item": "quarantine",
    "orphan_vote": "quarantine",
    "orphan_stock_item": "quarantine",
    "orphan_coupon": "quarantine",
    "null_sku": "quarantine",
    "duplicate_sku": "quarantine",
    "negative_stock": "flag",
    "non_numeric_eav": "repair",
    "unknown_attribute": "quarantine",
    "malformed_payment_json": "repair",
    "order_totals_mismatch": "flag",
    "nul_byte_text": "repair",
}
# Kinds that add rows (the others update existing rows).
INSERTING = {
    "duplicate_email",
    "orphan_address",
    "orphan_order_item",
    "orphan_vote",
    "orphan_stock_item",
    "orphan_coupon",
    "unknown_attribute",
}
# (table, column) an orphan points from -> (parent table, parent key)
ORPHAN_PARENTS = {
    ("customer_address_entity", "parent_id"): ("customer_entity", "entity_id"),
    ("sales_order_item", "order_id"): ("sales_order", "entity_id"),
    ("rating_option_vote", "review_id"): ("review", "review_id"),
    ("cataloginventory_stock_item", "product_id"): ("catalog_product_entity", "entity_id"),
    ("salesrule_coupon", "rule_id"): ("salesrule", "rule_id"),
}


# --- helpers ----------------------------------------------------------------------------------


def connect(database: str | None = None) -> pymysql.Connection:
    settings = source_settings()
    return pymysql.connect(
        host=settings.host,
        port=settings.port,
        user=settings.user,
        password=settings.password,
        database=database,
        charset="utf8mb4",
        autocommit=True,
        init_command="SET time_zone = '+00:00'",
    )


def query(database: str | None, statement: str, *params: object) -> list[tuple]:
    with connect(database) as conn, conn.cursor() as cur:
        cur.execute(statement, params or None)
        return list(cur.fetchall())


def scalar(database: str | None, statement: str, *params: object) -> object:
    return query(database, statement, *params)[0][0]


def drop_database(name: str) -> None:
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


def tables_of(database: str) -> list[str]:
    return [
        r[0]
        for r in query(
            None,
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s ORDER BY 1",
            database,
        )
    ]


def checksums(database: str) -> dict[str, int]:
    names = ", ".join(f"`{t}`" for t in tables_of(database))
    return {r[0].split(".", 1)[1]: r[1] for r in query(database, f"CHECKSUM TABLE {names}")}


def primary_key(database: str, table: str) -> str:
    (key,) = query(
        None,
        "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = %s "
        "AND TABLE_NAME = %s AND CONSTRAINT_NAME = 'PRIMARY'",
        database,
        table,
    )
    return str(key[0])


def auto_increment(database: str, table: str) -> int:
    return int(
        scalar(  # type: ignore[arg-type]
            None,
            "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
            "AND TABLE_NAME = %s",
            database,
            table,
        )
    )


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "magento_store.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "MAGENTO_STORE_QUIET": "1"},
        timeout=120,
    )


def generate_cli(database: str, *args: str, cwd: Path | None = None) -> str:
    """`generate --profile small --seed SEED`; returns stdout."""
    result = run_cli(
        "generate",
        "--profile",
        "small",
        "--seed",
        str(SEED),
        "--database",
        database,
        "--force",
        *args,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@dataclass
class Dirty:
    """A store with anomalies: its manifest (parsed) and its table rows."""

    database: str
    stdout: str
    manifest_path: Path
    manifest: dict

    @property
    def anomalies(self) -> list[dict]:
        return self.manifest["anomalies"]

    def of_kind(self, kind: str) -> list[dict]:
        return [a for a in self.anomalies if a["kind"] == kind]

    def table_rows(self) -> list[tuple]:
        return query(self.database, f"SELECT * FROM `{ANOMALY_TABLE}` ORDER BY anomaly_id")


def dirty_store(database: str, stdout: str, manifest_path: Path) -> Dirty:
    return Dirty(
        database, stdout, manifest_path, json.loads(manifest_path.read_text(encoding="utf-8"))
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The manifests' directory; every mg_test_anom_* database is dropped at the end."""
    yield tmp_path_factory.mktemp("anomalies")
    for name in (ALL, AGAIN, PLAIN, SOME, MORE, NEVER):
        drop_database(name)


@pytest.fixture(scope="module")
def dirty(workdir: Path) -> Dirty:
    """Every kind, through the CLI, manifest at its default place (the current directory)."""
    stdout = generate_cli(ALL, "--anomalies", cwd=workdir)
    return dirty_store(ALL, stdout, workdir / f"{ALL}_anomalies.json")


@pytest.fixture(scope="module")
def plain(workdir: Path) -> str:
    """The same seed without --anomalies."""
    generate_cli(PLAIN, cwd=workdir)
    return PLAIN


# --- the manifest --------------------------------------------------------------------------------


def test_every_kind_is_injected_and_recorded(dirty: Dirty) -> None:
    assert list(KINDS) == list(EXPECTED_OUTCOMES)
    assert dirty.stdout.splitlines()[-1] == f"anomalies manifest: {dirty.manifest_path}"
    manifest = dirty.manifest
    assert manifest["kinds"] == list(KINDS)
    assert (manifest["database"], manifest["seed"], manifest["anomaly_count"]) == (ALL, SEED, 3)
    assert manifest["counts"] == dict.fromkeys(KINDS, 3)
    assert [a["anomaly_id"] for a in dirty.anomalies] == list(range(1, 3 * len(KINDS) + 1))
    # the table and the file agree, field by field
    assert dirty.table_rows() == [tuple(a.values()) for a in dirty.anomalies]
    # one anomaly per row
    assert len({(a["source_table"], a["magento_id"]) for a in dirty.anomalies}) == 3 * len(KINDS)
    for a in dirty.anomalies:
        assert a["expected_outcome"] == EXPECTED_OUTCOMES[a["kind"]], a
        assert a["note"]
        assert (a["original_value"] is None) == (a["kind"] in INSERTING), a
        assert a["injected_value"] != a["original_value"], a
    # two-target kinds reach both targets (round-robin, the first target gets 2 of 3)
    for kind, tables in {
        "zero_date_created_at": {"sales_order": 2, "customer_entity": 1},
        "emoji_text": {"catalog_product_entity_varchar": 2, "review_detail": 1},
        "mojibake_latin1": {"customer_address_entity": 2, "catalog_product_entity_varchar": 1},
        "unknown_attribute": {"customer_entity_varchar": 2, "catalog_product_entity_int": 1},
        "nul_byte_text": {"review_detail": 2, "customer_entity_text": 1},
    }.items():
        got: dict[str, int] = {}
        for a in dirty.of_kind(kind):
            got[a["source_table"]] = got.get(a["source_table"], 0) + 1
        assert got == tables, kind


def test_each_recorded_row_holds_the_injected_value(dirty: Dirty) -> None:
    db = dirty.database
    for a in dirty.anomalies:
        table, column = a["source_table"], a["column_name"]
        key = primary_key(db, table)
        rows = query(
            db,
            f"SELECT CAST(`{column}` AS CHAR) FROM `{table}` WHERE `{key}` = %s",
            a["magento_id"],
        )
        assert len(rows) == 1, a
        value = rows[0][0]
        assert value is not None, a
        assert value.replace("\x00", "\\0") == a["injected_value"], a


def test_the_anomalies_are_what_they_claim(dirty: Dirty) -> None:
    db = dirty.database

    def values(kind: str) -> list[str]:
        return [a["injected_value"] for a in dirty.of_kind(kind)]

    assert values("zero_date_dob") == ["0000-00-00"] * 3
    assert values("zero_date_created_at") == ["0000-00-00 00:00:00"] * 3
    assert values("zero_date_special_from") == ["0000-00-00 00:00:00"] * 3
    special_from = scalar(
        db,
        "SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'special_from_date' "
        "AND entity_type_id = 4",
    )
    for a in dirty.of_kind("zero_date_special_from"):
        assert query(
            db,
            "SELECT attribute_id, store_id FROM catalog_product_entity_datetime "
            "WHERE value_id = %s",
            a["magento_id"],
        ) == [(special_from, 0)]

    for email in values("invalid_email"):
        assert "@" not in email or " " in email.strip()

    for a in dirty.of_kind("duplicate_email"):
        first, second = (
            query(db, "SELECT email, website_id FROM customer_entity WHERE entity_id = %s", i)[0]
            for i in (a["related_id"], a["magento_id"])
        )
        assert first[1] == second[1]  # same website
        assert first[0] != second[0]
        assert first[0].strip().lower() == second[0].strip().lower()
    # Magento's unique key is still there
    assert query(
        db,
        "SELECT DISTINCT NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = %s "
        "AND INDEX_NAME = 'CUSTOMER_ENTITY_EMAIL_WEBSITE_ID'",
        db,
    ) == [(0,)]

    for text in values("emoji_text"):
        assert any(ord(ch) > 0xFFFF for ch in text)

    for a in dirty.of_kind("mojibake_latin1"):
        table, column = a["source_table"], a["column_name"]
        key = primary_key(db, table)
        repaired = scalar(
            db,
            f"SELECT CONVERT(CAST(CONVERT(`{column}` USING latin1) AS BINARY) USING utf8mb4) "
            f"FROM `{table}` WHERE `{key}` = %s",
            a["magento_id"],
        )
        assert repaired == a["original_value"] != a["injected_value"]
        assert "Ã" in a["injected_value"]

    for a in dirty.of_kind("overlong_value"):
        assert len(a["original_value"]) == 2
        assert len(a["injected_value"]) == 3
        assert a["injected_value"].startswith(a["original_value"][0])

    for kind in ("orphan_address", "orphan_order_item", "orphan_vote", "orphan_stock_item"):
        assert len(dirty.of_kind(kind)) == 3
    for a in [a for a in dirty.anomalies if a["kind"].startswith("orphan_")]:
        parent, parent_key = ORPHAN_PARENTS[(a["source_table"], a["column_name"])]
        missing = int(a["injected_value"])
        assert not query(db, f"SELECT 1 FROM `{parent}` WHERE `{parent_key}` = %s", missing), a
        # the missing id stays unused: AUTO_INCREMENT is past it
        assert auto_increment(db, parent) > missing, a

    for a in dirty.of_kind("unknown_attribute"):
        assert not query(
            db, "SELECT 1 FROM eav_attribute WHERE attribute_id = %s", a["injected_value"]
        )
    assert auto_increment(db, "eav_attribute") > max(int(v) for v in values("unknown_attribute"))

    assert values("null_sku") == [""] * 3
    for a in dirty.of_kind("duplicate_sku"):
        assert int(a["related_id"]) < int(a["magento_id"])
        assert (
            scalar(
                db, "SELECT sku FROM catalog_product_entity WHERE entity_id = %s", a["related_id"]
            )
            == a["injected_value"]
        )

    for qty in values("negative_stock"):
        assert Decimal(qty) < 0

    for a in dirty.of_kind("non_numeric_eav"):
        tokens = a["injected_value"].split(",")
        assert not tokens[0].isdigit()
        assert tokens[1:] == a["original_value"].split(",")
        attribute = scalar(
            db,
            "SELECT attribute_id FROM catalog_product_entity_text WHERE value_id = %s",
            a["magento_id"],
        )
        options = {
            str(r[0])
            for r in query(
                db, "SELECT option_id FROM eav_attribute_option WHERE attribute_id = %s", attribute
            )
        }
        assert set(tokens[1:]) <= options

    for a in dirty.of_kind("malformed_payment_json"):
        json.loads(a["original_value"])
        with pytest.raises(json.JSONDecodeError):
            json.loads(a["injected_value"])

    for a in dirty.of_kind("order_totals_mismatch"):
        grand, parts = query(
            db,
            "SELECT grand_total, subtotal + shipping_amount + tax_amount + discount_amount "
            "FROM sales_order WHERE entity_id = %s",
            a["magento_id"],
        )[0]
        assert grand != parts
        assert abs(grand - parts) < Decimal("0.10")
        assert Decimal(a["original_value"]) == parts

    for text in values("nul_byte_text"):
        assert "\\0" in text


# --- everything else stays as generated -----------------------------------------------------------


def test_nothing_else_changes(dirty: Dirty, plain: str) -> None:
    assert ANOMALY_TABLE not in tables_of(plain)
    touched = {a["source_table"] for a in dirty.anomalies}
    before, after = checksums(plain), checksums(dirty.database)
    assert set(after) == set(before) | {ANOMALY_TABLE}
    changed = {t for t in before if before[t] != after[t]}
    assert changed == touched | {ddl.MARKER_TABLE}

    # the marker's row counts include the inserted rows, and match the tables
    counts_before, counts_after = (
        json.loads(scalar(db, f"SELECT row_counts FROM `{ddl.MARKER_TABLE}`"))  # type: ignore[arg-type]
        for db in (plain, dirty.database)
    )
    inserted: dict[str, int] = {}
    for a in dirty.anomalies:
        if a["kind"] in INSERTING:
            inserted[a["source_table"]] = inserted.get(a["source_table"], 0) + 1
    for table, rows in counts_after.items():
        assert rows == counts_before[table] + inserted.get(table, 0), table
        assert scalar(dirty.database, f"SELECT COUNT(*) FROM `{table}`") == rows, table

    # in the touched tables, every row but the recorded ones is byte for byte the plain one
    for table in sorted(touched):
        key = primary_key(plain, table)
        recorded = [a["magento_id"] for a in dirty.anomalies if a["source_table"] == table]
        columns = [
            r[0]
            for r in query(
                None,
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s "
                "AND TABLE_NAME = %s",
                plain,
                table,
            )
        ]
        differs = " OR ".join(f"NOT (p.`{c}` <=> d.`{c}`)" for c in columns)
        marks = ", ".join(["%s"] * len(recorded))
        assert not query(
            None,
            f"SELECT p.`{key}` FROM `{plain}`.`{table}` p LEFT JOIN `{dirty.database}`.`{table}` d "
            f"ON d.`{key}` = p.`{key}` WHERE d.`{key}` IS NULL "
            f"OR (p.`{key}` NOT IN ({marks}) AND ({differs}))",
            *recorded,
        ), table


def test_same_seed_same_dirty_store(dirty: Dirty, workdir: Path) -> None:
    manifest = workdir / "again.json"
    counts = generate(
        source_settings(),
        Options(
            profile="small",
            database=AGAIN,
            seed=SEED,
            force=True,
            anomalies=tuple(reversed(KINDS)),
            manifest=str(manifest),
        ),
        Progress(quiet=True),
    )
    assert counts == json.loads(scalar(ALL, f"SELECT row_counts FROM `{ddl.MARKER_TABLE}`"))  # type: ignore[arg-type]
    assert checksums(AGAIN) == checksums(dirty.database)
    again = json.loads(manifest.read_text(encoding="utf-8"))
    assert again["anomalies"] == dirty.anomalies
    assert {k: v for k, v in again.items() if k != "database"} == {
        k: v for k, v in dirty.manifest.items() if k != "database"
    }


def test_only_the_selected_kinds(dirty: Dirty, plain: str, workdir: Path) -> None:
    manifest = workdir / "some" / "manifest.json"
    manifest.parent.mkdir()
    stdout = generate_cli(
        SOME, "--anomalies", "zero_date_dob,orphan_address", "--manifest", str(manifest)
    )
    assert stdout.splitlines()[-1] == f"anomalies manifest: {manifest}"
    some = dirty_store(SOME, stdout, manifest)
    assert some.manifest["counts"] == {"zero_date_dob": 3, "orphan_address": 3}
    assert some.table_rows() == [tuple(a.values()) for a in some.anomalies]
    # a kind hits the same rows whatever else is selected
    for kind in ("zero_date_dob", "orphan_address"):
        picked = [
            (a["source_table"], a["magento_id"], a["injected_value"], a["original_value"])
            for a in some.of_kind(kind)
        ]
        assert picked == [
            (a["source_table"], a["magento_id"], a["injected_value"], a["original_value"])
            for a in dirty.of_kind(kind)
        ]
    before, after = checksums(plain), checksums(SOME)
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {"customer_entity", "customer_address_entity", ddl.MARKER_TABLE}


def test_anomaly_count(workdir: Path) -> None:
    kinds = "nul_byte_text,unknown_attribute,emoji_text"
    stdout = generate_cli(MORE, "--anomalies", kinds, "--anomaly-count", "5", cwd=workdir)
    more = dirty_store(MORE, stdout, workdir / f"{MORE}_anomalies.json")
    assert more.manifest["kinds"] == ["emoji_text", "unknown_attribute", "nul_byte_text"]
    assert more.manifest["counts"] == {"emoji_text": 5, "unknown_attribute": 5, "nul_byte_text": 5}
    assert scalar(MORE, f"SELECT COUNT(*) FROM `{ANOMALY_TABLE}`") == 15
    tables = sorted(a["source_table"] for a in more.of_kind("unknown_attribute"))
    assert tables == ["catalog_product_entity_int"] * 2 + ["customer_entity_varchar"] * 3


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--anomalies", "zero_date_dob,bogus"], "unknown anomaly kind 'bogus'"),
        (["--anomalies", ""], "name at least one anomaly kind"),
        (["--anomalies", "--anomaly-count", "0"], "--anomaly-count: must be between 1 and 20"),
        (["--anomaly-count", "4"], "--anomaly-count and --manifest need --anomalies"),
        (["--manifest", "x.json"], "--anomaly-count and --manifest need --anomalies"),
        (
            ["--anomalies", "all", "--manifest", "/nonexistent-dir/x.json"],
            "--manifest: directory /nonexistent-dir does not exist",
        ),
    ],
)
def test_bad_options_exit_2_with_one_line(args: list[str], message: str, workdir: Path) -> None:
    result = run_cli("generate", "--profile", "small", "--database", NEVER, *args, cwd=workdir)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert result.stdout == ""
    assert NEVER not in [r[0] for r in query(None, "SHOW DATABASES")]
