"""tap-magento-snapshot without servers: the binlog position capture of MariaDB and MySQL 8 (no
MySQL 8 server here, so its SQL is checked as statements), and the value rules."""

from __future__ import annotations

import sys
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest

from magento_migration.project import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "plugins" / "magento-singer-repair"))
sys.path.insert(0, str(PROJECT_ROOT / "plugins" / "magento-snapshot"))
from magento_snapshot.position import Position, open_snapshot, snapshot_plan
from magento_snapshot.values import Column, RowConverter

MYSQL_STATUS = [("binlog.000042", 7311, "", "", "")]


def recorder(answers: dict[str, list]) -> tuple[list[str], object]:
    executed: list[str] = []

    def execute(statement: str) -> list:
        executed.append(statement)
        return answers.get(statement, [])

    return executed, execute


def test_mariadb_reads_the_position_of_its_own_snapshot_without_a_lock() -> None:
    status = [("Binlog_snapshot_file", "mariadb-bin.000003"), ("Binlog_snapshot_position", "1234")]
    executed, execute = recorder({"SHOW STATUS LIKE 'binlog_snapshot_%'": status})
    position = open_snapshot(execute, "10.11.6-MariaDB-0+deb12u1", can_lock=True)
    assert position == Position("mariadb-bin.000003", 1234, exact=True)
    start = executed.index("START TRANSACTION WITH CONSISTENT SNAPSHOT")
    assert executed.index("SHOW STATUS LIKE 'binlog_snapshot_%'") > start
    assert not [s for s in executed if "LOCK" in s]


def test_mariadb_with_binlog_off_has_no_position() -> None:
    status = [("Binlog_snapshot_file", ""), ("Binlog_snapshot_position", "0")]
    _, execute = recorder({"SHOW STATUS LIKE 'binlog_snapshot_%'": status})
    assert open_snapshot(execute, "10.11.6-MariaDB", can_lock=True) is None


@pytest.mark.parametrize(
    ("version", "status"),
    [("8.0.36", "SHOW MASTER STATUS"), ("8.4.3", "SHOW BINARY LOG STATUS")],
)
def test_mysql8_holds_a_read_lock_while_the_snapshot_opens(version: str, status: str) -> None:
    executed, execute = recorder({status: MYSQL_STATUS})
    position = open_snapshot(execute, version, can_lock=True)
    assert position == Position("binlog.000042", 7311, exact=True)
    lock = executed.index("FLUSH TABLES WITH READ LOCK")
    start = executed.index("START TRANSACTION WITH CONSISTENT SNAPSHOT")
    read = executed.index(status)
    unlock = executed.index("UNLOCK TABLES")
    assert lock < start < read < unlock


def test_mysql8_without_reload_reads_the_position_before_the_snapshot() -> None:
    executed, execute = recorder({"SHOW MASTER STATUS": MYSQL_STATUS})
    position = open_snapshot(execute, "8.0.36", can_lock=False)
    assert position == Position("binlog.000042", 7311, exact=False)
    assert executed.index("SHOW MASTER STATUS") < executed.index(
        "START TRANSACTION WITH CONSISTENT SNAPSHOT"
    )
    assert "FLUSH TABLES WITH READ LOCK" not in executed
    assert snapshot_plan("8.0.36", can_lock=False).exact is False


def test_mysql8_with_binlog_off_has_no_position() -> None:
    _, execute = recorder({"SHOW MASTER STATUS": []})
    assert open_snapshot(execute, "8.0.36", can_lock=True) is None


def converter(*columns: tuple[str, str, dict], pg_types: list[str]) -> RowConverter:
    return RowConverter([Column(*column) for column in columns], pg_types)


def test_values_follow_the_singer_path() -> None:
    row_converter = converter(
        ("price", "decimal", {"type": ["null", "number"], "multipleOf": 0.0001}),
        ("weight", "float", {"type": ["null", "number"]}),
        ("big", "bigint", {"type": ["null", "integer"], "maximum": 2**64 - 1}),
        ("active", "tinyint", {"type": ["null", "boolean"]}),
        ("opens", "time", {"type": ["null", "string"], "format": "time"}),
        ("created", "datetime", {"type": ["null", "string"], "format": "date-time"}),
        ("name", "varchar", {"type": ["null", "string"]}),
        pg_types=["numeric", "numeric", "bigint", "boolean", "time without time zone",
                  "timestamp without time zone", "text"],
    )  # fmt: skip
    values, repairs = row_converter.convert(
        (Decimal("49.2600"), 0.1, 2**64 - 1, 2, b"09:30:00", b"2021-01-02 03:04:05", "Ω 😀")
    )
    assert repairs is None
    assert values == [
        Decimal("49.2600"),  # the scale kept
        Decimal("0.1"),  # a FLOAT as MySQL prints it, not 0.100000001490116
        2**64 - 1,
        True,
        time(9, 30),
        datetime(2021, 1, 2, 3, 4, 5),
        "Ω 😀",
    ]
    assert str(values[0]) == "49.2600"


def test_zero_dates_nul_and_mojibake_are_repaired_with_the_mappers_functions() -> None:
    row_converter = converter(
        ("dob", "date", {"type": ["null", "string"], "format": "date-time"}),
        ("note", "text", {"type": ["null", "string"]}),
        ("city", "varchar", {"type": ["null", "string"]}),
        pg_types=["timestamp without time zone", "text", "text"],
    )
    values, repairs = row_converter.convert((b"0000-00-00", "a\x00b", "MÃ¼nchen"))
    assert values == [None, "ab", "München"]
    assert repairs == {
        "dob": {"original": "0000-00-00", "reason": "zero date -> NULL"},
        "note": {"original": "a\\0b", "reason": "NUL removed"},
        "city": {"original": "MÃ¼nchen", "reason": "mojibake (UTF-8 read as latin-1) re-decoded"},
    }


def test_a_time_beyond_24_hours_stops_the_load_as_on_the_singer_path() -> None:
    row_converter = converter(
        ("opens", "time", {"type": ["null", "string"], "format": "time"}),
        pg_types=["time without time zone"],
    )
    assert str(timedelta(hours=100)) == "4 days, 4:00:00"  # what tap-mysql would send
    with pytest.raises(ValueError, match="beyond 24 h"):
        row_converter.convert((b"100:00:00",))
