"""Issue 14 (1, 2): least privilege on both sides, and no personal data in a dev copy.

One dirty (`--anomalies all`) `small` store is migrated by `magento-migrate migrate` with a
MariaDB user that has only SELECT on the store, into a dev warehouse (dbt target `dev`: masked).
Then: every reader role reads its own service and nothing else; no personal value of Magento's
customers, addresses, orders and reviews appears in any service table, the quarantine or the
repairs; the masks keep joins and uniqueness. A binlog sync cycle runs against a throwaway
MariaDB with a user that has only SELECT, REPLICATION SLAVE and REPLICATION CLIENT.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from magento_migration.connections import mysql_connection
from magento_migration.project import PROJECT_ROOT, SERVICE_SCHEMAS
from magento_migration.settings import DbSettings, warehouse_settings
from tests.conftest import (
    ROLE_PREFIX,
    Pipeline,
    create_postgres_database,
    drop_postgres_database,
    generate_store,
)
from tests.mariadb_server import binlog_mariadb
from tests.names import db_name
from tests.services import service_tables

BIN = PROJECT_ROOT / ".venv" / "bin"
SOURCE_USER = db_name("select_only")
BINLOG_USER = db_name("binlog_reader")
PASSWORD = "least-privilege-tests"  # pragma: allowlist secret (throwaway test users)

# Magento's personal data, per table (the columns the services carry, masked outside prod)
PII_QUERIES = (
    "select email, firstname, middlename, lastname, prefix, suffix, taxvat, "
    "cast(dob as char), password_hash from customer_entity",
    "select firstname, middlename, lastname, prefix, suffix, company, street, postcode, "
    "telephone, fax, vat_id from customer_address_entity",
    "select email, firstname, middlename, lastname, prefix, suffix, company, street, postcode, "
    "telephone, fax, vat_id from sales_order_address",
    "select customer_email, customer_firstname, customer_lastname, remote_ip, customer_note "
    "from sales_order",
    "select nickname, title, detail from review_detail",
    "select remote_ip from rating_option_vote",
    "select subscriber_email from newsletter_subscriber",
    "select value from customer_entity_text "
    "union all select value from customer_address_entity_text",
)
IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$|^[0-9a-f:]+::[0-9a-f:]+$")


def create_mysql_user(settings: DbSettings, user: str, *grants: str) -> None:
    with mysql_connection(settings, database=False) as connection:
        cursor = connection.cursor()
        cursor.execute(f"drop user if exists '{user}'@'%'")
        cursor.execute(f"create user '{user}'@'%' identified by '{PASSWORD}'")
        for grant in grants:
            cursor.execute(f"grant {grant} to '{user}'@'%'")


def drop_mysql_user(settings: DbSettings, user: str) -> None:
    with mysql_connection(settings, database=False) as connection:
        connection.cursor().execute(f"drop user if exists '{user}'@'%'")


def run_cli(run: Pipeline, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "magento-migrate"), *args],
        capture_output=True,
        text=True,
        env=run.env,
        check=False,
        timeout=1800,
    )


@pytest.fixture(scope="module")
def dev_store(make_pipeline) -> Iterator[Pipeline]:
    """A dirty small store migrated into a dev warehouse by a SELECT-only MariaDB user."""
    run = make_pipeline(db_name("privacy"), db_name("privacy_wh"), target="dev")
    generate_store(run.source.name, "--profile", "small", "--seed", "5", "--anomalies", "all")
    create_mysql_user(run.source, SOURCE_USER, f"select on `{run.source.name}`.*")
    root = run.source
    run.source = replace(root, user=SOURCE_USER, password=PASSWORD)
    try:
        result = run_cli(run, "migrate", "--no-docs")
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert "dbt target: dev (personal data masked)" in result.stdout
        yield run
    finally:
        run.source = root
        drop_mysql_user(root, SOURCE_USER)


def test_the_source_user_had_only_select(dev_store: Pipeline) -> None:
    grants = [row[0] for row in dev_store.source_query(f"show grants for '{SOURCE_USER}'@'%'")]
    privileges = [re.sub(r" IDENTIFIED BY .*", "", grant) for grant in grants]
    assert privileges == [
        f"GRANT USAGE ON *.* TO `{SOURCE_USER}`@`%`",
        f"GRANT SELECT ON `{dev_store.source.name}`.* TO `{SOURCE_USER}`@`%`",
    ]


def connect_as(run: Pipeline, role: str) -> psycopg.Connection:
    settings = run.warehouse
    return psycopg.connect(
        host=settings.host, port=settings.port, user=role, dbname=settings.name, autocommit=True
    )


def readable(connection: psycopg.Connection, table: str) -> bool:
    try:
        connection.execute(f"select count(*) from {table}").fetchone()
    except psycopg.errors.InsufficientPrivilege:
        return False
    return True


def test_each_reader_reads_its_service_only(dev_store: Pipeline) -> None:
    roles = dict(
        dev_store.query(
            "select rolname, rolcanlogin from pg_roles where rolname = any(%s)",
            [f"{ROLE_PREFIX}{schema}_reader" for schema in SERVICE_SCHEMAS],
        )
    )
    assert roles == {f"{ROLE_PREFIX}{schema}_reader": False for schema in SERVICE_SCHEMAS}
    # the migration role owns every table it built
    owners = dev_store.query(
        "select distinct tableowner from pg_tables where schemaname = any(%s)",
        [*SERVICE_SCHEMAS, "migration", "migration_mappings", "intermediate", "magento_raw"],
    )
    assert owners == [(dev_store.warehouse.user,)]
    tables = sorted(service_tables(dev_store))
    first_table = {table.split(".")[0]: table for table in reversed(tables)}
    assert set(first_table) == set(SERVICE_SCHEMAS)
    for schema in SERVICE_SCHEMAS:
        role = f"{ROLE_PREFIX}{schema}_reader"
        dev_store.execute(sql.SQL("alter role {} login").format(sql.Identifier(role)))
        try:
            with connect_as(dev_store, role) as connection:
                own = [table for table in tables if table.startswith(schema + ".")]
                assert all(readable(connection, table) for table in own), schema
                others = [table for other, table in first_table.items() if other != schema]
                private = [
                    "magento_raw.customer_entity",
                    "migration.magento_id_map",
                    "migration.quarantine",
                    "migration_mappings.magento_payment_methods",
                    "staging.stg_magento__customer_entity",
                ]
                assert [table for table in others + private if readable(connection, table)] == []
        finally:
            dev_store.execute(sql.SQL("alter role {} nologin").format(sql.Identifier(role)))


def test_a_role_without_a_grant_cannot_even_connect(dev_store: Pipeline) -> None:
    outsider = db_name("outsider")
    dev_store.execute(sql.SQL("drop role if exists {}").format(sql.Identifier(outsider)))
    dev_store.execute(sql.SQL("create role {} login").format(sql.Identifier(outsider)))
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            connect_as(dev_store, outsider).close()
    finally:
        dev_store.execute(sql.SQL("drop role {}").format(sql.Identifier(outsider)))


def test_every_run_reapplies_the_grants(dev_store: Pipeline) -> None:
    role = f"{ROLE_PREFIX}customer_service_reader"
    dev_store.execute(
        sql.SQL("revoke select on customer_service.customers from {}").format(sql.Identifier(role))
    )
    dev_store.execute(
        sql.SQL("revoke usage on schema customer_service from {}").format(sql.Identifier(role))
    )
    privileges = "select has_table_privilege(%s, 'customer_service.customers', 'select')"
    assert dev_store.query(privileges, role) == [(False,)]
    dev_store.dbt_ok("run", "--select", "customers")
    assert dev_store.query(privileges, role) == [(True,)]
    assert dev_store.query("select has_schema_privilege(%s, 'customer_service', 'usage')", role)[
        0
    ] == (True,)


def leaves(value: object) -> Iterator[str]:
    """Every string inside a row's JSON (nested jsonb columns included)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, str):
        yield value


def atoms(text: str) -> set[str]:
    """What a personal value could be found as: the whole text, a line of it, or (for e-mails
    and IPs, which a reason may quote) a word of it."""
    found = {text, text.strip(), text.lower().strip()}
    found.update(line.strip() for line in text.splitlines())
    for word in text.split():
        word = word.strip(",;:()'\"")
        if "@" in word or IP.match(word):
            found.update({word, word.lower()})
    return found


def warehouse_atoms(run: Pipeline, tables: list[str]) -> set[str]:
    found: set[str] = set()
    for table in tables:
        for (row,) in run.query(f"select to_jsonb(t) from {table} as t"):
            for text in leaves(row):
                found |= atoms(text)
    return found


# Magento values that are not personal, although a personal column may hold the same text (a
# company that is also a brand, a surname that is also a colour): found in the catalog, they prove
# nothing about a leak
CATALOG_VALUES = (
    "select value from eav_attribute_option_value",
    "select value from catalog_product_entity_varchar "
    "union all select value from catalog_product_entity_text",
)


def source_pii(run: Pipeline) -> set[str]:
    """Every personal value of the store (and its lines, and its lower case)."""
    values: set[str] = set()
    for query in PII_QUERIES:
        for row in run.source_query(query):
            for value in row:
                if value is None or str(value).startswith("0000-00-00"):
                    continue
                text = str(value).strip()
                if text:
                    values.add(text)
                    values.add(text.lower())
                    values.update(line.strip() for line in text.splitlines() if line.strip())
    catalog = {
        text
        for query in CATALOG_VALUES
        for (value,) in run.source_query(query)
        if value is not None
        for text in (str(value).strip(), str(value).strip().lower())
    }
    return values - catalog


def test_no_personal_value_of_magento_reaches_a_dev_warehouse(dev_store: Pipeline) -> None:
    pii = source_pii(dev_store)
    assert len(pii) > 1000
    # the search finds them where they are (the raw layer) ...
    raw = warehouse_atoms(dev_store, ["magento_raw.customer_entity", "magento_raw.review_detail"])
    assert len(pii & raw) > 300
    # ... and nowhere in the services, the quarantine or the repairs
    tables = [*sorted(service_tables(dev_store)), "migration.quarantine", "migration.repairs"]
    assert dev_store.query("select count(*) from migration.quarantine")[0][0] > 10
    assert dev_store.query("select count(*) from migration.repairs")[0][0] > 10
    leaked = sorted(pii & warehouse_atoms(dev_store, tables))
    assert leaked == [], leaked[:20]


def test_masks_keep_joins_and_uniqueness(dev_store: Pipeline) -> None:
    (customers, masked, distinct) = dev_store.query(
        "select count(*), count(*) filter (where email ~ '^[0-9a-f]{32}@example\\.invalid$'), "
        "count(distinct (website_id, email)) from customer_service.customers"
    )[0]
    assert customers == masked == distinct > 100
    # an order's e-mail equals its customer's exactly when it does in Magento
    same_in_magento = dict(
        dev_store.source_query(
            "select o.entity_id, lower(trim(o.customer_email)) = lower(trim(c.email)) "
            "from sales_order as o join customer_entity as c on c.entity_id = o.customer_id"
        )
    )
    same_in_service = dict(
        dev_store.query(
            "select o.magento_id, o.customer_email = c.email from order_service.orders as o "
            "join customer_service.customers as c on c.id = o.customer_id"
        )
    )
    assert same_in_service
    assert {order: bool(same_in_magento[order]) for order in same_in_service} == same_in_service
    assert any(same_in_service.values())
    # masked dates of birth are not anyone's
    assert dev_store.query(
        "select count(*) from customer_service.customers "
        "where dob is not null and extract(year from dob) <> 1900"
    ) == [(0,)]


def street_lines(street: str | None) -> list[str] | None:
    return None if street is None else street.replace("\r\n", "\n").split("\n")


# (service query, Magento query, Magento table, how the service stores Magento's value)
PROD_VALUES = (
    (
        "select magento_id, email from customer_service.customers",
        "select entity_id, trim(email) from customer_entity",
        "customer_entity",
        None,
    ),
    (
        "select magento_id, street from order_service.order_addresses",
        "select entity_id, street from sales_order_address",
        "sales_order_address",
        street_lines,
    ),
    (
        "select magento_id, nickname from review_service.reviews",
        "select review_id, nickname from review_detail",
        "review_detail",
        None,
    ),
    (
        "select magento_id, remote_ip from review_service.rating_votes",
        "select vote_id, remote_ip from rating_option_vote",
        "rating_option_vote",
        None,
    ),
)


def test_prod_keeps_real_values(dev_store: Pipeline) -> None:
    """A run may not unmask a masked warehouse by accident; rebuilt as `prod` on purpose, it has
    Magento's values (rows the migration repaired aside). Last of the dev checks: it unmasks."""
    prod = replace(dev_store, target="prod")
    models = ("customers", "order_addresses", "reviews", "rating_votes")
    refused = prod.dbt("run", "--select", *models)
    assert refused.returncode != 0
    assert "this warehouse was built with dbt target dev (personal data masked)" in refused.stdout
    prod.dbt_ok("run", "--select", *models, "--vars", "{allow_pii_masking_change: true}")
    for service_query, magento_query, table, stored in PROD_VALUES:
        repaired = {
            magento_id
            for (magento_id,) in prod.query(
                "select magento_id from migration.repairs where source_table = %s", table
            )
        }
        migrated = {key: value for key, value in prod.query(service_query) if key not in repaired}
        magento = dict(dev_store.source_query(magento_query))
        assert len(migrated) > 50, table
        expected = {key: (stored or (lambda value: value))(magento[key]) for key in migrated}
        assert migrated == expected, table


def test_binlog_sync_runs_with_select_and_replication_grants_only(tmp_path: Path) -> None:
    warehouse = db_name("privacy_binlog_wh")
    create_postgres_database(warehouse)
    try:
        with binlog_mariadb(tmp_path) as server:
            root = Pipeline(
                server.with_name(db_name("privacy_binlog")),
                warehouse_settings().with_name(warehouse),
                tmp_path,
            )
            generate = subprocess.run(
                [
                    *(str(BIN / "magento-store"), "generate", "--profile", "small"),
                    *("--seed", "3", "--database", root.source.name, "--force"),
                ],
                capture_output=True,
                text=True,
                env=root.env,
                check=False,
            )
            assert generate.returncode == 0, generate.stderr[-3000:]
            create_mysql_user(
                root.source,
                BINLOG_USER,
                f"select on `{root.source.name}`.*",
                "replication slave, replication client on *.*",
            )
            run = replace(root, source=replace(root.source, user=BINLOG_USER, password=PASSWORD))
            result = run_cli(run, "sync", "--mode", "binlog")
            assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
            assert "Sync mode: binlog" in result.stdout
            (customers,) = root.source_query("select count(*) from customer_entity")[0]
            assert run.query("select count(*) from customer_service.customers") == [(customers,)]
    finally:
        drop_postgres_database(warehouse)
