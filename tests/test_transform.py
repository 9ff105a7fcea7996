"""Issue 3: dbt turns the raw layer into the service schemas, and its tests can fail."""

from __future__ import annotations

import json
import re

import pytest

from magento_migration.project import SERVICE_SCHEMAS
from tests.conftest import Pipeline, copy_postgres_database, generate_store
from tests.names import db_name


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
    small_store.dbt_ok("build", "--select", "1+magento_id_map")
    small_store.dbt_ok("build", "--full-refresh", "--exclude", "staging")
    assert identity_map(small_store) == before
    # and the services still read their ids from it
    customers_not_in_map = small_store.query(
        "select count(*) from customer_service.customers as c left join migration.magento_id_map "
        "as m on m.entity_type = 'customer' and m.new_uuid = c.id where m.new_uuid is null"
    )[0][0]
    assert customers_not_in_map == 0


def test_identity_map_table_of_an_older_warehouse_upgrades_to_entity_models(
    small_store: Pipeline, make_pipeline
) -> None:
    """A warehouse built before the identity map was split holds migration.magento_id_map as one
    table: the first build of the entity models starts from its rows (created_at, and the rows of
    entities Magento no longer has, kept), then the view replaces the table."""
    old = make_pipeline(small_store.source.name, db_name("idmap_upgrade_wh"))
    copy_postgres_database(small_store.warehouse.name, old.warehouse.name)
    old.execute(
        "create table migration.old_map as select entity_type, magento_id, new_uuid, "
        "timestamptz '2020-01-02 03:04:05+00' as created_at from migration.magento_id_map"
    )
    old.execute(
        "insert into migration.old_map values "
        "('product', 987654321, gen_random_uuid(), timestamptz '2020-01-01 00:00:00+00')"
    )
    old.execute("drop view migration.magento_id_map")
    old.execute("drop schema migration_ids cascade")
    old.execute("alter table migration.old_map rename to magento_id_map")
    old.execute("alter table migration.magento_id_map add primary key (entity_type, magento_id)")
    legacy = identity_map(old)
    assert len(legacy) == len(identity_map(small_store)) + 1

    old.dbt_ok("run", "--select", "1+magento_id_map")
    kind = old.query(
        "select c.relkind from pg_class as c join pg_namespace as n on n.oid = c.relnamespace "
        "where n.nspname = 'migration' and c.relname = 'magento_id_map'"
    )
    assert kind == [("v",)]
    assert identity_map(old) == legacy
    assert old.query(
        "select created_at = timestamptz '2020-01-01 00:00:00+00' "
        "from migration_ids.magento_ids__product where magento_id = 987654321"
    ) == [(True,)]
    # later runs are incremental: nothing re-issued
    old.dbt_ok("run", "--select", "1+magento_id_map")
    assert identity_map(old) == legacy


def failing_tests(output: str) -> str:
    return "\n".join(line for line in output.splitlines() if "FAIL" in line)


@pytest.mark.parametrize(
    ("breakage", "model", "expected_failure", "undo"),
    [
        pytest.param(
            # a customer nothing else points at (the service's foreign keys would refuse)
            "delete from customer_service.customers where id = (select min(c.id::text)::uuid "
            "from customer_service.customers as c where not exists (select 1 from "
            "customer_service.customer_addresses as a where a.customer_id = c.id) and not exists "
            "(select 1 from customer_service.wishlists as w where w.customer_id = c.id) and not "
            "exists (select 1 from customer_service.newsletter_subscribers as n "
            "where n.customer_id = c.id))",
            "customers",
            "reconciles_with_source_customers",
            None,
            id="deleted-service-row",
        ),
        pytest.param(
            "update customer_service.newsletter_subscribers set id = gen_random_uuid() "
            "where magento_id = "
            "(select min(magento_id) from customer_service.newsletter_subscribers)",
            "newsletter_subscribers",
            "issued_by_identity_map",
            None,
            id="uuid-not-from-identity-map",
        ),
        pytest.param(
            "update order_service.orders set grand_total = grand_total + 1 "
            "where magento_id = (select min(magento_id) from order_service.orders)",
            "orders",
            "sum_matches_source_orders_grand_total",
            None,
            id="changed-order-total",
        ),
        pytest.param(
            "update order_service.order_items set product_id = gen_random_uuid() "
            "where magento_id = (select min(magento_id) from order_service.order_items "
            "where product_id is not null)",
            "order_items",
            "relationships_order_items_product_id",
            None,
            id="orphaned-order-item",
        ),
        pytest.param(
            # an EAV value row nothing accounts for: a product `name` (varchar) value in the int
            # table, added after the quarantine was built
            "insert into magento_raw.catalog_product_entity_int "
            "(value_id, attribute_id, store_id, entity_id, value) "
            "select 999999999, attribute_id, 0, "
            "(select min(entity_id) from magento_raw.catalog_product_entity), 1 "
            "from magento_raw.eav_attribute where attribute_code = 'name' and entity_type_id = "
            "(select entity_type_id from magento_raw.eav_entity_type "
            "where entity_type_code = 'catalog_product')",
            "eav_value_rows_are_all_accounted_for",
            "eav_value_rows_are_all_accounted_for",
            "delete from magento_raw.catalog_product_entity_int where value_id = 999999999",
            id="unaccounted-eav-value-row",
        ),
    ],
)
def test_dbt_test_fails_when_data_is_broken(
    small_store: Pipeline, breakage: str, model: str, expected_failure: str, undo: str | None
) -> None:
    assert small_store.dbt("test", "--select", model).returncode == 0
    small_store.execute(breakage)
    try:
        result = small_store.dbt("test", "--select", model)
        assert result.returncode != 0, "dbt test passed on broken data"
        assert expected_failure in failing_tests(result.stdout), result.stdout[-3000:]
    finally:
        if undo:
            small_store.execute(undo)
        # rebuild the table and everything downstream (a rebuilt table drops the foreign keys
        # that pointed at it; its dependents recreate them)
        small_store.dbt_ok("build", "--select", f"{model}+")


def test_store_scope_rule_on_generated_overrides(small_store: Pipeline) -> None:
    """A store-view row with a NULL value wins over the default; global attributes ignore
    store rows (checked against the raw Magento rows, independently of the models)."""
    null_overrides = small_store.source_query(
        "select v.entity_id, v.store_id from catalog_product_entity_varchar as v "
        "join eav_attribute as a on a.attribute_id = v.attribute_id "
        "join eav_entity_type as t on t.entity_type_id = a.entity_type_id "
        "where t.entity_type_code = 'catalog_product' and a.attribute_code = 'name' "
        "and v.store_id > 0 and v.value is null"
    )
    assert null_overrides, "the generator makes NULL store-view name overrides"
    for product_id, store_id in null_overrides:
        localized, default = small_store.query(
            "select l.name, p.name from catalog_service.product_localizations as l "
            "join catalog_service.products as p on p.id = l.product_id "
            "where p.magento_id = %s and l.store_id = %s",
            product_id,
            store_id,
        )[0]
        assert localized is None
        assert default is not None

    stray_global_rows = small_store.source_query(
        "select v.entity_id, v.store_id, v.value from catalog_product_entity_decimal as v "
        "join eav_attribute as a on a.attribute_id = v.attribute_id "
        "join catalog_eav_attribute as c on c.attribute_id = a.attribute_id "
        "where a.attribute_code = 'price' and c.is_global = 1 and v.store_id > 0"
    )
    assert stray_global_rows, "the generator makes stray store rows on the global price"
    for product_id, store_id, _ in stray_global_rows:
        localized, default = small_store.query(
            "select l.price, p.price from catalog_service.product_localizations as l "
            "join catalog_service.products as p on p.id = l.product_id "
            "where p.magento_id = %s and l.store_id = %s",
            product_id,
            store_id,
        )[0]
        assert localized == default


def test_guests_and_deleted_customers_never_get_a_customer_uuid(small_store: Pipeline) -> None:
    rows = dict(
        small_store.query(
            "select customer_reference_status, count(*) filter (where customer_id is not null) "
            "from order_service.orders group by 1"
        )
    )
    assert rows.get("guest") == 0
    assert rows.get("deleted_customer") == 0
    assert rows.get("linked", 0) > 0
    magento_guests = small_store.source_query(
        "select count(*) from sales_order where customer_id is null and customer_is_guest = 1"
    )[0][0]
    migrated_guests = small_store.query(
        "select count(*) from order_service.orders where customer_reference_status = 'guest'"
    )[0][0]
    assert migrated_guests == magento_guests > 0


# "*": every column but the run-dependent _synced_at (when a dbt run last wrote the row)
SAME_CONTENT_TABLES = {
    "catalog_service.products": "*",
    "catalog_service.product_localizations": "*",
    "catalog_service.categories": "*",
    "customer_service.customers": "id, email, gender, custom_attributes, created_at",
    "customer_service.customer_addresses": "*",
    # product_options snapshots {attribute_id: option_id} as Magento wrote them: not compared
    "order_service.order_items": "id, order_id, parent_item_id, product_id, sku, name, price, "
    "qty_ordered, row_total",
}


def test_attribute_id_offset_store_migrates_to_the_same_services(
    small_store: Pipeline, make_pipeline
) -> None:
    """Same seed, every attribute and option id shifted by 1000: the pipeline runs unchanged and
    the services get exactly the same content (attribute ids are resolved by code)."""
    shifted = make_pipeline(db_name("offset"), db_name("offset_wh"))
    generate_store(
        shifted.source.name, "--profile", "small", "--seed", "7", "--attribute-id-offset", "1000"
    )
    assert shifted.source_query("select min(attribute_id) from eav_attribute")[0][0] > 1000
    shifted.extract_load()
    shifted.dbt_ok("build")
    for table, columns in SAME_CONTENT_TABLES.items():
        if columns == "*":
            schema, name = table.split(".")
            columns = ", ".join(
                f'"{column}"'
                for (column,) in small_store.query(
                    "select column_name from information_schema.columns where table_schema = %s "
                    "and table_name = %s and column_name <> '_synced_at' order by ordinal_position",
                    schema,
                    name,
                )
            )
        query = f"select {columns} from {table}"
        expected = sorted(map(repr, small_store.query(query)))
        assert sorted(map(repr, shifted.query(query))) == expected, table


def test_only_tables_rebuilt_every_run_skip_the_write_ahead_log(small_store: Pipeline) -> None:
    """Intermediate tables are rebuilt by every run: unlogged (a crash empties them, the next
    run rebuilds them first). What a run does not rebuild (the sync's incremental models, its
    feed and positions, the identity map, the services) is logged."""
    manifest = json.loads((small_store.workdir / "target" / "manifest.json").read_text())
    persistence = dict(
        small_store.query(
            "select n.nspname || '.' || c.relname, c.relpersistence from pg_class as c "
            "join pg_namespace as n on n.oid = c.relnamespace where c.relkind = 'r'"
        )
    )
    checked = 0
    for node in manifest["nodes"].values():
        materialized = node["config"]["materialized"]
        if node["resource_type"] != "model" or materialized not in ("table", "incremental"):
            continue
        relation = f"{node['schema']}.{node['alias']}"
        rebuilt = (
            materialized == "table"
            and node["schema"] == "intermediate"
            and "/sync/" not in node["original_file_path"]
        )
        assert persistence[relation] == ("u" if rebuilt else "p"), relation
        checked += 1
    assert checked > 60


def declared_constraints(node: dict) -> set[tuple[str, tuple[str, ...], str | None]]:
    """The primary key, unique and foreign key constraints of a contracted model, as
    (kind, columns, name of the referenced table): what the build must have put on its table.
    A foreign key names its table by `expression` ("schema.table (id) ...") or by `to`
    (a relation, or "ref('table')" in a manifest written before compilation)."""
    kinds = {"primary_key": "p", "unique": "u", "foreign_key": "f"}

    def referenced(constraint: dict) -> str | None:
        if constraint["type"] != "foreign_key":
            return None
        target = constraint["expression"] or constraint["to"]
        if target.startswith("ref("):
            return target[4:].strip("()'\" ")
        return target.split("(")[0].replace('"', "").strip().split(".")[-1]

    declared = set()
    for name, column in node["columns"].items():
        for constraint in column.get("constraints", []):
            if constraint["type"] in kinds:
                declared.add((kinds[constraint["type"]], (name,), referenced(constraint)))
    for constraint in node.get("constraints", []):
        if constraint["type"] in kinds:
            columns = tuple(sorted(constraint["columns"]))
            declared.add((kinds[constraint["type"]], columns, referenced(constraint)))
    for hook in node["config"].get("post-hook", []):
        # a key to the table itself is the post-hook self_foreign_key(column)
        for column in re.findall(r"self_foreign_key\('(\w+)'", hook["sql"]):
            declared.add(("f", (column,), node["alias"]))
    return declared


def test_contracted_tables_carry_every_declared_key(small_store: Pipeline) -> None:
    """A contracted table is filled, then given its keys by one ALTER TABLE
    (macros/contract_constraints.sql): every primary, unique and foreign key its contract
    declares is on the table, and no other."""
    manifest = json.loads((small_store.workdir / "target" / "manifest.json").read_text())
    rows = small_store.query(
        "select n.nspname || '.' || c.relname, k.contype, "
        "array(select a.attname from unnest(k.conkey) as key (attnum) "
        "      join pg_attribute as a on a.attrelid = k.conrelid and a.attnum = key.attnum "
        "      order by a.attname), "
        "k.confrelid::regclass::text "
        "from pg_constraint as k join pg_class as c on c.oid = k.conrelid "
        "join pg_namespace as n on n.oid = c.relnamespace where k.contype in ('p', 'u', 'f')"
    )
    built: dict[str, set] = {}
    for relation, kind, columns, referenced in rows:
        built.setdefault(relation, set()).add(
            (kind, tuple(columns), referenced.split(".")[-1] if kind == "f" else None)
        )
    checked = 0
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or not node["config"]["contract"]["enforced"]:
            continue
        declared = declared_constraints(node)
        relation = f"{node['schema']}.{node['alias']}"
        assert built.get(relation, set()) == declared, relation
        checked += bool(declared)
    assert checked > 20
