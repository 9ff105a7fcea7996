"""The figures of a migration report: one typed object, collected once, rendered twice."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Check:
    """One row of a reconciliation analysis (analyses/reconcile_<service>.sql), with the live
    Magento figure beside the raw copy's.

    `magento` is counted (or summed) in the Magento database itself, None when the source was not
    reached or lacks the table/column; `staged` is the same figure on the warehouse's raw copy."""

    service: str
    name: str
    magento_table: str
    is_sum: bool
    magento: Decimal | None
    staged: Decimal
    migrated: Decimal
    quarantined: Decimal
    excluded: Decimal
    unaccounted: Decimal

    @property
    def matches_magento(self) -> bool | None:
        """Whether Magento's own figure is accounted for (migrated + quarantined + excluded)."""
        if self.magento is None:
            return None
        return self.left_over == 0

    @property
    def left_over(self) -> Decimal:
        """What is neither migrated, quarantined nor excluded: of Magento's own figure when it
        was read, else of the raw copy's (the analysis's `unaccounted`)."""
        if self.magento is None:
            return self.unaccounted
        return self.magento - self.migrated - self.quarantined - self.excluded


@dataclass(frozen=True)
class ServiceRows:
    """The row checks of one service added up."""

    service: str
    magento: int | None
    migrated: int
    quarantined: int
    excluded: int
    unaccounted: int


@dataclass(frozen=True)
class ReasonGroup:
    """Quarantined or repaired rows of one table sharing one kind of reason, with examples."""

    source_table: str
    reason: str
    rows: int
    examples: tuple[str, ...]


@dataclass(frozen=True)
class VerifyOutcome:
    """`magento-migrate verify`'s result, or why it was not run."""

    ran: bool
    not_run_reason: str = ""
    error: str = ""  # verify started and failed
    consistent: bool = False
    tables: int = 0
    magento_rows: int = 0
    seconds: float = 0.0
    differences: tuple[str, ...] = ()

    @property
    def headline(self) -> str:
        if self.error:
            return f"verify: failed ({self.error})"
        if not self.ran:
            return f"verify: not run ({self.not_run_reason})"
        if self.consistent:
            return (
                f"verify: all {self.tables} tables consistent with Magento "
                f"({self.magento_rows:,} Magento rows checked in {self.seconds:.1f}s)"
            )
        return (
            f"verify: {len(self.differences)} of {self.tables} tables differ from Magento "
            f"({self.magento_rows:,} Magento rows checked in {self.seconds:.1f}s)"
        )


@dataclass(frozen=True)
class TableLag:
    source_table: str
    lag_seconds: int | None
    freshness_status: str | None


@dataclass(frozen=True)
class SyncLag:
    """migration.sync_status when the report was made."""

    tables: tuple[TableLag, ...]

    @property
    def max_lag_seconds(self) -> int | None:
        lags = [t.lag_seconds for t in self.tables if t.lag_seconds is not None]
        return max(lags) if lags else None

    def count(self, status: str) -> int:
        return sum(1 for t in self.tables if t.freshness_status == status)


@dataclass(frozen=True)
class NodeResult:
    name: str
    resource_type: str
    status: str
    seconds: float
    failures: int | None = None
    message: str = ""


@dataclass(frozen=True)
class DbtResults:
    """The last `dbt build` (target/run_results.json)."""

    command: str
    generated_at: str
    elapsed_seconds: float
    nodes: tuple[NodeResult, ...]

    def tests(self) -> tuple[NodeResult, ...]:
        return tuple(n for n in self.nodes if n.resource_type == "test")

    def status_counts(self, tests: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node in self.nodes:
            if (node.resource_type == "test") == tests:
                counts[node.status] = counts.get(node.status, 0) + 1
        return dict(sorted(counts.items()))

    def failing_tests(self) -> tuple[NodeResult, ...]:
        return tuple(n for n in self.tests() if n.status not in ("pass", "success", "skipped"))

    def slowest(self, limit: int = 10) -> tuple[NodeResult, ...]:
        return tuple(sorted(self.nodes, key=lambda n: -n.seconds)[:limit])


@dataclass(frozen=True)
class Report:
    """Everything the HTML page and the terminal summary show."""

    generated_at: str
    source: str
    warehouse: str
    checks: tuple[Check, ...]
    quarantine: tuple[ReasonGroup, ...]
    repairs: tuple[ReasonGroup, ...]
    verify: VerifyOutcome
    sync: SyncLag | None
    dbt: DbtResults | None
    stages: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def services(self) -> tuple[ServiceRows, ...]:
        """Row checks added up per service, in the analyses' order."""
        order: dict[str, list[Check]] = {}
        for check in self.checks:
            if not check.is_sum:
                order.setdefault(check.service, []).append(check)
        rows = []
        for service, checks in order.items():
            live = [c.magento for c in checks if c.magento is not None]
            rows.append(
                ServiceRows(
                    service=service,
                    magento=int(sum(live)) if len(live) == len(checks) else None,
                    migrated=int(sum(c.migrated for c in checks)),
                    quarantined=int(sum(c.quarantined for c in checks)),
                    excluded=int(sum(c.excluded for c in checks)),
                    unaccounted=int(sum(c.left_over for c in checks)),
                )
            )
        return tuple(rows)

    def money(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.is_sum)

    def reasons(self) -> dict[str, int]:
        """Quarantined rows per kind of reason (the text before its first colon)."""
        counts: dict[str, int] = {}
        for group in self.quarantine:
            counts[group.reason] = counts.get(group.reason, 0) + group.rows
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
