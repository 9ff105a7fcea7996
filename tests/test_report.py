"""Issue 14, item 5: the migration report, opened in a real browser (headless Chromium), shows the
figures the warehouse and Magento hold; dirty values stay text; it renders without the source."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from magento_migration.connections import mysql_connection
from magento_migration.report import reconcile
from tests.conftest import Pipeline, generate_store, sync_cycle
from tests.names import db_name

MIGRATE = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "magento-migrate")
MARKUP = '<script>document.title="owned"</script>'
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["apt-get", *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed with apt-get when missing (skipped only when it cannot be)."""
    if not shutil.which("chromium"):
        if os.geteuid() != 0:
            pytest.skip("chromium is not installed and only root may apt-get install it")
        if _apt("install", "-y", "chromium").returncode != 0:
            _apt("update")
            result = _apt("install", "-y", "chromium")
            if result.returncode != 0:
                pytest.skip(f"apt-get install chromium failed: {result.stderr.strip()[-300:]}")
    found = shutil.which("chromium")
    assert found, "apt-get installed chromium, but it is not on PATH"
    return found


VOID = ("area", "br", "hr", "img", "input", "link", "meta", "wbr")


class Figures(HTMLParser):
    """The text of every element with a data-figure attribute, every tag, the page's title."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, str] = {}
        self.tags: list[str] = []
        self.title = ""
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self._open.append((tag, dict(attrs).get("data-figure")))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            opened, figure = self._open.pop()
            if figure is not None:
                self.figures[figure] = self.figures.get(figure, "").strip()
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, figure in self._open:
            if figure is not None:
                self.figures[figure] = self.figures.get(figure, "") + data
        if [tag for tag, _ in self._open[-2:]] == ["head", "title"]:
            self.title += data


def rendered(chromium: str, page: Path, profile: Path) -> Figures:
    """The DOM Chromium built from the page (after parsing and any script), parsed."""
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<body" in result.stdout, result.stderr[-2000:]
    figures = Figures()
    figures.feed(result.stdout)
    return figures


def value(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def migrate_cli(run: Pipeline, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [MIGRATE, *args], capture_output=True, text=True, env=env or run.env, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def reported(make_pipeline) -> Pipeline:
    """The anomaly store, one customer e-mail replaced by markup, migrated by `magento-migrate
    migrate` (dbt target prod: the quarantine reason quotes the real e-mail)."""
    run = make_pipeline(db_name("report"), db_name("report_wh"), target="prod")
    generate_store(run.source.name, "--profile", "small", "--seed", "5", "--anomalies", "all")
    with mysql_connection(run.source) as connection, connection.cursor() as cursor:
        cursor.execute(
            "update customer_entity set email = %s where entity_id = (select min(magento_id) "
            "from magento_store_anomalies where kind = 'invalid_email')",
            (MARKUP,),
        )
        connection.commit()
    output = migrate_cli(run, "migrate", "--no-docs")
    assert "Report: " in output
    assert "verify: all" in output
    return run


def page_of(run: Pipeline) -> Path:
    return Path(run.env["DBT_TARGET_PATH"]) / "migration_report.html"


def model_count(run: Pipeline, service: str, name: str) -> Decimal:
    """A row check's service figure: 'rows of <model>[ (<where>)]' or 'sum of <model>.<col>'."""
    rows = re.fullmatch(r"rows of (\w+)(?: \((\w+)\))?", name)
    if rows:
        where = f" where {rows.group(2)}" if rows.group(2) else ""
        statement = f"select count(*) from {service}.{rows.group(1)}{where}"
    else:
        model, column = re.fullmatch(r"sum of (\w+)\.(\w+)", name).groups()  # type: ignore[union-attr]
        statement = f"select coalesce(sum({column}), 0) from {service}.{model}"
    return Decimal(str(run.query(statement)[0][0]))


def magento_figure(run: Pipeline, table: str, name: str) -> Decimal:
    """The same figure counted (or summed) in Magento itself; a table it lacks has none."""
    if not run.source_query("show tables like %s", table):
        return Decimal(0)
    summed = re.fullmatch(r"sum of \w+\.(\w+)", name)
    expression = f"coalesce(sum(`{summed.group(1)}`), 0)" if summed else "count(*)"
    return Decimal(str(run.source_query(f"select {expression} from `{table}`")[0][0]))


def accounted(run: Pipeline, table: str, name: str, relation: str) -> Decimal:
    """Quarantined or excluded rows of a table (their summed column for a sum check)."""
    summed = re.fullmatch(r"sum of \w+\.(\w+)", name)
    if summed and relation == "migration.quarantine":
        expression = f"coalesce(sum((raw_row ->> '{summed.group(1)}')::numeric), 0)"
    elif summed:
        return Decimal(0)  # no store of this test excludes rows
    else:
        expression = "count(*)"
    statement = f"select {expression} from {relation} where source_table = %s"
    return Decimal(str(run.query(statement, table)[0][0]))


def test_figures_shown_are_the_warehouse_and_magento(
    reported: Pipeline, chromium: str, tmp_path: Path
) -> None:
    dom = rendered(chromium, page_of(reported), tmp_path / "profile")
    assert dom.title == "Migration report"  # no script of a quarantined value ran
    assert "script" not in dom.tags
    checks = sorted({k.rsplit(":", 1)[0] for k in dom.figures if k.startswith("check:")})
    defined = reconcile.definitions()  # every row and sum check of the eight analyses
    assert len(checks) == sum(len(d.row_tables) + len(d.sums) for d in defined) > 30
    services: dict[str, dict[str, Decimal]] = {}
    for check in checks:
        _, service, name = check.split(":")
        table = dom.figures[f"{check}:table"]
        expected = {
            "magento": magento_figure(reported, table, name),
            "migrated": model_count(reported, service, name),
            "quarantined": accounted(reported, table, name, "migration.quarantine"),
            "excluded": accounted(reported, table, name, "migration.exclusions"),
        }
        shown = {column: value(dom.figures[f"{check}:{column}"]) for column in expected}
        assert shown == expected, check
        assert value(dom.figures[f"{check}:unaccounted"]) == 0, check
        if name.startswith("rows of "):
            totals = services.setdefault(service, {})
            for column, figure in expected.items():
                totals[column] = totals.get(column, Decimal(0)) + figure
    assert len(services) == 8
    for service, totals in services.items():
        for column, figure in totals.items():
            assert value(dom.figures[f"service:{service}:{column}"]) == figure, (service, column)
    assert services["customer_service"]["quarantined"] > 0


def test_quarantine_reasons_with_examples(
    reported: Pipeline, chromium: str, tmp_path: Path
) -> None:
    dom = rendered(chromium, page_of(reported), tmp_path / "profile")
    groups = reported.query(
        "select source_table, regexp_replace(split_part(reason, ':', 1), '[0-9]+', 'N', 'g'), "
        "count(*) from migration.quarantine group by 1, 2"
    )
    assert len(groups) >= 10
    shown = {k: v for k, v in dom.figures.items() if k.startswith("quarantine:")}
    assert shown == {
        f"quarantine:{table}:{reason}": f"{count:,}" for table, reason, count in groups
    }
    page = page_of(reported).read_text()
    # the markup e-mail is quoted by its reason, as text: escaped in the file, text in the DOM
    assert (
        f"invalid email: {MARKUP}".replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        in page
    )
    repairs = reported.query("select count(*) from migration.repairs")[0][0]
    shown_repairs = sum(value(v) for k, v in dom.figures.items() if k.startswith("repair:"))
    assert shown_repairs == repairs > 0


def test_verify_sync_lag_and_dbt_results(reported: Pipeline, chromium: str, tmp_path: Path) -> None:
    dom = rendered(chromium, page_of(reported), tmp_path / "profile")
    verify = subprocess.run(
        [MIGRATE, "verify"], capture_output=True, text=True, env=reported.env, check=False
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    consistent = re.search(
        r"all \d+ tables consistent with Magento \([\d,]+ Magento rows", verify.stdout
    )
    assert consistent
    assert consistent.group(0) in dom.figures["verify"]
    before = time.time()
    (lag,) = reported.query(
        "select max(lag_seconds) from migration.sync_status where is_replicated"
    )[0]
    made = page_of(reported).stat().st_mtime
    assert lag - (before - made) - 2 <= value(dom.figures["sync:max_lag"]) <= lag
    results = Path(reported.env["DBT_TARGET_PATH"]) / "migration_build_results.json"
    tests = [
        r for r in json.loads(results.read_text())["results"] if r["unique_id"].startswith("test.")
    ]
    assert len(tests) > 100
    assert value(dom.figures["dbt:tests:pass"]) == len(tests)  # the anomaly store builds green
    for stage in ("extract-load", "dbt build"):
        assert value(dom.figures[f"stage:{stage}"]) > 0


def test_without_the_source_the_report_says_verify_did_not_run(
    reported: Pipeline, chromium: str, tmp_path: Path
) -> None:
    target = tmp_path / "target"
    shutil.copytree(Path(reported.env["DBT_TARGET_PATH"]), target)
    env = {**reported.env, "DBT_TARGET_PATH": str(target), "MAGENTO_DB_PORT": "1"}
    output = migrate_cli(reported, "report", env=env)
    assert "verify: not run (Magento source: cannot reach MySQL/MariaDB at 127.0.0.1:1." in output
    dom = rendered(chromium, target / "migration_report.html", tmp_path / "profile")
    assert dom.figures["verify"].startswith("verify: not run (Magento source: cannot reach")
    assert dom.figures["service:customer_service:magento"] == "n/a"
    customers = reported.query("select count(*) from customer_service.customers")[0][0]
    assert value(dom.figures["check:customer_service:rows of customers:migrated"]) == customers


def test_report_after_a_sync_shows_the_change(
    reported: Pipeline, chromium: str, tmp_path: Path
) -> None:
    """A changed order total in Magento: after a sync cycle, both sides of its sum moved."""
    with mysql_connection(reported.source) as connection, connection.cursor() as cursor:
        cursor.execute(
            "update sales_order set grand_total = grand_total + 1000, updated_at = now() "
            "where entity_id = (select min(entity_id) from sales_order)"
        )
        connection.commit()
    started = datetime.now(UTC)
    cycle = sync_cycle(reported)
    assert cycle.returncode == 0, cycle.stdout[-3000:] + cycle.stderr[-3000:]
    # the dbt results the report shows are the cycle's build, not the migration's
    results = json.loads(
        (Path(reported.env["DBT_TARGET_PATH"]) / "migration_build_results.json").read_text()
    )
    assert datetime.fromisoformat(results["metadata"]["generated_at"]) > started
    migrate_cli(reported, "report", "--no-verify")
    dom = rendered(chromium, page_of(reported), tmp_path / "profile")
    check = "check:order_service:sum of orders.grand_total"
    magento = reported.source_query("select sum(grand_total) from sales_order")[0][0]
    migrated = reported.query("select sum(grand_total) from order_service.orders")[0][0]
    assert value(dom.figures[f"{check}:magento"]) == Decimal(str(magento))
    assert value(dom.figures[f"{check}:migrated"]) == Decimal(str(migrated))
    assert value(dom.figures[f"{check}:unaccounted"]) == 0
    assert dom.figures["verify"] == "verify: not run (--no-verify)"
