"""Row values for binary COPY, identical to what the Singer path (tap-mysql -> repair-magento-values
-> target-postgres) stores.

The Singer path turns a MySQL row into a record (tap-mysql: datetimes as ISO strings in UTC,
invalid dates as MySQL prints them, tinyint(1) as booleans), repairs it (magento-singer-repair:
zero dates, NUL characters, mojibake, recorded in `_mg_repairs`), and target-postgres writes it
into the column type it created from the SCHEMA message. Here the same steps run on the values
the C driver returns, without JSON in between:

- the record of a row is built (and the repair functions of magento-singer-repair run on it)
  only when one of its values could need a repair, as the mapper does;
- each value is then converted for the Postgres column type target-postgres created.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from magento_singer_repair import LOADER_METADATA, REPAIRS, repair_record
from psycopg.types.json import Jsonb, JsonbBinaryDumper
from pymysql.converters import convert_date, convert_datetime, convert_timedelta

# what makes the mapper look at a text value: a NUL or a possible mojibake (a UTF-8 lead byte
# read as a character before another non-ASCII one); a superset of what repair_record changes
_SUSPICIOUS_TEXT = re.compile("\x00|[\u00c2-\u00f4][\u0080-\uffff]")
_JSON_NULL = Jsonb(None)


@dataclass(frozen=True)
class Column:
    """A selected MySQL column: its name, MySQL data type and JSON schema (from tap-mysql)."""

    name: str
    datatype: str
    schema: dict

    @property
    def is_date(self) -> bool:
        return self.schema.get("format") == "date-time"

    @property
    def is_time(self) -> bool:
        return self.schema.get("format") == "time"

    @property
    def is_text(self) -> bool:
        return "string" in _types(self.schema) and not self.is_date and not self.is_time

    @property
    def is_boolean(self) -> bool:
        return "boolean" in _types(self.schema)

    def select_expression(self) -> str:
        """The column in the SELECT, as tap-mysql writes it."""
        quoted = "`" + self.name.replace("`", "``") + "`"
        if self.schema.get("format") == "binary":
            return f"hex({quoted}) as {quoted}"
        return quoted


def _types(schema: dict) -> list[str]:
    value = schema.get("type", [])
    return [value] if isinstance(value, str) else list(value)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, (bytes, bytearray)) else value


def tap_date(value: Any, datatype: str) -> str | None:
    """A date/datetime/timestamp as tap-mysql puts it in the record: ISO-8601 with +00:00 for a
    valid value, the string MySQL printed for a zero or impossible one (PyMySQL's converters)."""
    if value is None:
        return None
    text = _text(value)
    if datatype == "date":
        parsed: Any = convert_date(text)
        if isinstance(parsed, date):
            return parsed.isoformat() + "T00:00:00+00:00"
        return parsed
    parsed = convert_datetime(text)
    if isinstance(parsed, datetime):
        return parsed.isoformat() + "+00:00"
    return parsed


def tap_time(value: Any) -> str | None:
    """A TIME as tap-mysql puts it in the record: str() of PyMySQL's timedelta."""
    if value is None:
        return None
    parsed = convert_timedelta(_text(value))
    return str(parsed) if isinstance(parsed, timedelta) else parsed


def _fast_datetime(value: Any, datatype: str) -> datetime | str | None:
    """The Postgres timestamp of a MySQL date value, or the tap's string when it is not a valid
    date (the repair then decides). The common case (a valid 'YYYY-MM-DD HH:MM:SS') is parsed
    in C; anything else goes through the tap's own converters."""
    if value is None:
        return None
    text = _text(value)
    if len(text) in (10, 19) and not text.startswith("0000"):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    record_value = tap_date(text, datatype)
    if record_value is None or "T" not in record_value:
        return record_value
    return datetime.fromisoformat(record_value).replace(tzinfo=None)


def _to_pg(pg_type: str) -> Callable[[Any], Any]:
    """Convert a record value (as target-postgres receives it) for a column of `pg_type`."""
    if pg_type == "numeric":
        return _numeric
    if pg_type == "jsonb":
        return Jsonb
    if pg_type == "boolean":
        return lambda value: value if value is None or isinstance(value, bool) else bool(value)
    if pg_type == "time without time zone":
        return _time
    if pg_type == "text":
        return lambda value: value if value is None or isinstance(value, str) else str(value)
    return lambda value: value


def _numeric(value: Any) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # the Singer path serialises a float with repr() and the target parses it as a Decimal
        return Decimal(repr(value))
    return Decimal(value)


def _time(value: Any) -> time | None:
    """A TIME for Postgres' `time` (what target-postgres creates for tap-mysql's format time).
    A value beyond 24 h (or negative) fits no `time`: target-postgres stops the load on it
    ("Could not parse value"), and so does this, naming the value."""
    if value is None:
        return None
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(value if len(value.split(":")[0]) == 2 else "0" + value)
    except ValueError:
        raise ValueError(
            f"Could not parse value {value!r} as a time: a MySQL TIME beyond 24 h or negative "
            "does not fit Postgres' time type (the Singer path stops on it too)"
        ) from None


# Postgres type names psycopg's binary COPY needs (information_schema names -> type names)
PG_COPY_TYPES = {
    "timestamp without time zone": "timestamp",
    "time without time zone": "time",
    "character varying": "text",
}


@dataclass
class RowConverter:
    """Turns a driver row into the COPY row (selected columns, `_mg_repairs`, `_sdc_*`)."""

    columns: Sequence[Column]
    pg_types: Sequence[str]

    def __post_init__(self) -> None:
        self.text_indexes = [i for i, c in enumerate(self.columns) if c.is_text]
        self.date_indexes = [i for i, c in enumerate(self.columns) if c.is_date]
        self.time_indexes = [i for i, c in enumerate(self.columns) if c.is_time]
        self.bool_indexes = [i for i, c in enumerate(self.columns) if c.is_boolean]
        self.date_names = {c.name for c in self.columns if c.is_date}
        # integers, text and DECIMALs (Decimal, with their scale) arrive as COPY needs them;
        # every other column is cast
        self.casts = [
            (i, _to_pg(pg_type))
            for i, pg_type in enumerate(self.pg_types)
            if pg_type not in ("bigint", "integer", "smallint")
            and not (pg_type == "text" and self.columns[i].is_text)
            and not (pg_type == "numeric" and self.columns[i].datatype == "decimal")
        ]

    @property
    def simple(self) -> bool:
        """Only integers, DECIMALs and text: a batch without a suspicious text goes as it is."""
        return not (self.date_indexes or self.time_indexes or self.bool_indexes or self.casts)

    def _batch_suspicious(self, rows: Sequence[Sequence[Any]]) -> bool:
        texts = [row[i] for i in self.text_indexes for row in rows]
        present = [text for text in texts if text]
        if not all(isinstance(text, str) for text in present):
            return True  # bytes (a binary collation): the row by row path decodes them
        return _SUSPICIOUS_TEXT.search("\x01".join(present)) is not None

    def copy_rows(self, rows: Sequence[Sequence[Any]], tail: Sequence[Any]) -> list[Sequence[Any]]:
        """The COPY rows of a batch: the converted values, `_mg_repairs`, then `tail` (the
        `_sdc_*` values). A batch of plain values is passed through without a Python loop per
        value; any other batch row by row (and the repair runs on the rows that need it)."""
        texts_plain = not (self.text_indexes and self._batch_suspicious(rows))
        if self.simple and texts_plain:
            return [(*row, _JSON_NULL, *tail) for row in rows]
        result = []
        for row in rows:
            values, repairs = self.convert(row, texts_plain=texts_plain)
            values.append(repairs_value(repairs))
            values.extend(tail)
            result.append(values)
        return result

    def convert(
        self, row: Sequence[Any], *, texts_plain: bool = False
    ) -> tuple[list[Any], dict | None]:
        """(the values for the selected columns, the repairs of the row or None);
        `texts_plain`: the batch's texts are all str without a suspicious value (checked once
        for the batch), so they are not looked at again row by row."""
        values = list(row)
        suspicious = False
        for i in self.date_indexes:
            parsed = _fast_datetime(values[i], self.columns[i].datatype)
            if isinstance(parsed, str):
                suspicious = True
            values[i] = parsed
        for i in () if texts_plain else self.text_indexes:
            value = values[i]
            if value is not None and not isinstance(value, str):
                values[i] = value = value.decode()
            if value and _SUSPICIOUS_TEXT.search(value):
                suspicious = True
        for i in self.time_indexes:
            values[i] = tap_time(values[i])
        for i in self.bool_indexes:
            value = values[i]
            values[i] = None if value is None else value not in (0, b"\x00")
        repairs = self._repair(values) if suspicious else None
        for i, cast in self.casts:
            values[i] = cast(values[i])
        return values, repairs

    def _repair(self, values: list[Any]) -> dict | None:
        """Run magento-singer-repair's repair_record on the row as a Singer record."""
        record = {}
        for i in self.text_indexes + self.time_indexes:
            record[self.columns[i].name] = values[i]
        for i in self.date_indexes:
            value = values[i]
            if isinstance(value, datetime):
                value = value.isoformat() + "+00:00"
            record[self.columns[i].name] = value
        repairs = repair_record(record, self.date_names)
        for i in self.text_indexes + self.time_indexes:
            values[i] = record[self.columns[i].name]
        for i in self.date_indexes:
            value = record[self.columns[i].name]
            if isinstance(value, str):
                value = datetime.fromisoformat(value).replace(tzinfo=None)
            values[i] = value
        return repairs or None


class RepairsDumper(JsonbBinaryDumper):
    """jsonb for binary COPY; the JSON null of a row without repairs is a constant (psycopg's
    dumper would run json.dumps for each of them: measured 5x slower COPY of an EAV table)."""

    def dump(self, obj: Any) -> Any:
        if obj is _JSON_NULL:
            return b"\x01null"  # jsonb binary format: version 1, then the text
        return super().dump(obj)


def repairs_value(repairs: dict | None) -> Jsonb:
    """`_mg_repairs` as target-postgres writes it: the object, or JSON null (never SQL NULL)."""
    return _JSON_NULL if repairs is None else Jsonb(repairs)


__all__ = ["LOADER_METADATA", "REPAIRS", "Column", "RepairsDumper", "RowConverter", "repairs_value"]
