"""The migration pipeline: Meltano EL into magento_raw, then dbt, each a logged subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from magento_migration import state
from magento_migration.connections import postgres_connection
from magento_migration.errors import MigrationError
from magento_migration.project import PROJECT_ROOT, executable, log_dir, meltano_system_dir
from magento_migration.settings import DbSettings, raw_schema

_TABLE_STARTED = re.compile(r"Beginning sync for \w+ table [^.\s]+\.(\w+)")
# tap-magento-snapshot's progress: "snapshot: <table> <done>/~<total> rows ..." while a table is
# copied, "snapshot: done <table> ..." when it ends (kept on screen), "snapshot: error: ..."
_SNAPSHOT_PROGRESS = re.compile(r"snapshot: (.*?)(?:\s+cmd_type=|$)")


def pipeline_env(
    source: DbSettings,
    warehouse: DbSettings,
    extra: Mapping[str, str] | None = None,
    *,
    target: str = "prod",
) -> dict[str, str]:
    """The environment of Meltano and dbt: the resolved connection settings, this migration's
    own Meltano state (magento_migration.state) and run folder (`meltano_system_dir`), and the
    dbt target (`target` unless DBT_TARGET names one: every target but `prod` masks personal
    data)."""
    env = dict(os.environ)
    for prefix, settings in (("MAGENTO_DB", source), ("WAREHOUSE_DB", warehouse)):
        env[f"{prefix}_HOST"] = settings.host
        env[f"{prefix}_PORT"] = str(settings.port)
        env[f"{prefix}_USER"] = settings.user
        env[f"{prefix}_PASS"] = settings.password
        env[f"{prefix}_NAME"] = settings.name
    env.setdefault("DBT_PROFILES_DIR", str(PROJECT_ROOT))
    env.setdefault("DBT_PROJECT_DIR", str(PROJECT_ROOT))
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    env["MELTANO_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    env.setdefault("MELTANO_ENVIRONMENT", "dev")
    for name, value in state.state_env(source, warehouse, raw_schema(env)).items():
        # an explicitly configured Meltano system database is kept; the state id suffix never
        env[name] = env.get(name, value) if name == "MELTANO_DATABASE_URI" else value
    env["MELTANO_SYS_DIR_ROOT"] = str(meltano_system_dir(env["MELTANO_RUN_STATE_ID_SUFFIX"]))
    if not env.get("DBT_TARGET"):
        env["DBT_TARGET"] = target
    if extra:
        env.update(extra)
    return env


@dataclass(frozen=True)
class StepResult:
    name: str
    seconds: float
    log_path: Path


def run_step(
    name: str,
    command: Sequence[str],
    env: Mapping[str, str],
    *,
    progress: bool = True,
) -> StepResult:
    """Run one pipeline step, its output into logs/<step>.log (MIGRATION_LOG_DIR); raise
    MigrationError on failure."""
    folder = log_dir(env)
    folder.mkdir(parents=True, exist_ok=True)
    log_path = folder / f"{name}.log"
    started = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        log.write("$ " + " ".join(command) + "\n")
        log.flush()
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=dict(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        assert process.stdout is not None
        tables_started = 0
        for line in process.stdout:
            log.write(line)
            if progress:
                snapshot = _SNAPSHOT_PROGRESS.search(line)
                if snapshot:
                    text = snapshot.group(1).strip()
                    if text.startswith(("done ", "copied ", "copying ", "error", "binlog", "no ")):
                        _status("")
                        sys.stderr.write(f"  {name}: {text}\n")
                    else:
                        _status(f"  {name}: {text}")
                    continue
                match = _TABLE_STARTED.search(line)
                if match:
                    tables_started += 1
                    _status(f"  {name}: table {tables_started}: {match.group(1)}")
        returncode = process.wait()
    seconds = time.monotonic() - started
    if progress:
        _status("")
    if returncode != 0:
        raise MigrationError(
            f"{name} failed (exit {returncode}) after {seconds:.0f}s; last lines:\n"
            + _tail(log_path),
            f"Full log: {log_path}",
        )
    return StepResult(name, seconds, log_path)


def _status(text: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K" + text)
        sys.stderr.flush()
    elif text:
        sys.stderr.write(text + "\n")


def _tail(path: Path, lines: int = 12) -> str:
    content = path.read_text(encoding="utf-8", errors="replace").splitlines()
    interesting = [line for line in content if re.search(r"error|exception|fail", line, re.I)]
    chosen = (interesting or content)[-lines:]
    return "\n".join("    " + line[:300] for line in chosen)


def meltano(*args: str) -> list[str]:
    return [executable("meltano"), *args]


def el_command(extractor: str, *, guarded: bool = False) -> list[str]:
    """`meltano run <extractor> repair-magento-values [guard-raw-deletions] target-postgres`.

    `guarded`: the sync's mass-delete guard holds the stream in front of the target. The state id
    suffix comes from the environment (MELTANO_RUN_STATE_ID_SUFFIX, see `pipeline_env`).
    `--force`: Meltano refuses, for 5 minutes, to start a job whose previous run was killed (it
    still looks "running"). Concurrent runs are excluded by `run_lock` instead, which dies with
    its process, so a rerun after a crash starts at once.
    """
    mappers = ["repair-magento-values", *(["guard-raw-deletions"] if guarded else [])]
    return meltano("run", "--force", extractor, *mappers, "target-postgres")


def extract_load(env: Mapping[str, str]) -> StepResult:
    """Copy every selected Magento table whole into the raw layer (the Singer FULL_TABLE path).

    An initial load is a full copy by definition: the state a stopped run left is cleared first.
    Resumed from a bookmark in the middle of a table, tap-mysql would read only the rest, and the
    table's closing ACTIVATE_VERSION would mark the rows before the bookmark deleted."""
    state.clear_state(env, state.state_id(env, "tap-mysql"))
    return run_step("extract-load", el_command("tap-mysql"), env)


@contextmanager
def run_lock(warehouse: DbSettings) -> Iterator[None]:
    """One migration or sync run per warehouse at a time: a Postgres advisory lock held by this
    process's session (released by the server when the process dies, even by kill -9)."""
    with postgres_connection(warehouse) as connection:
        key = f"magento_migration:{warehouse.name}"
        acquired = connection.execute("select pg_try_advisory_lock(hashtext(%s))", (key,))
        if not acquired.fetchone()[0]:
            raise MigrationError(
                f"another migration or sync run is using the warehouse {warehouse.describe()}",
                "Wait for it to finish (or stop it), then run again.",
            )
        yield


def dbt(env: Mapping[str, str], *dbt_args: str, name: str | None = None) -> StepResult:
    """Run a dbt command through Meltano's dbt-postgres utility."""
    return run_step(
        name or "dbt-" + dbt_args[0],
        meltano("invoke", "dbt-postgres", *dbt_args),
        env,
        progress=False,
    )
