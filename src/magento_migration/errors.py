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
