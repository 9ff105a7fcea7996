"""Adobe Commerce end to end: content staging (row_id versions) migrates exactly like Open Source.

The same seeded catalog is generated as open-source and as commerce, replicated and built (dbt
build runs every reconciliation and identity-map test); the services must be equal row for row,
with the same UUIDs, and no version but the current one may reach them.
"""

from __future__ import annotations

import pytest

from tests.conftest import Pipeline, generate_store
from tests.names import db_name
from tests.services import different_tables, identity_map

CURRENT = "created_in <= UNIX_TIMESTAMP() AND UNIX_TIMESTAMP() < updated_in"


def _built(make_pipeline, edition: str) -> Pipeline:
    run = make_pipeline(db_name(f"ee_{edition[:4]}"), db_name(f"ee_{edition[:4]}_wh"))
    generate_store(run.source.name, "--profile", "small", "--seed", "11", "--edition", edition)
    run.extract_load()
    run.dbt_ok("build")
    return run


@pytest.fixture(scope="module")
def open_source(make_pipeline) -> Pipeline:
    return _built(make_pipeline, "open-source")


@pytest.fixture(scope="module")
def commerce(make_pipeline) -> Pipeline:
    return _built(make_pipeline, "commerce")


def test_commerce_migrates_to_the_same_services_with_the_same_uuids(
    open_source: Pipeline, commerce: Pipeline
) -> None:
    versions = commerce.source_query("SELECT COUNT(*) FROM catalog_product_entity")[0][0]
    products = commerce.source_query("SELECT COUNT(DISTINCT entity_id) FROM catalog_product_entity")
    assert versions > products[0][0]  # the store really has several versions
    assert different_tables(open_source, commerce) == []
    assert identity_map(open_source) == identity_map(commerce)
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
