"""Fail when a file assigns a literal password, secret or token (pre-commit hook and a test).

Credentials come only from environment variables (MAGENTO_DB_PASS, WAREHOUSE_DB_PASS, ...): a
value is fine when it reads the environment (`env_var(...)`, `$VAR`, `os.environ`), is empty,
or is a placeholder. Usage: python scripts/check_no_secrets.py [FILE ...] (default: every file
git tracks).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ASSIGNMENT = re.compile(
    r"""(?ix)
    (?P<key>[\w.-]*(?:password|passwd|secret|token|api[_-]?key)[\w.-]*)
    ["']?\s*(?:=|:)\s*
    (?P<value>"[^"\n]*"|'[^'\n]*'|[^\s,#)]+)
    """
)
ALLOWED_VALUE = re.compile(
    r"""(?ix)^(
        ""|''|
        .*env_var.*|.*environ.*|.*getenv.*|.*\$\{?[A-Z_]+\}?.*|
        .*<[^>]*>.*|\.\.\.|'\.\.\.'|"\.\.\."|
        none|null|true|false|
        .*\b(settings|self|args|source|warehouse|run|connection|config|os)\.[a-z_.]+.*|
        ["']?-["']?|["']?\*+["']?
    )$"""
)
ALLOWED_KEY = re.compile(r"(?i)password_hash|rp_token|token_created|sharing_code|sensitive")
SKIPPED = ("constraints.txt",)


PRAGMA = "pragma: allowlist secret"
CODE_SUFFIXES = (".py", ".sql")


def findings(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if PRAGMA in line:
            continue
        for match in ASSIGNMENT.finditer(line):
            key, value = match["key"], match["value"].rstrip(";")
            quoted = value[:1] in "'\"" and value[-1:] == value[:1]
            if path.suffix in CODE_SUFFIXES and not quoted:
                continue  # code: only string literals are values (not names, calls, types)
            if len(value.strip("'\"")) < 4:
                continue
            if ALLOWED_KEY.search(key) or ALLOWED_VALUE.match(value):
                continue
            if key.lower().endswith(("_file", "_path", "_env", "_var", "kind")):
                continue
            problems.append(f"{path}:{number}: literal value for {key!r}")
    return problems


def tracked_files() -> list[Path]:
    output = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout
    return [Path(name) for name in output.splitlines() if not name.endswith(SKIPPED)]


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or tracked_files()
    problems = [problem for path in paths for problem in findings(path)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
