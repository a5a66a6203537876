"""Accessibility measures the browser tests share: axe's WCAG 2.1 A and AA rules, and colour contrast."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe

from focus import settle

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def violations(page) -> list[str]:
    # Let fades end first (Material's back-to-top button fades in when the page scrolls up):
    # half-faded text is not what a reader is left with.
    settle(page)
    result = Axe().run(page, options=WCAG)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result.response["violations"]]


def luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast of a CSS rgb()/rgba() colour drawn over an opaque background."""
    f = [float(x) for x in re.findall(r"[\d.]+", fg)]
    b = [float(x) for x in re.findall(r"[\d.]+", bg)][:3]
    alpha = f[3] if len(f) > 3 else 1.0
    shown = [alpha * f[i] + (1 - alpha) * b[i] for i in range(3)]
    hi, lo = sorted([luminance(shown), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)
