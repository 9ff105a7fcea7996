"""Adobe Commerce content staging (`--edition commerce`): the catalog and cart rules, written in
their Open Source shape into scratch tables, take Commerce's shape (SCHEMA.md gotcha 18).

- `catalog_product_entity`, `catalog_category_entity` and `salesrule` get one row per version
  (`row_id`, `created_in`, `updated_in`); `entity_id` / `rule_id` come from `sequence_*`.
- Every EAV value, media link, website/group list and link parent is keyed by `row_id`, one copy
  per version.
- `staging_update` holds the updates: two that started in 2022 and two scheduled for 2037 (a
  staging version id is the Unix time its update starts; 1 and 2147483647 bound the base version).

The version current today (created_in <= now < updated_in) is exactly the Open Source row, with
its value ids: the same seed gives the same catalog in both editions. A superseded version (before
a started update) and a scheduled one differ from it (a tagged name, another price/discount), so
a migration that reads the wrong version shows it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import pymysql

from . import ddl
from .common import section_rng, ts

SCRATCH_PREFIX = "mgstore_os_"
MIN_VERSION = 1
MAX_VERSION = 2_147_483_647


def _utc(year: int, month: int, day: int) -> int:
    return calendar.timegm((year, month, day, 0, 0, 0))


@dataclass(frozen=True)
class Update:
    """One `staging_update` row."""

    start: int
    name: str

    @property
    def id(self) -> int:
        return self.start


# the generator's "now" for which version is current: any instant between the started and the
# scheduled updates gives the same rows (nothing reads the wall clock)
REFERENCE_NOW = _utc(2030, 1, 1)

UPDATES = (
    Update(_utc(2022, 3, 1), "Spring collection 2022"),
    Update(_utc(2022, 6, 15), "Summer sale 2022"),
    Update(_utc(2037, 3, 1), "Spring collection 2037"),
    Update(_utc(2037, 11, 27), "Black Friday 2037"),
)
# version histories an entity can have (the updates it took part in, oldest first), with weights
# per 1000 entities; the rest has the base version only
_HISTORIES: tuple[tuple[tuple[Update, ...], int], ...] = (
    ((UPDATES[0],), 25),  # started: the base version is superseded
    ((UPDATES[1],), 15),
    ((UPDATES[2],), 25),  # scheduled: the base version is current
    ((UPDATES[3],), 15),
    ((UPDATES[0], UPDATES[1]), 5),  # two started updates: two superseded versions
    ((UPDATES[1], UPDATES[3]), 10),  # superseded, current, scheduled
)


@dataclass(frozen=True)
class Staged:
    """A staged entity table and the tables keyed by (or whose parent is) its row_id."""

    kind: str
    table: str
    id_column: str
    sequence: str
    # (table, the Open Source column holding the entity id, its Commerce name, auto id or '')
    dependents: tuple[tuple[str, str, str, str], ...]


_EAV = ("varchar", "int", "decimal", "datetime", "text")
STAGED = (
    Staged(
        "product",
        "catalog_product_entity",
        "entity_id",
        "sequence_product",
        (
            *((f"catalog_product_entity_{t}", "entity_id", "row_id", "value_id") for t in _EAV),
            ("catalog_product_entity_media_gallery_value_to_entity", "entity_id", "row_id", ""),
            ("catalog_product_super_link", "parent_id", "parent_id", "link_id"),
            (
                "catalog_product_super_attribute",
                "product_id",
                "product_id",
                "product_super_attribute_id",
            ),
            ("catalog_product_relation", "parent_id", "parent_id", ""),
        ),
    ),
    Staged(
        "category",
        "catalog_category_entity",
        "entity_id",
        "sequence_catalog_category",
        tuple((f"catalog_category_entity_{t}", "entity_id", "row_id", "value_id") for t in _EAV),
    ),
    Staged(
        "salesrule",
        "salesrule",
        "rule_id",
        "sequence_salesrule",
        (
            ("salesrule_website", "rule_id", "row_id", ""),
            ("salesrule_customer_group", "rule_id", "row_id", ""),
        ),
    ),
)
_VERSIONS = SCRATCH_PREFIX + "versions"


def scratch_tables() -> dict[str, str]:
    """{Commerce-shaped table: the scratch table its Open Source rows are loaded into}."""
    return {table: SCRATCH_PREFIX + table for table in sorted(ddl.commerce_replaced_tables())}


def create_scratch_tables(cur: pymysql.cursors.Cursor) -> None:
    """Open Source-shaped tables (no foreign keys) for the loader to write the catalog into."""
    for table, scratch in scratch_tables().items():
        statement = ddl.open_source_statement(table)
        cur.execute(statement.replace(f"CREATE TABLE `{table}`", f"CREATE TABLE `{scratch}`", 1))


def _histories(
    seed: int, kind: str, ids: list[int], preferred: list[int]
) -> dict[int, tuple[Update, ...]]:
    """The version history of each entity that has one (at least one entity per history; the
    first ones go to `preferred` entities, e.g. configurables, whose links are versioned too)."""
    rng = section_rng(seed, f"content-staging:{kind}")
    pool = list(ids)
    rng.shuffle(pool)
    first = sorted(preferred)
    rng.shuffle(first)
    result: dict[int, tuple[Update, ...]] = {}
    for history, weight in _HISTORIES:
        if first:
            result[first.pop()] = history
        for _ in range(max(1, len(ids) * weight // 1000)):
            while pool and pool[-1] in result:
                pool.pop()
            if pool:
                result[pool.pop()] = history
    return result


def _version_rows(
    kind: str, ids: list[int], histories: dict[int, tuple[Update, ...]], now: int
) -> list[tuple[object, ...]]:
    """(kind, entity_id, row_id, created_in, updated_in, is_current, label, factor) per version;
    row ids are issued in entity order, each entity's versions oldest first."""
    rows: list[tuple[object, ...]] = []
    row_id = 0
    for entity_id in ids:
        starts = [MIN_VERSION] + [u.start for u in histories.get(entity_id, ())]
        names = ["base"] + [u.name for u in histories.get(entity_id, ())]
        ends = [*starts[1:], MAX_VERSION]
        for start, end, name in zip(starts, ends, names, strict=True):
            row_id += 1
            current = start <= now < end
            # a superseded version is the older price (x 1.25), a scheduled one the sale (x 0.8)
            factor = 1 if current else (1.25 if end <= now else 0.8)
            rows.append((kind, entity_id, row_id, start, end, int(current), name, factor))
    return rows


def _attribute_ids(cur: pymysql.cursors.Cursor, entity_type: str, codes: tuple[str, ...]) -> str:
    cur.execute(
        "SELECT a.attribute_id FROM eav_attribute a JOIN eav_entity_type t "
        "ON t.entity_type_id = a.entity_type_id WHERE t.entity_type_code = %s "
        f"AND a.attribute_code IN ({', '.join(['%s'] * len(codes))})",
        (entity_type, *codes),
    )
    return ", ".join(str(row[0]) for row in cur.fetchall()) or "NULL"


def _columns(cur: pymysql.cursors.Cursor, table: str) -> list[str]:
    cur.execute(f"SHOW COLUMNS FROM `{table}`")
    return [row[0] for row in cur.fetchall()]


def convert(conn: pymysql.Connection, seed: int, now: int) -> dict[str, int]:
    """Write the Commerce-shaped tables from the scratch tables, drop those; rows per table."""
    counts: dict[str, int] = {}
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO staging_update (id, start_time, name, description, is_campaign, "
            "is_rollback) VALUES (%s, %s, %s, %s, 1, NULL)",
            [(u.id, ts(u.start), u.name, f"{u.name} (magento-store)") for u in UPDATES],
        )
        counts["staging_update"] = len(UPDATES)
        cur.execute(
            f"CREATE TABLE `{_VERSIONS}` (kind varchar(16), entity_id int unsigned, row_id int "
            "unsigned, created_in bigint unsigned, updated_in bigint unsigned, is_current "
            "tinyint, label varchar(64), factor decimal(6,4), PRIMARY KEY (kind, row_id), "
            "KEY (kind, entity_id))"
        )
        texts = {
            "product": _attribute_ids(cur, "catalog_product", ("name",)),
            "category": _attribute_ids(cur, "catalog_category", ("name",)),
        }
        prices = _attribute_ids(cur, "catalog_product", ("price", "special_price"))
        for staged in STAGED:
            scratch = SCRATCH_PREFIX + staged.table
            cur.execute(f"SELECT `{staged.id_column}` FROM `{scratch}` ORDER BY 1")
            ids = [int(row[0]) for row in cur.fetchall()]
            preferred: list[int] = []
            if staged.kind == "product":
                cur.execute(
                    f"SELECT DISTINCT parent_id FROM `{SCRATCH_PREFIX}catalog_product_super_link`"
                )
                preferred = [int(row[0]) for row in cur.fetchall()]
            histories = _histories(seed, staged.kind, ids, preferred)
            versions = _version_rows(staged.kind, ids, histories, now)
            cur.executemany(
                f"INSERT INTO `{_VERSIONS}` VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", versions
            )
            cur.execute(
                f"INSERT INTO `{staged.sequence}` (sequence_value) "
                f"SELECT `{staged.id_column}` FROM `{scratch}` ORDER BY 1"
            )
            counts[staged.sequence] = len(ids)
            counts[staged.table] = _copy_entity(cur, staged, scratch)
            for table, column, commerce_column, auto_id in staged.dependents:
                value = _value_expression(table, staged.kind, texts, prices)
                counts[table] = _copy_dependent(
                    cur, staged.kind, table, column, commerce_column, auto_id, value
                )
        cur.execute(f"DROP TABLE `{_VERSIONS}`")
        for scratch in scratch_tables().values():
            cur.execute(f"DROP TABLE `{scratch}`")
    return counts


def _value_expression(
    table: str, kind: str, texts: dict[str, str], prices: str
) -> dict[str, str] | None:
    """What a non-current version changes in a value table: {column: SQL over o (the Open
    Source row) and v (the version)}."""
    if table.endswith("_entity_varchar") and kind in texts:
        return {
            "value": f"CASE WHEN o.attribute_id IN ({texts[kind]}) AND o.value IS NOT NULL "
            "THEN CONCAT(LEFT(o.value, 180), ' [', v.label, ']') ELSE o.value END"
        }
    if table == "catalog_product_entity_decimal":
        return {
            "value": f"CASE WHEN o.attribute_id IN ({prices}) "
            "THEN ROUND(o.value * v.factor, 2) ELSE o.value END"
        }
    return None


def _copy_entity(cur: pymysql.cursors.Cursor, staged: Staged, scratch: str) -> int:
    """Every version of every entity: the Open Source row, with its row_id and version range
    (a non-current cart rule also gets a tagged name and another discount)."""
    columns = [c for c in _columns(cur, scratch)]
    select = []
    for column in columns:
        if staged.kind == "salesrule" and column == "name":
            select.append(
                "CASE WHEN v.is_current = 1 THEN o.name "
                "ELSE CONCAT(LEFT(o.name, 180), ' [', v.label, ']') END"
            )
        elif staged.kind == "salesrule" and column == "discount_amount":
            select.append("ROUND(o.discount_amount * v.factor, 4)")
        else:
            select.append(f"o.`{column}`")
    cur.execute(
        f"INSERT INTO `{staged.table}` (row_id, created_in, updated_in, "
        f"{', '.join(f'`{c}`' for c in columns)}) "
        f"SELECT v.row_id, v.created_in, v.updated_in, {', '.join(select)} "
        f"FROM `{scratch}` o JOIN `{_VERSIONS}` v "
        f"ON v.kind = %s AND v.entity_id = o.`{staged.id_column}` ORDER BY v.row_id",
        (staged.kind,),
    )
    return int(cur.rowcount)


def _copy_dependent(
    cur: pymysql.cursors.Cursor,
    kind: str,
    table: str,
    column: str,
    commerce_column: str,
    auto_id: str,
    changed: dict[str, str] | None,
) -> int:
    """A row_id-keyed table: each Open Source row once per version of its entity. The current
    version keeps the row's own id; the other versions get new ids after them."""
    scratch = SCRATCH_PREFIX + table
    columns = [c for c in _columns(cur, scratch) if c != column]
    rows = 0
    for current in (True, False):
        keep_id = current and auto_id
        names = [c for c in columns if keep_id or c != auto_id]
        select = [(changed or {}).get(c, f"o.`{c}`") if not current else f"o.`{c}`" for c in names]
        order = f"v.row_id, o.`{auto_id}`" if auto_id else "v.row_id"
        cur.execute(
            f"INSERT INTO `{table}` ({', '.join(f'`{c}`' for c in names)}, `{commerce_column}`) "
            f"SELECT {', '.join(select)}, v.row_id FROM `{scratch}` o JOIN `{_VERSIONS}` v "
            f"ON v.kind = %s AND v.entity_id = o.`{column}` WHERE v.is_current = %s "
            f"ORDER BY {order}",
            (kind, int(current)),
        )
        rows += int(cur.rowcount)
    return rows
