"""Small helpers shared by the generator sections: seeded randomness, fixed clock, money."""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

# Every timestamp is an offset from this fixed instant (2022-01-01 00:00:00 UTC); nothing reads
# the wall clock, so the same seed gives the same rows.
BASE_EPOCH = 1_640_995_200
DAY = 86_400
HOUR = 3_600


def section_rng(seed: int, section: str) -> random.Random:
    """A Random for one section/table, independent of every other section.

    String seeds are hashed with SHA-512 by `random.seed` (version 2), so the stream does not
    depend on PYTHONHASHSEED and adding a section never shifts another one.
    """
    return random.Random(f"magento-store:{seed}:{section}")


def ts(epoch: int) -> str:
    """MySQL DATETIME/TIMESTAMP literal (UTC) for a Unix time."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(epoch))


def day(epoch: int) -> str:
    """MySQL DATE literal (UTC) for a Unix time."""
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def money(cents: int) -> str:
    """Decimal literal for an amount in cents (exact, no float rounding)."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def weighted(rng: random.Random, choices: Sequence[tuple[T, int]]) -> T:
    """Pick the first element of one (value, weight) pair."""
    total = sum(w for _, w in choices)
    point = rng.randrange(total)
    for value, weight in choices:
        if point < weight:
            return value
        point -= weight
    raise AssertionError("unreachable")


def spread(rng: random.Random, choices: Sequence[tuple[T, int]], count: int) -> list[T]:
    """`count` values in the proportions of their weights (each at least once when count allows),
    in a shuffled order: exact shares instead of independent draws."""
    total = sum(w for _, w in choices)
    counts = [
        max(1, count * w // total) if count >= len(choices) else count * w // total
        for _, w in choices
    ]
    largest = max(range(len(choices)), key=lambda i: choices[i][1])
    counts[largest] += count - sum(counts)
    values = [value for (value, _), n in zip(choices, counts, strict=True) for _ in range(n)]
    rng.shuffle(values)
    return values


def pick_ids(rng: random.Random, population: Sequence[int], share: float, minimum: int) -> set[int]:
    """A deterministic sample of `population` of about `share` of its size (at least `minimum`)."""
    count = min(len(population), max(minimum, round(len(population) * share)))
    return set(rng.sample(list(population), count))


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """URL key as Magento makes it: ASCII, lower-case, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")


def hex_token(*parts: object, length: int = 32) -> str:
    """Deterministic hex string (confirm codes, sharing codes, password hashes)."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()
    return digest[:length]


def magento_json(value: object) -> str:
    """JSON as Magento stores it (compact, UTF-8 unescaped)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
