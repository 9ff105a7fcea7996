"""A wrong or unreachable source or warehouse gives one clear error line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

from magento_migration.connections import mysql_connection
from magento_migration.project import PROJECT_ROOT
from magento_migration.settings import source_settings
from tests.names import db_name

CLI = str(PROJECT_ROOT / ".venv" / "bin" / "magento-migrate")
TEST_USER = db_name("user")
TEST_PASSWORD = "right-password-for-tests"  # pragma: allowlist secret (throwaway test user)


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    return subprocess.run(
        [CLI, *args], capture_output=True, text=True, env=environment, check=False, timeout=120
    )


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.fixture(scope="module")
def password_user() -> Iterator[str]:
    """A MariaDB user that needs a password (root on the test server has none)."""
    with mysql_connection(source_settings(), database=False) as connection:
        cursor = connection.cursor()
        cursor.execute(f"drop user if exists '{TEST_USER}'@'%'")
        cursor.execute(f"create user '{TEST_USER}'@'%' identified by '{TEST_PASSWORD}'")
    yield TEST_USER
    with mysql_connection(source_settings(), database=False) as connection:
        connection.cursor().execute(f"drop user if exists '{TEST_USER}'@'%'")


def test_unreachable_source(tmp_path) -> None:
    result = run_cli("migrate", MAGENTO_DB_HOST="127.0.0.1", MAGENTO_DB_PORT="1")
    assert result.returncode == 2
    assert error_lines(result) == [
        "error: Magento source: cannot reach MySQL/MariaDB at 127.0.0.1:1. "
        "Is the server running? Check MAGENTO_DB_HOST and MAGENTO_DB_PORT."
    ]
    assert "Traceback" not in result.stderr


def test_wrong_password_names_the_cause_and_hides_the_password(password_user: str) -> None:
    result = run_cli(
        "migrate", MAGENTO_DB_USER=password_user, MAGENTO_DB_PASS="wrong-password-given"
    )
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert line.startswith(f"error: Magento source: access denied for {password_user}")
    assert "MAGENTO_DB_PASS" in line
    assert "wrong-password-given" not in result.stdout + result.stderr


def test_missing_database(password_user: str) -> None:
    result = run_cli("migrate", MAGENTO_DB_NAME=db_name("no_such_database"))
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert f"database '{db_name('no_such_database')}' does not exist" in line


def test_not_a_magento_database() -> None:
    result = run_cli("migrate", MAGENTO_DB_NAME="mysql")
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert "lacks" in line
    assert "Magento table(s)" in line


def test_unreachable_warehouse() -> None:
    result = run_cli("check", "--warehouse-only", WAREHOUSE_DB_PORT="1")
    assert result.returncode == 2
    assert error_lines(result) == [
        "error: Warehouse: cannot reach PostgreSQL at 127.0.0.1:1. "
        "Is the server running? Check WAREHOUSE_DB_HOST and WAREHOUSE_DB_PORT."
    ]
