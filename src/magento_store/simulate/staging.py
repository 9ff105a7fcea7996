"""A staged update (Commerce content staging) scheduled during the run, starting a few minutes
later, while the run goes on: as Magento's "Schedule New Update" writes it.

At the scheduling instant: a `staging_update` row (its id is its start, a Unix time), a new
version of one product (`created_in` = the start, `updated_in` = the end of its current
version), a copy of every row keyed by the current version's row_id onto the new row_id, with a
new name and a lower price, and the current version's `updated_in` set to the start. Nothing is
written when the start passes: from then on the new version is the current one. The clock of the
run reaches the start, so the run's last change is after it.
"""

from __future__ import annotations

from ..common import money, ts
from ..content_staging import STAGED
from ..eav import PRODUCT
from .store import Store, to_cents

LEAD_TIME = 300  # seconds between scheduling the update and its start
SALE_FACTOR = 0.8


def schedule_update(store: Store) -> None:
    """One product gets a version that starts LEAD_TIME after now (Commerce stores only)."""
    if not store.staged:
        return
    rng = store.rng("staging")
    db = store.db
    when = store.clock.tick(rng)
    start = when + LEAD_TIME
    # a standalone simple product whose current version is its last one (nothing scheduled)
    candidates = [
        (int(r[0]), int(r[1]), int(r[2]))
        for r in db.rows(
            "SELECT e.entity_id, e.row_id, e.updated_in FROM catalog_product_entity e "
            f"WHERE e.type_id = 'simple' AND {store.current('e')} AND e.updated_in > %s "
            "AND NOT EXISTS (SELECT 1 FROM catalog_product_entity n "
            "WHERE n.entity_id = e.entity_id AND n.created_in > e.created_in) "
            "AND NOT EXISTS (SELECT 1 FROM catalog_product_super_link l "
            "WHERE l.product_id = e.entity_id) ORDER BY e.entity_id",
            (start,),
        )
        if int(r[0]) not in store.touched_products
    ]
    if not candidates:
        return
    entity_id, row_id, end = rng.choice(candidates)
    name = f"Flash sale {rng.randint(100, 999)}"
    with db.event(when):
        db.insert(
            "staging_update",
            {
                "id": start,
                "start_time": ts(start),
                "name": name,
                "description": f"{name} (magento-store simulate run {store.run_id})",
                "is_campaign": 1,
                "is_rollback": None,
            },
        )
        new_row = store.ids.take("catalog_product_entity", "row_id")
        columns = [
            c
            for c, *_ in db.rows("SHOW COLUMNS FROM catalog_product_entity")
            # updated_at: the new row's default, the instant of scheduling
            if c not in ("row_id", "created_in", "updated_in", "updated_at")
        ]
        listed = ", ".join(f"`{c}`" for c in columns)
        db.run(
            f"INSERT INTO catalog_product_entity (row_id, created_in, updated_in, {listed}) "
            f"SELECT %s, %s, %s, {listed} FROM catalog_product_entity WHERE row_id = %s",
            (new_row, start, end, row_id),
        )
        for table, _, column, auto_id in STAGED[0].dependents:
            _copy_rows(store, table, column, auto_id, row_id, new_row)
        _change_values(store, new_row, name)
        db.update("catalog_product_entity", {"updated_in": start}, "row_id", row_id)
    store.clock.reach(start)
    store.touched_products.add(entity_id)
    store.add("staged_updates")


def _copy_rows(
    store: Store, table: str, column: str, auto_id: str, row_id: int, new_row: int
) -> None:
    """The rows of `table` keyed by the current version, again for the new version (new ids)."""
    db = store.db
    columns = [c for c, *_ in db.rows(f"SHOW COLUMNS FROM `{table}`") if c not in (column, auto_id)]
    listed = ", ".join(f"`{c}`" for c in columns)
    order = f"`{auto_id}`" if auto_id else listed
    rows = db.rows(
        f"SELECT {listed} FROM `{table}` WHERE `{column}` = %s ORDER BY {order}", (row_id,)
    )
    if not rows:
        return
    first = store.ids.take(table, auto_id, len(rows)) if auto_id else 0
    for n, row in enumerate(rows):
        values = dict(zip(columns, row, strict=True))
        if auto_id:
            values = {auto_id: first + n, **values}
        db.insert(table, {**values, column: new_row})


def _change_values(store: Store, new_row: int, label: str) -> None:
    """The new version's store-0 name gets the update's label, its price goes down."""
    db = store.db
    name = store.attr(PRODUCT, "name").attribute_id
    db.run(
        "UPDATE catalog_product_entity_varchar SET value = CONCAT(LEFT(value, 200), ' - ', %s) "
        "WHERE row_id = %s AND attribute_id = %s AND store_id = 0",
        (label, new_row, name),
    )
    price, special = (store.attr(PRODUCT, c).attribute_id for c in ("price", "special_price"))
    values = dict(
        db.rows(
            "SELECT attribute_id, value FROM catalog_product_entity_decimal "
            "WHERE row_id = %s AND attribute_id IN (%s, %s) AND store_id = 0",
            (new_row, price, special),
        )
    )
    if values.get(price) is not None:
        # x SALE_FACTOR, ending in .99, still above a special price
        cents = max(round(to_cents(values[price]) * SALE_FACTOR / 100) * 100 - 1, 99)
        cents = max(cents, to_cents(values.get(special)) + 100)
        db.run(
            "UPDATE catalog_product_entity_decimal SET value = %s "
            "WHERE row_id = %s AND attribute_id = %s AND store_id = 0",
            (money(cents), new_row, price),
        )
