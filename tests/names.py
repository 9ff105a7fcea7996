"""Names of the databases and users tests create: `<MG_TEST_PREFIX>_<suffix>` (default mg_test).

Two suites (two checkouts, or a developer's run beside CI) run side by side on one pair of
servers when each sets its own MG_TEST_PREFIX.
"""

from __future__ import annotations

import os

PREFIX = os.environ.get("MG_TEST_PREFIX", "mg_test")


def db_name(suffix: str) -> str:
    """The database (or user) a test names `suffix`, under this run's prefix."""
    return f"{PREFIX}_{suffix}"
