"""Benchmark: the snapshot EL (tap-magento-snapshot) against the Singer EL and a plain
`mariadb --quick | psql \\copy` of the same tables, in one run (figures, not assertions; record
them in BENCHMARKS.md):

    .venv/bin/python benchmarks/el_snapshot.py --database magento_bench_medium [--skip-singer]

Each path loads the replicated tables of the store into its own scratch warehouse database
(`<prefix>_snapshot`, `<prefix>_singer`, `<prefix>_copy`, dropped afterwards). For the snapshot
the whole `meltano run` is timed (discovery, table creation by target-postgres, copy) and, from
its log, the copy alone.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from magento_migration import pipeline, snapshot
from magento_migration.project import PROJECT_ROOT
from magento_migration.settings import DbSettings, source_settings, warehouse_settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from el_throughput import copy_path, drop, meltano_path, present_tables, recreate

_COPIED = re.compile(r"snapshot: copied (\d+) tables, ([\d,]+) rows in ([\d.]+)s")


def snapshot_path(source: DbSettings, warehouse: DbSettings, workdir: Path) -> tuple[float, float]:
    """(seconds of the whole meltano run, seconds of the copy phase)."""
    recreate(warehouse)
    env = pipeline.pipeline_env(
        source, warehouse, {"MELTANO_DATABASE_URI": f"sqlite:///{workdir / 'snapshot.db'}"}
    )
    started = time.monotonic()
    step = pipeline.run_step(
        "bench-snapshot",
        pipeline.meltano(
            "run", "--force", snapshot.SNAPSHOT_EXTRACTOR, "repair-magento-values", snapshot.LOADER
        ),
        env,
        progress=False,
    )
    seconds = time.monotonic() - started
    match = _COPIED.search(step.log_path.read_text())
    return seconds, float(match.group(3)) if match else seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database", default=source_settings().name)
    parser.add_argument("--prefix", default="bench_el", help="scratch warehouse name prefix")
    parser.add_argument("--skip-singer", action="store_true", help="(hours on `large`)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch warehouses")
    args = parser.parse_args()

    source = source_settings().with_name(args.database)
    counts = present_tables(source)
    rows = sum(counts.values())
    print(f"source {source.describe()}: {len(counts)} tables, {rows:,} rows")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as workdir:
        warehouse = warehouse_settings().with_name(f"{args.prefix}_snapshot")
        whole, copy_only = snapshot_path(source, warehouse, Path(workdir))
        results.append(("snapshot: meltano run tap-magento-snapshot (whole run)", whole))
        results.append(("snapshot: its copy phase (after discovery, table creation)", copy_only))
        if not args.keep:
            drop(warehouse)
        if not args.skip_singer:
            warehouse = warehouse_settings().with_name(f"{args.prefix}_singer")
            seconds = meltano_path("target-postgres", source, warehouse, Path(workdir))
            results.append(("singer: tap-mysql -> repair -> target-postgres", seconds))
            if not args.keep:
                drop(warehouse)
        warehouse = warehouse_settings().with_name(f"{args.prefix}_copy")
        seconds = copy_path(list(counts), source, warehouse)
        results.append(("baseline: mariadb --batch --quick | psql \\copy", seconds))
        if not args.keep:
            drop(warehouse)
    baseline = results[-1][1]
    print(f"\n{'path':<62} {'seconds':>8} {'rows/s':>10} {'% of COPY':>9}")
    for name, seconds in results:
        print(
            f"{name:<62} {seconds:>8.1f} {rows / seconds:>10,.0f} {100 * baseline / seconds:>8.0f}%"
        )


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    main()
