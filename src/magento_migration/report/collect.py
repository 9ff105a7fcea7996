"""Collect a Report's figures: the warehouse, the live Magento database and dbt's results."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pymysql

from magento_migration.connections import postgres_connection
from magento_migration.errors import MigrationError
from magento_migration.report import reconcile
from magento_migration.report.figures import (
    DbtResults,
    NodeResult,
    ReasonGroup,
    Report,
    SyncLag,
    TableLag,
    VerifyOutcome,
)
from magento_migration.settings import DbSettings

EXAMPLES = 3
# dbt's run_results.json is rewritten by every dbt command (docs generate, the report's own
# compile): the last build's is kept beside it under this name
BUILD_RESULTS = "migration_build_results.json"
STAGES = "migration_stages.json"

# grouped by the kind of reason: the text before its first colon, numbers as N
# ('orphan: order 81 does not exist' -> 'orphan', 'product 212 is quarantined' -> 'product N ...')
_QUARANTINE = """
    select
        source_table,
        regexp_replace(split_part(reason, ':', 1), '[0-9]+', 'N', 'g'),
        count(*),
        (array_agg(magento_id || ': ' || left(reason, 200) order by magento_id))[1:%(examples)s]
    from migration.quarantine
    group by 1, 2
    order by 3 desc, 1, 2
"""
_REPAIRS = """
    select
        source_table,
        action || ': ' || reason,
        count(*),
        (
            array_agg(
                coalesce(magento_id::text, row_key::text) || ' ' || column_name || ' was '
                || coalesce(left(original_value, 80), 'NULL')
                order by magento_id, column_name
            )
        )[1:%(examples)s]
    from migration.repairs
    group by 1, 2
    order by 3 desc, 1, 2
"""


def keep_build_results(env: Mapping[str, str]) -> None:
    """Copy run_results.json aside when it is a `dbt build`'s (see BUILD_RESULTS)."""
    target = reconcile.target_path(env)
    current = target / "run_results.json"
    if current.exists() and _which(current) == "build":
        shutil.copyfile(current, target / BUILD_RESULTS)


def keep_stages(env: Mapping[str, str], stages: Mapping[str, float]) -> None:
    """The wall time of each step of the last `migrate`, for a later `magento-migrate report`."""
    target = reconcile.target_path(env)
    target.mkdir(parents=True, exist_ok=True)
    (target / STAGES).write_text(json.dumps(dict(stages)))


def _which(path: Path) -> str | None:
    try:
        return json.loads(path.read_text()).get("args", {}).get("which")
    except (OSError, ValueError):
        return None


def dbt_results(env: Mapping[str, str]) -> DbtResults | None:
    """The last `dbt build`'s results, None when there is none."""
    path = reconcile.target_path(env) / BUILD_RESULTS
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    nodes = tuple(
        NodeResult(
            name=result["unique_id"].split(".", 2)[-1],
            resource_type=result["unique_id"].split(".", 1)[0],
            status=str(result.get("status")),
            seconds=float(result.get("execution_time") or 0.0),
            failures=result.get("failures"),
            message=str(result.get("message") or "")[:300],
        )
        for result in data.get("results", [])
    )
    return DbtResults(
        command=" ".join(["dbt", data.get("args", {}).get("which", "?")]),
        generated_at=str(data.get("metadata", {}).get("generated_at", "")),
        elapsed_seconds=float(data.get("elapsed_time") or 0.0),
        nodes=nodes,
    )


def _groups(warehouse: DbSettings, statement: str, relation: str) -> tuple[ReasonGroup, ...]:
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass(%s)", (relation,)).fetchone()[0] is None:
            return ()
        rows = connection.execute(statement, {"examples": EXAMPLES}).fetchall()
    return tuple(
        ReasonGroup(table, reason, int(count), tuple(examples or ()))
        for table, reason, count, examples in rows
    )


def sync_lag(warehouse: DbSettings) -> SyncLag | None:
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass('migration.sync_status')").fetchone()[0] is None:
            return None
        rows = connection.execute(
            "select source_table, lag_seconds, freshness_status from migration.sync_status "
            "where is_replicated order by lag_seconds desc nulls last, source_table"
        ).fetchall()
    return SyncLag(tuple(TableLag(table, lag, status) for table, lag, status in rows))


def verify_outcome(source: DbSettings, warehouse: DbSettings) -> VerifyOutcome:
    from magento_migration import verify as verification

    try:
        result = verification.verify(source, warehouse, examples=EXAMPLES)
    except MigrationError as error:  # a server unreachable, a table missing
        return VerifyOutcome(ran=False, not_run_reason=str(error).splitlines()[0])
    except (pymysql.err.Error, psycopg.Error) as error:
        text = error.args[-1] if isinstance(error, pymysql.err.Error) and error.args else error
        return VerifyOutcome(ran=False, error=f"{type(error).__name__}: {text}")
    return VerifyOutcome(
        ran=True,
        consistent=result.consistent,
        tables=len(result.tables),
        magento_rows=sum(t.magento_rows for t in result.tables),
        seconds=result.seconds,
        differences=tuple(t.summary() for t in result.tables if not t.consistent),
    )


def _stages(env: Mapping[str, str]) -> dict[str, float]:
    path = reconcile.target_path(env) / STAGES
    try:
        return {str(k): float(v) for k, v in json.loads(path.read_text()).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def collect(
    source: DbSettings,
    warehouse: DbSettings,
    env: Mapping[str, str],
    *,
    run_verify: bool = True,
) -> Report:
    """Every figure of the report. Without the Magento source, the live figures are left empty
    and verify is "not run", with the reason."""
    keep_build_results(env)
    found = reconcile.definitions()
    compiled = reconcile.compile_analyses(env)
    notes: list[str] = []
    live = None
    try:
        live = reconcile.live_figures(source, found)
    except reconcile.SOURCE_ERRORS as error:
        unreachable = str(error).splitlines()[0]
        notes.append(f"Magento's own figures not read: {unreachable}")
        verify = VerifyOutcome(ran=False, not_run_reason=unreachable)
    else:
        verify = (
            verify_outcome(source, warehouse)
            if run_verify
            else VerifyOutcome(ran=False, not_run_reason="--no-verify")
        )
    return Report(
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        source=source.describe(),
        warehouse=warehouse.describe(),
        checks=reconcile.checks(warehouse, compiled, found, live),
        quarantine=_groups(warehouse, _QUARANTINE, "migration.quarantine"),
        repairs=_groups(warehouse, _REPAIRS, "migration.repairs"),
        verify=verify,
        sync=sync_lag(warehouse),
        dbt=dbt_results(env),
        stages=_stages(env),
        notes=tuple(notes),
    )
