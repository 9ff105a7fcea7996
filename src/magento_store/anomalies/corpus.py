"""The corpus as a whole: its kinds and options, `inject` (plan every kind, write the selected
ones, record them in `magento_store_anomalies`) and the JSON manifest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pymysql

from ..common import BASE_EPOCH
from ..errors import AnomalyError
from .integrity import (
    duplicate_sku,
    malformed_payment_json,
    negative_stock,
    non_numeric_eav,
    null_sku,
    order_totals_mismatch,
    orphan_address,
    orphan_coupon,
    orphan_order_item,
    orphan_stock_item,
    orphan_vote,
    unknown_attribute,
)
from .planner import (
    NUL,
    Change,
    Planner,
)
from .values import (
    duplicate_email,
    emoji_text,
    invalid_email,
    mojibake_latin1,
    nul_byte_text,
    overlong_value,
    zero_date_created_at,
    zero_date_dob,
    zero_date_special_from,
)

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
    planner = Planner(conn, seed)
    changes: dict[str, list[Change]] = {}
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


def _apply(cur: Any, change: Change, anomaly_id: int, planner: Planner) -> Anomaly:
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
    return str(value).replace(NUL, "\\0")


def _keep_missing_ids_unused(cur: Any, changes: Sequence[Change]) -> None:
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


_PLANS: dict[str, Callable[[Planner, int], list[Change]]] = {
    "zero_date_dob": zero_date_dob,
    "zero_date_created_at": zero_date_created_at,
    "zero_date_special_from": zero_date_special_from,
    "invalid_email": invalid_email,
    "duplicate_email": duplicate_email,
    "emoji_text": emoji_text,
    "mojibake_latin1": mojibake_latin1,
    "overlong_value": overlong_value,
    "orphan_address": orphan_address,
    "orphan_order_item": orphan_order_item,
    "orphan_vote": orphan_vote,
    "orphan_stock_item": orphan_stock_item,
    "orphan_coupon": orphan_coupon,
    "null_sku": null_sku,
    "duplicate_sku": duplicate_sku,
    "negative_stock": negative_stock,
    "non_numeric_eav": non_numeric_eav,
    "unknown_attribute": unknown_attribute,
    "malformed_payment_json": malformed_payment_json,
    "order_totals_mismatch": order_totals_mismatch,
    "nul_byte_text": nul_byte_text,
}


assert tuple(_PLANS) == tuple(KINDS), "every kind needs a plan, in the same order"
