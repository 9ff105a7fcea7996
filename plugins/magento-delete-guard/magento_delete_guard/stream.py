"""What a Singer stream would delete in the target, counted while the stream is held back."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_STREAM = re.compile(r'"stream":\s*"([^"]+)"')
# a binlog DELETE: tap-mysql sets _sdc_deleted_at (null on inserts and updates)
_DELETED = re.compile(r'"_sdc_deleted_at":\s*"')


@dataclass
class StreamCounts:
    """Per stream: rows written, rows deleted by record, the table version activated."""

    upserts: int = 0
    deletes: int = 0
    activated_version: int | None = None

    def would_delete(self, live: int, older_than_activated: int) -> int:
        """Rows the target would mark deleted, at least: DELETE records (of live rows), plus the
        live rows of an older table version than the one activated that this run does not
        write again (a lower bound: some written rows may be new)."""
        by_version = max(0, older_than_activated - self.upserts) if self.activated_version else 0
        return min(live, self.deletes + by_version)


def table_of(stream: str) -> str:
    """The target table of a stream, as target-postgres names it (`<database>-<table>`)."""
    return stream.split("-")[-1].lower()


def count(line: str, streams: dict[str, StreamCounts]) -> None:
    """Count one Singer message line into `streams` (records are not parsed, only matched)."""
    if '"RECORD"' in line:
        match = _STREAM.search(line)
        if match:
            counts = streams.setdefault(match.group(1), StreamCounts())
            if _DELETED.search(line):
                counts.deletes += 1
            else:
                counts.upserts += 1
    elif '"ACTIVATE_VERSION"' in line:
        message = json.loads(line)
        if message.get("type") == "ACTIVATE_VERSION":
            streams.setdefault(message["stream"], StreamCounts()).activated_version = int(
                message["version"]
            )
