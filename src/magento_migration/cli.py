"""`magento-migrate`: the demo, the migration of your own Magento store, and its summary."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from magento_delete_guard import DEFAULT_MAX_SHARE, DeleteLimit

from magento_migration import pipeline, preflight, registry, snapshot, summary
from magento_migration import report as migration_report
from magento_migration.errors import MigrationError
from magento_migration.registry import replicated_tables
from magento_migration.settings import (
    DbSettings,
    raw_schema,
    source_settings,
    warehouse_settings,
)
from magento_migration.sync import unchanged
from magento_migration.sync.raw_layer import index_and_analyze


def _say(text: str) -> None:
    print(text, flush=True)


EL_PATHS = ("snapshot", "singer")


def default_el() -> str:
    """`--el` unless given: MIGRATE_EL, else the snapshot."""
    value = os.environ.get("MIGRATE_EL") or "snapshot"
    if value not in EL_PATHS:
        raise MigrationError(
            f"MIGRATE_EL must be one of {', '.join(EL_PATHS)}, got {value!r}",
            "Unset it for the snapshot path, or set MIGRATE_EL=singer.",
        )
    return value


def migrate(
    *, docs: bool = True, el: str | None = None, target: str = "prod", build: bool = True
) -> None:
    """EL with Meltano, dbt build (models + tests), dbt docs, summary. dbt builds `target`
    unless DBT_TARGET names another; every target but `prod` masks personal data. `build=False`:
    the extract-load alone (the raw layer, for a dbt build run by hand, e.g. slim CI)."""
    el = el or default_el()
    source, warehouse = source_settings(), warehouse_settings()
    env = pipeline.pipeline_env(source, warehouse, target=target)
    _say(f"Source:    {source.describe()}")
    _say(f"Warehouse: {warehouse.describe()}")
    masked = "real values" if env["DBT_TARGET"] == "prod" else "personal data masked"
    _say(f"dbt target: {env['DBT_TARGET']} ({masked})")
    source_tables = preflight.check_source(source)
    preflight.check_warehouse(warehouse)
    with pipeline.run_lock(warehouse):
        # the raw layer is about to change: a sync cycle must not skip its build on the record
        # of an earlier one (sync/unchanged.py)
        unchanged.mark_raw_layer(warehouse, clean=False)
        replicated = [table for table in replicated_tables() if table in source_tables]
        if not build:
            seconds = _extract_load(env, len(replicated), el, {})
            _say_loaded(warehouse, env, seconds)
            return
        _migrate_steps(source, warehouse, len(replicated), env, docs=docs, el=el)


def _extract_load(env: dict[str, str], tables: int, el: str, stages: dict[str, float]) -> float:
    """Step 1 with the chosen EL path; returns its seconds."""
    if el == "singer":
        _say(f"1/3 Replicating {tables} Magento tables with Meltano (Singer FULL_TABLE) ...")
        step = pipeline.extract_load(env)
        stages["extract-load"] = step.seconds
        return step.seconds
    _say(f"1/3 Copying {tables} Magento tables with Meltano (consistent snapshots, COPY) ...")
    started_ms = int(time.time() * 1000)
    step = snapshot.snapshot_load(env)
    stages["extract-load"] = step.seconds
    started = time.monotonic()
    handoff = snapshot.hand_off_to_binlog(env, started_ms)
    stages["binlog hand-off"] = time.monotonic() - started
    if handoff.first_position:
        log_file, log_pos = handoff.first_position
        _say(
            f"    binlog positions of {handoff.streams} snapshots handed to tap-mysql-binlog "
            f"(state {handoff.state_id}, replay from {log_file}:{log_pos}): "
            "`magento-migrate sync` continues from there"
        )
        if handoff.torn:
            started = time.monotonic()
            _catch_up(env, handoff)
            stages["binlog catch-up"] = time.monotonic() - started
    else:
        _say(
            "    no binlog position (binlog off on the source): a binlog sync would copy every "
            "table once; `magento-migrate sync` falls back to updated_at"
        )
    return step.seconds


def _catch_up(env: dict[str, str], handoff: snapshot.HandOff) -> None:
    """Magento was written to while the tables were copied, so each raw table shows another
    moment (a refund without its order's new total, ...). One binlog replay from the first
    snapshot's position to the binlog's end brings every table to that one moment, before the
    build tests them together (DECISIONS.md, "One moment for every table")."""
    from magento_migration.sync import cycle as sync_cycle

    source = source_settings(env)
    mode, reason = sync_cycle.choose_mode(source, "auto")
    last_file, last_pos = handoff.last_position or ("", 0)
    if mode != "binlog":
        _say(
            f"    Magento changed during the copy (snapshots up to {last_file}:{last_pos}) and "
            f"the binlog cannot be replayed ({reason}): tables that changed meanwhile may "
            "disagree until the first `magento-migrate sync`"
        )
        return
    _say(
        f"    Magento changed during the copy (snapshots up to {last_file}:{last_pos}): "
        "replaying the binlog once, so that every raw table shows one moment ..."
    )
    started = time.monotonic()
    sync_cycle.catch_up(env, warehouse_settings(env))
    _say(f"    caught up in {time.monotonic() - started:.0f}s")


def _say_loaded(warehouse: DbSettings, env: dict[str, str], seconds: float) -> None:
    rows = sum(summary.raw_counts(warehouse, raw_schema(env)).values())
    _say(f"    {rows:,} rows in {seconds:.0f}s ({rows / max(seconds, 0.001):,.0f} rows/s)")


def _migrate_steps(
    source: DbSettings,
    warehouse: DbSettings,
    tables: int,
    env: dict[str, str],
    *,
    docs: bool,
    el: str = "snapshot",
) -> None:
    stages: dict[str, float] = {}

    _say_loaded(warehouse, env, _extract_load(env, tables, el, stages))
    started = time.monotonic()
    index_and_analyze(warehouse, raw_schema(env))
    stages["index + analyze"] = time.monotonic() - started

    _say("2/3 dbt build (staging, EAV pivots, identity map, service schemas, tests) ...")
    step = pipeline.dbt(env, "build")
    stages["dbt build"] = step.seconds
    migration_report.keep_build_results(env)
    _say(f"    done in {step.seconds:.0f}s (log: {step.log_path})")

    if docs:
        _say("3/3 dbt docs generate ...")
        step = pipeline.dbt(env, "docs", "generate", "--static")
        stages["dbt docs generate"] = step.seconds
        _say(
            f"    done in {step.seconds:.0f}s: target/static_index.html opens in a browser as a"
            " file; `make docs` serves the site"
        )
    _say(
        "Wall time: "
        + ", ".join(f"{name} {value:.0f}s" for name, value in stages.items())
        + f"; total {sum(stages.values()):.0f}s"
    )
    migration_report.keep_stages(env, stages)
    _say("Checking against Magento (row counts, reconciliation, verify) ...")
    started = time.monotonic()
    counts = summary.render(source, warehouse, quarantine=False)
    written = migration_report.write(source, warehouse, env)
    _say(f"    done in {time.monotonic() - started:.0f}s")
    _say("")
    _say(counts)
    _say("")
    _say(written.summary)


def report(*, run_verify: bool = True) -> None:
    """The migration report of the warehouse as it is: target/migration_report.html + summary."""
    source, warehouse = source_settings(), warehouse_settings()
    env = pipeline.pipeline_env(source, warehouse)
    _say(migration_report.write(source, warehouse, env, run_verify=run_verify).summary)


def check(*, warehouse_only: bool = False) -> None:
    """Connect to both databases and report; the warehouse database is created when missing."""
    warehouse = warehouse_settings()
    if not warehouse_only:
        source = source_settings()
        tables = preflight.check_source(source)
        _say(f"Source {source.describe()}: reachable, {len(tables)} tables.")
    preflight.check_warehouse(warehouse)
    _say(f"Warehouse {warehouse.describe()}: reachable.")


def demo(profile: str, seed: int, el: str | None = None) -> None:
    """Generate the demo store in the local MariaDB, then migrate it."""
    source = source_settings()
    _say(f"Generating the demo Magento store ({profile}, seed {seed}) in {source.describe()} ...")
    started = time.monotonic()
    # the store is its own package (magento_store), run as its console script: this package
    # never imports it
    store_cli = Path(sys.executable).with_name("magento-store")
    command = [str(store_cli) if store_cli.exists() else "magento-store", "generate"]
    command += ["--profile", profile, "--database", source.name, "--seed", str(seed)]
    code = subprocess.run(command, check=False).returncode
    if code:
        raise MigrationError("generating the demo store failed", "See the message above.")
    _say(f"    generated in {time.monotonic() - started:.0f}s")
    migrate(el=el, target="dev")


def parse_duration(text: str) -> float:
    """'60s', '5m', '1h' or plain seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    value, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    try:
        seconds = float(value) * units[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 60s, 5m)") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the interval must be positive")
    return seconds


def sync(
    mode: str,
    every: float | None,
    cycles: int | None,
    max_lag: int,
    limit: DeleteLimit,
    retry_base: float = 10.0,
    retry_max: float = 600.0,
) -> int:
    """Run sync cycles: once, `cycles` times, or forever every `every` seconds.

    A loop (`every`) serves /health and /metrics (sync/monitoring.py), counts a failed cycle and
    retries it after an exponential backoff (retry_base, doubling, at most retry_max)."""
    from magento_migration.sync import cycle, monitoring

    source, warehouse = source_settings(), warehouse_settings()
    monitor = server = None
    if every is not None:
        monitor = monitoring.SyncMonitor(max_lag)
        server = monitoring.MetricsServer(monitor, monitoring.metrics_port()).start()
        _say(f"Serving /health and /metrics on http://127.0.0.1:{server.port}")
    worst = 0
    done = 0
    failures = 0
    while True:
        started = time.monotonic()
        _say(f"Sync cycle {done + 1}: {source.describe()} -> {warehouse.describe()}")
        if monitor:
            monitor.cycle_started()
        try:
            with pipeline.run_lock(warehouse):
                report = cycle.run_cycle(
                    source, warehouse, mode=mode, max_lag_seconds=max_lag, limit=limit
                )
            _say(cycle.render(report))
            code = 0 if report.healthy else 1
            failures = 0
            if monitor:
                monitor.cycle_succeeded(report, time.monotonic() - started, warehouse)
        except Exception as error:  # in a loop, no failure of one cycle ends the loop
            if every is None and not isinstance(error, MigrationError):
                raise
            print(f"error: {error}", file=sys.stderr)
            code = 2
            failures += 1
            if monitor:
                monitor.cycle_failed(time.monotonic() - started, error)
            if every is None:
                return code
        worst = max(worst, code)
        done += 1
        if every is None or (cycles is not None and done >= cycles):
            return worst
        if failures:
            pause = monitoring.retry_delay(failures, retry_base, retry_max)
            _say(f"cycle failed ({failures} in a row): retrying in {pause:.0f}s\n")
        else:
            pause = max(0.0, every - (time.monotonic() - started))
            _say(f"next cycle in {pause:.0f}s (Ctrl-C to stop)\n")
        time.sleep(pause)


def _share(text: str) -> float:
    """A share of a table, 0 < share <= 1."""
    try:
        share = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a share: {text!r} (e.g. 0.2)") from None
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError("the share must be above 0 and at most 1")
    return share


def verify(examples: int) -> int:
    """Check every migrated row against the live Magento database; 1 when anything differs."""
    from magento_migration import verify as verification

    report = verification.verify(source_settings(), warehouse_settings(), examples=examples)
    _say(report.render())
    return 0 if report.consistent else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="magento-migrate",
        description="Migrate a Magento 2 store into per-service Postgres schemas "
        "(source: MAGENTO_DB_*, warehouse: WAREHOUSE_DB_*).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="generate a demo store, then migrate it")
    demo_parser.add_argument("--profile", default="small")
    demo_parser.add_argument("--seed", type=int, default=42)
    migrate_parser = commands.add_parser("migrate", help="migrate the store named by MAGENTO_DB_*")
    migrate_parser.add_argument("--no-docs", action="store_true", help="skip dbt docs generate")
    el_parser = commands.add_parser(
        "extract-load",
        help="only step 1 of migrate: copy the store into the raw layer (then run dbt yourself)",
    )
    for with_el in (demo_parser, migrate_parser, el_parser):
        with_el.add_argument(
            "--el",
            choices=EL_PATHS,
            help="initial load: snapshot (consistent snapshots + COPY, hands the binlog position "
            "to the sync) or singer (tap-mysql FULL_TABLE); default MIGRATE_EL, else snapshot",
        )
    commands.add_parser("summary", help="print the rows-per-table summary of the warehouse")
    report_parser = commands.add_parser(
        "report",
        help="write target/migration_report.html (rows, money, quarantine, verify, sync lag, "
        "dbt tests, timings) and print its summary",
    )
    report_parser.add_argument(
        "--no-verify", action="store_true", help="leave out verify (the live check of every row)"
    )
    check_parser = commands.add_parser(
        "check",
        help="check that the source and the warehouse are reachable (creates the warehouse)",
    )
    check_parser.add_argument("--warehouse-only", action="store_true")
    sync_parser = commands.add_parser(
        "sync", help="one sync cycle (EL of changes, FK actions, dbt build, status), or a loop"
    )
    sync_parser.add_argument(
        "--mode",
        choices=["auto", "binlog", "incremental"],
        default="auto",
        help="auto: binlog when the server allows it, else incremental (default)",
    )
    sync_parser.add_argument(
        "--every", type=parse_duration, help="repeat every interval (e.g. 60s) until stopped"
    )
    sync_parser.add_argument(
        "--cycles", type=int, help="stop after this many cycles (failed ones included)"
    )
    sync_parser.add_argument(
        "--retry-base",
        type=parse_duration,
        default=10.0,
        help="in a loop, wait this long after a failed cycle, doubling per failure (default 10s)",
    )
    sync_parser.add_argument(
        "--retry-max",
        type=parse_duration,
        default=600.0,
        help="the longest wait between retries of failed cycles (default 10m)",
    )
    sync_parser.add_argument(
        "--max-delete-share",
        type=_share,
        default=DEFAULT_MAX_SHARE,
        help="stop a cycle, before it writes, that would delete more than this share of a raw "
        f"table's rows (default {DEFAULT_MAX_SHARE})",
    )
    sync_parser.add_argument(
        "--allow-mass-delete",
        action="store_true",
        help="proceed with a cycle the mass-delete guard stopped (Magento really lost the rows)",
    )
    sync_parser.add_argument(
        "--max-lag",
        type=int,
        default=3600,
        help="seconds a table may lag behind before the cycle reports a breach (default 3600)",
    )
    verify_parser = commands.add_parser(
        "verify",
        help="check every migrated row against the live Magento database (keys, updated_at, "
        "values): missing, stale, different, extra",
    )
    verify_parser.add_argument(
        "--examples",
        type=int,
        default=10,
        help="Magento ids listed per kind of difference and table (default 10)",
    )
    registry_parser = commands.add_parser(
        "registry",
        help="regenerate (--write) or check (--check) the files derived from the registry of "
        "Magento tables (models/staging/magento/_magento__sources.yml)",
    )
    registry_action = registry_parser.add_mutually_exclusive_group(required=True)
    registry_action.add_argument("--write", action="store_true")
    registry_action.add_argument("--check", action="store_true")
    return parser


def registry_command(write: bool) -> int:
    """`registry --write` rewrites the generated files; `--check` exits 1 when one is stale."""
    if write:
        changed = registry.write()
        _say("\n".join(f"wrote {registry.relative(p)}" for p in changed) or "up to date")
        return 0
    stale = registry.stale_files()
    for path in stale:
        _say(f"stale: {registry.relative(path)} (run `make registry`)")
    return 1 if stale else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            demo(args.profile, args.seed, args.el)
        elif args.command == "migrate":
            migrate(docs=not args.no_docs, el=args.el)
        elif args.command == "extract-load":
            migrate(docs=False, el=args.el, build=False)
        elif args.command == "summary":
            _say(summary.render(source_settings(), warehouse_settings()))
        elif args.command == "report":
            report(run_verify=not args.no_verify)
        elif args.command == "check":
            check(warehouse_only=args.warehouse_only)
        elif args.command == "sync":
            limit = DeleteLimit(max_share=args.max_delete_share, allow=args.allow_mass_delete)
            return sync(
                args.mode,
                args.every,
                args.cycles,
                args.max_lag,
                limit,
                args.retry_base,
                args.retry_max,
            )
        elif args.command == "verify":
            return verify(args.examples)
        elif args.command == "registry":
            return registry_command(args.write)
    except MigrationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
