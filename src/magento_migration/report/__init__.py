"""The migration report: `target/migration_report.html` (one self-contained page) and a terminal
summary of the same figures (collect.py -> figures.Report -> html.py / terminal.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from magento_migration.report import collect, html, reconcile, terminal
from magento_migration.settings import DbSettings

FILE_NAME = "migration_report.html"
keep_build_results = collect.keep_build_results
keep_stages = collect.keep_stages


@dataclass(frozen=True)
class Written:
    path: Path
    summary: str


def write(
    source: DbSettings,
    warehouse: DbSettings,
    env: Mapping[str, str],
    *,
    run_verify: bool = True,
) -> Written:
    """Collect the figures, write the page into dbt's target directory, return its summary."""
    report = collect.collect(source, warehouse, env, run_verify=run_verify)
    path = reconcile.target_path(env) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html.render(report), encoding="utf-8")
    return Written(path, terminal.render(report) + f"\nReport: {path}")
