"""Issue 10, pure logic: migration ids, Meltano's system database URI, the mass-delete rule."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from magento_delete_guard import DeleteLimit
from magento_delete_guard.cli import guard
from magento_delete_guard.stream import StreamCounts, count, table_of

from magento_migration import cli, pipeline
from magento_migration.errors import MassDeleteError
from magento_migration.project import MELTANO_DIR
from magento_migration.settings import DbSettings
from magento_migration.state import meltano_database_uri, migration_id, state_id
from magento_migration.sync import unchanged

SOURCE = DbSettings("10.0.0.5", 3306, "migrator", "s3cret", "magento")
WAREHOUSE = DbSettings("wh.internal", 5432, "loader", "p@ss:w/rd?", "warehouse")


def test_every_coordinate_of_a_migration_changes_its_id() -> None:
    base = migration_id(SOURCE, WAREHOUSE, "magento_raw")
    variants = [
        migration_id(SOURCE.with_name("magento_rehearsal"), WAREHOUSE, "magento_raw"),
        migration_id(
            DbSettings("10.0.0.6", 3306, "migrator", "", "magento"), WAREHOUSE, "magento_raw"
        ),
        migration_id(
            DbSettings("10.0.0.5", 3307, "migrator", "", "magento"), WAREHOUSE, "magento_raw"
        ),
        migration_id(SOURCE, WAREHOUSE.with_name("rehearsal"), "magento_raw"),
        migration_id(SOURCE, DbSettings("wh2", 5432, "loader", "", "warehouse"), "magento_raw"),
        migration_id(
            SOURCE, DbSettings("wh.internal", 5433, "loader", "", "warehouse"), "magento_raw"
        ),
        migration_id(SOURCE, WAREHOUSE, "raw_copy"),
    ]
    assert len({base, *variants}) == len(variants) + 1


def test_the_id_ignores_credentials_and_is_stable() -> None:
    other_login = DbSettings("10.0.0.5", 3306, "reader", "other", "magento")
    assert migration_id(other_login, WAREHOUSE, "magento_raw") == migration_id(
        SOURCE, WAREHOUSE, "magento_raw"
    )
    assert migration_id(SOURCE, WAREHOUSE, "magento_raw").startswith("mg-")


def test_meltano_database_uri_quotes_the_login_and_selects_the_state_schema() -> None:
    parts = urlsplit(meltano_database_uri(WAREHOUSE))
    assert parts.scheme == "postgresql+psycopg"
    assert unquote(parts.password or "") == WAREHOUSE.password
    assert parts.hostname == "wh.internal"
    assert parts.port == 5432
    assert parts.path == "/warehouse"
    assert unquote(parts.query) == "options=-csearch_path=meltano"


def test_pipeline_env_scopes_the_state_and_never_logs_a_password() -> None:
    env = pipeline.pipeline_env(SOURCE, WAREHOUSE)
    assert env["MELTANO_RUN_STATE_ID_SUFFIX"] == migration_id(SOURCE, WAREHOUSE, "magento_raw")
    assert "MELTANO_DATABASE_URI" in env
    assert "p@ss" not in " ".join(pipeline.el_command("tap-mysql-binlog", guarded=True))


@pytest.mark.parametrize(
    ("deleted", "live", "breached"),
    [(0, 1000, False), (200, 1000, False), (201, 1000, True), (49, 49, False), (50, 50, True)],
)
def test_delete_limit(deleted: int, live: int, breached: bool) -> None:
    line = DeleteLimit(max_share=0.2, min_rows=50).breach("magento_raw.t", deleted, live)
    assert (line is not None) == breached
    assert DeleteLimit(allow=True).breach("magento_raw.t", deleted, live) is None


def test_breach_line_names_table_counts_and_share() -> None:
    line = DeleteLimit().breach("magento_raw.customer_entity", 150, 200, "cascade-delete")
    assert line == (
        "magento_raw.customer_entity: this cycle would cascade-delete 150 of its 200 live rows "
        "(75% > 20%)"
    )
    error = MassDeleteError([line, "magento_raw.x: ..."])
    assert str(error).startswith("mass-delete guard: magento_raw.customer_entity")
    assert "(and 1 more table(s))" in str(error)
    assert "\n" not in str(error)


def _message(kind: str, stream: str, **fields: object) -> str:
    return json.dumps({"type": kind, "stream": stream, **fields}) + "\n"


def test_stream_counts_upserts_deletes_and_the_activated_version() -> None:
    streams: dict[str, StreamCounts] = {}
    lines = [
        _message("SCHEMA", "shop-customer_entity", schema={}, key_properties=["entity_id"]),
        _message(
            "RECORD", "shop-customer_entity", record={"entity_id": 1, "_sdc_deleted_at": None}
        ),
        _message(
            "RECORD",
            "shop-customer_entity",
            record={"entity_id": 2, "_sdc_deleted_at": "2026-01-01T00:00:00+00:00"},
        ),
        _message("RECORD", "shop-customer_entity", record={"entity_id": 3}),
        _message("ACTIVATE_VERSION", "shop-customer_entity", version=17),
    ]
    for line in lines:
        count(line, streams)
    counts = streams["shop-customer_entity"]
    assert (counts.upserts, counts.deletes, counts.activated_version) == (2, 1, 17)
    # 10 live rows, 9 of an older version: 9 - 2 written again + 1 DELETE
    assert counts.would_delete(live=10, older_than_activated=9) == 8
    assert StreamCounts(deletes=30).would_delete(live=10, older_than_activated=0) == 10
    assert table_of("shop-customer_entity") == "customer_entity"


def test_guard_passes_a_stream_without_deletions_through_unchanged() -> None:
    lines = [
        _message("SCHEMA", "shop-store", schema={}, key_properties=["store_id"]),
        _message("RECORD", "shop-store", record={"store_id": 1}),
        json.dumps({"type": "STATE", "value": {"bookmarks": {}}}) + "\n",
    ]
    out = io.StringIO()
    assert guard(io.StringIO("".join(lines)), out, {}) == 0
    assert out.getvalue() == "".join(lines)


@pytest.mark.parametrize("text", ["0", "1.5", "-0.1", "half"])
def test_max_delete_share_is_a_share(text: str) -> None:
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["sync", "--max-delete-share", text])
    args = cli.build_parser().parse_args(["sync", "--max-delete-share", "0.05"])
    assert args.max_delete_share == 0.05


def test_state_id_is_meltanos_run_id_with_the_migration_suffix() -> None:
    env = pipeline.pipeline_env(SOURCE, WAREHOUSE, {"MELTANO_ENVIRONMENT": "prod"})
    suffix = migration_id(SOURCE, WAREHOUSE, "magento_raw")
    assert state_id(env, "tap-mysql-binlog") == f"prod:tap-mysql-binlog-to-target-postgres:{suffix}"


def test_each_migration_runs_meltano_in_its_own_system_folder() -> None:
    """Meltano writes a run's catalog and state to fixed paths under its system folder: two
    migrations from one checkout get two folders, sharing the installed plugins."""
    folders = [
        pipeline.pipeline_env(SOURCE, warehouse)["MELTANO_SYS_DIR_ROOT"]
        for warehouse in (WAREHOUSE, WAREHOUSE.with_name("rehearsal"), WAREHOUSE)
    ]
    assert folders[0] == folders[2] != folders[1]
    for folder in map(Path, folders[:2]):
        assert folder.parent == MELTANO_DIR / "migrations"
        assert folder.name == migration_id(SOURCE, WAREHOUSE, "magento_raw") or (
            folder.name == migration_id(SOURCE, WAREHOUSE.with_name("rehearsal"), "magento_raw")
        )
        for plugins in ("extractors", "loaders", "mappers", "utilities"):
            assert (folder / plugins).resolve() == (MELTANO_DIR / plugins).resolve()


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([_message("SCHEMA", "shop-store", schema={}, key_properties=["store_id"])], (0, 0, 0)),
        (
            [
                _message("RECORD", "shop-store", record={"store_id": 1}),
                _message("RECORD", "shop-store", record={"store_id": 2, "_sdc_deleted_at": "x"}),
                _message("ACTIVATE_VERSION", "shop-store", version=3),
            ],
            (1, 1, 1),
        ),
    ],
)
def test_the_cycle_reads_what_the_guard_passed_on(
    lines: list[str], expected: tuple[int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """The guard's summary line is what the sync cycle parses to skip a build of nothing. Mass
    deletes allowed, the guard asks the warehouse nothing (its live-row check is end to end:
    test_sync_scoping's mass-delete test), so this runs without servers."""
    assert guard(io.StringIO("".join(lines)), io.StringIO(), {"allow_mass_delete": True}) == 0
    change = unchanged.stream_change(capsys.readouterr().err)
    assert change is not None
    assert (change.records, change.deletes, change.versions) == expected
    assert change.empty == (expected == (0, 0, 0))
    assert unchanged.stream_change("a log from before the guard counted records") is None


def test_the_build_fingerprint_follows_the_settings_dbt_reads_and_no_credential() -> None:
    env = pipeline.pipeline_env(SOURCE, WAREHOUSE, target="prod")
    fingerprint = unchanged.code_fingerprint(env)
    assert fingerprint == unchanged.code_fingerprint(dict(env))
    assert fingerprint != unchanged.code_fingerprint({**env, "DBT_TARGET": "dev"})
    assert fingerprint != unchanged.code_fingerprint({**env, "WAREHOUSE_RAW_SCHEMA": "shop_raw"})
    assert fingerprint == unchanged.code_fingerprint({**env, "WAREHOUSE_DB_PASS": "other"})
