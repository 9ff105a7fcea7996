"""Pre-commit checks without hook repositories: YAML parses, no trailing whitespace, final newline.

Usage: python scripts/check_text_files.py {yaml|whitespace} FILE ...
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """Safe loader that accepts the tags GitHub/Meltano files may carry."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def check_yaml(path: Path) -> list[str]:
    try:
        list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=_Loader))
    except yaml.YAMLError as error:
        return [f"{path}: invalid YAML: {error}"]
    return []


def check_whitespace(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    problems = [
        f"{path}:{number}: trailing whitespace"
        for number, line in enumerate(text.splitlines(), start=1)
        if line != line.rstrip()
    ]
    if text and not text.endswith("\n"):
        problems.append(f"{path}: no newline at end of file")
    return problems


def main(argv: list[str]) -> int:
    checks = {"yaml": check_yaml, "whitespace": check_whitespace}
    if not argv or argv[0] not in checks:
        print(__doc__)
        return 2
    problems = [p for name in argv[1:] for p in checks[argv[0]](Path(name))]
    print("\n".join(problems)) if problems else None
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
