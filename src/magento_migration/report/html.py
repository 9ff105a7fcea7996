"""The report as one self-contained HTML page: inline CSS, inline SVG charts, no script.

Every value is escaped: quarantine examples and reasons quote dirty Magento data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape

from magento_migration.report.charts import Bar, bar_chart
from magento_migration.report.figures import Check, ReasonGroup, Report

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1240px; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #2f7d4f; } .bad { color: #b03a2e; font-weight: 600; } .muted { color: #777; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 10px; color: #fff; }
.badge.ok { background: #2f7d4f; } .badge.bad { background: #b03a2e; }
.badge.muted { background: #888; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #333; }
code, .example { font-family: ui-monospace, monospace; font-size: 12px; }
"""


def e(value: object) -> str:
    """Escaped text of a value."""
    return escape("" if value is None else str(value), quote=True)


def number(value: Decimal | int | float | None) -> str:
    """A figure as shown: thousands separated, decimals only when it has them."""
    if value is None:
        return "n/a"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def _cell(value: Decimal | int | float | None, figure: str, css: str = "n") -> str:
    return f'<td class="{css}" data-figure="{e(figure)}">{e(number(value))}</td>'


def _table(head: Sequence[str], rows: Iterable[str], numeric_from: int = 1) -> str:
    cells = "".join(
        f'<th class="{"n" if i >= numeric_from else ""}">{e(h)}</th>' for i, h in enumerate(head)
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _badge(ok: bool | None, text: str) -> str:
    css = "muted" if ok is None else ("ok" if ok else "bad")
    return f'<span class="badge {css}">{e(text)}</span>'


def _services(report: Report) -> str:
    rows = []
    bars = []
    for s in report.services():
        key = f"service:{s.service}"
        ok = s.unaccounted == 0
        rows.append(
            f'<tr data-service="{e(s.service)}"><td>{e(s.service)}</td>'
            + _cell(s.magento, f"{key}:magento")
            + _cell(s.migrated, f"{key}:migrated")
            + _cell(s.quarantined, f"{key}:quarantined")
            + _cell(s.excluded, f"{key}:excluded")
            + _cell(s.unaccounted, f"{key}:unaccounted", "n " + ("ok" if ok else "bad"))
            + "</tr>"
        )
        segments = (
            ("migrated", s.migrated),
            ("quarantined", s.quarantined),
            ("excluded", s.excluded),
        )
        bars.append(Bar(s.service, tuple((n, float(v)) for n, v in segments)))
    head = ["service", "Magento rows", "migrated", "quarantined", "excluded", "unaccounted"]
    return (
        "<h2>Rows per service</h2>"
        + bar_chart(bars, title="rows per service")
        + _table(head, rows)
        + '<p class="muted">Magento rows: counted in the Magento database itself. Migrated, '
        "quarantined, excluded: analyses/reconcile_&lt;service&gt;.sql on the warehouse. "
        "Unaccounted: Magento's rows neither migrated, quarantined nor excluded (of the raw "
        "copy's rows when Magento was not read).</p>"
    )


def _check_rows(checks: Iterable[Check]) -> list[str]:
    rows = []
    for c in checks:
        key = f"check:{c.service}:{c.name}"
        ok = c.left_over == 0
        rows.append(
            f"<tr><td>{e(c.service)}</td><td>{e(c.name)}</td>"
            f'<td data-figure="{e(key)}:table"><code>{e(c.magento_table)}</code></td>'
            + _cell(c.magento, f"{key}:magento")
            + _cell(c.staged, f"{key}:staged")
            + _cell(c.migrated, f"{key}:migrated")
            + _cell(c.quarantined, f"{key}:quarantined")
            + _cell(c.excluded, f"{key}:excluded")
            + _cell(c.left_over, f"{key}:unaccounted", "n " + ("ok" if ok else "bad"))
            + "</tr>"
        )
    return rows


CHECK_HEAD = [
    "service",
    "check",
    "Magento table",
    "Magento",
    "raw copy",
    "migrated",
    "quarantined",
    "excluded",
    "unaccounted",
]


def _reasons(title: str, groups: Sequence[ReasonGroup], kind: str, chart: bool) -> str:
    if not groups:
        return f"<h2>{e(title)}</h2><p>None.</p>"
    out = f"<h2>{e(title)}</h2>"
    if chart:
        counts: dict[str, int] = {}
        for g in groups:
            counts[g.reason] = counts.get(g.reason, 0) + g.rows
        bars = [Bar(reason, (("rows", float(n)),)) for reason, n in counts.items()]
        out += bar_chart(sorted(bars, key=lambda b: -b.total), title=f"{title} by reason")
    rows = [
        f'<tr data-{kind}="{e(g.source_table)}|{e(g.reason)}"><td><code>{e(g.source_table)}</code>'
        f"</td><td>{e(g.reason)}</td>"
        + _cell(g.rows, f"{kind}:{g.source_table}:{g.reason}")
        + '<td class="example">'
        + "<br>".join(e(x) for x in g.examples)
        + "</td></tr>"
        for g in groups
    ]
    return out + _table(["Magento table", "reason", "rows", "examples"], rows, 2)


def _verify_ok(report: Report) -> bool | None:
    v = report.verify
    return False if v.error else (v.consistent if v.ran else None)


def _verify(report: Report) -> str:
    v = report.verify
    out = "<h2>Verify (every migrated row against the live Magento)</h2>"
    out += f'<p data-figure="verify">{_badge(_verify_ok(report), v.headline)}</p>'
    if v.differences:
        out += "<ul>" + "".join(f"<li><code>{e(d)}</code></li>" for d in v.differences) + "</ul>"
    return out


def _sync(report: Report) -> str:
    out = "<h2>Sync lag</h2>"
    sync = report.sync
    if sync is None or not sync.tables:
        return out + "<p>migration.sync_status is not built.</p>"
    lag = sync.max_lag_seconds
    out += (
        f'<p>{len(sync.tables)} replicated tables; largest lag <b data-figure="sync:max_lag">'
        f"{e(number(lag))}</b> s; freshness: "
        + ", ".join(
            f'<span data-figure="sync:{s}">{sync.count(s)}</span> {s}'
            for s in ("pass", "warn", "error")
        )
        + ".</p>"
    )
    rows = [
        f"<tr><td><code>{e(t.source_table)}</code></td>"
        + _cell(t.lag_seconds, f"sync:lag:{t.source_table}")
        + f"<td>{e(t.freshness_status or '')}</td></tr>"
        for t in sync.tables[:10]
    ]
    return out + _table(["table (10 with most lag)", "lag (s)", "freshness"], rows)


def _dbt(report: Report) -> str:
    out = "<h2>dbt tests</h2>"
    dbt = report.dbt
    if dbt is None:
        return out + "<p>No dbt build results (target/run_results.json of a build).</p>"
    tests = dbt.status_counts(tests=True)
    out += (
        f"<p>{e(dbt.command)} at {e(dbt.generated_at)}: "
        + ", ".join(
            f'<span data-figure="dbt:tests:{e(k)}">{v}</span> {e(k)}' for k, v in tests.items()
        )
        + f" of {len(dbt.tests())} tests; other nodes: "
        + ", ".join(f"{v} {e(k)}" for k, v in dbt.status_counts(tests=False).items())
        + ".</p>"
    )
    failing = dbt.failing_tests()
    if failing:
        rows = [
            f'<tr><td><code>{e(n.name)}</code></td><td class="bad">{e(n.status)}</td>'
            f'<td class="n">{e(n.failures)}</td><td>{e(n.message)}</td></tr>'
            for n in failing
        ]
        out += _table(["test", "status", "failures", "message"], rows, 2)
    return out


def _timings(report: Report) -> str:
    out = "<h2>Run timings</h2>"
    if report.stages:
        out += (
            "<p>"
            + ", ".join(
                f'{e(name)} <b data-figure="stage:{e(name)}">{seconds:.0f}</b> s'
                for name, seconds in report.stages.items()
            )
            + f"; total {sum(report.stages.values()):.0f} s.</p>"
        )
    if report.dbt is not None:
        slowest = report.dbt.slowest()
        out += f"<p>dbt build: {report.dbt.elapsed_seconds:.0f} s; the slowest nodes:</p>"
        out += bar_chart(
            [Bar(n.name, (("seconds", n.seconds),)) for n in slowest],
            title="slowest dbt nodes (seconds)",
        )
    return out


def render(report: Report) -> str:
    """The whole page."""
    v = report.verify
    notes = "".join(f'<p class="bad">{e(n)}</p>' for n in report.notes)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Migration report</title>"
        f"<style>{CSS}</style></head><body>"
        "<h1>Magento → microservices: migration report</h1>"
        f"<p>{e(report.generated_at)} · source <code>{e(report.source)}</code> · warehouse "
        f"<code>{e(report.warehouse)}</code></p>"
        f"<p>{_badge(_verify_ok(report), v.headline)}</p>"
        + notes
        + _services(report)
        + "<h2>Money and quantities, side by side</h2>"
        + _table(CHECK_HEAD, _check_rows(report.money()), 3)
        + _reasons("Quarantined rows", report.quarantine, "quarantine", chart=True)
        + _reasons("Repaired and flagged values", report.repairs, "repair", chart=False)
        + _verify(report)
        + _sync(report)
        + _dbt(report)
        + _timings(report)
        + "<h2>Rows per Magento table</h2>"
        + _table(CHECK_HEAD, _check_rows(c for c in report.checks if not c.is_sum), 3)
        + "</body></html>"
    )
