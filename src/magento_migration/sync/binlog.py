"""Can this Magento server feed a binlog (LOG_BASED) sync? If not, say exactly why."""

from __future__ import annotations

from dataclasses import dataclass

from magento_migration.connections import mysql_connection
from magento_migration.settings import DbSettings

REQUIRED_SETTINGS = {"log_bin": "ON", "binlog_format": "ROW", "binlog_row_image": "FULL"}


@dataclass(frozen=True)
class BinlogCheck:
    usable: bool
    reasons: tuple[str, ...]

    def explain(self) -> str:
        return "; ".join(self.reasons) if self.reasons else "binlog usable"


def _has_privileges(grants: list[str]) -> list[str]:
    text = " ".join(grants).upper()
    if "ALL PRIVILEGES ON *.*" in text:
        return []
    missing = []
    if "REPLICATION SLAVE" not in text and "REPLICATION REPLICA" not in text:
        missing.append("REPLICATION SLAVE")
    if "REPLICATION CLIENT" not in text and "BINLOG MONITOR" not in text:
        missing.append("REPLICATION CLIENT (BINLOG MONITOR)")
    return missing


def check_binlog(settings: DbSettings) -> BinlogCheck:
    """Server variables and the user's grants a LOG_BASED tap-mysql needs."""
    reasons: list[str] = []
    with mysql_connection(settings) as connection, connection.cursor() as cursor:
        cursor.execute(
            "select variable_name, variable_value from information_schema.global_variables "
            "where variable_name in ('LOG_BIN', 'BINLOG_FORMAT', 'BINLOG_ROW_IMAGE')"
        )
        values = {name.lower(): str(value).upper() for name, value in cursor.fetchall()}
        for name, wanted in REQUIRED_SETTINGS.items():
            actual = values.get(name, "unknown")
            if actual != wanted:
                reasons.append(f"{name} is {actual}, needs {wanted}")
        cursor.execute("show grants for current_user()")
        missing = _has_privileges([row[0] for row in cursor.fetchall()])
        if missing:
            reasons.append(f"{settings.user} lacks {', '.join(missing)}")
    return BinlogCheck(not reasons, tuple(reasons))
