"""Sync until cut-over: an incremental `dbt build` after a sync cycle equals a from-scratch build.

No EL side here: the raw layer is changed in SQL the way a sync cycle leaves it (upserts and soft
deletes with a fresh _sdc_extracted_at, Magento's ON DELETE actions applied to the children),
then the incremental build is compared, table by table and row by row, with a from-scratch build
(`dbt build --full-refresh`) of a copy of the same raw layer.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from magento_migration.project import SERVICE_SCHEMAS
from tests.conftest import Pipeline, generate_store
from tests.names import db_name
from tests.services import content, identity_map, service_tables

INCREMENTAL_SERVICE_TABLES = (
    "customer_service.customers",
    "customer_service.customer_addresses",
    "catalog_service.products",
    "catalog_service.product_localizations",
    "order_service.orders",
    "order_service.order_items",
    "warehouse_service.stock_items",
)
NOW = "(now() at time zone 'UTC')"


@pytest.fixture(scope="module")
def synced(make_pipeline) -> Pipeline:
    """A generated small store, replicated and built once (the state before the sync cycles)."""
    run = make_pipeline(db_name("incr"), db_name("incr_wh"))
    generate_store(run.source.name, "--profile", "small", "--seed", "13")
    run.extract_load()
    run.dbt_ok("build")
    return run


def one(run: Pipeline, statement: str, *params: object) -> object:
    rows = run.query(statement, *params)
    assert rows, statement
    assert rows[0][0] is not None, statement
    return rows[0][0]


def touch(run: Pipeline, table: str, where: str, assignments: str = "") -> int:
    """Upsert raw rows as the loader does: new values and a fresh _sdc_extracted_at."""
    extra = f"{assignments}, " if assignments else ""
    rows = run.query(
        f"update magento_raw.{table} set {extra}_sdc_extracted_at = {NOW} "
        f"where _sdc_deleted_at is null and ({where}) returning 1"
    )
    return len(rows)


def soft_delete(run: Pipeline, table: str, where: str) -> int:
    """Soft-delete raw rows as the loader (binlog delete) or the FK-action emulation does."""
    rows = run.query(
        f"update magento_raw.{table} set _sdc_deleted_at = {NOW}, _sdc_extracted_at = {NOW} "
        f"where _sdc_deleted_at is null and ({where}) returning 1"
    )
    return len(rows)


def attribute_id(run: Pipeline, entity_type: str, code: str) -> int:
    return one(
        run,
        "select a.attribute_id from magento_raw.eav_attribute as a "
        "join magento_raw.eav_entity_type as t on t.entity_type_id = a.entity_type_id "
        "where t.entity_type_code = %s and a.attribute_code = %s",
        entity_type,
        code,
    )


def copy_raw_rows(run: Pipeline, table: str, where: str, changes: str) -> None:
    """Insert copies of raw rows with some columns changed (a new entity), freshly extracted."""
    with_copy = (
        f"drop table if exists staged_copy; "
        f"create temporary table staged_copy as select * from magento_raw.{table} "
        f"where _sdc_deleted_at is null and ({where}); "
        f"update staged_copy set {changes}, _sdc_extracted_at = {NOW}; "
        f"insert into magento_raw.{table} select * from staged_copy"
    )
    run.execute(with_copy)


def last_run(run: Pipeline) -> object:
    return one(run, "select max(logged_at) from intermediate.int_source_changes")


def rows_written_by_last_run(run: Pipeline) -> dict[str, tuple[int, int]]:
    """(rows the last run inserted or changed, rows) per incremental service table."""
    latest = last_run(run)
    return {
        table: tuple(
            run.query(
                f"select count(*) filter (where _synced_at = %s), count(*) from {table}", latest
            )[0]
        )
        for table in INCREMENTAL_SERVICE_TABLES
    }


def assert_equals_from_scratch_build(
    synced: Pipeline, make_fresh_copy: Callable[..., Pipeline], name: str
) -> None:
    fresh = make_fresh_copy(synced, name)
    fresh.dbt_ok("build", "--full-refresh")
    synced_tables, fresh_tables = service_tables(synced), service_tables(fresh)
    assert {table.split(".")[0] for table in synced_tables} == set(SERVICE_SCHEMAS)
    assert synced_tables == fresh_tables
    assert len(synced_tables) >= 25
    for table, columns in synced_tables.items():
        assert content(synced, table, columns) == content(fresh, table, columns), table
    # the foreign keys inside the services are all there, as after a from-scratch build
    keys = (
        "select conrelid::regclass::text, conname, confdeltype from pg_constraint "
        "where contype = 'f' and connamespace::regnamespace::text = any(%s) order by 1, 2"
    )
    normalized = {
        (table, name.replace("__dbt_tmp", "").rstrip("0123456789"), action)
        for table, name, action in synced.query(keys, list(SERVICE_SCHEMAS))
    }
    assert normalized == {
        (table, name.replace("__dbt_tmp", "").rstrip("0123456789"), action)
        for table, name, action in fresh.query(keys, list(SERVICE_SCHEMAS))
    }


def test_sync_cycles_build_incrementally_to_the_same_services(
    synced: Pipeline, make_fresh_copy
) -> None:
    issued = identity_map(synced)
    run = synced

    # --- cycle 1: the changes of a sync cycle, applied to the raw layer --------------------------
    price = attribute_id(run, "catalog_product", "price")
    name = attribute_id(run, "catalog_product", "name")
    # an EAV-only price change at store 0 (catalog_product_entity untouched)
    priced = one(
        run,
        "select min(entity_id) from magento_raw.catalog_product_entity_decimal "
        "where attribute_id = %s and store_id = 0 and value is not null",
        price,
    )
    assert touch(
        run,
        "catalog_product_entity_decimal",
        f"entity_id = {priced} and attribute_id = {price} and store_id = 0",
        "value = value + 1",
    )
    # a new store-view name override, and an existing one removed
    overridden = one(
        run,
        "select min(p.entity_id) from magento_raw.catalog_product_entity as p where not exists "
        "(select 1 from magento_raw.catalog_product_entity_varchar as v where v.entity_id = "
        "p.entity_id and v.attribute_id = %s and v.store_id = 1) and p.entity_id <> %s",
        name,
        priced,
    )
    run.execute(
        "insert into magento_raw.catalog_product_entity_varchar "
        "(value_id, attribute_id, store_id, entity_id, value, _sdc_extracted_at) "
        f"select max(value_id) + 1, {name}, 1, {overridden}, 'Sync override', {NOW} "
        "from magento_raw.catalog_product_entity_varchar"
    )
    removed_override = one(
        run,
        "select min(value_id) from magento_raw.catalog_product_entity_varchar "
        "where attribute_id = %s and store_id > 0 and entity_id not in (%s, %s) "
        "and _sdc_deleted_at is null",
        name,
        priced,
        overridden,
    )
    assert soft_delete(run, "catalog_product_entity_varchar", f"value_id = {removed_override}")
    # a customer with addresses, a wishlist and orders is deleted; Magento cascades to the
    # addresses, EAV values and the wishlist, and sets its orders' customer_id NULL
    customer = one(
        run,
        "select min(c.entity_id) from magento_raw.customer_entity as c "
        "where exists (select 1 from magento_raw.customer_address_entity as a "
        "where a.parent_id = c.entity_id) and exists (select 1 from magento_raw.wishlist as w "
        "where w.customer_id = c.entity_id) and exists (select 1 from magento_raw.sales_order "
        "as o where o.customer_id = c.entity_id)",
    )
    customer_uuid = one(
        run, "select id from customer_service.customers where magento_id = %s", customer
    )
    assert soft_delete(run, "customer_entity", f"entity_id = {customer}")
    for backend_type in ("varchar", "int", "decimal", "datetime", "text"):
        soft_delete(run, f"customer_entity_{backend_type}", f"entity_id = {customer}")
        soft_delete(
            run,
            f"customer_address_entity_{backend_type}",
            f"entity_id in (select entity_id from magento_raw.customer_address_entity "
            f"where parent_id = {customer})",
        )
    assert soft_delete(run, "customer_address_entity", f"parent_id = {customer}")
    soft_delete(
        run,
        "wishlist_item",
        f"wishlist_id in (select wishlist_id from magento_raw.wishlist "
        f"where customer_id = {customer})",
    )
    assert soft_delete(run, "wishlist", f"customer_id = {customer}")
    assert touch(run, "sales_order", f"customer_id = {customer}", "customer_id = null")
    # a product is deleted, with its EAV values, website links and stock item
    product = one(
        run,
        "select max(p.entity_id) from magento_raw.catalog_product_entity as p "
        "where p.type_id = 'simple' and exists (select 1 from "
        "magento_raw.cataloginventory_stock_item as s where s.product_id = p.entity_id) "
        "and p.entity_id not in (%s, %s)",
        priced,
        overridden,
    )
    product_uuid = one(
        run, "select id from catalog_service.products where magento_id = %s", product
    )
    assert soft_delete(run, "catalog_product_entity", f"entity_id = {product}")
    for backend_type in ("varchar", "int", "decimal", "datetime", "text"):
        soft_delete(run, f"catalog_product_entity_{backend_type}", f"entity_id = {product}")
    soft_delete(run, "catalog_product_website", f"product_id = {product}")
    assert soft_delete(run, "cataloginventory_stock_item", f"product_id = {product}")
    # an order changes state; another gets a state the services do not know (now quarantined)
    orders = [
        row[0]
        for row in run.query(
            "select entity_id from magento_raw.sales_order where state <> 'complete' "
            "and _sdc_deleted_at is null order by entity_id limit 2"
        )
    ]
    assert touch(run, "sales_order", f"entity_id = {orders[0]}", "state = 'complete'")
    assert touch(run, "sales_order", f"entity_id = {orders[1]}", "state = 'lost_in_transit'")

    build = run.dbt_ok("build")
    assert "PASS" in build

    # the feed saw only this cycle's rows, and no consumer recomputed everything
    plans = dict(run.query("select consumer, recompute_all from intermediate.int_sync_plans"))
    assert set(plans) == {  # every model declared with sync_consumer(...)
        "int_product_store_values_resolved",
        "int_products_pivoted",
        "int_product_store_views_pivoted",
        "product_localizations",
        "int_category_store_values_resolved",
        "int_categories_pivoted",
        "int_category_store_views_pivoted",
        "int_customers_pivoted",
        "int_customer_addresses_pivoted",
    }
    assert not any(plans.values()), plans
    affected = {
        (consumer, entity)
        for consumer, entity in run.query(
            "select consumer, entity_id from intermediate.int_sync_affected_ids"
        )
    }
    assert ("int_products_pivoted", priced) in affected  # EAV-only change
    assert ("int_product_store_values_resolved", overridden) in affected
    assert ("int_product_store_views_pivoted", overridden) in affected
    assert ("product_localizations", product) in affected  # deleted entity
    assert ("int_customers_pivoted", customer) in affected

    # no UUID lost or changed; the deletions are logged with their UUIDs
    assert issued <= identity_map(run)
    deletions = {
        (entity_type, magento_id): uuid
        for entity_type, magento_id, uuid in run.query(
            "select entity_type, magento_id, new_uuid from migration.deletions"
        )
    }
    assert deletions[("customer", customer)] == customer_uuid
    assert deletions[("product", product)] == product_uuid
    assert {entity_type for entity_type, _ in deletions} >= {
        "customer",
        "customer_address",
        "wishlist",
        "product",
        "stock_item",
    }
    # the EAV-only price change reached the service; the deleted rows left it
    assert one(
        run, "select price from catalog_service.products where magento_id = %s", priced
    ) == one(
        run,
        "select value from magento_raw.catalog_product_entity_decimal where entity_id = %s "
        "and attribute_id = %s and store_id = 0",
        priced,
        price,
    )
    assert not run.query("select 1 from customer_service.customers where id = %s", customer_uuid)
    assert not run.query("select 1 from catalog_service.products where id = %s", product_uuid)

    # the incremental run wrote only what changed
    written = rows_written_by_last_run(run)
    for table, (changed, total) in written.items():
        assert changed < total / 10, (table, changed, total)
    assert written["catalog_service.products"][0] >= 1
    assert written["order_service.orders"][0] >= 1

    # and the services are exactly what a from-scratch build of the same raw layer gives
    assert_equals_from_scratch_build(run, make_fresh_copy, db_name("incr_fresh1_wh"))

    # --- cycle 2: EAV metadata changes (an option label), a new product; nothing else ----------
    relabeled = one(
        run,
        "select min(ov.value_id) from magento_raw.eav_attribute_option_value as ov "
        "join magento_raw.eav_attribute_option as o on o.option_id = ov.option_id "
        "join magento_raw.eav_attribute as a on a.attribute_id = o.attribute_id "
        "join magento_raw.eav_entity_type as t on t.entity_type_id = a.entity_type_id "
        "where t.entity_type_code = 'catalog_product' and ov.store_id = 0",
    )
    assert touch(
        run, "eav_attribute_option_value", f"value_id = {relabeled}", "value = value || ' (new)'"
    )
    template = priced
    new_product = one(run, "select max(entity_id) + 1 from magento_raw.catalog_product_entity")
    copy_raw_rows(
        run,
        "catalog_product_entity",
        f"entity_id = {template}",
        f"entity_id = {new_product}, sku = sku || '-sync'",
    )
    for backend_type in ("varchar", "int", "decimal", "datetime", "text"):
        offset = one(
            run,
            f"select coalesce(max(value_id), 0) from "
            f"magento_raw.catalog_product_entity_{backend_type}",
        )
        copy_raw_rows(
            run,
            f"catalog_product_entity_{backend_type}",
            f"entity_id = {template}",
            f"entity_id = {new_product}, value_id = value_id + {offset}",
        )
    copy_raw_rows(
        run, "catalog_product_website", f"product_id = {template}", f"product_id = {new_product}"
    )

    run.dbt_ok("build")
    reasons = dict(run.query("select consumer, recompute_reason from intermediate.int_sync_plans"))
    assert reasons["int_products_pivoted"] == "metadata changed: eav_attribute_option_value"
    assert one(
        run, "select count(*) from catalog_service.products where magento_id = %s", new_product
    )
    assert issued <= identity_map(run)
    assert_equals_from_scratch_build(run, make_fresh_copy, db_name("incr_fresh2_wh"))

    # --- a run without changes writes nothing ------------------------------------------------
    def last_writes() -> dict[str, object]:
        return {
            table: run.query(f"select max(_synced_at), count(*) from {table}")[0]
            for table in INCREMENTAL_SERVICE_TABLES
        }

    before = last_writes()
    run.dbt_ok("build")
    assert last_writes() == before
