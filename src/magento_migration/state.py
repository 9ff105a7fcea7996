"""Where a migration's sync state lives and what it is called: one migration, one state.

A migration is one Magento database (server, port, database) replicated into one warehouse
(host, port, database, raw schema). Its Meltano state (bookmarks, binlog positions, table
versions) is kept in the warehouse itself, in the schema `meltano` (Meltano's system database),
under state ids suffixed with the migration's id. So:
- a second warehouse migrated from the same checkout has no state of its own until its first
  run, which is therefore a full load of its own, never a continuation of another's bookmarks;
- two Magento servers whose databases share a name get two ids;
- a warehouse copied, restored or dropped takes its state with it (the state always describes
  the raw layer beside it), whichever checkout or machine runs the sync.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Mapping
from urllib.parse import quote

from psycopg import sql

from magento_migration.connections import postgres_connection
from magento_migration.errors import MigrationError
from magento_migration.project import PROJECT_ROOT, executable
from magento_migration.settings import DbSettings

STATE_SCHEMA = "meltano"


def migration_id(source: DbSettings, warehouse: DbSettings, schema: str) -> str:
    """A short stable id of (source server, port, database -> warehouse host, port, database,
    raw schema): the suffix of every Meltano state id of this migration."""
    scope = (
        f"mysql://{source.host.lower()}:{source.port}/{source.name}"
        f" -> postgresql://{warehouse.host.lower()}:{warehouse.port}/{warehouse.name}/{schema}"
    )
    return "mg-" + hashlib.sha256(scope.encode()).hexdigest()[:16]


def meltano_database_uri(warehouse: DbSettings) -> str:
    """Meltano's system database (runs and state): the warehouse's schema `meltano`."""
    login = quote(warehouse.user, safe="")
    if warehouse.password:
        login += ":" + quote(warehouse.password, safe="")
    host = f"[{warehouse.host}]" if ":" in warehouse.host else warehouse.host
    return (
        f"postgresql+psycopg://{login}@{host}:{warehouse.port}/{quote(warehouse.name, safe='')}"
        f"?options=-csearch_path%3D{STATE_SCHEMA}"
    )


def state_env(source: DbSettings, warehouse: DbSettings, schema: str) -> dict[str, str]:
    """The environment that points Meltano at this migration's own state."""
    return {
        "MELTANO_DATABASE_URI": meltano_database_uri(warehouse),
        "MELTANO_RUN_STATE_ID_SUFFIX": migration_id(source, warehouse, schema),
    }


def ensure_state_schema(warehouse: DbSettings) -> None:
    """Create the warehouse's `meltano` schema (Meltano creates its tables, not the schema)."""
    with postgres_connection(warehouse) as connection:
        connection.execute(
            sql.SQL("create schema if not exists {}").format(sql.Identifier(STATE_SCHEMA))
        )


def state_id(env: Mapping[str, str], extractor: str, loader: str = "target-postgres") -> str:
    """The id Meltano keeps `meltano run <extractor> … <loader>`'s state under (see `meltano run
    --help`: `{environment}:{extractor}-to-{loader}:{state-id-suffix}`)."""
    environment = env.get("MELTANO_ENVIRONMENT", "dev")
    return f"{environment}:{extractor}-to-{loader}:{env['MELTANO_RUN_STATE_ID_SUFFIX']}"


def _meltano_state(env: Mapping[str, str], *args: str) -> str:
    """`meltano state <args>` with this migration's environment; its stdout."""
    result = subprocess.run(
        [executable("meltano"), "state", *args],
        cwd=PROJECT_ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:]
        raise MigrationError(
            f"`meltano state {args[0]}` failed: {tail[0] if tail else result.returncode}",
            "Check that the warehouse is reachable; the Meltano state is in its schema "
            f"`{STATE_SCHEMA}`.",
        )
    return result.stdout


def read_state(env: Mapping[str, str], key: str) -> dict:
    """The Meltano state saved under `key` ({} when there is none)."""
    output = _meltano_state(env, "get", key)
    start = output.find("{")
    return json.loads(output[start:]) if start >= 0 else {}


def write_state(env: Mapping[str, str], key: str, value: dict) -> None:
    _meltano_state(env, "set", "--force", key, json.dumps(value))


def clear_state(env: Mapping[str, str], key: str) -> None:
    _meltano_state(env, "clear", "--force", key)


def streams_without_raw_table(warehouse: DbSettings, state: dict, schema: str) -> list[str]:
    """Streams a Meltano state has a bookmark for whose raw table is gone (a raw schema dropped
    or restored without its state): that state no longer describes the raw layer."""
    bookmarks = state.get("singer_state", {}).get("bookmarks", {})
    if not bookmarks:
        return []
    with postgres_connection(warehouse) as connection:
        tables = {
            name
            for (name,) in connection.execute(
                "select table_name from information_schema.tables where table_schema = %s",
                (schema,),
            ).fetchall()
        }
    return sorted(stream for stream in bookmarks if stream.split("-")[-1] not in tables)
