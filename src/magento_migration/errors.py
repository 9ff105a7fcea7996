"""Errors the CLI reports as one clear line: what went wrong and what to do about it."""

from __future__ import annotations


class MigrationError(Exception):
    """A failure the user can act on; printed without a traceback."""

    def __init__(self, cause: str, remedy: str = "") -> None:
        super().__init__(cause)
        self.cause = cause
        self.remedy = remedy

    def __str__(self) -> str:
        return f"{self.cause}. {self.remedy}".strip() if self.remedy else self.cause


class MassDeleteError(MigrationError):
    """A sync cycle stopped before writing because it would delete too much of a raw table."""

    REMEDY = (
        "Nothing was written. If Magento really lost these rows, run the sync again with "
        "--allow-mass-delete."
    )

    def __init__(self, breaches: list[str]) -> None:
        more = f" (and {len(breaches) - 1} more table(s))" if len(breaches) > 1 else ""
        super().__init__(f"mass-delete guard: {breaches[0]}{more}", self.REMEDY)
        self.breaches = breaches
