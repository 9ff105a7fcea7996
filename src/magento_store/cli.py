"""`magento-store`: generate a Magento 2.4 demo store into MariaDB/MySQL, then simulate activity.

    magento-store generate --profile {small,medium,large,extra_large} --database D
                           [--seed N] [--attribute-id-offset N]
                           [--edition open-source|commerce] [--force]
                           [--anomalies [KIND,KIND,...|all]] [--anomaly-count N]
                           [--manifest PATH]
    magento-store simulate --database D [--orders N] [--updates N] [--deletes N] [--seed N]

Connection settings come from MAGENTO_DB_HOST/PORT/USER/PASS (see magento_migration.settings).
Progress goes to stderr; the per-table row counts (generate) or the counts per kind of activity
(simulate) to stdout. Every error is one line on stderr, `error: ...` as magento-migrate prints
it, and exit code 2.

`--anomalies` injects the dirty-data corpus after the store is generated (see anomalies/):
`--anomaly-count` rows per kind, recorded in the table magento_store_anomalies and in a JSON
manifest whose path is the last line on stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import pymysql

from magento_migration.connections import mysql_error
from magento_migration.errors import MigrationError
from magento_migration.settings import DbSettings, source_settings

from .anomalies import DEFAULT_COUNT, KINDS, MAX_COUNT, parse_kinds
from .common import ts
from .ddl import EDITIONS
from .errors import AnomalyError
from .generator import Options, generate
from .loader import Progress
from .profiles import PROFILES
from .simulate import SimulateOptions, simulate

EXIT_ERROR = 2
PROG = "magento-store"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (no usage dump) with exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"error: {message} (see '{self.prog} --help')\n")


def _count(text: str) -> int:
    """A non-negative number of changes."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _kinds(text: str) -> tuple[str, ...]:
    """Anomaly kinds: `all` or a comma-separated list."""
    try:
        return parse_kinds(text)
    except AnomalyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _anomaly_count(text: str) -> int:
    value = _count(text)
    if not 1 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_COUNT}, got {value}")
    return value


def _parser(default_database: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Generate a Magento 2.4 demo store (MariaDB/MySQL).")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    gen = commands.add_parser(
        "generate", help="drop/create a database and fill it with a demo store"
    )
    gen.add_argument(
        "--profile", required=True, choices=list(PROFILES), help="store size (toolkit profile)"
    )
    gen.add_argument(
        "--database",
        default=default_database,
        help=f"target database (default: {default_database})",
    )
    gen.add_argument(
        "--seed", type=int, default=42, help="random seed; same seed, same data (default: 42)"
    )
    gen.add_argument(
        "--attribute-id-offset",
        type=int,
        default=0,
        help="shift every attribute id by N (and option ids), to catch hard-coded ids (default: 0)",
    )
    gen.add_argument(
        "--edition", choices=EDITIONS, default="open-source", help="commerce adds reward tables"
    )
    gen.add_argument(
        "--force", action="store_true", help="overwrite a database not made by this tool"
    )
    gen.add_argument(
        "--anomalies",
        type=_kinds,
        nargs="?",
        const=tuple(KINDS),
        default=(),
        metavar="KIND,...|all",
        help="inject dirty data after generating: all kinds (no value) or a comma-separated "
        f"list of: {', '.join(KINDS)}",
    )
    gen.add_argument(
        "--anomaly-count",
        type=_anomaly_count,
        metavar="N",
        help=f"rows per anomaly kind, 1 to {MAX_COUNT} (default: {DEFAULT_COUNT})",
    )
    gen.add_argument(
        "--manifest",
        metavar="PATH",
        help="the anomalies manifest (JSON; default: ./<database>_anomalies.json)",
    )
    sim = commands.add_parser(
        "simulate",
        help="apply store activity (orders, refunds, EAV-only updates, deletes) to a store",
    )
    sim.add_argument(
        "--database",
        default=default_database,
        help=f"a database made by 'generate' (default: {default_database})",
    )
    sim.add_argument(
        "--orders",
        type=_count,
        metavar="N",
        default=20,
        help="new orders; also ~N/10 new customers and ~N/10 credit memos (default: 20)",
    )
    sim.add_argument(
        "--updates",
        type=_count,
        metavar="N",
        default=50,
        help="product changes through EAV only, plus N/20 customer renames and EAV changes "
        "(default: 50)",
    )
    sim.add_argument(
        "--deletes",
        type=_count,
        metavar="N",
        default=5,
        help="customers deleted; with 3 or more also one product and one review (default: 5)",
    )
    sim.add_argument(
        "--seed",
        type=int,
        default=42,
        metavar="N",
        help="random seed; same seed and same database, same changes (default: 42)",
    )
    return parser


def _error(message: str) -> int:
    """Print one error line, as magento-migrate does; returns the exit code."""
    print(f"error: {message}", file=sys.stderr)
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    try:
        settings = source_settings()
    except ValueError as exc:
        return _error(str(exc))
    parser = _parser(settings.name or "magento_demo")
    args = parser.parse_args(argv)
    if (
        args.command == "generate"
        and not args.anomalies
        and (args.anomaly_count is not None or args.manifest is not None)
    ):
        parser.error("--anomaly-count and --manifest need --anomalies")
    progress = Progress(quiet=os.environ.get("MAGENTO_STORE_QUIET") == "1")
    if args.command == "simulate":
        return _simulate(args, settings, progress)
    options = Options(
        profile=args.profile,
        database=args.database,
        seed=args.seed,
        attribute_id_offset=args.attribute_id_offset,
        edition=args.edition,
        force=args.force,
        anomalies=args.anomalies,
        anomaly_count=DEFAULT_COUNT if args.anomaly_count is None else args.anomaly_count,
        manifest=_manifest_path(args),
    )
    try:
        counts = generate(settings, options, progress)
    except MigrationError as exc:
        return _error(str(exc))
    except pymysql.MySQLError as exc:
        return _error(str(mysql_error(settings, exc)))
    except KeyboardInterrupt:
        return _error(f"interrupted; database '{options.database}' is incomplete")
    width = max(len(t) for t in counts)
    for table, rows in counts.items():
        print(f"{table:<{width}}  {rows:>10}")
    print(f"{'total':<{width}}  {sum(counts.values()):>10}")
    if options.manifest is not None:
        print(f"anomalies manifest: {options.manifest}")
    print(
        f"{PROG}: {options.database}: {len(counts)} tables in {progress.elapsed():.1f}s",
        file=sys.stderr,
    )
    return 0


def _manifest_path(args: argparse.Namespace) -> str | None:
    """With --anomalies, the manifest's absolute path (default ./<database>_anomalies.json)."""
    if not args.anomalies:
        return None
    return str(Path(args.manifest or f"{args.database}_anomalies.json").resolve())


def _simulate(args: argparse.Namespace, settings: DbSettings, progress: Progress) -> int:
    options = SimulateOptions(
        database=args.database,
        orders=args.orders,
        updates=args.updates,
        deletes=args.deletes,
        seed=args.seed,
    )
    try:
        result = simulate(settings, options, progress)
    except MigrationError as exc:
        return _error(str(exc))
    except pymysql.MySQLError as exc:
        return _error(str(mysql_error(settings, exc)))
    except KeyboardInterrupt:
        return _error(
            f"interrupted; database '{options.database}' keeps the changes committed so far "
            "(the run is marked failed)"
        )
    width = max(len(kind) for kind in result.counts)
    for kind, count in result.counts.items():
        print(f"{kind:<{width}}  {count:>8}")
    print(
        f"{PROG}: {options.database}: simulation run {result.run_id} (seed {options.seed}) in "
        f"{progress.elapsed():.1f}s; simulated time {ts(result.clock_start)} .. "
        f"{ts(result.clock_end)} UTC",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
