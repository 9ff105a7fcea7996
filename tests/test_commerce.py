"""Adobe Commerce end to end: content staging (row_id versions) migrates exactly like Open Source.

The same seeded catalog is generated as open-source and as commerce, replicated and built (dbt
build runs every reconciliation and identity-map test); the services must be equal row for row
(but the reward points, which only Commerce has), with the same UUIDs, and no version but the
current one may reach them.
"""

from __future__ import annotations

import pytest

from tests.conftest import Pipeline, generate_store
from tests.names import db_name
from tests.services import different_tables, identity_map

CURRENT = "created_in <= UNIX_TIMESTAMP() AND UNIX_TIMESTAMP() < updated_in"


@pytest.fixture(scope="module")
def open_source(small_store: Pipeline) -> Pipeline:
    """The suite's `small` open-source store (seed 7), built once per session."""
    return small_store


@pytest.fixture(scope="module")
def commerce(make_pipeline) -> Pipeline:
    """The same profile and seed as `small_store`, generated as Adobe Commerce."""
    run = make_pipeline(db_name("ee_small"), db_name("ee_small_wh"))
    generate_store(run.source.name, "--profile", "small", "--seed", "7", "--edition", "commerce")
    run.extract_load()
    run.dbt_ok("build")
    return run


def test_commerce_migrates_to_the_same_services_with_the_same_uuids(
    open_source: Pipeline, commerce: Pipeline
) -> None:
    versions = commerce.source_query("SELECT COUNT(*) FROM catalog_product_entity")[0][0]
    products = commerce.source_query("SELECT COUNT(DISTINCT entity_id) FROM catalog_product_entity")
    assert versions > products[0][0]  # the store really has several versions
    # reward points exist only on Commerce; everything else is the same
    differing = different_tables(open_source, commerce)
    assert [t for t in differing if not t.startswith("loyalty_service.")] == []
    assert open_source.query("select count(*) from loyalty_service.loyalty_point_balances") == [
        (0,)
    ]
    assert commerce.query("select count(*) from loyalty_service.loyalty_point_balances")[0][0] > 0
    uuids = (
        "select entity_type, magento_id, new_uuid from migration.magento_id_map "
        "where entity_type not like 'reward%%'"
    )
    assert set(open_source.query(uuids)) == set(commerce.query(uuids))
    assert {row[:3] for row in identity_map(commerce)} >= set(open_source.query(uuids))
    # the identity map keys on entity ids, never row ids
    assert commerce.query(
        "select count(*) from migration.magento_id_map where entity_type = 'product'"
    ) == [(products[0][0],)]


def test_no_other_version_reaches_a_service(commerce: Pipeline) -> None:
    tagged = commerce.source_query(
        "SELECT COUNT(*) FROM catalog_product_entity_varchar v JOIN catalog_product_entity e "
        f"ON e.row_id = v.row_id AND NOT ({CURRENT}) WHERE v.value LIKE '%% [%%]'"
    )[0][0]
    assert tagged > 0
    assert commerce.query(
        "select count(*) from catalog_service.products where name like '% [%]'"
    ) == [(0,)]
    assert commerce.query(
        "select count(*) from catalog_service.product_localizations where name like '% [%]'"
    ) == [(0,)]
    assert commerce.query(
        "select count(*) from catalog_service.categories where name like '% [%]'"
    ) == [(0,)]
    assert commerce.query(
        "select count(*) from promotion_service.promotion_rules where name like '% [%]'"
    ) == [(0,)]


def test_a_started_version_wins(commerce: Pipeline) -> None:
    """Products whose current version began with a started update: the service has its values."""
    started = commerce.source_query(
        "SELECT e.entity_id, v.value FROM catalog_product_entity e "
        "JOIN catalog_product_entity_varchar v ON v.row_id = e.row_id AND v.store_id = 0 "
        "JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' "
        f"WHERE e.created_in > 1 AND {CURRENT} ORDER BY 1"
    )
    assert started
    migrated = dict(
        commerce.query(
            "select m.magento_id, p.name from catalog_service.products as p "
            "join migration.magento_id_map as m on m.new_uuid = p.id and m.entity_type = 'product'"
        )
    )
    assert [(entity_id, migrated.get(entity_id)) for entity_id, _ in started] == started


def test_every_version_row_is_accounted_for(commerce: Pipeline) -> None:
    """Rows of non-current versions are excluded with their reason, once each."""
    for table, key in (
        ("catalog_product_entity", "row_id"),
        ("catalog_category_entity", "row_id"),
        ("salesrule", "row_id"),
        ("catalog_product_entity_decimal", "value_id"),
    ):
        parent = table if key == "row_id" else "catalog_product_entity"
        join = "" if key == "row_id" else f" JOIN {parent} e ON e.row_id = t.row_id"
        where = CURRENT if key == "row_id" else CURRENT.replace("created_in", "e.created_in")
        where = where.replace("updated_in", "e.updated_in") if key != "row_id" else where
        expected = commerce.source_query(
            f"SELECT CASE WHEN {'' if key == 'row_id' else 'e.'}created_in > UNIX_TIMESTAMP() "
            "THEN 'scheduled version' ELSE 'superseded version' END, COUNT(*) "
            f"FROM {table} t{join} WHERE NOT ({where}) GROUP BY 1 ORDER BY 1"
        )
        assert len(expected) == 2, table
        excluded = commerce.query(
            "select reason, count(*) from migration.exclusions where source_table = %s "
            "and reason like '%%version' group by 1 order by 1",
            table,
        )
        assert excluded == [(reason, n) for reason, n in expected], table


def test_msi_quantities_equal_magento(commerce: Pipeline) -> None:
    """Per source and per sales channel, computed here from MariaDB as Magento does it."""
    per_source = commerce.source_query(
        "SELECT i.source_code, i.sku, i.quantity, i.status = 1, p.sku IS NOT NULL "
        "FROM inventory_source_item i "
        "LEFT JOIN (SELECT DISTINCT sku FROM catalog_product_entity) p ON p.sku = i.sku "
        "ORDER BY 1, 2"
    )
    assert len({code for code, *_ in per_source}) >= 3
    assert any(not has_product for *_, has_product in per_source)
    migrated = commerce.query(
        "select source_code, sku, quantity, is_in_stock, product_id is not null "
        "from warehouse_service.source_items order by 1, 2"
    )

    def normal(rows: list[tuple]) -> list[tuple]:
        return sorted(
            (code, sku, qty, bool(status), bool(has)) for code, sku, qty, status, has in rows
        )

    assert normal(migrated) == normal(per_source)
    on_hand = commerce.source_query(
        "SELECT c.code, c.stock_id, i.sku, SUM(CASE WHEN i.status = 1 THEN i.quantity ELSE 0 END) "
        "FROM inventory_stock_sales_channel c "
        "JOIN inventory_source_stock_link l ON l.stock_id = c.stock_id "
        "JOIN inventory_source s ON s.source_code = l.source_code AND s.enabled = 1 "
        "JOIN inventory_source_item i ON i.source_code = l.source_code GROUP BY 1, 2, 3"
    )
    reserved = commerce.source_query(
        "SELECT c.code, c.stock_id, r.sku, SUM(r.quantity) FROM inventory_stock_sales_channel c "
        "JOIN inventory_reservation r ON r.stock_id = c.stock_id GROUP BY 1, 2, 3"
    )
    expected: dict[tuple, object] = {}
    for code, stock_id, sku, quantity in [*on_hand, *reserved]:
        key = (code, stock_id, sku)
        expected[key] = expected.get(key, 0) + quantity
    assert any(quantity < 0 for *_, quantity in reserved)  # orders wait for shipment
    salable = commerce.query(
        "select sales_channel_code, stock_id, sku, salable_quantity "
        "from warehouse_service.salable_quantities"
    )
    assert {(code, stock, sku): qty for code, stock, sku, qty in salable} == expected
    assert len(salable) == len(expected)


def test_a_passed_staged_start_changes_the_services_at_the_next_cycle(
    commerce: Pipeline, make_fresh_copy
) -> None:
    """The clock passes a scheduled update's start; no source row changes. The next incremental
    build (a sync cycle's transform) equals a from-scratch build at that clock, and the update's
    versions are in the services. Runs last: its clock is in the future."""
    start = commerce.source_query("SELECT MIN(id) FROM staging_update WHERE id > UNIX_TIMESTAMP()")[
        0
    ][0]
    clock = f"{{staging_now: {start + 60}}}"
    names = commerce.source_query(
        "SELECT e.entity_id, v.value FROM catalog_product_entity e "
        "JOIN catalog_product_entity_varchar v ON v.row_id = e.row_id AND v.store_id = 0 "
        "JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' "
        "WHERE e.created_in = %s ORDER BY 1",
        start,
    )
    assert names
    assert all(name.endswith("]") for _, name in names)
    commerce.dbt_ok("build", "--vars", clock)
    migrated = dict(
        commerce.query(
            "select m.magento_id, p.name from catalog_service.products as p "
            "join migration.magento_id_map as m on m.new_uuid = p.id and m.entity_type = 'product'"
        )
    )
    assert [(entity_id, migrated.get(entity_id)) for entity_id, _ in names] == names
    fresh = make_fresh_copy(commerce, db_name("ee_fresh_wh"))
    fresh.dbt_ok("build", "--vars", clock)
    assert different_tables(commerce, fresh) == []
