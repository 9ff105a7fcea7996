"""The demo store's errors: one family with the migration's (`MigrationError`), so both CLIs
print any of them as the same one line, `error: <what went wrong>. <what to do>`."""

from __future__ import annotations

from magento_migration.errors import MigrationError


class StoreError(MigrationError):
    """A problem with the demo store the user can fix (options, target database, loading)."""


class LoadError(StoreError):
    """A LOAD DATA statement failed or produced warnings (bad data is never silently fixed)."""


class AnomalyError(StoreError):
    """Bad --anomalies options, or a store without the rows a kind needs (one line)."""
