"""A sync cycle that changed nothing skips its dbt build: when may it?

A `dbt build` is a function of the raw layer, the project's code and settings, and the time
(Adobe Commerce's content staging: the version current now). So a cycle rebuilds unless all of
these hold:
- its EL changed no raw row (binlog mode: the mass-delete guard counted no record, DELETE or
  table version in the stream the target receives; incremental mode, whose stream re-reads:
  no raw row was extracted or deleted since the EL started, the rows re-read unchanged keeping
  their `_sdc_extracted_at`, raw_layer.keep_unchanged_rows) and the FK actions and the key
  sweep changed none;
- the last build this migration's sync ran succeeded with the same code and settings (a
  fingerprint of the dbt project's files and the settings it reads, kept in the warehouse), and
  no cycle since has written to the raw layer without finishing its build (each cycle marks the
  record before its EL, and only a build or a cycle that changed nothing marks it clean again:
  a cycle killed between its EL and the end of its build leaves it marked);
- no Commerce version started or ended since that build (a raw table with created_in and
  updated_in has a bound in (built at, now]).
The record lives in the warehouse beside the raw layer it describes (`meltano.magento_sync_build`,
next to this migration's Meltano state), so a copied or restored warehouse carries it and another
checkout syncing the same warehouse reads the same record.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass

from psycopg import sql

from magento_migration.connections import postgres_connection
from magento_migration.project import PROJECT_ROOT
from magento_migration.settings import DbSettings
from magento_migration.state import STATE_SCHEMA

# what the dbt build reads: the project's files (dbt_project.yml, profiles.yml and these folders)
_DBT_INPUTS = ("models", "macros", "seeds", "tests/dbt", "snapshots")
# the environment dbt reads besides its files (profiles.yml, dbt_project.yml: env_var); no
# credential is part of the fingerprint
_DBT_SETTINGS = (
    "DBT_TARGET",
    "WAREHOUSE_DBT_SCHEMA",
    "WAREHOUSE_RAW_SCHEMA",
    "WAREHOUSE_ROLE_PREFIX",
    "WAREHOUSE_DB_HOST",
    "WAREHOUSE_DB_PORT",
    "WAREHOUSE_DB_NAME",
    "WAREHOUSE_DB_USER",
)
_RECORD = sql.Identifier(STATE_SCHEMA, "magento_sync_build")
_RECORD_NAME = f"{STATE_SCHEMA}.magento_sync_build"
# the guard's summary line (plugins/magento-delete-guard)
_PASSED = re.compile(
    r"magento-delete-guard: \d+ stream\(s\), ([\d,]+) record\(s\), ([\d,]+) DELETE record\(s\), "
    r"(\d+) table version\(s\) passed on"
)


@dataclass(frozen=True)
class StreamChange:
    """What one cycle's EL stream carried to the target."""

    records: int
    deletes: int
    versions: int

    @property
    def empty(self) -> bool:
        return not (self.records or self.deletes or self.versions)


def stream_change(el_log: str) -> StreamChange | None:
    """The guard's count of what it passed on, from the EL's log; None when it printed none."""
    match = _PASSED.search(el_log)
    if not match:
        return None
    records, deletes, versions = (int(group.replace(",", "")) for group in match.groups())
    return StreamChange(records, deletes, versions)


def code_fingerprint(env: Mapping[str, str]) -> str:
    """sha256 of every file the dbt build reads and of the settings it reads."""
    digest = hashlib.sha256()
    files = [PROJECT_ROOT / "dbt_project.yml", PROJECT_ROOT / "profiles.yml"]
    for folder in _DBT_INPUTS:
        root = PROJECT_ROOT / folder
        if root.is_dir():
            files += sorted(path for path in root.rglob("*") if path.is_file())
    for path in files:
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in _DBT_SETTINGS:
        digest.update(f"{name}={env.get(name, '')}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class LastBuild:
    """The sync's last successful build: its fingerprint, when it started (Unix time), and
    whether the raw layer is still as that build read it (clean)."""

    fingerprint: str
    started_at: float
    clean: bool


def last_build(warehouse: DbSettings) -> LastBuild | None:
    """The record of the sync's last successful build, if any."""
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass(%s)", (_RECORD_NAME,)).fetchone()[0]:
            row = connection.execute(
                sql.SQL("select fingerprint, started_at, clean from {}").format(_RECORD)
            ).fetchone()
            return LastBuild(row[0], float(row[1]), bool(row[2])) if row else None
    return None


def mark_raw_layer(warehouse: DbSettings, *, clean: bool) -> None:
    """Before a cycle writes to the raw layer: not clean (a cycle stopped anywhere after this,
    killed included, leaves it so, and the next cycle builds); clean again after a cycle that
    changed nothing."""
    with postgres_connection(warehouse) as connection:
        if connection.execute("select to_regclass(%s)", (_RECORD_NAME,)).fetchone()[0]:
            connection.execute(sql.SQL("update {} set clean = %s").format(_RECORD), (clean,))


def record_build(warehouse: DbSettings, fingerprint: str, started_at: float) -> None:
    """Keep (fingerprint, start) of a build that succeeded, replacing the previous record."""
    with postgres_connection(warehouse) as connection, connection.transaction():
        connection.execute(sql.SQL("drop table if exists {}").format(_RECORD))
        connection.execute(
            sql.SQL(
                "create table {} (fingerprint text not null, "
                "started_at double precision not null, clean boolean not null)"
            ).format(_RECORD)
        )
        connection.execute(
            sql.SQL("insert into {} values (%s, %s, true)").format(_RECORD),
            (fingerprint, started_at),
        )


def staged_bound_passed(warehouse: DbSettings, schema: str, since: float) -> bool:
    """Did a content-staging version start or end in (since, now]? (Adobe Commerce: raw tables
    with created_in and updated_in; none on Open Source.)"""
    now = time.time()
    with postgres_connection(warehouse) as connection:
        tables = connection.execute(
            "select table_name from information_schema.columns where table_schema = %s "
            "and column_name in ('created_in', 'updated_in') group by table_name "
            "having count(*) = 2",
            (schema,),
        ).fetchall()
        for (table,) in tables:
            passed = connection.execute(
                sql.SQL(
                    "select exists (select 1 from {} where _sdc_deleted_at is null and ("
                    "(created_in > %(since)s and created_in <= %(now)s) or "
                    "(updated_in > %(since)s and updated_in <= %(now)s)))"
                ).format(sql.Identifier(schema, table)),
                {"since": since, "now": now},
            ).fetchone()[0]
            if passed:
                return True
    return False


def build_needed(
    warehouse: DbSettings,
    schema: str,
    env: Mapping[str, str],
    previous: LastBuild | None,
    stream: StreamChange | None,
    raw_rows_changed: int,
) -> str | None:
    """Why this cycle must run `dbt build`, or None when nothing it reads changed. `previous`:
    the record as the cycle found it, before it marked the raw layer; `raw_rows_changed`: the
    raw rows the cycle changed (its EL's, its FK actions' and its key sweep's)."""
    if stream is None:
        return "the EL did not report what it passed on"
    if raw_rows_changed:
        return "rows changed"
    if previous is None:
        return "no successful build recorded"
    if not previous.clean:
        return "an earlier cycle changed the raw layer and did not finish its build"
    if previous.fingerprint != code_fingerprint(env):
        return "the dbt project or its settings changed since the last build"
    if staged_bound_passed(warehouse, schema, previous.started_at):
        return "a staged version started or ended since the last build"
    return None
