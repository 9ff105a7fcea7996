"""`generate --anomalies`: the dirty-data corpus, injected into a freshly generated store.

Real Magento databases are dirty: imports run with foreign-key checks off, MyISAM pasts, extensions
writing SQL, old zero dates. After the normal store is loaded, each selected kind writes `count`
rows (default 3) with plain SQL, the way such data arises: `sql_mode = ''` (zero dates allowed),
`foreign_key_checks = 0` only around the rows that point at something missing. Updated rows keep
their `updated_at` (the row has looked like this since the dirty write); nothing reads the clock.

Rows are chosen by the seeded RNG (one stream per kind) among rows every profile has. Every kind is
planned on every run, in the order of `KINDS`, whether selected or not, and no two kinds touch the
same entity (customer, address, order, product, review): a kind hits the same rows whatever else is
selected, and every affected entity has exactly one anomaly. A kind with two targets spreads its
rows round-robin over them, the first target first (count 3: 2 + 1).

Every injected row is one row of `magento_store_anomalies` and of the JSON manifest (same fields):

* `magento_id`: the primary-key value of the injected row, as text (every table here has a
  one-column key); `column_name`/`injected_value`: the column written and its value as
  `CAST(column AS CHAR)` reads it back (a NUL character as the two characters `\\0`, so the table
  itself can reach Postgres); `original_value`: the value before (NULL for inserted rows);
* `related_id`: the entity the row belongs to (EAV rows: `entity_id`; review_detail: `review_id`;
  payments: the order; stock items: the product; addresses: the customer), or for duplicates the
  row it duplicates (kept customer / product); NULL for orphans (the missing parent is the
  injected value) and for entity rows themselves;
* `expected_outcome`: `quarantine` (the row is not migrated and is reported), `repair` (migrated
  with a repaired value, listed in migration.repairs), `flag` (migrated unchanged, listed in
  migration.repairs as flagged: an order whose totals do not add up is still a legal document,
  negative stock a real state), `migrate` (migrated as is).

Kinds (outcome) - table.column: injected value. "A, then B": the targets of a two-target kind.

* zero_date_dob (repair: NULL) - customer_entity.dob (customers with a date): `0000-00-00`.
* zero_date_created_at (repair) - sales_order.created_at, then customer_entity.created_at:
  `0000-00-00 00:00:00` (TIMESTAMP 0).
* zero_date_special_from (repair) - catalog_product_entity_datetime.value of special_from_date,
  store 0: `0000-00-00 00:00:00`.
* invalid_email (quarantine) - customer_entity.email: `@` written as ` at `, or a space in the
  local part.
* duplicate_email (quarantine) - customer_entity.email of a new customer (a copy of another one,
  without addresses or EAV values): ` ` + the other customer's e-mail upper-cased, same website.
* emoji_text (migrate) - catalog_product_entity_varchar.value (name, store 0), then
  review_detail.detail: the text plus 4-byte emoji.
* mojibake_latin1 (repair) - customer_address_entity.city (non-ASCII cities), then
  catalog_product_entity_varchar.value (non-ASCII names, store 0): UTF-8 read as latin1 and
  stored again (`MÃ¼nchen`), done by MariaDB's own conversion.
* overlong_value (quarantine) - customer_address_entity.country_id: ISO 3166 alpha-3 (`USA`).
* orphan_address, orphan_order_item, orphan_vote, orphan_stock_item, orphan_coupon (quarantine) -
  new rows (copies of existing ones) whose customer_address_entity.parent_id,
  sales_order_item.order_id, rating_option_vote.review_id, cataloginventory_stock_item.product_id,
  salesrule_coupon.rule_id is an id that does not exist (coupon: a new `LEGACY-...` code).
* null_sku (quarantine) - catalog_product_entity.sku: `''` (the column is NOT NULL).
* duplicate_sku (quarantine) - catalog_product_entity.sku: the sku of a product with a lower id.
* negative_stock (flag) - cataloginventory_stock_item.qty: -1 .. -5.
* non_numeric_eav (repair) - catalog_product_entity_text.value of the multiselects `material` /
  `activity`, store 0: a non-numeric token before the option ids (`abc,56,58`).
* unknown_attribute (quarantine: the value row) - new customer_entity_varchar, then
  catalog_product_entity_int (store 0) rows whose attribute_id is not in eav_attribute.
* malformed_payment_json (repair) - sales_order_payment.additional_information: the JSON cut
  inside its first string value (`{"method_title":"Chec`).
* order_totals_mismatch (flag) - sales_order.grand_total: +/- 1..9 cents.
* nul_byte_text (repair: remove) - review_detail.detail, then customer_entity_text.value
  (customer_notes): the text with a NUL character in the middle.

Choices a real database can have, documented where Magento's own keys decide:

* duplicate_email: Magento's key `(email, website_id)` is case-insensitive (utf8mb4_general_ci) and,
  being PAD SPACE, ignores trailing spaces, so neither `John@X.com` nor `john@x.com ` can be
  inserted next to `john@x.com`; a leading space (an import that did not trim) is accepted. The
  second account duplicates the first after `lower(trim(email))`.
* orphans and unknown attributes point at ids above every id of the parent table (and every id the
  store's other rows still reference); the parent's AUTO_INCREMENT is moved past them, as if the
  parent had been created and then deleted with foreign-key checks off, so no later insert (nor
  `magento-store simulate`) ever reuses them.
* non_numeric_eav: multiselect values are comma-separated option ids that downstream models
  split and resolve against eav_attribute_option; the token (`abc`, `n/a`, a label) is not one.
* overlong_value: `country_id` is varchar(255) in customer_address_entity, but Magento means a
  2-letter ISO code (directory_country, sales_order_address.country_id varchar(2)).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymysql

from .common import BASE_EPOCH, hex_token, section_rng
from .errors import AnomalyError

ANOMALY_TABLE = "magento_store_anomalies"
DEFAULT_COUNT = 3
MAX_COUNT = 20
QUARANTINE, REPAIR, FLAG, MIGRATE = "quarantine", "repair", "flag", "migrate"

# Every kind, in planning order, with the outcome the migration is expected to reach.
KINDS: dict[str, str] = {
    "zero_date_dob": REPAIR,
    "zero_date_created_at": REPAIR,
    "zero_date_special_from": REPAIR,
    "invalid_email": QUARANTINE,
    "duplicate_email": QUARANTINE,
    "emoji_text": MIGRATE,
    "mojibake_latin1": REPAIR,
    "overlong_value": QUARANTINE,
    "orphan_address": QUARANTINE,
    "orphan_order_item": QUARANTINE,
    "orphan_vote": QUARANTINE,
    "orphan_stock_item": QUARANTINE,
    "orphan_coupon": QUARANTINE,
    "null_sku": QUARANTINE,
    "duplicate_sku": QUARANTINE,
    "negative_stock": FLAG,
    "non_numeric_eav": REPAIR,
    "unknown_attribute": QUARANTINE,
    "malformed_payment_json": REPAIR,
    "order_totals_mismatch": FLAG,
    "nul_byte_text": REPAIR,
}

ANOMALY_DDL = f"""
CREATE TABLE `{ANOMALY_TABLE}` (
  `anomaly_id` int unsigned NOT NULL COMMENT '1.., in kind order, then by table and row id',
  `kind` varchar(32) NOT NULL,
  `source_table` varchar(64) NOT NULL,
  `magento_id` varchar(64) NOT NULL COMMENT 'primary-key value of the injected row, as text',
  `column_name` varchar(64) NOT NULL,
  `injected_value` text DEFAULT NULL COMMENT 'CAST(column AS CHAR); a NUL is written as \\\\0',
  `original_value` text DEFAULT NULL COMMENT 'the value before; NULL for inserted rows',
  `related_id` varchar(64) DEFAULT NULL COMMENT 'owning entity, or the row duplicated',
  `expected_outcome` varchar(16) NOT NULL COMMENT 'quarantine, repair, flag or migrate',
  `note` varchar(1024) NOT NULL,
  PRIMARY KEY (`anomaly_id`),
  UNIQUE KEY `MAGENTO_STORE_ANOMALIES_ROW` (`source_table`, `magento_id`, `column_name`),
  KEY `MAGENTO_STORE_ANOMALIES_KIND` (`kind`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
  COMMENT='Written by magento-store generate --anomalies: one row per injected dirty row'
"""

# Where new ids and ids that must stay unused come from: the key, plus columns of other tables
# that may still hold ids of deleted rows (deleted customers, addresses, products).
_ID_SPACES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
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
_ISO3 = {"US": "USA", "DE": "DEU", "FR": "FRA", "GB": "GBR", "CA": "CAN", "AU": "AUS"}
_EMOJI = ("🚀", "👍", "😀", "🔥", "🎉", "🌍", "🧦", "👟")
_JUNK_OPTIONS = ("abc", "n/a", "Blue")
_MOJIBAKE = "CONVERT(CAST(CONVERT(`{column}` USING utf8mb4) AS BINARY) USING latin1)"
_NUL = "\x00"


@dataclass(frozen=True)
class Anomaly:
    """One injected row: a row of `magento_store_anomalies` and of the manifest."""

    anomaly_id: int
    kind: str
    source_table: str
    magento_id: str
    column_name: str
    injected_value: str | None
    original_value: str | None
    related_id: str | None
    expected_outcome: str
    note: str


@dataclass(frozen=True)
class Injected:
    """What a run injected: the manifest rows, and rows added per table (for the row counts)."""

    anomalies: list[Anomaly]
    inserted: dict[str, int]


@dataclass(frozen=True)
class _Change:
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


def parse_kinds(text: str) -> tuple[str, ...]:
    """`all`, or a comma-separated list of kinds: the kinds in planning order, each once."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise AnomalyError("name at least one anomaly kind, or all")
    if "all" in names:
        return tuple(KINDS)
    unknown = [name for name in names if name not in KINDS]
    if unknown:
        raise AnomalyError(
            f"unknown anomaly kind {unknown[0]!r}; choose from all, {', '.join(KINDS)}"
        )
    return tuple(kind for kind in KINDS if kind in names)


def check_options(kinds: Sequence[str], count: int, manifest: str | None) -> None:
    """Reject bad --anomalies/--anomaly-count/--manifest values before touching the server."""
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise AnomalyError(
            f"unknown anomaly kind {unknown[0]!r}; choose from all, {', '.join(KINDS)}"
        )
    if not kinds:
        if count != DEFAULT_COUNT or manifest is not None:
            raise AnomalyError("--anomaly-count and --manifest need --anomalies")
        return
    if not 1 <= count <= MAX_COUNT:
        raise AnomalyError(f"--anomaly-count must be between 1 and {MAX_COUNT}, got {count}")
    if manifest is not None:
        parent = Path(manifest).resolve().parent
        if not parent.is_dir():
            raise AnomalyError(f"--manifest: directory {parent} does not exist")


def default_manifest(database: str) -> Path:
    """`<database>_anomalies.json` in the current directory."""
    return Path.cwd() / f"{database}_anomalies.json"


def inject(conn: pymysql.Connection, kinds: Sequence[str], count: int, seed: int) -> Injected:
    """Plan every kind, write the selected ones and record them in `magento_store_anomalies`."""
    planner = _Planner(conn, seed)
    changes: dict[str, list[_Change]] = {}
    for kind, plan in _PLANS.items():
        changes[kind] = sorted(plan(planner, count), key=lambda c: (c.table, c.row_id))
        if kind in kinds and len(changes[kind]) != count:
            raise AnomalyError(
                f"--anomalies {kind}: the store has rows for {len(changes[kind])} of "
                f"--anomaly-count {count}"
            )
    selected = [c for kind in KINDS if kind in kinds for c in changes[kind]]
    with conn.cursor() as cur:
        cur.execute("SELECT @@SESSION.sql_mode, @@SESSION.foreign_key_checks")
        sql_mode, fk_checks = cur.fetchone()
        cur.execute(
            "SET SESSION sql_mode = '', time_zone = '+00:00', timestamp = %s", (BASE_EPOCH,)
        )
        cur.execute(ANOMALY_DDL)
        conn.begin()
        try:
            anomalies = [
                _apply(cur, change, n, planner) for n, change in enumerate(selected, start=1)
            ]
            cur.executemany(
                f"INSERT INTO `{ANOMALY_TABLE}` VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [tuple(asdict(a).values()) for a in anomalies],
            )
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        _keep_missing_ids_unused(cur, selected)
        cur.execute(
            "SET SESSION sql_mode = %s, foreign_key_checks = %s, timestamp = DEFAULT",
            (sql_mode, fk_checks),
        )
    planner.cur.close()
    inserted: dict[str, int] = {}
    for change in selected:
        if change.inserts:
            inserted[change.table] = inserted.get(change.table, 0) + 1
    return Injected(anomalies, inserted)


def write_manifest(path: Path, header: dict[str, Any], injected: Injected) -> None:
    """The manifest: run header, counts per kind and every row of `magento_store_anomalies`."""
    counts: dict[str, int] = {}
    for a in injected.anomalies:
        counts[a.kind] = counts.get(a.kind, 0) + 1
    document = {
        **header,
        "table": ANOMALY_TABLE,
        "counts": counts,
        "anomalies": [asdict(a) for a in injected.anomalies],
    }
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as exc:
        raise AnomalyError(f"cannot write the manifest {path}: {exc.strerror}") from None


# --- applying ----------------------------------------------------------------------------------


def _apply(cur: Any, change: _Change, anomaly_id: int, planner: _Planner) -> Anomaly:
    table, key = change.table, change.key
    cur.execute("SET SESSION foreign_key_checks = %s", (int(change.missing is None),))
    if change.copy_of is not None:
        values = dict(change.insert)
        columns = planner.columns(table)
        select = ", ".join("%s" if c in values else f"`{c}`" for c in columns)
        cur.execute(
            f"INSERT INTO `{table}` ({', '.join(f'`{c}`' for c in columns)}) "
            f"SELECT {select} FROM `{table}` WHERE `{key}` = %s",
            (*(values[c] for c in columns if c in values), change.copy_of),
        )
    elif change.insert:
        names = ", ".join(f"`{c}`" for c, _ in change.insert)
        marks = ", ".join("%s" for _ in change.insert)
        cur.execute(
            f"INSERT INTO `{table}` ({names}) VALUES ({marks})", tuple(v for _, v in change.insert)
        )
    else:
        keep = "".join(f", `{c}` = `{c}`" for c in planner.auto_updated(table))
        params = (change.value,) if "%s" in change.expression else ()
        cur.execute(
            f"UPDATE `{table}` SET `{change.column}` = {change.expression}{keep} "
            f"WHERE `{key}` = %s",
            (*params, change.row_id),
        )
    written = cur.rowcount
    cur.execute("SHOW WARNINGS LIMIT 3")
    warnings = list(cur.fetchall())
    if written != 1 or warnings:
        details = "; ".join(f"{w[0]} {w[1]}: {w[2]}" for w in warnings)
        raise AnomalyError(
            f"--anomalies {change.kind}: writing {table} {key}={change.row_id} changed "
            f"{written} rows{': ' + details if details else ''}"
        )
    cur.execute(
        f"SELECT CAST(`{change.column}` AS CHAR) FROM `{table}` WHERE `{key}` = %s",
        (change.row_id,),
    )
    (value,) = cur.fetchone()
    return Anomaly(
        anomaly_id=anomaly_id,
        kind=change.kind,
        source_table=table,
        magento_id=str(change.row_id),
        column_name=change.column,
        injected_value=_text(value),
        original_value=_text(change.original),
        related_id=None if change.related_id is None else str(change.related_id),
        expected_outcome=KINDS[change.kind],
        note=change.note,
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    return str(value).replace(_NUL, "\\0")


def _keep_missing_ids_unused(cur: Any, changes: Sequence[_Change]) -> None:
    """Move each parent's AUTO_INCREMENT past the missing ids its orphans point at."""
    highest: dict[str, int] = {}
    for change in changes:
        if change.missing is not None:
            table, missing_id = change.missing
            highest[table] = max(highest.get(table, 0), missing_id)
    for table, missing_id in sorted(highest.items()):
        cur.execute(
            "SELECT AUTO_INCREMENT FROM information_schema.TABLES "
            "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s",
            (table,),
        )
        (counter,) = cur.fetchone()
        if counter is None or counter <= missing_id:
            cur.execute(f"ALTER TABLE `{table}` AUTO_INCREMENT = {missing_id + 1:d}")


# --- planning ----------------------------------------------------------------------------------

_Row = tuple[Any, ...]  # (row id, entity id or None, payload...)


class _Planner:
    """Reads candidate rows and hands out rows (one anomaly per entity) and new ids."""

    def __init__(self, conn: pymysql.Connection, seed: int) -> None:
        self.cur = conn.cursor()
        self.seed = seed
        self.taken: dict[str, set[int]] = {}
        self._next_id: dict[str, int] = {}
        self._rows: dict[tuple[str, tuple[object, ...]], list[_Row]] = {}
        self._auto_updated: dict[str, list[str]] | None = None

    def rng(self, kind: str) -> random.Random:
        return section_rng(self.seed, f"anomalies:{kind}")

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[_Row]:
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
        self, rng: random.Random, candidates: list[_Row], count: int, entity: str | None
    ) -> list[_Row]:
        """`count` rows in a seeded order; with `entity`, rows of entities no other kind has
        taken (row[1] is the entity id), which are then taken."""
        order = list(candidates)
        rng.shuffle(order)
        if entity is None:
            return sorted(order[:count], key=lambda r: r[0])
        taken = self.taken.setdefault(entity, set())
        chosen: list[_Row] = []
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
            key, also = _ID_SPACES[table]
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


def _split(count: int, parts: int) -> list[int]:
    """`count` rows round-robin over `parts` targets: the first targets get the extra rows."""
    return [count // parts + (1 if i < count % parts else 0) for i in range(parts)]


def _customers(p: _Planner) -> list[_Row]:
    return p.rows("SELECT entity_id, entity_id, email, website_id FROM customer_entity")


def _product_names(p: _Planner) -> list[_Row]:
    return p.rows(
        "SELECT value_id, entity_id, value FROM catalog_product_entity_varchar "
        "WHERE attribute_id = %s AND store_id = 0 AND value IS NOT NULL",
        (p.attribute_id("catalog_product", "name"),),
    )


def _reviews(p: _Planner) -> list[_Row]:
    return p.rows("SELECT detail_id, review_id, detail FROM review_detail WHERE detail <> ''")


def _zero_date_dob(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("zero_date_dob")
    return [
        _Change(
            "zero_date_dob",
            "customer_entity",
            "entity_id",
            row[0],
            "dob",
            "zero date of birth (a MySQL 5 / Magento 1 import stored 0000-00-00 for 'unknown'); "
            "repair: NULL",
            value="0000-00-00",
            original=row[2],
        )
        for row in p.pick(
            rng,
            p.rows(
                "SELECT entity_id, entity_id, CAST(dob AS CHAR) FROM customer_entity "
                "WHERE dob IS NOT NULL"
            ),
            count,
            "customer",
        )
    ]


def _zero_date_created_at(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("zero_date_created_at")
    orders, customers = _split(count, 2)
    changes = []
    for table, entity, n in (
        ("sales_order", "order", orders),
        ("customer_entity", "customer", customers),
    ):
        rows = p.rows(f"SELECT entity_id, entity_id, CAST(created_at AS CHAR) FROM `{table}`")
        changes += [
            _Change(
                "zero_date_created_at",
                table,
                "entity_id",
                row[0],
                "created_at",
                f"zero {table}.created_at (TIMESTAMP 0, written with sql_mode ''); repair: NULL "
                "or another timestamp of the row, flagged",
                value="0000-00-00 00:00:00",
                original=row[2],
            )
            for row in p.pick(rng, rows, n, entity)
        ]
    return changes


def _zero_date_special_from(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("zero_date_special_from")
    rows = p.rows(
        "SELECT value_id, entity_id, CAST(value AS CHAR) FROM catalog_product_entity_datetime "
        "WHERE attribute_id = %s AND store_id = 0",
        (p.attribute_id("catalog_product", "special_from_date"),),
    )
    return [
        _Change(
            "zero_date_special_from",
            "catalog_product_entity_datetime",
            "value_id",
            row[0],
            "value",
            f"special_from_date of product {row[1]} (store 0) is a zero datetime; repair: NULL",
            value="0000-00-00 00:00:00",
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, rows, count, "product")
    ]


def _invalid_email(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("invalid_email")
    changes = []
    for i, row in enumerate(p.pick(rng, _customers(p), count, "customer")):
        email: str = row[2]
        local, _, domain = email.partition("@")
        if i % 2 == 0:
            bad, what = f"{local} at {domain}", "no '@' (typed as ' at ')"
        else:
            spaced = local.replace(".", " ", 1) if "." in local else f"{local[:1]} {local[1:]}"
            bad, what = f"{spaced}@{domain}", "a space inside the local part"
        changes.append(
            _Change(
                "invalid_email",
                "customer_entity",
                "entity_id",
                row[0],
                "email",
                f"e-mail with {what}",
                value=bad,
                original=email,
            )
        )
    return changes


def _duplicate_email(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("duplicate_email")
    changes = []
    for row in p.pick(rng, _customers(p), count, "customer"):
        first_id, email, website_id = row[0], row[2], row[3]
        new_id = p.new_id("customer_entity")
        duplicate = f" {email.upper()}"
        changes.append(
            _Change(
                "duplicate_email",
                "customer_entity",
                "entity_id",
                new_id,
                "email",
                f"second account of customer {first_id} ({email}) in website {website_id}: "
                "the same address after lower(trim(email)); a leading space passes Magento's "
                "case-insensitive, trailing-space-blind key (email, website_id); the copy has no "
                "addresses and no EAV values",
                insert=(
                    ("entity_id", new_id),
                    ("email", duplicate),
                    ("increment_id", None),
                    ("default_billing", None),
                    ("default_shipping", None),
                    ("rp_token", None),
                    ("rp_token_created_at", None),
                ),
                copy_of=first_id,
                related_id=first_id,
            )
        )
    return changes


def _emoji_text(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("emoji_text")
    names, reviews = _split(count, 2)
    changes = [
        _Change(
            "emoji_text",
            "catalog_product_entity_varchar",
            "value_id",
            row[0],
            "value",
            f"product {row[1]} name (store 0) with a 4-byte emoji (utf8mb4); migrate as is",
            value=f"{row[2]} {rng.choice(_EMOJI)}",
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, _product_names(p), names, "product")
    ]
    changes += [
        _Change(
            "emoji_text",
            "review_detail",
            "detail_id",
            row[0],
            "detail",
            f"review {row[1]} detail with 4-byte emoji (utf8mb4); migrate as is",
            value=f"{row[2]} {rng.choice(_EMOJI)}{rng.choice(_EMOJI)}",
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, _reviews(p), reviews, "review")
    ]
    return changes


def _mojibake_latin1(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("mojibake_latin1")
    cities, names = _split(count, 2)
    note = (
        "UTF-8 bytes read as latin1 (cp1252) and stored again as UTF-8 (a latin1 client "
        "connection); repair: CONVERT(CAST(CONVERT(value USING latin1) AS BINARY) USING utf8mb4) "
        "gives original_value back"
    )
    addresses = [
        r
        for r in p.rows("SELECT entity_id, entity_id, city, parent_id FROM customer_address_entity")
        if not r[2].isascii()
    ]
    changes = [
        _Change(
            "mojibake_latin1",
            "customer_address_entity",
            "entity_id",
            row[0],
            "city",
            f"address city: {note}",
            expression=_MOJIBAKE.format(column="city"),
            original=row[2],
            related_id=row[3],
        )
        for row in p.pick(rng, addresses, cities, "address")
    ]
    changes += [
        _Change(
            "mojibake_latin1",
            "catalog_product_entity_varchar",
            "value_id",
            row[0],
            "value",
            f"product {row[1]} name (store 0): {note}",
            expression=_MOJIBAKE.format(column="value"),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(
            rng, [r for r in _product_names(p) if not r[2].isascii()], names, "product"
        )
    ]
    return changes


def _overlong_value(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("overlong_value")
    rows = [
        r
        for r in p.rows(
            "SELECT entity_id, entity_id, country_id, parent_id FROM customer_address_entity"
        )
        if r[2] in _ISO3
    ]
    return [
        _Change(
            "overlong_value",
            "customer_address_entity",
            "entity_id",
            row[0],
            "country_id",
            f"3-letter country code for {row[2]}: fits varchar(255) but Magento means ISO 3166 "
            "alpha-2 (directory_country, sales_order_address.country_id varchar(2))",
            value=_ISO3[row[2]],
            original=row[2],
            related_id=row[3],
        )
        for row in p.pick(rng, rows, count, "address")
    ]


def _orphans(
    p: _Planner,
    count: int,
    kind: str,
    table: str,
    column: str,
    parent: str,
    sources: list[_Row],
    what: str,
    extra: Callable[[int, _Row], tuple[tuple[str, object], ...]] = lambda _, __: (),
) -> list[_Change]:
    """New rows, copies of existing ones, whose `column` points at a `parent` id that does not
    exist (never existed below the parent's AUTO_INCREMENT: as if deleted with FK checks off)."""
    rng = p.rng(kind)
    key = _ID_SPACES[table][0]
    changes = []
    for row in p.pick(rng, sources, count, None):
        new_id = p.new_id(table)
        missing = p.new_id(parent)
        changes.append(
            _Change(
                kind,
                table,
                key,
                new_id,
                column,
                f"copy of {table} {row[0]} whose {column} {missing} is no {what}: the {what} was "
                "deleted with foreign_key_checks = 0",
                insert=((key, new_id), (column, missing), *extra(new_id, row)),
                copy_of=row[0],
                missing=(parent, missing),
            )
        )
    return changes


def _orphan_address(p: _Planner, count: int) -> list[_Change]:
    sources = p.rows("SELECT entity_id, NULL FROM customer_address_entity")
    return _orphans(
        p,
        count,
        "orphan_address",
        "customer_address_entity",
        "parent_id",
        "customer_entity",
        [r for r in sources if r[0] not in p.taken.get("address", set())],
        "customer",
    )


def _orphan_order_item(p: _Planner, count: int) -> list[_Change]:
    sources = p.rows(
        "SELECT item_id, NULL FROM sales_order_item "
        "WHERE parent_item_id IS NULL AND product_type = 'simple'"
    )
    return _orphans(
        p,
        count,
        "orphan_order_item",
        "sales_order_item",
        "order_id",
        "sales_order",
        sources,
        "order",
    )


def _orphan_vote(p: _Planner, count: int) -> list[_Change]:
    sources = p.rows("SELECT vote_id, NULL FROM rating_option_vote")
    return _orphans(
        p, count, "orphan_vote", "rating_option_vote", "review_id", "review", sources, "review"
    )


def _orphan_stock_item(p: _Planner, count: int) -> list[_Change]:
    sources = p.rows("SELECT item_id, NULL FROM cataloginventory_stock_item")
    return _orphans(
        p,
        count,
        "orphan_stock_item",
        "cataloginventory_stock_item",
        "product_id",
        "catalog_product_entity",
        sources,
        "product",
    )


def _orphan_coupon(p: _Planner, count: int) -> list[_Change]:
    sources = p.rows("SELECT coupon_id, NULL FROM salesrule_coupon")
    seed = p.seed
    return _orphans(
        p,
        count,
        "orphan_coupon",
        "salesrule_coupon",
        "rule_id",
        "salesrule",
        sources,
        "cart price rule",
        lambda new_id, _: (
            ("code", f"LEGACY-{hex_token('orphan-coupon', seed, new_id, length=10).upper()}"),
            ("is_primary", None),
        ),
    )


def _products(p: _Planner) -> list[_Row]:
    return p.rows("SELECT entity_id, entity_id, sku FROM catalog_product_entity")


def _null_sku(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("null_sku")
    return [
        _Change(
            "null_sku",
            "catalog_product_entity",
            "entity_id",
            row[0],
            "sku",
            "empty sku: the column is NOT NULL, an import wrote ''",
            value="",
            original=row[2],
        )
        for row in p.pick(rng, _products(p), count, "product")
    ]


def _duplicate_sku(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("duplicate_sku")
    order = p.pick(rng, _products(p), 2 * count, "product")
    rng.shuffle(order)
    order = order[: len(order) // 2 * 2]
    changes = []
    for first, second in zip(order[::2], order[1::2], strict=True):
        kept, duplicate = sorted((first, second), key=lambda r: r[0])
        changes.append(
            _Change(
                "duplicate_sku",
                "catalog_product_entity",
                "entity_id",
                duplicate[0],
                "sku",
                f"sku of product {kept[0]} (lower id, kept) written on product {duplicate[0]}; "
                "catalog_product_entity.sku has no unique key",
                value=kept[2],
                original=duplicate[2],
                related_id=kept[0],
            )
        )
    return changes


def _negative_stock(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("negative_stock")
    rows = p.rows(
        "SELECT item_id, product_id, CAST(qty AS CHAR) FROM cataloginventory_stock_item "
        "WHERE qty IS NOT NULL"
    )
    return [
        _Change(
            "negative_stock",
            "cataloginventory_stock_item",
            "item_id",
            row[0],
            "qty",
            f"negative quantity for product {row[1]} (oversold by an extension writing SQL); "
            "repair: 0, flagged",
            value=-rng.randint(1, 5),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, rows, count, "product")
    ]


def _non_numeric_eav(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("non_numeric_eav")
    codes = {p.attribute_id("catalog_product", c): c for c in ("material", "activity")}
    rows = p.rows(
        "SELECT value_id, entity_id, value, attribute_id FROM catalog_product_entity_text "
        f"WHERE store_id = 0 AND value <> '' AND attribute_id IN ({', '.join(map(str, codes))})"
    )
    changes = []
    for row in p.pick(rng, rows, count, "product"):
        junk = rng.choice(_JUNK_OPTIONS)
        changes.append(
            _Change(
                "non_numeric_eav",
                "catalog_product_entity_text",
                "value_id",
                row[0],
                "value",
                f"multiselect {codes[row[3]]} of product {row[1]} (store 0): comma-separated "
                f"option ids with the non-numeric token '{junk}'; repair: drop it, keep the ids",
                value=f"{junk},{row[2]}",
                original=row[2],
                related_id=row[1],
            )
        )
    return changes


def _unknown_attribute(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("unknown_attribute")
    on_customers, on_products = _split(count, 2)
    customer_attribute = p.new_id("eav_attribute")
    product_attribute = p.new_id("eav_attribute")
    changes = []
    for row in p.pick(rng, _customers(p), on_customers, "customer"):
        value_id = p.new_id("customer_entity_varchar")
        changes.append(
            _Change(
                "unknown_attribute",
                "customer_entity_varchar",
                "value_id",
                value_id,
                "attribute_id",
                f"value of customer {row[0]} for attribute {customer_attribute}, which is not in "
                "eav_attribute (deleted with foreign_key_checks = 0); the customer itself is fine",
                insert=(
                    ("value_id", value_id),
                    ("attribute_id", customer_attribute),
                    ("entity_id", row[0]),
                    ("value", f"M1-{hex_token('legacy', p.seed, row[0], length=8).upper()}"),
                ),
                related_id=row[0],
                missing=("eav_attribute", customer_attribute),
            )
        )
    for row in p.pick(rng, _products(p), on_products, "product"):
        value_id = p.new_id("catalog_product_entity_int")
        changes.append(
            _Change(
                "unknown_attribute",
                "catalog_product_entity_int",
                "value_id",
                value_id,
                "attribute_id",
                f"value of product {row[0]} (store 0) for attribute {product_attribute}, which is "
                "not in eav_attribute (deleted with foreign_key_checks = 0); the product is fine",
                insert=(
                    ("value_id", value_id),
                    ("attribute_id", product_attribute),
                    ("store_id", 0),
                    ("entity_id", row[0]),
                    ("value", 1),
                ),
                related_id=row[0],
                missing=("eav_attribute", product_attribute),
            )
        )
    return changes


def _malformed_payment_json(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("malformed_payment_json")
    rows = p.rows(
        "SELECT entity_id, parent_id, additional_information FROM sales_order_payment "
        'WHERE additional_information LIKE \'{"%":"%\''
    )
    changes = []
    for row in p.pick(rng, rows, count, "order"):
        text: str = row[2]
        start = text.index('":"') + 3  # inside the first string value
        end = text.find('"', start)
        length = (end if end >= 0 else len(text)) - start
        cut = text[: start + rng.randint(1, max(1, min(8, length)))]
        changes.append(
            _Change(
                "malformed_payment_json",
                "sales_order_payment",
                "entity_id",
                row[0],
                "additional_information",
                f"payment of order {row[1]}: JSON cut inside a string (a truncating write); "
                "repair: keep the raw text, no parsed fields, flagged",
                value=cut,
                original=text,
                related_id=row[1],
            )
        )
    return changes


def _order_totals_mismatch(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("order_totals_mismatch")
    rows = p.rows("SELECT entity_id, entity_id, CAST(grand_total AS CHAR) FROM sales_order")
    changes = []
    for row in p.pick(rng, rows, count, "order"):
        cents = rng.choice((-1, 1)) * rng.randint(1, 9)
        changes.append(
            _Change(
                "order_totals_mismatch",
                "sales_order",
                "entity_id",
                row[0],
                "grand_total",
                f"grand_total moved by {cents:+d} cents: no longer subtotal + shipping + tax + "
                "discount (items, base_grand_total, paid and invoiced amounts unchanged)",
                value=Decimal(cents).scaleb(-2),
                expression="`grand_total` + %s",
                original=row[2],
            )
        )
    return changes


def _nul_byte_text(p: _Planner, count: int) -> list[_Change]:
    rng = p.rng("nul_byte_text")
    reviews, notes = _split(count, 2)

    def with_nul(text: str) -> str:
        at = len(text) // 2
        return f"{text[:at]}{_NUL}{text[at:]}"

    changes = [
        _Change(
            "nul_byte_text",
            "review_detail",
            "detail_id",
            row[0],
            "detail",
            f"review {row[1]} detail with a NUL character (Postgres text cannot hold it); "
            "repair: remove it",
            value=with_nul(row[2]),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, _reviews(p), reviews, "review")
    ]
    note_rows = p.rows(
        "SELECT value_id, entity_id, value FROM customer_entity_text "
        "WHERE attribute_id = %s AND value <> ''",
        (p.attribute_id("customer", "customer_notes"),),
    )
    changes += [
        _Change(
            "nul_byte_text",
            "customer_entity_text",
            "value_id",
            row[0],
            "value",
            f"customer_notes of customer {row[1]} with a NUL character (Postgres text cannot "
            "hold it); repair: remove it",
            value=with_nul(row[2]),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, note_rows, notes, "customer")
    ]
    return changes


_PLANS: dict[str, Callable[[_Planner, int], list[_Change]]] = {
    "zero_date_dob": _zero_date_dob,
    "zero_date_created_at": _zero_date_created_at,
    "zero_date_special_from": _zero_date_special_from,
    "invalid_email": _invalid_email,
    "duplicate_email": _duplicate_email,
    "emoji_text": _emoji_text,
    "mojibake_latin1": _mojibake_latin1,
    "overlong_value": _overlong_value,
    "orphan_address": _orphan_address,
    "orphan_order_item": _orphan_order_item,
    "orphan_vote": _orphan_vote,
    "orphan_stock_item": _orphan_stock_item,
    "orphan_coupon": _orphan_coupon,
    "null_sku": _null_sku,
    "duplicate_sku": _duplicate_sku,
    "negative_stock": _negative_stock,
    "non_numeric_eav": _non_numeric_eav,
    "unknown_attribute": _unknown_attribute,
    "malformed_payment_json": _malformed_payment_json,
    "order_totals_mismatch": _order_totals_mismatch,
    "nul_byte_text": _nul_byte_text,
}
assert tuple(_PLANS) == tuple(KINDS), "every kind needs a plan, in the same order"
