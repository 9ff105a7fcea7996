"""`magento-store simulate` on an Adobe Commerce store (content staging), against the real MariaDB.

Two identical `small` Commerce stores get the same activity: they stay identical. The activity
writes the current version of each product and cart rule only (the rows of superseded and
scheduled versions keep their values), every product keeps a gapless chain of versions, a delete
removes every version and the sequence row, and the run schedules a staged update that starts
during the run. Every database is named <prefix>_sim_ee_* and dropped at the end.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from magento_store.content_staging import MAX_VERSION, MIN_VERSION
from magento_store.simulate import SIMULATION_TABLE
from tests.conftest import generate_store
from tests.names import db_name
from tests.test_simulator import checksums, drop_database, query, scalar, simulate

ONE, TWO = db_name("sim_ee_one"), db_name("sim_ee_two")
ARGS = ("--orders", "30", "--updates", "40", "--deletes", "4", "--seed", "11")
_EAV = ("varchar", "int", "decimal", "datetime", "text")


def other_versions(database: str) -> dict[str, set[tuple]]:
    """Value rows (and cart rules) of the versions that are not current at the generator's
    reference time: superseded in 2022 or scheduled for 2037."""
    not_current = "(e.updated_in <= 1700000000 OR e.created_in >= 2000000000)"
    rows = {
        f"catalog_product_entity_{t}": set(
            query(
                database,
                f"SELECT v.value_id, v.row_id, v.store_id, v.attribute_id, v.value "
                f"FROM catalog_product_entity_{t} v JOIN catalog_product_entity e "
                f"ON e.row_id = v.row_id WHERE {not_current}",
            )
        )
        for t in _EAV
    }
    rows["salesrule"] = set(
        query(
            database,
            f"SELECT e.row_id, e.name, e.times_used FROM salesrule e WHERE {not_current}",
        )
    )
    return rows


@dataclass
class Run:
    counts: dict[str, int]
    before: dict[str, set[tuple]]
    products_before: int
    clock: tuple[int, int]


@pytest.fixture(scope="module")
def run() -> Iterator[Run]:
    for name in (ONE, TWO):
        generate_store(name, "--profile", "small", "--seed", "7", "--edition", "commerce")
    before = other_versions(ONE)
    products = int(scalar(ONE, "SELECT COUNT(DISTINCT entity_id) FROM catalog_product_entity"))  # type: ignore[arg-type]
    counts = simulate(ONE, *ARGS)
    assert simulate(TWO, *ARGS) == counts
    start, end = query(
        ONE,
        f"SELECT UNIX_TIMESTAMP(clock_start), UNIX_TIMESTAMP(clock_end) FROM {SIMULATION_TABLE}",
    )[0]
    yield Run(counts, before, products, (int(start), int(end)))
    for name in (ONE, TWO):
        drop_database(name)


def test_same_activity_on_identical_stores_gives_identical_tables(run: Run) -> None:
    assert checksums(ONE) == checksums(TWO)
    for kind in ("orders", "price_changes", "name_changes", "overrides_added", "coupons_used"):
        assert run.counts[kind] > 0, kind
    assert run.counts["staged_updates"] == 1
    assert run.counts["products_deleted"] == 1


def test_only_current_versions_are_written(run: Run) -> None:
    after = other_versions(ONE)
    for table, rows in run.before.items():
        # a deleted product takes all its versions along; nothing else may change
        assert after[table] <= rows, table
        gone = {row[1] if table != "salesrule" else row[0] for row in rows - after[table]}
        if gone:
            assert table.startswith("catalog_product"), table
            assert not query(
                ONE, f"SELECT 1 FROM catalog_product_entity WHERE row_id IN {tuple(gone)!r}"
            )


def test_every_product_keeps_a_gapless_chain_of_versions(run: Run) -> None:
    versions: dict[int, list[tuple[int, int]]] = {}
    for entity_id, created_in, updated_in in query(
        ONE,
        "SELECT entity_id, created_in, updated_in FROM catalog_product_entity "
        "ORDER BY entity_id, created_in",
    ):
        versions.setdefault(int(entity_id), []).append((int(created_in), int(updated_in)))
    for entity_id, chain in versions.items():
        assert chain[0][0] == MIN_VERSION, entity_id
        assert chain[-1][1] == MAX_VERSION, entity_id
        assert all(a[1] == b[0] for a, b in itertools.pairwise(chain)), entity_id
    assert len(versions) == run.products_before - 1
    # the deleted product's id left the sequence too (its entity-keyed rows cascaded from it)
    assert int(scalar(ONE, "SELECT COUNT(*) FROM sequence_product")) == len(versions)  # type: ignore[arg-type]


def test_a_staged_update_starts_during_the_run(run: Run) -> None:
    clock_start, clock_end = run.clock
    updates = query(
        ONE,
        "SELECT id, UNIX_TIMESTAMP(start_time) FROM staging_update WHERE id BETWEEN %s AND %s",
        clock_start,
        clock_end,
    )
    assert len(updates) == 1
    assert updates[0][0] == updates[0][1]
    start = updates[0][0]
    ((entity_id, row_id),) = query(
        ONE, "SELECT entity_id, row_id FROM catalog_product_entity WHERE created_in = %s", start
    )
    previous = query(
        ONE,
        "SELECT row_id FROM catalog_product_entity WHERE entity_id = %s AND updated_in = %s",
        entity_id,
        start,
    )
    assert len(previous) == 1
    old_row = previous[0][0]
    name = (
        "SELECT v.value FROM catalog_product_entity_varchar v JOIN eav_attribute a "
        "ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' AND a.entity_type_id = 4 "
        "WHERE v.row_id = %s AND v.store_id = 0"
    )
    old_name, new_name = scalar(ONE, name, old_row), scalar(ONE, name, row_id)
    assert new_name != old_name
    assert str(new_name).startswith(str(old_name))
    for table in (f"catalog_product_entity_{t}" for t in _EAV):
        per_row = dict(
            query(
                ONE,
                f"SELECT row_id, COUNT(*) FROM {table} WHERE row_id IN (%s, %s) GROUP BY 1",
                old_row,
                row_id,
            )
        )
        assert per_row.get(row_id) == per_row.get(old_row), table
