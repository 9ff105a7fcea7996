"""Singer mapper between tap-mysql and target-postgres: repair what Postgres cannot store.

MySQL/MariaDB hold values Postgres refuses, and one bad row stops the whole load:
- zero and impossible dates ('0000-00-00', '2021-02-30 10:00:00'): tap-mysql passes them as the
  raw MySQL string (valid dates come as ISO-8601 with an offset);
- NUL characters (U+0000) in text.
Each such value is replaced (NULL for a date, the text without NUL) and the record gets a
`_mg_repairs` object {column: {"original": ..., "reason": ...}}, which lands in the raw table
and from there in migration.repairs: the row is migrated, and nothing is changed silently.
Every other message passes through untouched (records without a suspicious value are not even
parsed). Standard library only, so Meltano installs it in a second.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from datetime import date, datetime
from typing import TextIO

REPAIRS = "_mg_repairs"
# a date(-time) the tap did not turn into ISO-8601 (space separator, or a bare date), or a NUL
_SUSPICIOUS = re.compile(r'"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d+)?)?"|\\u0000')


def _date_columns(schema: dict) -> set[str]:
    columns = set()
    for name, spec in schema.get("properties", {}).items():
        if spec.get("format") in ("date-time", "date"):
            columns.add(name)
    return columns


def _valid_iso(value: str) -> bool:
    try:
        if "T" in value:
            datetime.fromisoformat(value)
        else:
            date.fromisoformat(value)
    except ValueError:
        return False
    return True


def repair_record(record: dict, date_columns: set[str]) -> dict[str, dict]:
    """Repair a record in place; return what was repaired."""
    repairs: dict[str, dict] = {}
    for column, value in record.items():
        if not isinstance(value, str):
            continue
        if column in date_columns and not _valid_iso(value):
            reason = "zero date" if value.startswith("0000-00-00") else "invalid date"
            repairs[column] = {"original": value, "reason": f"{reason} -> NULL"}
            record[column] = None
        elif "\x00" in value:
            repairs[column] = {"original": value.replace("\x00", "\\0"), "reason": "NUL removed"}
            record[column] = value.replace("\x00", "")
    return repairs


def process(lines: Iterable[str], out: TextIO) -> int:
    """Map a Singer stream; returns the number of repaired records."""
    date_columns: dict[str, set[str]] = {}
    repaired = 0
    for line in lines:
        if '"type": "SCHEMA"' in line or '"type":"SCHEMA"' in line:
            message = json.loads(line)
            date_columns[message["stream"]] = _date_columns(message["schema"])
            message["schema"].setdefault("properties", {})[REPAIRS] = {"type": ["null", "object"]}
            out.write(json.dumps(message) + "\n")
            continue
        if not _SUSPICIOUS.search(line):
            out.write(line)
            continue
        message = json.loads(line)
        if message.get("type") == "RECORD":
            repairs = repair_record(message["record"], date_columns.get(message["stream"], set()))
            if repairs:
                message["record"][REPAIRS] = repairs
                repaired += 1
                line = json.dumps(message) + "\n"
        out.write(line)
    return repaired


def main() -> None:
    # mappers get --config like taps; this one has no settings
    repaired = process(sys.stdin, sys.stdout)
    sys.stdout.flush()
    print(f"magento-singer-repair: {repaired} record(s) repaired", file=sys.stderr)
