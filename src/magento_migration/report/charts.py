"""Bar charts as inline SVG, drawn here: no JavaScript, no CDN, nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

LABEL_WIDTH = 230
BAR_HEIGHT = 18
GAP = 8
VALUE_WIDTH = 90
COLOURS = ("#2f7d4f", "#d08a1e", "#6c7a89", "#b03a2e", "#3b6ea8")
LABEL_CHARACTERS = 32  # what fits LABEL_WIDTH; the whole label is the text's tooltip


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


@dataclass(frozen=True)
class Bar:
    """One bar: a label and its segments (name, value), stacked left to right."""

    label: str
    segments: tuple[tuple[str, float], ...]

    @property
    def total(self) -> float:
        return sum(value for _, value in self.segments)


def segment_widths(bars: Sequence[Bar], width: float) -> list[list[float]]:
    """The width of every segment: the longest bar is `width`, every other in proportion."""
    longest = max((bar.total for bar in bars), default=0.0)
    scale = width / longest if longest > 0 else 0.0
    return [[max(value, 0.0) * scale for _, value in bar.segments] for bar in bars]


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 760) -> str:
    """A horizontal (stacked) bar chart; each segment's value is in its <title> tooltip and its
    data-value attribute, each bar's total printed at its end."""
    plot = width - LABEL_WIDTH - VALUE_WIDTH
    names = list(dict.fromkeys(name for bar in bars for name, _ in bar.segments))
    colour = {name: COLOURS[i % len(COLOURS)] for i, name in enumerate(names)}
    legend_height = BAR_HEIGHT + GAP if len(names) > 1 else 0
    height = legend_height + len(bars) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
    ]
    if len(names) > 1:
        x = LABEL_WIDTH
        for name in names:
            parts.append(
                f'<rect x="{x}" y="2" width="12" height="12" fill="{colour[name]}"/>'
                f'<text x="{x + 16}" y="13">{escape(name)}</text>'
            )
            x += 24 + 8 * len(name)
    for row, (bar, widths) in enumerate(zip(bars, segment_widths(bars, plot), strict=True)):
        y = legend_height + GAP + row * (BAR_HEIGHT + GAP)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" text-anchor="end">'
            f"<title>{escape(bar.label)}</title>{escape(_short(bar.label))}</text>"
        )
        x = float(LABEL_WIDTH)
        for (name, value), segment in zip(bar.segments, widths, strict=True):
            parts.append(
                f'<rect class="bar" x="{x:.2f}" y="{y}" width="{segment:.2f}" '
                f'height="{BAR_HEIGHT}" fill="{colour[name]}" data-segment="{escape(name)}" '
                f'data-value="{value:g}"><title>{escape(bar.label)}: {escape(name)} '
                f"{value:,.0f}</title></rect>"
            )
            x += segment
        parts.append(f'<text x="{x + 6:.2f}" y="{y + 13}">{bar.total:,.0f}</text>')
    parts.append("</svg>")
    return "".join(parts)
