"""Issue 3: dbt turns the raw layer into the service schemas, and its tests can fail."""

from __future__ import annotations

import pytest

from tests.conftest import Pipeline, generate_store

SERVICE_SCHEMAS = (
    "customer_service",
    "catalog_service",
    "order_service",
    "warehouse_service",
    "promotion_service",
    "payment_service",
    "loyalty_service",
    "review_service",
)


def test_every_service_schema_has_tables_with_enforced_keys(small_store: Pipeline) -> None:
    tables = small_store.query(
        "select table_schema, count(*) from information_schema.tables "
        "where table_schema = any(%s) group by 1",
        list(SERVICE_SCHEMAS),
    )
    assert {schema for schema, _ in tables} == set(SERVICE_SCHEMAS)
    without_primary_key = small_store.query(
        "select t.table_schema || '.' || t.table_name from information_schema.tables as t "
        "where t.table_schema = any(%s) and t.table_type = 'BASE TABLE' and not exists ("
        "  select 1 from information_schema.table_constraints as c"
        "  where c.table_schema = t.table_schema and c.table_name = t.table_name"
        "  and c.constraint_type = 'PRIMARY KEY')",
        list(SERVICE_SCHEMAS),
    )
    assert without_primary_key == []
    foreign_keys = small_store.query(
        "select count(*) from information_schema.table_constraints "
        "where table_schema = any(%s) and constraint_type = 'FOREIGN KEY'",
        list(SERVICE_SCHEMAS),
    )[0][0]
    assert foreign_keys >= 10


def identity_map(run: Pipeline) -> list[tuple]:
    return run.query(
        "select entity_type, magento_id, new_uuid, created_at from migration.magento_id_map "
        "order by entity_type, magento_id"
    )


def test_identity_map_survives_rerun_and_full_refresh(small_store: Pipeline) -> None:
    before = identity_map(small_store)
    assert len(before) > 1000
    small_store.dbt_ok("build", "--select", "magento_id_map")
    small_store.dbt_ok("build", "--full-refresh", "--exclude", "staging")
    assert identity_map(small_store) == before
    # and the services still read their ids from it
    customers_not_in_map = small_store.query(
        "select count(*) from customer_service.customers as c left join migration.magento_id_map "
        "as m on m.entity_type = 'customer' and m.new_uuid = c.id where m.new_uuid is null"
    )[0][0]
    assert customers_not_in_map == 0


def failing_tests(output: str) -> str:
    return "\n".join(line for line in output.splitlines() if "FAIL" in line)


@pytest.mark.parametrize(
    ("breakage", "model", "expected_failure"),
    [
        pytest.param(
            "delete from customer_service.customers where magento_id = "
            "(select min(magento_id) from customer_service.customers)",
            "customers",
            "reconciles_with_source_customers",
            id="deleted-service-row",
        ),
        pytest.param(
            "update customer_service.newsletter_subscribers set id = gen_random_uuid() "
            "where magento_id = (select min(magento_id) from customer_service.newsletter_subscribers)",
            "newsletter_subscribers",
            "issued_by_identity_map",
            id="uuid-not-from-identity-map",
        ),
    ],
)
def test_dbt_test_fails_when_data_is_broken(
    small_store: Pipeline, breakage: str, model: str, expected_failure: str
) -> None:
    assert small_store.dbt("test", "--select", model).returncode == 0
    small_store.execute(breakage)
    try:
        result = small_store.dbt("test", "--select", model)
        assert result.returncode != 0, "dbt test passed on broken data"
        assert expected_failure in failing_tests(result.stdout), result.stdout[-3000:]
    finally:
        small_store.dbt_ok("build", "--select", model)
