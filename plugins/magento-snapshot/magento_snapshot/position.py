"""Open a consistent snapshot and capture the binlog position it corresponds to.

MariaDB: after `START TRANSACTION WITH CONSISTENT SNAPSHOT`, `SHOW STATUS LIKE
'binlog_snapshot_%'` in the same session gives the binlog file and position of exactly that
snapshot, with no lock. MySQL 8 has no such status: a brief `FLUSH TABLES WITH READ LOCK` holds
the binlog still while the snapshot opens and the position is read (RELOAD privilege); without
that privilege the position is read before the snapshot opens, which is at or before it, so the
binlog replay repeats a few changes the snapshot already has and the target's upserts absorb them.
Binlog off: no position (the sync then falls back as without a snapshot).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

START = "START TRANSACTION WITH CONSISTENT SNAPSHOT"
ISOLATION = "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ"
MARIADB_POSITION = "SHOW STATUS LIKE 'binlog_snapshot_%'"


@dataclass(frozen=True)
class Position:
    log_file: str
    log_pos: int
    exact: bool  # the position of exactly the snapshot (False: taken before it opened)


@dataclass(frozen=True)
class SnapshotPlan:
    """The statements that open the snapshot, in order; `position` runs where it is listed."""

    statements: tuple[str, ...]
    position: str
    exact: bool
    flavor: str  # "mariadb" or "mysql"


def is_mariadb(version: str) -> bool:
    return "mariadb" in version.lower()


def mysql_status_statement(version: str) -> str:
    """`SHOW MASTER STATUS` was renamed `SHOW BINARY LOG STATUS` in MySQL 8.2 (and removed in
    8.4)."""
    match = re.match(r"(\d+)\.(\d+)", version)
    major, minor = (int(match.group(1)), int(match.group(2))) if match else (8, 0)
    return "SHOW BINARY LOG STATUS" if (major, minor) >= (8, 2) else "SHOW MASTER STATUS"


def snapshot_plan(version: str, *, can_lock: bool) -> SnapshotPlan:
    """How to open a snapshot with its binlog position on a server of this `SELECT VERSION()`."""
    if is_mariadb(version):
        return SnapshotPlan((ISOLATION, START, MARIADB_POSITION), MARIADB_POSITION, True, "mariadb")
    status = mysql_status_statement(version)
    if can_lock:
        return SnapshotPlan(
            (ISOLATION, "FLUSH TABLES WITH READ LOCK", START, status, "UNLOCK TABLES"),
            status,
            True,
            "mysql",
        )
    return SnapshotPlan((ISOLATION, status, START), status, False, "mysql")


def parse_position(plan: SnapshotPlan, rows: Sequence[Sequence[Any]]) -> Position | None:
    """The position from the rows of the plan's position statement; None when binlog is off."""
    if plan.flavor == "mariadb":
        status = {str(name).lower(): value for name, value in rows}
        log_file = _text(status.get("binlog_snapshot_file"))
        log_pos = status.get("binlog_snapshot_position")
    else:
        if not rows:
            return None
        log_file, log_pos = _text(rows[0][0]), rows[0][1]
    if not log_file or log_pos in (None, "", b""):
        return None
    return Position(log_file, int(_text(log_pos)), plan.exact)


def _text(value: Any) -> str:
    if isinstance(value, bytes | bytearray):
        return value.decode()
    return "" if value is None else str(value)


def open_snapshot(
    execute: Callable[[str], Sequence[Sequence[Any]]], version: str, *, can_lock: bool
) -> Position | None:
    """Run the plan through `execute` (one session); returns the snapshot's binlog position."""
    plan = snapshot_plan(version, can_lock=can_lock)
    position: Position | None = None
    for statement in plan.statements:
        rows = execute(statement)
        if statement == plan.position:
            position = parse_position(plan, rows)
    return position
