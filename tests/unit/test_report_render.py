"""The report's renderer without servers: every value escaped, bars drawn to scale."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

from magento_migration.report import html, terminal
from magento_migration.report.charts import Bar, bar_chart, segment_widths
from magento_migration.report.figures import (
    Check,
    DbtResults,
    NodeResult,
    ReasonGroup,
    Report,
    SyncLag,
    TableLag,
    VerifyOutcome,
)

HOSTILE = '<script>document.title="owned"</script><img src=x onerror=alert(1)>'


class Elements(HTMLParser):
    """The tags and attributes of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(service: str, name: str, magento: int | None, migrated: int, quarantined: int) -> Check:
    staged = Decimal(migrated + quarantined)
    return Check(
        service=service,
        name=name,
        magento_table="customer_entity",
        is_sum=name.startswith("sum"),
        magento=None if magento is None else Decimal(magento),
        staged=staged,
        migrated=Decimal(migrated),
        quarantined=Decimal(quarantined),
        excluded=Decimal(0),
        unaccounted=Decimal(0),
    )


def report(verify: VerifyOutcome | None = None) -> Report:
    return Report(
        generated_at="2026-01-01 00:00:00 UTC",
        source="root@127.0.0.1:3306/magento",
        warehouse=f"postgres@127.0.0.1:5432/{HOSTILE}",
        checks=(
            check("customer_service", "rows of customers", 200, 195, 5),
            check("order_service", "rows of orders", 80, 80, 0),
            check("order_service", "sum of orders.grand_total", 1000, 990, 10),
        ),
        quarantine=(
            ReasonGroup("customer_entity", "invalid email", 5, (f"48: invalid email: {HOSTILE}",)),
        ),
        repairs=(ReasonGroup("sales_order", HOSTILE, 1, (HOSTILE,)),),
        verify=verify or VerifyOutcome(ran=False, not_run_reason=f"cannot reach {HOSTILE}"),
        sync=SyncLag((TableLag(HOSTILE, 12, "pass"),)),
        dbt=DbtResults(
            "dbt build",
            "now",
            12.0,
            (
                NodeResult("not_null_x", "test", "fail", 0.1, 2, HOSTILE),
                NodeResult(HOSTILE, "model", "success", 3.0),
            ),
        ),
        stages={"dbt build": 12.0},
    )


def test_no_value_becomes_markup() -> None:
    page = html.render(report())
    parser = Elements()
    parser.feed(page)
    assert not {"script", "img"} & set(parser.tags)
    assert not [name for name in parser.attributes if name.startswith("on")]
    # the values are there, as text
    text = "".join(parser.text)
    assert text.count('<script>document.title="owned"</script>') >= 6
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched


def test_not_run_verify_says_why() -> None:
    page = html.render(report())
    assert "verify: not run (cannot reach &lt;script&gt;" in page
    summary = terminal.render(report())
    assert "verify: not run (cannot reach <script>" in summary
    ran = VerifyOutcome(ran=True, consistent=True, tables=26, magento_rows=1234, seconds=1.0)
    assert "all 26 tables consistent with Magento (1,234 Magento rows" in html.render(report(ran))


def test_service_rows_add_up_the_row_checks_only() -> None:
    services = {s.service: s for s in report().services()}
    assert services["order_service"].magento == 80  # the sum check is not a row count
    assert services["customer_service"].quarantined == 5
    page = html.render(report())
    assert 'data-figure="service:customer_service:magento">200<' in page
    assert 'data-figure="check:order_service:sum of orders.grand_total:magento">1,000<' in page


def test_bars_are_drawn_to_scale() -> None:
    bars = [Bar("a", (("x", 30.0), ("y", 10.0))), Bar("b", (("x", 20.0), ("y", 0.0)))]
    assert segment_widths(bars, 400) == [[300.0, 100.0], [200.0, 0.0]]
    assert segment_widths([Bar("empty", (("x", 0.0),))], 400) == [[0.0]]
    svg = bar_chart(bars, title="t", width=800)
    widths = [float(w) for w in re.findall(r'class="bar" x="[\d.]+" y="\d+" width="([\d.]+)"', svg)]
    plot = 800 - 230 - 90
    assert widths == [plot * 0.75, plot * 0.25, plot * 0.5, 0.0]
    # stacked: the second segment starts where the first ends
    xs = [float(x) for x in re.findall(r'class="bar" x="([\d.]+)"', svg)]
    assert xs[1] == xs[0] + widths[0]


def test_chart_labels_are_escaped() -> None:
    svg = bar_chart([Bar(HOSTILE, (("rows", 1.0),))], title=HOSTILE)
    parser = Elements()
    parser.feed(svg)
    assert not {"script", "img"} & set(parser.tags)


def test_unaccounted_is_of_magento_s_own_rows_when_read() -> None:
    """A raw copy that lost rows (or, content staging, staged only current versions) shows as
    unaccounted against Magento's own count; the raw-based figure only without Magento."""
    staged = Check(
        service="catalog_service",
        name="rows of products",
        magento_table="catalog_product_entity",
        is_sum=False,
        magento=Decimal(110),
        staged=Decimal(100),
        migrated=Decimal(95),
        quarantined=Decimal(5),
        excluded=Decimal(3),
        unaccounted=Decimal(-3),
    )
    assert staged.left_over == 7
    assert staged.matches_magento is False
    unread = Check(**{**vars(staged), "magento": None})
    assert unread.left_over == -3
    assert unread.matches_magento is None
    page = html.render(Report(**{**vars(report()), "checks": (staged,)}))
    assert 'data-figure="check:catalog_service:rows of products:unaccounted">7<' in page
    assert 'data-figure="service:catalog_service:unaccounted">7<' in page


def test_a_failed_verify_is_not_a_verify_not_run() -> None:
    failed = VerifyOutcome(ran=False, error="OperationalError: Unknown column 'entity_id'")
    assert failed.headline == "verify: failed (OperationalError: Unknown column 'entity_id')"
    assert '<span class="badge bad">verify: failed' in html.render(report(failed))
