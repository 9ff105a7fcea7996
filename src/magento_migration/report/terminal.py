"""The report's terminal summary: the same figures as the page, in a few lines."""

from __future__ import annotations

from magento_migration.report.figures import Report
from magento_migration.report.html import number


def render(report: Report) -> str:
    lines = [
        f"{'service':<20} {'Magento':>10} {'migrated':>10} {'quarant.':>9} "
        f"{'excluded':>9} {'unaccounted':>11}"
    ]
    for s in report.services():
        lines.append(
            f"{s.service:<20} {number(s.magento):>10} {number(s.migrated):>10} "
            f"{number(s.quarantined):>9} {number(s.excluded):>9} {number(s.unaccounted):>11}"
        )
    money = [c for c in report.money() if c.left_over]
    lines.append(
        f"Money and quantities: {len(report.money())} sums"
        + (
            ", all accounted for (Magento = migrated + quarantined + excluded)."
            if not money
            else f", {len(money)} not accounted for: " + ", ".join(c.name for c in money)
        )
    )
    reasons = report.reasons()
    if reasons:
        lines.append(
            "Quarantined by reason: "
            + ", ".join(f"{reason} {rows:,}" for reason, rows in reasons.items())
        )
    repaired = sum(g.rows for g in report.repairs)
    lines.append(f"Repaired or flagged values: {repaired:,}")
    lines.append(report.verify.headline)
    if report.sync and report.sync.tables:
        lines.append(
            f"sync lag: largest {number(report.sync.max_lag_seconds)} s; freshness "
            + ", ".join(f"{report.sync.count(s)} {s}" for s in ("pass", "warn", "error"))
        )
    if report.dbt:
        tests = report.dbt.status_counts(tests=True)
        lines.append(
            "dbt tests: "
            + ", ".join(f"{n} {status}" for status, n in tests.items())
            + f" (build {report.dbt.elapsed_seconds:.0f}s)"
        )
    lines.extend(report.notes)
    return "\n".join(lines)
