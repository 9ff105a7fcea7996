"""`make bench`: the whole migration of a generated store, stage by stage, with its baselines.

    .venv/bin/python benchmarks/bench.py [--profile large] [--profile medium ...] [--skip-singer]
        [--skip-incremental]

Per profile, on a throwaway MariaDB with a ROW binlog (the shared server has none), in one run:
  1. `magento-store generate` of the profile;
  2. `magento-migrate migrate --no-docs` (what `make migrate` runs): the snapshot EL, the analyze,
     `dbt build` with every test, the report with `verify` against Magento; each stage's wall
     time as the CLI prints it, and its peak RSS;
  3. the baselines of the same tables: the Singer EL (`extract-load --el singer`, unless
     --skip-singer: 47 minutes on `large`) and a plain `mariadb --quick | psql \\copy`;
  4. `magento-store simulate` changing ~1 % (orders: 1 % of the orders, EAV-only updates: 1 % of
     the products), then one `magento-migrate sync --mode binlog` cycle; then a cycle with no
     change;
  5. the updated_at fallback (`sync --mode incremental`) on the same warehouse, unless
     --skip-incremental (its cycles re-read every FULL_TABLE table through Singer: 28 minutes on
     `medium`, hours on `large`): its first cycle (its own state: it reads every table), another
     ~1 % change and its cycle, then a cycle with no change.
Prints seconds, rows/s, peak RSS (the sum of the command's process tree, sampled every 0.2 s;
the database servers are not in it) and the issue's targets side by side. Figures, not
assertions: record them in BENCHMARKS.md with the machine they ran on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from magento_migration import pipeline
from magento_migration.project import PROJECT_ROOT
from magento_migration.report.collect import BUILD_RESULTS
from magento_migration.settings import DbSettings, warehouse_settings
from magento_store.profiles import PROFILES

sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from el_throughput import copy_path, drop, present_tables, recreate
from tests.mariadb_server import binlog_mariadb

BIN = PROJECT_ROOT / ".venv" / "bin"
# the CLI's markers of where a stage starts, in `migrate`'s output
_MIGRATE_STAGES = (
    ("1/3 ", "extract-load"),
    ("2/3 dbt build", "dbt build"),
    ("Wall time:", "report + verify"),
)
_WALL_TIME = re.compile(r"Wall time: (.*); total")
_SNAPSHOT_COPIED = re.compile(r"snapshot: copied (\d+) tables, ([\d,]+) rows in ([\d.]+)s")


@dataclass
class Measured:
    """One command: its wall time, peak RSS, and the peak RSS after each marker line."""

    seconds: float
    peak_mb: float
    output: str
    stage_peaks_mb: dict[str, float] = field(default_factory=dict)


def measure(
    command: list[str], env: dict[str, str], stages: tuple[tuple[str, str], ...] = ()
) -> Measured:
    """Run `command`; sample its process tree's RSS; split the peaks by `stages` markers."""
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    samples: list[tuple[float, float]] = []
    marks: list[tuple[float, str]] = []
    lines: list[str] = []

    def sample() -> None:
        root = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                total = 0
                for member in tree:
                    with contextlib.suppress(psutil.Error):  # a process that just ended
                        total += member.memory_info().rss
                samples.append((time.monotonic(), total / 2**20))
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        for marker, stage in stages:
            if line.startswith(marker):
                marks.append((time.monotonic(), stage))
    code = process.wait()
    sampler.join()
    output = "".join(lines)
    if code not in (0, 1):  # 1: a freshness/lag warning or a verify difference: still measured
        sys.exit(f"{' '.join(command)} failed (exit {code}):\n{output[-4000:]}")
    peaks: dict[str, float] = {}
    for index, (at, stage) in enumerate(marks):
        until = marks[index + 1][0] if index + 1 < len(marks) else float("inf")
        peaks[stage] = max((mb for t, mb in samples if at <= t < until), default=0.0)
    return Measured(
        time.monotonic() - started, max((mb for _, mb in samples), default=0.0), output, peaks
    )


@dataclass
class Row:
    stage: str
    seconds: float
    rows: int | None = None
    peak_mb: float | None = None
    note: str = ""


class Rows(list):
    """The figures of one profile, each printed as soon as it is measured (a run stopped half
    way still shows what it measured)."""

    def append(self, row: Row) -> None:
        super().append(row)
        print(
            f"    {row.stage}: {row.seconds:.1f} s"
            + (f", peak {row.peak_mb:,.0f} MB" if row.peak_mb else ""),
            flush=True,
        )


def bench_env(source: DbSettings, warehouse: DbSettings, workdir: Path) -> dict[str, str]:
    """A migration's environment with its dbt target and logs in `workdir` (target prod)."""
    workdir.mkdir()
    recreate(warehouse)
    return pipeline.pipeline_env(
        source,
        warehouse,
        {
            "DBT_TARGET_PATH": str(workdir / "target"),
            "DBT_LOG_PATH": str(workdir / "logs"),
            "MIGRATION_LOG_DIR": str(workdir / "steps"),
            "DBT_TARGET": "prod",
        },
    )


def bench_profile(
    profile: str, *, skip_singer: bool, skip_incremental: bool, workdir: Path
) -> list[Row]:
    spec = PROFILES[profile]
    buffer_pool = "4G" if profile in ("large", "extra_large") else "1G"
    with binlog_mariadb(workdir / "server", buffer_pool=buffer_pool) as server:
        source = server.with_name(f"magento_bench_{profile}")
        warehouse = warehouse_settings().with_name(f"bench_{profile}")
        env = bench_env(source, warehouse, workdir / "migrate")
        rows = Rows()

        print(f"[{profile}] generating the store ...", flush=True)
        generated = measure(
            [
                str(BIN / "magento-store"),
                "generate",
                "--profile",
                profile,
                "--database",
                source.name,
                "--force",
            ],
            env,
        )
        counts = present_tables(source)
        total = sum(counts.values())
        rows.append(
            Row(f"generate ({len(counts)} tables)", generated.seconds, total, generated.peak_mb)
        )

        print(f"[{profile}] migrate (snapshot EL, dbt build, report + verify) ...", flush=True)
        migrated = measure(
            [str(BIN / "magento-migrate"), "migrate", "--no-docs"], env, _MIGRATE_STAGES
        )
        walls = _wall_times(migrated.output)
        copied = _SNAPSHOT_COPIED.search(migrated.output)
        peaks = migrated.stage_peaks_mb
        rows.append(
            Row(
                "migrate: snapshot EL (whole meltano run)",
                walls["extract-load"],
                total,
                peaks.get("extract-load"),
            )
        )
        if copied:
            rows.append(Row("  of which the copy phase", float(copied.group(3)), total))
        rows.append(
            Row(
                "migrate: binlog hand-off + raw indexes + analyze",
                walls.get("binlog hand-off", 0) + walls.get("index + analyze", 0),
            )
        )
        rows.append(
            Row(
                "migrate: dbt build (every model and test)",
                walls["dbt build"],
                None,
                peaks.get("dbt build"),
            )
        )
        migration = (
            walls["extract-load"]
            + walls.get("binlog hand-off", 0)
            + walls.get("index + analyze", 0)
            + walls["dbt build"]
        )
        rows.append(Row("migrate: EL + dbt build (the issue's target: <= 300 s)", migration))
        for row in _slowest_nodes(workdir / "migrate" / "target" / BUILD_RESULTS):
            rows.append(row)
        rows.append(
            Row(
                "migrate: report + verify",
                migrated.seconds - sum(walls.values()),
                None,
                peaks.get("report + verify"),
            )
        )

        if not skip_singer:
            print(f"[{profile}] Singer EL of the same tables ...", flush=True)
            singer_wh = warehouse_settings().with_name(f"bench_{profile}_singer")
            singer = measure(
                [str(BIN / "magento-migrate"), "extract-load", "--el", "singer"],
                bench_env(source, singer_wh, workdir / "singer"),
            )
            rows.append(
                Row(
                    "baseline: Singer EL (tap-mysql FULL_TABLE)",
                    singer.seconds,
                    total,
                    singer.peak_mb,
                )
            )
            drop(singer_wh)
        print(f"[{profile}] mariadb --quick | psql \\copy of the same tables ...", flush=True)
        copy_wh = warehouse_settings().with_name(f"bench_{profile}_copy")
        copy_seconds = copy_path(list(counts), source, copy_wh)
        rows.append(Row("baseline: mariadb --batch --quick | psql \\copy", copy_seconds, total))
        drop(copy_wh)

        orders, updates = max(1, spec.orders // 100), max(4, spec.products // 100)

        def simulate(seed: int) -> None:
            print(f"[{profile}] simulate ~1 % ({orders} orders, {updates} updates) ...", flush=True)
            measure(
                [
                    str(BIN / "magento-store"),
                    "simulate",
                    "--database",
                    source.name,
                    "--orders",
                    str(orders),
                    "--updates",
                    str(updates),
                    "--deletes",
                    "20",
                    "--seed",
                    str(seed),
                ],
                env,
            )

        simulate(seed=1)
        for label in ("sync cycle after ~1 % change", "sync cycle with no change"):
            rows.append(_cycle(profile, label, "binlog", env))
        if not skip_incremental:
            # the updated_at fallback: its first cycle reads every table (its own state); then
            # the same ~1 % change again, and a cycle with no change
            rows.append(
                _cycle(profile, "incremental: first cycle (reads every table)", "incremental", env)
            )
            simulate(seed=2)
            for label in (
                "incremental: cycle after ~1 % change",
                "incremental: cycle with no change",
            ):
                rows.append(_cycle(profile, label, "incremental", env))
        drop(warehouse)
    return rows


def _cycle(profile: str, label: str, mode: str, env: dict[str, str]) -> Row:
    """One `magento-migrate sync` cycle, timed, with its steps and changed rows."""
    print(f"[{profile}] {label} ...", flush=True)
    cycle = measure([str(BIN / "magento-migrate"), "sync", "--mode", mode], env)
    notes = [
        found.group(1)
        for pattern in (r"^Steps: (.*)$", r"^Changed rows this cycle: ([\d,]+ in \d+ table)")
        if (found := re.search(pattern, cycle.output, re.M))
    ]
    return Row(label, cycle.seconds, None, cycle.peak_mb, "; ".join(notes))


def _slowest_nodes(run_results: Path, count: int = 8) -> list[Row]:
    """The slowest nodes of the migrate's dbt build (models and tests), from its run results."""
    if not run_results.is_file():
        return []
    results = json.loads(run_results.read_text())["results"]
    slowest = sorted(results, key=lambda result: -result["execution_time"])[:count]
    return [
        Row(f"  dbt: {result['unique_id'].split('.', 2)[-1][:50]}", result["execution_time"])
        for result in slowest
    ]


def _wall_times(output: str) -> dict[str, float]:
    match = _WALL_TIME.search(output)
    if not match:
        sys.exit(f"migrate printed no wall times:\n{output[-3000:]}")
    walls = {}
    for part in match.group(1).split(", "):
        name, _, value = part.rpartition(" ")
        walls[name] = float(value.rstrip("s"))
    return walls


def render(profile: str, rows: list[Row]) -> str:
    by_stage = {row.stage: row for row in rows}
    lines = [f"\n## {profile}", f"{'stage':<58} {'seconds':>8} {'rows/s':>10} {'peak RSS':>9}"]
    for row in rows:
        rate = f"{row.rows / row.seconds:,.0f}" if row.rows and row.seconds else ""
        peak = f"{row.peak_mb:,.0f} MB" if row.peak_mb else ""
        lines.append(f"{row.stage:<58} {row.seconds:>8.1f} {rate:>10} {peak:>9}")
        if row.note:
            lines.append(f"    {row.note}")
    copy = by_stage["baseline: mariadb --batch --quick | psql \\copy"].seconds
    snapshot = by_stage["migrate: snapshot EL (whole meltano run)"].seconds
    full = by_stage["migrate: EL + dbt build (the issue's target: <= 300 s)"].seconds
    cycle = by_stage["sync cycle after ~1 % change"].seconds
    idle = by_stage["sync cycle with no change"].seconds
    lines += [
        f"snapshot rows/s as a share of the COPY baseline's: {100 * copy / snapshot:.0f} %"
        " (target >= 50 %)",
        f"whole migration (EL + dbt build): {full:.0f} s (target <= 300 s)",
        f"sync cycle after ~1 % change / whole migration: {100 * cycle / full:.0f} %"
        " (target <= 10 %)",
        f"sync cycle with no change: {idle:.0f} s (target <= 15 s)",
    ]
    singer = by_stage.get("baseline: Singer EL (tap-mysql FULL_TABLE)")
    if singer:
        lines.append(f"snapshot vs Singer EL: {singer.seconds / snapshot:.1f}x faster")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--profile", action="append", choices=list(PROFILES), help="repeatable; default large"
    )
    parser.add_argument(
        "--skip-singer",
        action="store_true",
        help="leave out the Singer EL baseline (47 minutes on large)",
    )
    parser.add_argument(
        "--skip-incremental",
        action="store_true",
        help="leave out the updated_at fallback's cycles (28 minutes on medium, hours on large)",
    )
    args = parser.parse_args()
    profiles = args.profile or ["large"]
    print(
        f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"load average {os.getloadavg()[0]:.1f} at the start",
        flush=True,
    )
    reports = []
    for profile in profiles:
        # the logs and dbt artifacts stay for a look (per-model timings: run_results.json); the
        # throwaway server's data is removed
        workdir = PROJECT_ROOT / "target" / "bench" / profile
        shutil.rmtree(workdir, ignore_errors=True)
        (workdir / "server").mkdir(parents=True)
        try:
            rows = bench_profile(
                profile,
                skip_singer=args.skip_singer,
                skip_incremental=args.skip_incremental,
                workdir=workdir,
            )
        finally:
            shutil.rmtree(workdir / "server" / "data", ignore_errors=True)
        reports.append(render(profile, rows))
        print(reports[-1], flush=True)
    print(f"\nlogs and dbt artifacts: {PROJECT_ROOT / 'target' / 'bench'}")
    print("\n".join(reports))


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    main()
