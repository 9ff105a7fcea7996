"""One sync cycle (and the loop of them): EL of what changed, Magento's FK actions, dbt, status.

binlog mode       meltano run tap-mysql-binlog ... target-postgres    (LOG_BASED, every table)
incremental mode  meltano run tap-mysql-incremental ... target-postgres
                  (INCREMENTAL on updated_at where Magento bumps it, FULL_TABLE elsewhere)
                  + a key sweep of the INCREMENTAL tables for deletions
both              with this migration's own Meltano state (magento_migration.state) and the
                  mass-delete guard in front of the target (plugins/magento-delete-guard)
                  + Magento's ON DELETE CASCADE / SET NULL applied to the raw layer
                  + analyze, dbt build (incremental models, tests), the freshness verdicts;
                  the build is skipped when nothing it reads changed (sync/unchanged.py)
                  + the one-screen status from migration.sync_status
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Literal

from magento_delete_guard import DeleteLimit

from magento_migration import pipeline, preflight, state
from magento_migration.connections import postgres_connection
from magento_migration.errors import MassDeleteError, MigrationError
from magento_migration.project import log_dir
from magento_migration.registry import incremental_tables
from magento_migration.report.collect import keep_build_results
from magento_migration.settings import DbSettings, raw_schema
from magento_migration.sync import unchanged
from magento_migration.sync.binlog import check_binlog
from magento_migration.sync.raw_layer import (
    analyze_raw_layer,
    apply_foreign_key_actions,
    index_change_times,
    keep_unchanged_rows,
    rows_changed_since,
    sweep_deletions,
)

Mode = Literal["auto", "binlog", "incremental"]
EXTRACTORS = {"binlog": "tap-mysql-binlog", "incremental": "tap-mysql-incremental"}
# what the guard mapper prints before each table it stops a cycle for
GUARD_MARKER = "mass-delete guard:"
# the tables tap-mysql-incremental reads by updated_at (the registry's replication_key)
INCREMENTAL_TABLES = tuple(incremental_tables())


@dataclass
class CycleReport:
    mode: str
    mode_reason: str
    state_id_suffix: str = ""
    state_reset: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    cascaded_deletes: int = 0
    set_null: int = 0
    swept_deletions: int = 0
    status_rows: list[tuple] = field(default_factory=list)
    # why the cycle ran dbt build; None: it skipped it, nothing the build reads changed
    build_reason: str | None = "not decided"
    # tables past their freshness error threshold (migration.sync_status)
    freshness_errors: list[str] = field(default_factory=list)
    breaches: list[str] = field(default_factory=list)

    @property
    def freshness_ok(self) -> bool:
        return not self.freshness_errors

    @property
    def healthy(self) -> bool:
        return self.freshness_ok and not self.breaches


def choose_mode(source: DbSettings, requested: Mode) -> tuple[str, str]:
    """The replication mode to run and why."""
    if requested == "incremental":
        return "incremental", "requested"
    check = check_binlog(source)
    if check.usable:
        return "binlog", "binlog_format=ROW, binlog_row_image=FULL, replication grants present"
    if requested == "binlog":
        raise MigrationError(
            f"binlog sync impossible on {source.host}:{source.port}: {check.explain()}",
            "Enable ROW binlog on the server and grant REPLICATION SLAVE, REPLICATION CLIENT "
            "(README: Keeping in sync), or run `make sync SYNC_MODE=incremental`.",
        )
    return "incremental", f"falling back from binlog: {check.explain()}"


def _timed(report: CycleReport, name: str, started: float) -> None:
    report.seconds[name] = time.monotonic() - started


def guard_env(limit: DeleteLimit) -> dict[str, str]:
    """The mass-delete guard mapper's settings (meltano.yml env_aliases) for `limit`."""
    return {
        "MIGRATION_MAX_DELETE_SHARE": str(limit.max_share),
        "MIGRATION_MIN_DELETE_ROWS": str(limit.min_rows),
        "MIGRATION_ALLOW_MASS_DELETE": "true" if limit.allow else "false",
    }


def _guarded_el(name: str, extractor: str, env: dict[str, str]) -> unchanged.StreamChange | None:
    """The cycle's EL; a stop by the mass-delete guard becomes a MassDeleteError. Returns what
    the guard passed on to the target."""
    try:
        step = pipeline.run_step(
            name, pipeline.el_command(extractor, guarded=True), env, progress=False
        )
        return unchanged.stream_change(step.log_path.read_text(encoding="utf-8", errors="replace"))
    except MigrationError:
        log = (log_dir(env) / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        breaches = [
            line.split(GUARD_MARKER, 1)[1].strip()
            for line in log.splitlines()
            if GUARD_MARKER in line and "nothing was written" not in line
        ]
        if breaches:
            raise MassDeleteError(breaches) from None
        raise


def catch_up(env: dict[str, str], warehouse: DbSettings) -> None:
    """After a snapshot of a store written to meanwhile: the binlog replayed once, through the
    cycle's own guarded EL and Magento's foreign-key actions (the binlog does not carry the
    cascades), so that every raw table shows one moment."""
    _guarded_el("migrate-binlog-catch-up", EXTRACTORS["binlog"], env)
    apply_foreign_key_actions(warehouse, raw_schema(env), DeleteLimit())


def _reset_state_without_raw_layer(
    warehouse: DbSettings, env: dict[str, str], extractor: str, schema: str
) -> list[str]:
    """A state whose raw tables are gone would continue from bookmarks into an empty raw
    layer: clear it, so that this cycle is a full load of its own. Returns the streams."""
    key = state.state_id(env, extractor)
    orphaned = state.streams_without_raw_table(warehouse, state.read_state(env, key), schema)
    if orphaned:
        state.clear_state(env, key)
    return orphaned


def run_cycle(
    source: DbSettings,
    warehouse: DbSettings,
    *,
    mode: Mode = "auto",
    max_lag_seconds: int = 3600,
    limit: DeleteLimit | None = None,
) -> CycleReport:
    """Run one sync cycle; raises MigrationError when a step fails, MassDeleteError (before
    anything is written) when it would delete more of a raw table than `limit` allows."""
    limit = limit or DeleteLimit()
    preflight.check_source(source)
    preflight.check_warehouse(warehouse)
    chosen, reason = choose_mode(source, mode)
    report = CycleReport(chosen, reason)
    env = pipeline.pipeline_env(source, warehouse, guard_env(limit))
    report.state_id_suffix = env["MELTANO_RUN_STATE_ID_SUFFIX"]
    schema = raw_schema(env)

    report.state_reset = _reset_state_without_raw_layer(warehouse, env, EXTRACTORS[chosen], schema)
    previous = unchanged.last_build(warehouse)
    unchanged.mark_raw_layer(warehouse, clean=False)
    keep_unchanged_rows(warehouse, schema)
    index_change_times(warehouse, schema)  # kept: creates only what a new raw table lacks
    started, el_started = time.monotonic(), dt.datetime.now(dt.UTC)
    stream = _guarded_el(f"sync-el-{chosen}", EXTRACTORS[chosen], env)
    _timed(report, "extract-load", started)

    started = time.monotonic()
    loaded = _rows_loaded(chosen, stream, warehouse, schema, el_started)
    if chosen == "incremental":
        report.swept_deletions = sum(
            sweep_deletions(source, warehouse, INCREMENTAL_TABLES, schema, limit).values()
        )
    # Magento's FK actions reach a fixpoint in every cycle that finishes; they have new work only
    # when rows arrived or left since (their checks scan every parent with deletions)
    if stream is None or loaded or report.swept_deletions or not (previous and previous.clean):
        actions = apply_foreign_key_actions(warehouse, schema, limit)
        report.cascaded_deletes, report.set_null = actions.cascaded_deletes, actions.set_null
    raw_changed = loaded + report.swept_deletions + report.cascaded_deletes + report.set_null
    if stream is None or raw_changed:
        analyze_raw_layer(warehouse, schema)  # statistics change only with rows
    _timed(report, "raw-layer", started)

    report.build_reason = "state reset" if report.state_reset else None
    report.build_reason = report.build_reason or unchanged.build_needed(
        warehouse, schema, env, previous, stream, raw_changed
    )
    if report.build_reason:
        started, started_at = time.monotonic(), time.time()
        try:
            pipeline.dbt(env, "build", name="sync-dbt-build")
        finally:
            # the report's dbt results are the last build's, this cycle's when it built
            keep_build_results(env)
        unchanged.record_build(warehouse, unchanged.code_fingerprint(env), started_at)
        _timed(report, "dbt-build", started)
    else:
        unchanged.mark_raw_layer(warehouse, clean=True)

    started = time.monotonic()
    # the verdicts of `dbt source freshness` (its thresholds, on each table's latest change as
    # the feed logged it), read from the view migration.sync_status without starting dbt a
    # second time (7 s of a cycle on `small`, 18 s on `large`)
    report.freshness_errors = _tables_past_error_after(warehouse)
    _timed(report, "freshness", started)

    report.status_rows = read_status(warehouse)
    for table, lag in _tables_lagging(warehouse, max_lag_seconds):
        report.breaches.append(f"{table} lags {lag:,.0f}s (> {max_lag_seconds}s)")
    return report


def _rows_loaded(
    mode: str,
    stream: unchanged.StreamChange | None,
    warehouse: DbSettings,
    schema: str,
    since: dt.datetime,
) -> int:
    """Raw rows the EL changed. A binlog stream carries changes only; an incremental one re-reads
    (FULL_TABLE tables whole, INCREMENTAL ones at their bookmark), and the raw layer kept the
    re-read rows Magento did not change as they were (keep_unchanged_rows)."""
    if stream is None or stream.empty:
        return 0
    if mode == "binlog":
        return stream.records + stream.deletes + stream.versions
    return rows_changed_since(warehouse, schema, since)


def _tables_past_error_after(warehouse: DbSettings) -> list[str]:
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass('migration.sync_status')").fetchone()[0] is None:
            return []  # no build yet: nothing to judge (read_status shows nothing either)
        return [
            row[0]
            for row in connection.execute(
                "select source_table from migration.sync_status where freshness_status = 'error'"
            )
        ]


def _tables_lagging(warehouse: DbSettings, max_lag_seconds: int) -> list[tuple[str, int]]:
    """(table, lag) of the tables whose last change is older than `max_lag_seconds`, of those
    expected to change continuously (a freshness error_after: the order tables). Store config
    and EAV metadata legitimately stay old, in binlog mode and, since the raw layer keeps rows
    re-read unchanged, in incremental mode alike."""
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass('migration.sync_status')").fetchone()[0] is None:
            return []
        return connection.execute(
            "select source_table, lag_seconds from migration.sync_status "
            "where error_after_seconds is not null and lag_seconds > %s order by source_table",
            (max_lag_seconds,),
        ).fetchall()


def read_status(warehouse: DbSettings) -> list[tuple]:
    """(source_table, last_extracted_at, rows_changed_last_cycle, lag_seconds) per raw table."""
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass('migration.sync_status')").fetchone()[0] is None:
            return []
        return connection.execute(
            "select source_table, last_extracted_at, rows_changed_last_cycle, lag_seconds "
            "from migration.sync_status order by rows_changed_last_cycle desc, source_table"
        ).fetchall()


def render(report: CycleReport) -> str:
    lines = [
        f"Sync mode: {report.mode} ({report.mode_reason})",
        f"Sync state: this migration's own ({report.state_id_suffix}, in the warehouse)",
    ]
    if report.state_reset:
        lines.append(
            f"    reset: {len(report.state_reset)} bookmarked table(s) were missing from the raw "
            f"layer (e.g. {report.state_reset[0]}), so this cycle copied every table anew"
        )
    lines.append(
        "Steps: " + ", ".join(f"{name} {seconds:.0f}s" for name, seconds in report.seconds.items())
    )
    lines.append(
        f"Raw layer: {report.cascaded_deletes:,} rows deleted by Magento's ON DELETE CASCADE, "
        f"{report.set_null:,} references set NULL (ON DELETE SET NULL)"
        + (
            f", {report.swept_deletions:,} deletions found by key sweep"
            if report.mode == "incremental"
            else ""
        )
    )
    if report.build_reason is None:
        lines.append(
            "Changed rows this cycle: 0 (dbt build skipped: no row changed in Magento, "
            "same code, no staged version started or ended since the last build)"
        )
    else:
        changed = [row for row in report.status_rows if row[2]]
        total = sum(row[2] for row in changed)
        lines.append(f"Changed rows this cycle: {total:,} in {len(changed)} table(s)")
        for table, _, count, _ in changed[:12]:
            lines.append(f"    {table:<55} {count:>10,}")
    lags = [row[3] for row in report.status_rows if row[3] is not None]
    if lags:
        lines.append(f"Lag: max {max(lags):,.0f}s over {len(lags)} tables")
    if report.freshness_errors:
        lines.append(
            "freshness: ERROR, past error_after: "
            + ", ".join(report.freshness_errors)
            + " (migration.sync_status)"
        )
    for breach in report.breaches:
        lines.append(f"BREACH: {breach}")
    lines.append("Status: OK" if report.healthy else "Status: THRESHOLD BREACHED")
    return "\n".join(lines)
