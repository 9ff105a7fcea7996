"""Issue 2: Meltano replicates every selected Magento table into magento_raw, row for row; a
sync's raw layer keeps rows the loader re-reads unchanged as they were."""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from magento_migration.connections import postgres_connection
from magento_migration.registry import edition_tables, replicated_tables
from magento_migration.settings import DbSettings, warehouse_settings
from magento_migration.sync.raw_layer import (
    analyze_raw_layer,
    index_change_times,
    keep_unchanged_rows,
    rows_changed_since,
)
from tests.conftest import (
    FRESH_INSTALL_DUMP,
    Pipeline,
    create_postgres_database,
    drop_mysql_database,
    drop_postgres_database,
)
from tests.names import db_name
from tests.services import raw_tables


def source_counts(run: Pipeline) -> dict[str, int]:
    present = {
        row[0]
        for row in run.source_query(
            "select table_name from information_schema.tables where table_schema = database()"
        )
    }
    return {
        table: run.source_query(f"select count(*) from `{table}`")[0][0]
        for table in replicated_tables()
        if table in present
    }


def raw_counts(run: Pipeline) -> dict[str, int]:
    tables = raw_tables(run)
    return {
        table: run.query(
            f'select count(*) from magento_raw."{table}" where _sdc_deleted_at is null'
        )[0][0]
        for table in tables
    }


def test_small_store_every_table_replicated_with_same_row_count(small_store: Pipeline) -> None:
    magento = source_counts(small_store)
    raw = raw_counts(small_store)
    # open-source edition: every replicated table but the Adobe Commerce ones exists
    assert set(magento) == set(replicated_tables()) - edition_tables("commerce")
    assert raw == magento
    assert sum(magento.values()) > 10_000, "the small store should not be empty"


def test_rerun_replaces_rows_without_duplicates(small_store: Pipeline) -> None:
    small_store.extract_load()
    assert raw_counts(small_store) == source_counts(small_store)
    duplicates = small_store.query(
        "select count(*) - count(distinct entity_id) from magento_raw.sales_order"
    )[0][0]
    assert duplicates == 0


@pytest.fixture(scope="module")
def fresh_install(make_pipeline) -> Pipeline:
    """Magento's real 2.4.2 fresh-install dump (407 tables) as the source."""
    assert FRESH_INSTALL_DUMP.exists(), (
        f"{FRESH_INSTALL_DUMP} is missing: the tests need Magento's fresh-install dump"
        " (set MAGENTO_FRESH_INSTALL_DUMP to its path)"
    )
    run = make_pipeline(db_name("fresh_install"), db_name("fresh_install_wh"))
    drop_mysql_database(run.source.name)
    subprocess.run(
        [
            "mariadb",
            "-h",
            run.source.host,
            "-P",
            str(run.source.port),
            "-u",
            run.source.user,
            "-e",
            f"create database `{run.source.name}`",
        ],
        check=True,
        env={"MYSQL_PWD": run.source.password, "PATH": "/usr/bin:/bin"},
    )
    with FRESH_INSTALL_DUMP.open("rb") as dump:
        subprocess.run(
            [
                "mariadb",
                "-h",
                run.source.host,
                "-P",
                str(run.source.port),
                "-u",
                run.source.user,
                run.source.name,
            ],
            stdin=dump,
            check=True,
            env={"MYSQL_PWD": run.source.password, "PATH": "/usr/bin:/bin"},
        )
    run.extract_load()
    return run


def test_real_magento_schema_replicates_row_for_row(fresh_install: Pipeline) -> None:
    magento = source_counts(fresh_install)
    assert raw_counts(fresh_install) == magento
    # the real install's EAV metadata made it: attributes are resolved by code downstream
    assert magento["eav_attribute"] > 100


def test_real_magento_schema_builds_and_tests_green(fresh_install: Pipeline) -> None:
    fresh_install.dbt_ok("build")
    name, sku = fresh_install.query("select name, sku from catalog_service.products")[0]
    assert (name, sku) == ("Strelitzias", "PLANT1")


@pytest.fixture
def raw_warehouse() -> Iterator[DbSettings]:
    """An empty warehouse database of its own."""
    name = db_name("keep_unchanged")
    create_postgres_database(name)
    try:
        yield replace(warehouse_settings(), name=name)
    finally:
        drop_postgres_database(name)


def test_rows_reread_unchanged_keep_when_they_last_changed(raw_warehouse: DbSettings) -> None:
    """The loader's upsert (target-postgres: UPDATE of every column, _sdc_* included) of a row
    re-read unchanged keeps its metadata but the table version; a changed value, a deletion and
    a row back from deletion are changes, with the loader's new metadata."""
    old, new = "2026-01-01 00:00:00", "2026-02-01 00:00:00"
    with postgres_connection(raw_warehouse) as connection:
        connection.execute(
            "create schema raw; create table raw.stock (item_id bigint primary key, qty numeric, "
            "_mg_repairs jsonb, _sdc_extracted_at timestamp, _sdc_received_at timestamp, "
            "_sdc_batched_at timestamp, _sdc_deleted_at timestamp, _sdc_sequence bigint, "
            "_sdc_table_version bigint, _sdc_sync_started_at bigint)"
        )
        connection.execute(
            "insert into raw.stock values (1, 5, null, %(old)s, %(old)s, %(old)s, null, 1, 1, 1), "
            "(2, 5, null, %(old)s, %(old)s, %(old)s, null, 1, 1, 1), "
            "(3, 5, null, %(old)s, %(old)s, %(old)s, null, 1, 1, 1), "
            "(4, 5, null, %(old)s, %(old)s, %(old)s, %(old)s, 1, 1, 1)",
            {"old": old},
        )
    assert keep_unchanged_rows(raw_warehouse, "raw") == 1
    assert keep_unchanged_rows(raw_warehouse, "raw") == 1  # idempotent
    with postgres_connection(raw_warehouse) as connection:
        connection.execute(
            "create temporary table batch as select * from (values "
            "(1, 5, %(new)s::timestamp, null::timestamp), (2, 6, %(new)s, null), "
            "(3, 5, %(new)s, %(new)s), (4, 5, %(new)s, null)) as b(item_id, qty, at, deleted_at)",
            {"new": new},
        )
        connection.execute(
            "update raw.stock as s set qty = b.qty, _mg_repairs = null, _sdc_extracted_at = b.at, "
            "_sdc_received_at = b.at, _sdc_batched_at = b.at, _sdc_deleted_at = b.deleted_at, "
            "_sdc_sequence = 2, _sdc_table_version = 2, _sdc_sync_started_at = 2 "
            "from batch as b where b.item_id = s.item_id"
        )
        rows = connection.execute(
            "select item_id, qty, _sdc_extracted_at::text, _sdc_batched_at::text, "
            "_sdc_deleted_at::text, _sdc_sequence, _sdc_table_version, _sdc_sync_started_at "
            "from raw.stock order by 1"
        ).fetchall()
    assert rows == [
        (1, 5, old, old, None, 1, 2, 1),  # re-read unchanged: only its version moves
        (2, 6, new, new, None, 2, 2, 2),  # a new value
        (3, 5, new, new, new, 2, 2, 2),  # deleted
        (4, 5, new, new, None, 2, 2, 2),  # back from deletion
    ]
    assert rows_changed_since(raw_warehouse, "raw", dt.datetime(2026, 1, 15, tzinfo=dt.UTC)) == 3


def test_rows_changed_since_a_moment_are_read_from_the_change_time_index(
    raw_warehouse: DbSettings,
) -> None:
    """Every table the loader made gets one index on its change time (idempotent), and
    rows_changed_since reads the few changed rows of a large table through it, not by a scan."""
    old, new = "2026-01-01 00:00:00", "2026-02-01 00:00:00"
    with postgres_connection(raw_warehouse) as connection:
        connection.execute(
            "create schema raw; create table "
            "raw.catalog_product_entity_media_gallery_value_to_entity ("
            "value_id bigint primary key, "
            "_mg_repairs jsonb, _sdc_extracted_at timestamp, "
            "_sdc_received_at timestamp, _sdc_batched_at timestamp, _sdc_deleted_at timestamp, "
            "_sdc_sequence bigint, _sdc_table_version bigint, _sdc_sync_started_at bigint); "
            "create table raw.not_loaded (id bigint, _sdc_deleted_at timestamp)"
        )
        connection.execute(
            "insert into raw.catalog_product_entity_media_gallery_value_to_entity "
            "select n, null, case when n <= 3 then %(new)s else %(old)s end::timestamp, "
            "%(old)s::timestamp, %(old)s::timestamp, case when n = 4 then %(new)s end::timestamp, "
            "1, 1, 1 "
            "from generate_series(1, 50000) as n",
            {"old": old, "new": new},
        )
    assert index_change_times(raw_warehouse, "raw") == 1
    assert index_change_times(raw_warehouse, "raw") == 1  # idempotent
    analyze_raw_layer(raw_warehouse, "raw")
    assert rows_changed_since(raw_warehouse, "raw", dt.datetime(2026, 1, 15, tzinfo=dt.UTC)) == 4

    with postgres_connection(raw_warehouse) as connection:
        indexes = connection.execute(
            "select indexrelname from pg_stat_user_indexes where schemaname = 'raw' "
            "and indexrelname like %s",
            ("%changed_at",),
        ).fetchall()
        assert [len(name) <= 63 for (name,) in indexes] == [True]
        scans = 0
        for _ in range(50):  # the reader's statistics reach the view when its backend ends
            connection.execute("select pg_stat_clear_snapshot()")
            scans = connection.execute(
                "select idx_scan from pg_stat_user_indexes where indexrelname = %s", indexes[0]
            ).fetchone()[0]
            if scans:
                break
            time.sleep(0.1)
    assert scans == 1
