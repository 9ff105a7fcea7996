"""Per-service reconciliation: the analyses' own checks, run on the warehouse, next to the same
figures counted in the live Magento database.

The checks are defined once, in analyses/reconcile_<service>.sql (macros/reconciliation_report.sql):
dbt compiles them (`dbt compile --select resource_type:analysis`) and the compiled SQL runs here.
Their arguments (which Magento table, which column is summed) are read from the same files, so
that Magento's own count and sum of each checked table and column can be put beside them
("prove it against Magento itself": the raw copy alone cannot show rows it lost).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import jinja2
import pymysql

from magento_migration import pipeline, registry
from magento_migration.connections import mysql_connection, postgres_connection
from magento_migration.errors import MigrationError
from magento_migration.project import PROJECT_ROOT
from magento_migration.report.figures import Check
from magento_migration.settings import DbSettings

ANALYSES = PROJECT_ROOT / "analyses"
PREFIX = "reconcile_"


@dataclass(frozen=True)
class Definition:
    """What one reconciliation analysis checks, as its macro call states it."""

    service: str
    row_tables: tuple[str, ...]
    # check_name of each sum check -> (Magento table, Magento column)
    sums: dict[str, tuple[str, str]]


def definitions(folder: Path = ANALYSES) -> list[Definition]:
    """The arguments of every `reconciliation_report(...)` call, by rendering the analyses with a
    stand-in macro that records them."""
    found = []
    for path in sorted(folder.glob(f"{PREFIX}*.sql")):
        calls: list[dict] = []

        def record(service: str, sum_checks: list | tuple = (), _calls: list = calls) -> str:
            _calls.append({"service": service, "sums": sum_checks})
            return ""

        # renders SQL, not HTML: the stand-in macro returns nothing, no value is escaped
        template = jinja2.Environment(autoescape=False).from_string(path.read_text())  # noqa: S701
        template.render(reconciliation_report=record)
        service = path.stem.removeprefix(PREFIX)
        for call in calls:
            found.append(
                Definition(
                    service=service,
                    row_tables=registry.reconciled_tables(call["service"]),
                    sums={
                        f"sum of {model}.{column}": (table, source_column)
                        for model, column, table, source_column, _key in call["sums"]
                    },
                )
            )
    return found


def target_path(env: Mapping[str, str]) -> Path:
    """dbt's target directory for this environment (DBT_TARGET_PATH, else the project's)."""
    configured = Path(env.get("DBT_TARGET_PATH") or "target")
    return configured if configured.is_absolute() else PROJECT_ROOT / configured


def compile_analyses(env: Mapping[str, str]) -> Path:
    """`dbt compile` of the analyses, unless a dbt command (docs generate) already compiled the
    current ones; returns the folder of their compiled SQL."""
    folder = target_path(env) / "compiled" / "magento_migration" / "analyses"
    if not _compiled_is_current(folder):
        pipeline.dbt(
            env, "compile", "--select", "resource_type:analysis", name="report-dbt-compile"
        )
    return folder


def _compiled_is_current(folder: Path) -> bool:
    """Every analysis compiled after the last change of the analyses, macros and project file."""
    sources = [*ANALYSES.glob("*.sql"), *(PROJECT_ROOT / "macros").glob("*.sql")]
    sources.append(PROJECT_ROOT / "dbt_project.yml")
    compiled = [folder / path.name for path in ANALYSES.glob(f"{PREFIX}*.sql")]
    if not compiled or not all(path.exists() for path in compiled):
        return False
    newest_source = max(path.stat().st_mtime for path in sources)
    return min(path.stat().st_mtime for path in compiled) > newest_source


def _decimal(value: object) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)


def live_figures(
    source: DbSettings, found: list[Definition]
) -> dict[tuple[str, str | None], Decimal]:
    """Magento's own row count of every checked table, key (table, None), and sum of every summed
    column, key (table, column). A table Magento does not have has 0 rows summing to 0; a summed
    column it does not have is left out."""
    tables = {t for d in found for t in d.row_tables}
    tables |= {t for d in found for t, _ in d.sums.values()}
    figures: dict[tuple[str, str | None], Decimal] = {}
    with mysql_connection(source) as connection, connection.cursor() as cursor:
        cursor.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = %s",
            (source.name,),
        )
        columns: dict[str, set[str]] = {}
        for table, column in cursor.fetchall():
            columns.setdefault(table, set()).add(column)
        cursor.execute("start transaction with consistent snapshot, read only")
        for table in sorted(tables):
            summed = sorted({c for d in found for t, c in d.sums.values() if t == table})
            if table not in columns:
                figures.update({(table, c): Decimal(0) for c in [None, *summed]})
                continue
            summed = [c for c in summed if c in columns[table]]
            select = ", ".join(["count(*)", *(f"coalesce(sum(`{c}`), 0)" for c in summed)])
            cursor.execute(f"select {select} from `{table}`")
            values = cursor.fetchone()
            figures[(table, None)] = _decimal(values[0])
            for column, value in zip(summed, values[1:], strict=True):
                figures[(table, column)] = _decimal(value)
        connection.rollback()
    return figures


def checks(
    warehouse: DbSettings,
    compiled: Path,
    found: list[Definition],
    live: Mapping[tuple[str, str | None], Decimal] | None,
) -> tuple[Check, ...]:
    """Every analysis's rows, each with its live Magento figure (None without `live`)."""
    results: list[Check] = []
    with postgres_connection(warehouse) as connection:
        for service in dict.fromkeys(d.service for d in found):
            path = compiled / f"{PREFIX}{service}.sql"
            if not path.exists():
                raise MigrationError(
                    f"the compiled analysis {path} is missing", "Run `dbt compile` to see why."
                )
            sums = {k: v for d in found if d.service == service for k, v in d.sums.items()}
            for (
                name,
                table,
                magento,
                migrated,
                quarantined,
                excluded,
                unaccounted,
            ) in connection.execute(path.read_text()).fetchall():
                is_sum = name in sums
                key = sums[name] if is_sum else (table, None)
                results.append(
                    Check(
                        service=service,
                        name=name,
                        magento_table=table,
                        is_sum=is_sum,
                        magento=None if live is None else live.get(key),
                        staged=_decimal(magento),
                        migrated=_decimal(migrated),
                        quarantined=_decimal(quarantined),
                        excluded=_decimal(excluded),
                        unaccounted=_decimal(unaccounted),
                    )
                )
    return tuple(results)


SOURCE_ERRORS = (MigrationError, pymysql.err.Error, OSError)
