"""Singer mapper between tap-mysql and target-postgres: repair what Postgres cannot store.

MySQL/MariaDB hold values Postgres refuses, and one bad row stops the whole load:
- zero and impossible dates ('0000-00-00', '2021-02-30 10:00:00'): tap-mysql passes them as the
  raw MySQL string (valid dates come as ISO-8601 with an offset);
- NUL characters (U+0000) in text;
- mojibake: UTF-8 text that was once read as latin-1/cp1252 and stored again ('MÃ¼nchen' for
  'München'), re-decoded when the round trip is exact.
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
# The metadata columns target-postgres adds to every raw table (add_record_metadata: true), in
# its order: with REPAIRS, what a raw row holds beside Magento's columns. Said here once, for the
# snapshot EL (which writes them) and the sync (which keeps them on rows re-read unchanged).
LOADER_METADATA = (
    "_sdc_extracted_at",
    "_sdc_received_at",
    "_sdc_batched_at",
    "_sdc_deleted_at",
    "_sdc_sequence",
    "_sdc_table_version",
    "_sdc_sync_started_at",
)
# a date(-time) the tap did not turn into ISO-8601 (space separator, or a bare date), a NUL, or
# a possible mojibake: a UTF-8 lead byte read as a character (U+00C2-U+00F4) right before another
# non-ASCII character, as JSON escapes them or not
_SUSPICIOUS = re.compile(
    r'"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d+)?)?"|\\u0000'
    r"|\\u00(c[2-9a-f]|d[0-9a-f]|e[0-9a-f]|f[0-4])\\u"
    r"|[\u00c2-\u00f4][\u0080-\uffff]"
)
# UTF-8 continuation bytes as latin-1 / cp1252 shows them
_CONTINUATION = (
    "\u0080-\u00bf"
    "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
_MOJIBAKE_RUN = re.compile(f"(?:[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}})+")
# A decimal number of a parsed record is carried as marked text and written back as the very text
# the tap wrote ('49.2600'): a float would lose the scale ('49.26') of the repaired rows only.
_NUMBER_MARK = "\ufdd0\ufdef"
_MARKED_NUMBER = re.compile(r'"\\ufdd0\\ufdef(.*?)\\ufdd0\\ufdef"')


def _keep_number(text: str) -> str:
    return f"{_NUMBER_MARK}{text}{_NUMBER_MARK}"


def _loads(line: str) -> dict:
    return json.loads(line, parse_float=_keep_number)


def _dumps(message: dict) -> str:
    return _MARKED_NUMBER.sub(r"\1", json.dumps(message))


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


def _decode_run(run: str) -> str:
    for codec in ("cp1252", "latin-1"):
        try:
            return run.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return run


def unmojibake(value: str) -> str | None:
    """The text with every mis-decoded UTF-8 sequence restored; None when there is none."""
    fixed = _MOJIBAKE_RUN.sub(lambda match: _decode_run(match.group(0)), value)
    return fixed if fixed != value else None


def repair_record(record: dict, date_columns: set[str]) -> dict[str, dict]:
    """Repair a record in place; return what was repaired."""
    repairs: dict[str, dict] = {}
    for column, value in record.items():
        if not isinstance(value, str) or value.startswith(_NUMBER_MARK):
            continue
        if column in date_columns and not _valid_iso(value):
            reason = "zero date" if value.startswith("0000-00-00") else "invalid date"
            repairs[column] = {"original": value, "reason": f"{reason} -> NULL"}
            record[column] = None
        elif "\x00" in value:
            repairs[column] = {"original": value.replace("\x00", "\\0"), "reason": "NUL removed"}
            record[column] = value.replace("\x00", "")
        elif (fixed := unmojibake(value)) is not None:
            repairs[column] = {
                "original": value,
                "reason": "mojibake (UTF-8 read as latin-1) re-decoded",
            }
            record[column] = fixed
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
        message = _loads(line)
        if message.get("type") == "RECORD":
            repairs = repair_record(message["record"], date_columns.get(message["stream"], set()))
            if repairs:
                message["record"][REPAIRS] = repairs
                repaired += 1
                line = _dumps(message) + "\n"
        out.write(line)
    return repaired


def main() -> None:
    # mappers get --config like taps; this one has no settings
    repaired = process(sys.stdin, sys.stdout)
    sys.stdout.flush()
    print(f"magento-singer-repair: {repaired} record(s) repaired", file=sys.stderr)
