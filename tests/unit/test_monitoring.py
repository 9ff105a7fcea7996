"""Pure logic of the sync monitoring: metric rendering, the health decision, the backoff, and
the HTTP server in-process (no database)."""

from __future__ import annotations

import http.client
import json
import re

import pytest

from magento_migration.errors import MigrationError
from magento_migration.sync.monitoring import (
    MetricsServer,
    MonitorState,
    SyncMonitor,
    TableFreshness,
    health,
    metrics_port,
    render_metrics,
    retry_delay,
)

NOW = 1_800_000_000.0
# one sample line of the text exposition format: name{labels} value
SAMPLE = re.compile(r'^([a-z_:][a-z0-9_:]*)(\{[a-z_]+="(?:[^"\\\n]|\\.)*"\})? (-?[0-9.e+]+)$')


def state(**changes: object) -> MonitorState:
    base = MonitorState(started_at=NOW - 1000, max_lag_seconds=3600)
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def table(name: str, lag: float | None, *, warn: int | None = 86400, error: int | None = None):
    epoch = None if lag is None else NOW - lag
    return TableFreshness(name, epoch, 3, warn, error)


def parse(text: str) -> dict[str, dict[str, float]]:
    """Every sample by metric and label set; fails on a line that is not HELP, TYPE or sample."""
    samples: dict[str, dict[str, float]] = {}
    declared: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in {"counter", "gauge"}
            declared[name] = kind
            continue
        match = SAMPLE.match(line)
        assert match, f"not exposition format: {line!r}"
        name, labels, value = match.groups()
        assert name in declared, f"{name} has no TYPE line before it"
        samples.setdefault(name, {})[labels or ""] = float(value)
    return samples


def test_metrics_after_a_success_and_a_failure():
    monitor_state = state(
        cycles=5,
        errors=2,
        consecutive_failures=1,
        last_duration_seconds=12.5,
        last_success_at=NOW - 30,
        last_finished_at=NOW - 5,
        last_outcome="failed",
        last_problem="boom",
        tables=(table("sales_order", 40), table("store", None), table("customer_entity", 7.25)),
        step_seconds={"extract-load": 3.0, "dbt-build": 8.5},
    )
    text = render_metrics(monitor_state, NOW)
    samples = parse(text)
    assert samples["magento_sync_cycles_total"] == {"": 5}
    assert samples["magento_sync_cycle_errors_total"] == {"": 2}
    assert samples["magento_sync_cycle_duration_seconds"] == {"": 12.5}
    assert samples["magento_sync_last_success_timestamp_seconds"] == {"": NOW - 30}
    assert samples["magento_sync_lag_seconds"] == {
        '{table="sales_order"}': 40,
        '{table="customer_entity"}': 7.2,  # rounded to 0.1 s (7.25 -> banker's 7.2)
    }
    assert samples["magento_sync_rows_changed"]['{table="store"}'] == 3
    assert samples["magento_sync_step_duration_seconds"]['{step="dbt-build"}'] == 8.5
    assert samples["magento_sync_healthy"] == {"": 0}
    for name in samples:
        assert name.startswith("magento_sync_")
        assert f"# HELP {name} " in text


def test_metrics_before_any_cycle_are_still_valid():
    samples = parse(render_metrics(state(), NOW))
    assert samples["magento_sync_cycles_total"] == {"": 0}
    assert "magento_sync_last_success_timestamp_seconds" not in samples


def test_label_values_are_escaped():
    text = render_metrics(state(tables=(table('we"ird\\name\n', 1),)), NOW)
    assert 'magento_sync_lag_seconds{table="we\\"ird\\\\name\\n"} 1' in text
    parse(text)


def test_healthy_after_a_fresh_successful_cycle():
    healthy, body = health(
        state(cycles=1, last_success_at=NOW - 10, last_outcome="ok", tables=(table("a", 5),)),
        NOW,
    )
    assert healthy
    assert body["status"] == "healthy"
    assert body["problems"] == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "no sync cycle has succeeded yet"),
        ({"errors": 1, "last_outcome": "failed", "last_problem": "db down"}, "db down"),
        (
            {
                "last_success_at": NOW - 10,
                "last_outcome": "failed",
                "consecutive_failures": 2,
                "last_problem": "x",
            },
            "last cycle failed (2 in a row): x",
        ),
        (
            {"last_success_at": NOW - 10, "last_outcome": "breached", "last_problem": "lag"},
            "last cycle breached a threshold: lag",
        ),
        ({"last_success_at": NOW - 4000, "last_outcome": "ok"}, "last successful cycle 4,000s"),
        (
            {
                "last_success_at": NOW - 10,
                "last_outcome": "ok",
                "tables": (table("sales_order", 90_000, error=86_400),),
            },
            "sales_order lags 90,000s (> error_after 86400s)",
        ),
    ],
)
def test_unhealthy_and_why(changes, expected):
    healthy, body = health(state(**changes), NOW)
    assert not healthy
    assert body["status"] == "unhealthy"
    assert any(expected in problem for problem in body["problems"]), body["problems"]


def test_warn_threshold_is_reported_but_healthy():
    healthy, body = health(
        state(last_success_at=NOW - 5, last_outcome="ok", tables=(table("store", 90_000),)),
        NOW,
    )
    assert healthy
    assert body["warnings"] == ["store lags 90,000s (> warn_after 86400s)"]


def test_retry_delay_doubles_and_is_bounded():
    assert [retry_delay(n, 10, 60) for n in range(6)] == [0, 10, 20, 40, 60, 60]
    assert retry_delay(10_000, 10, 600) == 600


@pytest.mark.parametrize("value", ["abc", "0", "70000", "-1"])
def test_metrics_port_must_be_a_port(value):
    with pytest.raises(MigrationError, match="MIGRATION_METRICS_PORT must be a TCP port"):
        metrics_port({"MIGRATION_METRICS_PORT": value})


def test_metrics_port_default_and_override():
    assert metrics_port({}) == 9108
    assert metrics_port({"MIGRATION_METRICS_PORT": "19000"}) == 19000


def get(port: int, path: str) -> tuple[int, str, str]:
    """(status, content type, body) of GET http://127.0.0.1:<port><path>."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read().decode()
    finally:
        connection.close()


def test_server_answers_health_and_metrics_over_http():
    monitor = SyncMonitor(max_lag_seconds=3600)
    server = MetricsServer(monitor, 0).start()
    try:
        status, kind, text = get(server.port, "/health")
        assert (status, kind) == (503, "application/json")
        assert json.loads(text)["problems"] == ["no sync cycle has succeeded yet"]

        monitor.cycle_started()
        monitor.record_success(
            2.0, healthy=True, problems=[], tables=(table("a", 1),), step_seconds={}
        )
        status, _, text = get(server.port, "/health")
        assert status == 200
        assert json.loads(text)["status"] == "healthy"

        monitor.cycle_failed(0.1, MigrationError("warehouse down", "start it"))
        status, _, text = get(server.port, "/health")
        assert status == 503
        assert "warehouse down. start it" in json.loads(text)["problems"][0]

        status, kind, text = get(server.port, "/metrics")
        assert status == 200
        assert kind.startswith("text/plain; version=0.0.4")
        samples = parse(text)
        assert samples["magento_sync_cycles_total"] == {"": 2}
        assert samples["magento_sync_cycle_errors_total"] == {"": 1}
        assert get(server.port, "/nothing")[0] == 404
    finally:
        server.stop()


def test_port_in_use_is_one_line_error():
    server = MetricsServer(SyncMonitor(3600), 0).start()
    try:
        with pytest.raises(
            MigrationError, match=f"cannot serve metrics on 127.0.0.1:{server.port}"
        ):
            MetricsServer(SyncMonitor(3600), server.port)
    finally:
        server.stop()
