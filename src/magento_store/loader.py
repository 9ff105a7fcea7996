"""Bulk loading: rows become tab-separated files that MariaDB reads with LOAD DATA LOCAL INFILE.

The main thread builds rows and writes one file per table; a background thread loads each file as
soon as it is closed, so Python (generating) and the server (indexing) work at the same time on a
2-core machine. Files are loaded in the order they are closed, which the generator keeps
parents-first, so the load also works with foreign-key checks on.
"""

from __future__ import annotations

import queue
import re
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import pymysql

from .errors import LoadError

NULL = "\\N"
_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]")
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_FLUSH_LINES = 20_000


def cell(value: object) -> str:
    """One TSV field as LOAD DATA reads it (ESCAPED BY '\\\\'): \\N is NULL."""
    if value is None:
        return NULL
    if type(value) is str:
        if _NEEDS_ESCAPE.search(value):
            return value.translate(_ESCAPES)
        return value
    return str(value)


def tsv_line(row: Sequence[object]) -> str:
    """A full TSV line (with its newline) for one row."""
    return "\t".join([cell(v) for v in row]) + "\n"


class Progress:
    """Progress lines on stderr: what is being loaded, how many rows, elapsed time."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    def say(self, message: str) -> None:
        """One progress line, prefixed with the elapsed time."""
        if self.quiet:
            return
        with self._lock:
            print(f"[{self.elapsed():7.1f}s] {message}", file=self.stream, flush=True)


@dataclass
class _Job:
    table: str
    columns: tuple[str, ...]
    path: Path
    rows: int


class TableWriter:
    """Streams the rows of one table into a TSV file; closing it queues the file for loading."""

    def __init__(self, loader: Loader, table: str, columns: Sequence[str], path: Path) -> None:
        self.loader = loader
        self.table = table
        self.columns: tuple[str, ...] = tuple(columns)
        self.path = path
        self.rows = 0
        self._buffer: list[str] = []
        self._file = path.open("w", encoding="utf-8", newline="\n")
        self._closed = False

    @property
    def rows_added(self) -> int:
        """Rows written so far (flushed or buffered)."""
        return self.rows + len(self._buffer)

    def add(self, row: Sequence[object]) -> None:
        """Append one row (a tuple in column order)."""
        if not self._buffer and self.rows == 0 and len(row) != len(self.columns):
            raise LoadError(
                f"{self.table}: row has {len(row)} values for {len(self.columns)} columns"
            )
        self._buffer.append("\t".join([cell(v) for v in row]))
        if len(self._buffer) >= _FLUSH_LINES:
            self._flush()

    def add_mapping(self, row: dict[str, object]) -> None:
        """Append one row given as {column: value}; the first row fixes the column list when
        the writer was opened without one, and every row must have exactly those columns."""
        if not self.columns:
            self.columns = tuple(row)
        elif len(row) != len(self.columns):
            extra = sorted(set(row) ^ set(self.columns))
            raise LoadError(f"{self.table}: row columns differ from the first row's: {extra}")
        self.add([row[c] for c in self.columns])

    def extend(self, rows: Iterable[Sequence[object]]) -> None:
        """Append many rows."""
        for row in rows:
            self.add(row)

    def _flush(self) -> None:
        if self._buffer:
            self._file.write("\n".join(self._buffer))
            self._file.write("\n")
            self.rows += len(self._buffer)
            self._buffer = []

    def close(self) -> None:
        """Finish the file and hand it to the loading thread."""
        if self._closed:
            return
        self._flush()
        self._file.close()
        self._closed = True
        self.loader._enqueue(_Job(self.table, self.columns, self.path, self.rows))

    def abort(self) -> None:
        """Drop the file without loading it."""
        if not self._closed:
            self._file.close()
            self._closed = True
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class Loader:
    """Owns the loading connection and thread; collects per-table row counts."""

    def __init__(
        self, connection: pymysql.connections.Connection, workdir: Path, progress: Progress
    ) -> None:
        self.connection = connection
        self.workdir = workdir
        self.progress = progress
        self.counts: dict[str, int] = {}
        self._sequence = 0
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._error: BaseException | None = None
        # {table: the table its rows are loaded into instead} (Commerce's scratch tables)
        self.redirect: dict[str, str] = {}
        self._thread = threading.Thread(target=self._run, name="load-data", daemon=True)
        self._thread.start()

    def table(self, table: str, columns: Sequence[str] = ()) -> TableWriter:
        """A writer for `table`; rows are loaded when it is closed. Without `columns`, the
        first `add_mapping` row names them."""
        self.check()
        self._sequence += 1
        table = self.redirect.get(table, table)
        path = self.workdir / f"{self._sequence:03d}_{table}.tsv"
        return TableWriter(self, table, columns, path)

    def load_rows(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
    ) -> int:
        """Write and queue a whole table at once; returns the number of rows."""
        with self.table(table, columns) as writer:
            writer.extend(rows)
        return writer.rows

    def check(self) -> None:
        """Re-raise a failure of the loading thread in the generating thread."""
        if self._error is not None:
            raise self._error

    def finish(self) -> dict[str, int]:
        """Wait until every queued file is loaded; return row counts per table."""
        self._queue.put(None)
        self._thread.join()
        self.check()
        return dict(self.counts)

    def abort(self) -> None:
        """Stop after a failure in the generating thread: skip queued files, end the thread."""
        self._error = self._error or LoadError("generation aborted")
        self._queue.put(None)
        self._thread.join()

    def _enqueue(self, job: _Job) -> None:
        self.counts[job.table] = self.counts.get(job.table, 0) + job.rows
        self._queue.put(job)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if self._error is not None:
                job.path.unlink(missing_ok=True)
                continue
            try:
                self._load(job)
            except BaseException as exc:  # handed to the main thread by check()
                self._error = exc
            finally:
                job.path.unlink(missing_ok=True)

    def _load(self, job: _Job) -> None:
        if job.rows == 0:
            return
        started = time.monotonic()
        columns = ", ".join(f"`{c}`" for c in job.columns)
        sql = (
            f"LOAD DATA LOCAL INFILE %s INTO TABLE `{job.table}` CHARACTER SET utf8mb4 "
            "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' "
            f"({columns})"
        )
        with self.connection.cursor() as cur:
            cur.execute(sql, (str(job.path),))
            loaded = cur.rowcount
            cur.execute("SHOW WARNINGS LIMIT 5")
            warnings: list[Any] = list(cur.fetchall())
        if warnings:
            details = "; ".join(f"{w[0]} {w[1]}: {w[2]}" for w in warnings)
            raise LoadError(f"loading {job.table} produced warnings: {details}")
        if loaded != job.rows:
            raise LoadError(
                f"loading {job.table}: expected {job.rows} rows, server loaded {loaded}"
            )
        self.progress.say(
            f"loaded {job.table:<52} {job.rows:>10,} rows in {time.monotonic() - started:5.1f}s"
        )
