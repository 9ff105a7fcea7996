"""The snapshot initial load (tap-magento-snapshot) and its hand-off to the binlog sync.

`magento-migrate migrate` (default `--el snapshot`) runs

    meltano run tap-magento-snapshot repair-magento-values target-postgres

whose last STATE message holds, per stream, the binlog position of the consistent snapshot that
stream was copied in (tap-mysql's LOG_BASED bookmarks `log_file`, `log_pos`, `version`). Meltano
stores it under the snapshot pipeline's state id; `hand_off_to_binlog` then writes it, with
`meltano state set`, under the state id of the binlog extractor, so the next
`magento-migrate sync` (tap-mysql-binlog) skips its initial full copy and replays the binlog from
the snapshots on (rows changed during the copy are replayed and absorbed by the upserts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from magento_migration import pipeline, state

SNAPSHOT_EXTRACTOR = "tap-magento-snapshot"
BINLOG_EXTRACTOR = "tap-mysql-binlog"
LOADER = "target-postgres"


def binlog_state_id(env: Mapping[str, str]) -> str:
    """THE state id the binlog sync reads its positions from: this migration's own
    (magento_migration.state), and the only place the snapshot's hand-off takes it from."""
    return state.state_id(env, BINLOG_EXTRACTOR, LOADER)


def snapshot_state_id(env: Mapping[str, str]) -> str:
    """Where Meltano stores the snapshot run's final STATE (read once, right after the run)."""
    return state.state_id(env, SNAPSHOT_EXTRACTOR, LOADER)


def snapshot_load(env: Mapping[str, str]) -> pipeline.StepResult:
    """The initial load of every selected table by tap-magento-snapshot."""
    return pipeline.run_step(
        "extract-load",
        pipeline.meltano("run", "--force", SNAPSHOT_EXTRACTOR, "repair-magento-values", LOADER),
        env,
    )


@dataclass(frozen=True)
class HandOff:
    state_id: str
    streams: int
    first_position: tuple[str, int] | None  # the smallest position: where the replay starts
    last_position: tuple[str, int] | None = None  # the largest: the last snapshot's moment

    @property
    def torn(self) -> bool:
        """The snapshots are of different moments: Magento was written to while they ran."""
        return self.first_position != self.last_position


def read_snapshot_bookmarks(env: Mapping[str, str], since_ms: int) -> dict[str, dict]:
    """The LOG_BASED bookmarks the snapshot run that started at `since_ms` left in its state."""
    saved = state.read_state(env, snapshot_state_id(env))
    bookmarks = saved.get("singer_state", {}).get("bookmarks", {})
    return {
        stream: bookmark
        for stream, bookmark in bookmarks.items()
        if bookmark.get("log_file") and int(bookmark.get("version", 0)) >= since_ms
    }


def hand_off_to_binlog(env: Mapping[str, str], since_ms: int) -> HandOff:
    """Write the snapshot's binlog positions as tap-mysql-binlog's Meltano state."""
    target_id = binlog_state_id(env)
    bookmarks = read_snapshot_bookmarks(env, since_ms)
    if not bookmarks:
        return HandOff(target_id, 0, None)
    handed = {"singer_state": {"currently_syncing": None, "bookmarks": bookmarks}}
    state.write_state(env, target_id, handed)
    positions = [(b["log_file"], int(b["log_pos"])) for b in bookmarks.values()]
    return HandOff(target_id, len(bookmarks), min(positions), max(positions))
