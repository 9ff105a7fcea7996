"""Progress a person can follow on a long load, on stderr (Meltano logs it line by line).

While tables are copied, every few seconds one line per active table:
    snapshot: catalog_product_entity_int 1,200,000/~2,400,000 rows 310,000 rows/s ETA 4s
and one line per table when it ends:
    snapshot: done catalog_product_entity_int 2,398,113 rows in 7.7s (311,443 rows/s); 12/70 tables
The totals are InnoDB's estimates (information_schema.tables.table_rows, hence the ~): an exact
COUNT(*) would read every table once more.
"""

from __future__ import annotations

import queue as queue_module
import sys
import time
from typing import Any

INTERVAL_SECONDS = 5.0


def _say(text: str) -> None:
    print(f"snapshot: {text}", file=sys.stderr, flush=True)


class Progress:
    def __init__(self, estimates: dict[str, int], workers: int) -> None:
        self.estimates = estimates
        self.started = time.monotonic()
        self.active: dict[str, tuple[float, int]] = {}  # stream -> (started, rows done)
        self.finished = 0
        self.done: set[str] = set()
        self.rows = 0
        self.last_tick = self.started
        _say(
            f"copying {len(estimates)} tables (~{sum(estimates.values()):,} rows) "
            f"with {workers} worker(s)"
        )

    def drain(self, queue: Any, timeout: float = 0.2) -> None:
        """Read the workers' (stream, rows done) reports."""
        try:
            item = queue.get(timeout=timeout)
            while True:
                self._update(*item)
                item = queue.get_nowait()
        except queue_module.Empty:
            return

    def _update(self, stream: str, rows: int) -> None:
        if stream in self.done:
            return
        started = self.active[stream][0] if stream in self.active else time.monotonic()
        self.active[stream] = (started, rows)

    def tick(self) -> None:
        now = time.monotonic()
        if now - self.last_tick < INTERVAL_SECONDS:
            return
        self.last_tick = now
        for stream, (started, rows) in sorted(self.active.items()):
            total = max(self.estimates.get(stream, 0), rows)
            rate = rows / max(now - started, 1e-3)
            eta = (total - rows) / rate if rate and total > rows else 0.0
            _say(f"{stream} {rows:,}/~{total:,} rows {rate:,.0f} rows/s ETA {eta:.0f}s")

    def table_done(self, stream: str, rows: int, seconds: float) -> None:
        self.active.pop(stream, None)
        self.done.add(stream)
        self.finished += 1
        self.rows += rows
        _say(
            f"done {stream} {rows:,} rows in {seconds:.1f}s ({rows / max(seconds, 1e-3):,.0f}"
            f" rows/s); {self.finished}/{len(self.estimates)} tables, {self.rows:,} rows"
        )

    def finish(self) -> None:
        seconds = time.monotonic() - self.started
        _say(
            f"copied {self.finished} tables, {self.rows:,} rows in {seconds:.1f}s "
            f"({self.rows / max(seconds, 1e-3):,.0f} rows/s)"
        )
