"""The mass-delete guard of a sync cycle: how much of a raw table may one cycle delete?

One rule (`DeleteLimit.breach`), used by the Singer mapper in front of target-postgres (deletes
the target would write: binlog DELETE records, rows a new table version no longer has) and by
`magento-migrate sync` for the deletions it makes itself (key sweep, Magento's ON DELETE CASCADE).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_SHARE = 0.2
DEFAULT_MIN_ROWS = 50


@dataclass(frozen=True)
class DeleteLimit:
    """A cycle may delete at most `max_share` of a table's live rows; fewer than `min_rows`
    deleted rows never count as a mass delete (a small table losing its one row is not one)."""

    max_share: float = DEFAULT_MAX_SHARE
    min_rows: int = DEFAULT_MIN_ROWS
    allow: bool = False

    def breach(self, table: str, deleted: int, live: int, how: str = "delete") -> str | None:
        """One line saying what the cycle would do to `table`, when that is a mass delete."""
        if self.allow or deleted < self.min_rows or deleted <= self.max_share * live:
            return None
        share = deleted / live if live else 1.0
        return (
            f"{table}: this cycle would {how} {deleted:,} of its {live:,} live rows "
            f"({share:.0%} > {self.max_share:.0%})"
        )
