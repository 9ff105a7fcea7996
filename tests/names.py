"""Names of the databases and users tests create: `<MG_TEST_PREFIX>_<suffix>` (default mg_test).

Two suites (two checkouts, or a developer's run beside CI) run side by side on one pair of
servers when each sets its own MG_TEST_PREFIX. The workers of one suite (`pytest -n 2`, as `make
test` runs it) each add their own id: `mg_test_gw0_*`, `mg_test_gw1_*`.
"""

from __future__ import annotations

import os

PREFIX = os.environ.get("MG_TEST_PREFIX", "mg_test") + (
    f"_{os.environ['PYTEST_XDIST_WORKER']}" if os.environ.get("PYTEST_XDIST_WORKER") else ""
)


def db_name(suffix: str) -> str:
    """The database (or user) a test names `suffix`, under this run's prefix."""
    return f"{PREFIX}_{suffix}"
