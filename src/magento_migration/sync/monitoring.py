"""Monitoring of the sync loop: `/health` and Prometheus `/metrics` on 127.0.0.1.

`magento-migrate sync --every ...` starts `MetricsServer` (standard library http.server, one
daemon thread) on MIGRATION_METRICS_PORT (default 9108). The loop records each cycle's outcome in
a `SyncMonitor`; the server only reads it (no database access per request), so a scrape costs
microseconds and works while the warehouse is down. Lag is computed at scrape time from the last
change time of each table, as `migration.sync_status` does.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from magento_migration.connections import postgres_connection
from magento_migration.errors import MigrationError
from magento_migration.settings import DbSettings

if TYPE_CHECKING:
    from magento_migration.sync.cycle import CycleReport

DEFAULT_PORT = 9108
PORT_VARIABLE = "MIGRATION_METRICS_PORT"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass(frozen=True)
class TableFreshness:
    """One row of migration.sync_status, as of the end of the last successful cycle."""

    table: str
    last_extracted_epoch: float | None
    rows_changed: int
    warn_after_seconds: int | None
    error_after_seconds: int | None

    def lag(self, now: float) -> float | None:
        if self.last_extracted_epoch is None:
            return None
        return max(0.0, now - self.last_extracted_epoch)


@dataclass
class MonitorState:
    """What the loop has done so far (every field is a plain value: a snapshot is a copy)."""

    started_at: float
    max_lag_seconds: int
    cycles: int = 0
    errors: int = 0
    consecutive_failures: int = 0
    in_progress: bool = False
    last_duration_seconds: float | None = None
    last_finished_at: float | None = None
    last_success_at: float | None = None
    last_outcome: str | None = None  # "ok", "breached" or "failed"
    last_problem: str = ""
    tables: tuple[TableFreshness, ...] = ()
    step_seconds: dict[str, float] = field(default_factory=dict)


class SyncMonitor:
    """Thread-safe holder of the loop's state: the loop writes, the HTTP handler reads."""

    def __init__(self, max_lag_seconds: int) -> None:
        self._lock = threading.Lock()
        self._state = MonitorState(started_at=time.time(), max_lag_seconds=max_lag_seconds)

    def snapshot(self) -> MonitorState:
        with self._lock:
            state = self._state
            return MonitorState(**{**vars(state), "step_seconds": dict(state.step_seconds)})

    def cycle_started(self) -> None:
        with self._lock:
            self._state.in_progress = True

    def cycle_succeeded(self, report: CycleReport, duration: float, warehouse: DbSettings) -> None:
        """Record a finished cycle, with the freshness of every table read from the warehouse."""
        try:
            tables = read_freshness(warehouse)
        except MigrationError:
            tables = ()
        if report.build_reason is None:  # the build was skipped: nothing changed this cycle
            tables = tuple(dataclasses.replace(table, rows_changed=0) for table in tables)
        problems = list(report.breaches)
        if report.freshness_errors:
            problems.append("freshness error: " + ", ".join(report.freshness_errors))
        self.record_success(
            duration,
            healthy=report.healthy,
            problems=problems,
            tables=tables,
            step_seconds=report.seconds,
        )

    def record_success(
        self,
        duration: float,
        *,
        healthy: bool,
        problems: list[str],
        tables: tuple[TableFreshness, ...],
        step_seconds: dict[str, float],
    ) -> None:
        with self._lock:
            state = self._state
            state.in_progress = False
            state.cycles += 1
            state.consecutive_failures = 0
            state.last_duration_seconds = duration
            state.last_finished_at = state.last_success_at = time.time()
            state.last_outcome = "ok" if healthy else "breached"
            state.last_problem = "; ".join(problems)
            state.tables = tables or state.tables
            state.step_seconds = dict(step_seconds)

    def cycle_failed(self, duration: float, error: BaseException) -> None:
        with self._lock:
            state = self._state
            state.in_progress = False
            state.cycles += 1
            state.errors += 1
            state.consecutive_failures += 1
            state.last_duration_seconds = duration
            state.last_finished_at = time.time()
            state.last_outcome = "failed"
            state.last_problem = str(error).splitlines()[0] if str(error) else type(error).__name__


def read_freshness(warehouse: DbSettings) -> tuple[TableFreshness, ...]:
    """Per raw table: last change, rows changed in the last cycle and the freshness thresholds."""
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass('migration.sync_status')").fetchone()[0] is None:
            return ()
        rows = connection.execute(
            "select source_table, extract(epoch from last_extracted_at)::float8, "
            "rows_changed_last_cycle, warn_after_seconds, error_after_seconds "
            "from migration.sync_status where is_replicated order by source_table"
        ).fetchall()
    return tuple(
        TableFreshness(table, epoch, int(changed or 0), warn, error)
        for table, epoch, changed, warn, error in rows
    )


def retry_delay(consecutive_failures: int, base: float, cap: float) -> float:
    """Seconds to wait before retrying after the n-th failure in a row: base, 2 base, 4 base ...
    never more than cap."""
    if consecutive_failures < 1:
        return 0.0
    return min(cap, base * 2 ** min(consecutive_failures - 1, 30))


def health(state: MonitorState, now: float) -> tuple[bool, dict[str, object]]:
    """(healthy, JSON body): unhealthy when no cycle has succeeded yet, the last cycle failed or
    breached a threshold, the last success is older than --max-lag, or a table lags beyond its
    error_after threshold (migration.sync_status). Tables past warn_after are listed, healthy."""
    problems: list[str] = []
    warnings: list[str] = []
    if state.last_success_at is None:
        problems.append(
            "no sync cycle has succeeded yet"
            + (f" ({state.errors} failed)" if state.errors else "")
        )
    elif now - state.last_success_at > state.max_lag_seconds:
        problems.append(
            f"last successful cycle {now - state.last_success_at:,.0f}s ago "
            f"(> max lag {state.max_lag_seconds}s)"
        )
    if state.last_outcome == "failed":
        problems.append(
            f"last cycle failed ({state.consecutive_failures} in a row): {state.last_problem}"
        )
    elif state.last_outcome == "breached":
        problems.append(f"last cycle breached a threshold: {state.last_problem}")
    for table in state.tables:
        lag = table.lag(now)
        if lag is None:
            continue
        if table.error_after_seconds is not None and lag > table.error_after_seconds:
            problems.append(
                f"{table.table} lags {lag:,.0f}s (> error_after {table.error_after_seconds}s)"
            )
        elif table.warn_after_seconds is not None and lag > table.warn_after_seconds:
            warnings.append(
                f"{table.table} lags {lag:,.0f}s (> warn_after {table.warn_after_seconds}s)"
            )
    lags = [lag for lag in (table.lag(now) for table in state.tables) if lag is not None]
    body: dict[str, object] = {
        "status": "unhealthy" if problems else "healthy",
        "problems": problems,
        "warnings": warnings,
        "cycles": state.cycles,
        "errors": state.errors,
        "cycle_in_progress": state.in_progress,
        "last_outcome": state.last_outcome,
        "last_success_at": _iso(state.last_success_at),
        "max_lag_seconds": round(max(lags), 1) if lags else None,
    }
    return not problems, body


def _iso(epoch: float | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch).astimezone().isoformat()


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return repr(float(value)) if value != int(value) else str(int(value))


def render_metrics(state: MonitorState, now: float) -> str:
    """The Prometheus text exposition (version 0.0.4) of the loop's state."""
    lines: list[str] = []

    def family(name: str, kind: str, text: str, samples: list[tuple[str, float]]) -> None:
        lines.append(f"# HELP {name} {text}")
        lines.append(f"# TYPE {name} {kind}")
        lines.extend(f"{name}{labels} {_number(value)}" for labels, value in samples)

    def table_label(table: str) -> str:
        return f'{{table="{_escape(table)}"}}'

    healthy, _ = health(state, now)
    family(
        "magento_sync_cycles_total",
        "counter",
        "Sync cycles run, failed ones included.",
        [("", state.cycles)],
    )
    family(
        "magento_sync_cycle_errors_total",
        "counter",
        "Sync cycles that failed.",
        [("", state.errors)],
    )
    family(
        "magento_sync_consecutive_failures",
        "gauge",
        "Sync cycles that failed in a row since the last success.",
        [("", state.consecutive_failures)],
    )
    family(
        "magento_sync_cycle_in_progress",
        "gauge",
        "1 while a sync cycle runs.",
        [("", 1 if state.in_progress else 0)],
    )
    if state.last_duration_seconds is not None:
        family(
            "magento_sync_cycle_duration_seconds",
            "gauge",
            "Duration of the last finished sync cycle.",
            [("", round(state.last_duration_seconds, 3))],
        )
    steps = state.step_seconds.items()
    if steps:
        family(
            "magento_sync_step_duration_seconds",
            "gauge",
            "Duration of each step of the last successful sync cycle.",
            [(f'{{step="{_escape(step)}"}}', round(s, 3)) for step, s in steps],
        )
    if state.last_success_at is not None:
        family(
            "magento_sync_last_success_timestamp_seconds",
            "gauge",
            "Unix time the last successful sync cycle finished.",
            [("", round(state.last_success_at, 3))],
        )
    lagging = [(table, table.lag(now)) for table in state.tables]
    family(
        "magento_sync_lag_seconds",
        "gauge",
        "Seconds since the latest change the warehouse has of each Magento table.",
        [(table_label(t.table), round(lag, 1)) for t, lag in lagging if lag is not None],
    )
    family(
        "magento_sync_rows_changed",
        "gauge",
        "Raw rows the change feed logged per Magento table in the last successful cycle.",
        [(table_label(t.table), t.rows_changed) for t in state.tables],
    )
    family(
        "magento_sync_freshness_error_after_seconds",
        "gauge",
        "The table's freshness error threshold (migration.sync_status).",
        [
            (table_label(t.table), t.error_after_seconds)
            for t in state.tables
            if t.error_after_seconds is not None
        ],
    )
    family(
        "magento_sync_healthy",
        "gauge",
        "1 when /health answers 200, else 0.",
        [("", 1 if healthy else 0)],
    )
    return "\n".join(lines) + "\n"


def metrics_port(env: dict[str, str] | None = None) -> int:
    """MIGRATION_METRICS_PORT, default 9108; a one-line error when it is not a port."""
    text = (os.environ if env is None else env).get(PORT_VARIABLE, "") or str(DEFAULT_PORT)
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise MigrationError(
            f"{PORT_VARIABLE} must be a TCP port (1-65535), got {text!r}",
            f"Set {PORT_VARIABLE} to a free port, e.g. {DEFAULT_PORT}.",
        )
    return int(text)


class MetricsServer:
    """`/health` and `/metrics` for a SyncMonitor, on 127.0.0.1:port, in a daemon thread."""

    def __init__(self, monitor: SyncMonitor, port: int, host: str = "127.0.0.1") -> None:
        handler = _handler(monitor)
        try:
            self._server = ThreadingHTTPServer((host, port), handler)
        except OSError as error:
            raise MigrationError(
                f"cannot serve metrics on {host}:{port}: {error.strerror or error}",
                f"Set {PORT_VARIABLE} to a free port.",
            ) from None
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="magento-sync-metrics", daemon=True
        )

    def start(self) -> MetricsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(monitor: SyncMonitor) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            now = time.time()
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._send(200, CONTENT_TYPE, render_metrics(monitor.snapshot(), now))
            elif path == "/health":
                healthy, body = health(monitor.snapshot(), now)
                self._send(200 if healthy else 503, "application/json", json.dumps(body) + "\n")
            else:
                self._send(404, "text/plain; charset=utf-8", "try /metrics or /health\n")

        def _send(self, status: int, content_type: str, text: str) -> None:
            payload = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            """Scrapes are not logged (one every 15 s would drown the cycle output)."""

    return Handler
