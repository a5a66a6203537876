"""The products page's tier ladder: one table across products and a chart, both
drawn at build time from the data.

The chart is inline SVG (no script, no chart library, no other host): one
panel of each product's annual price by tier, one of its price per user. Its
colours are the theme's own custom properties (assets/ladder.css), so it
follows the colour scheme and prints in black; products also differ by line
style and marker shape, never by colour alone. Each panel is `role="img"`
with a title and a description written from the figures; the table below it
holds every figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from govcloud.calc import changes
from govcloud.model import clock
from govcloud.model.catalog import Catalog, Prices, Product
from govcloud.model.money import cents, show
from govcloud.words.dates import long_date
from govcloud.words.vocabulary import WORDS
from govcloud_site.markdown.marks import raw_html
from macros.text import count, join


@dataclass(frozen=True)
class Layout:
    """A panel's geometry in SVG user units; the SVG scales to the column's width."""

    name: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    font: int  # text size, so that labels stay readable once scaled
    mark: float  # marker radius


# Wide for desktop and print; narrow (taller, fewer labels) for a phone, where the
# wide one would shrink its labels below reading size. CSS shows one of the two.
LAYOUTS = (Layout("wide", 720, 320, 92, 28, 16, 58, 14, 4.5), Layout("narrow", 360, 380, 74, 24, 14, 54, 13, 3.5))
MARKS = ("circle", "square", "triangle", "diamond")
SERIES = 6  # series colours and line styles in ladder.css, used in turn
# Up to this many tiers in all (12 products of the real ladder's 26 tiers), the products
# page's chart marks every tier of every line, and its table has a column per product.
# Beyond, the marks could no longer tell products or tiers apart, only hide the lines, and
# the columns would not fit a screen (both would weigh more than the rest of the site): the
# chart draws the lines alone, and the table gives each product a row with its tiers in words.
MARKED_TIERS = 312


def per_user(annual: Decimal, users: int) -> Decimal:
    """What one user of a full tier costs a year, to the cent."""
    return cents(annual / users)


def _marked(catalog: Catalog) -> bool:
    """Whether the products page's chart marks each tier, and its table has a cell for each."""
    return sum(len(p.tiers) for p in catalog.products) <= MARKED_TIERS


def steps(catalog: Catalog) -> list[int]:
    """Every tier size any product has, ascending: the rows of the table, the x axis of the chart."""
    return sorted({t.users for p in catalog.products for t in p.tiers})


# -- the table --------------------------------------------------------------------


def ladder_table(catalog: Catalog) -> str:
    day = clock.today()  # the prices in force on the day the site is built; the scheduled ones beside them
    prices = catalog.prices_on(day)
    caption = (
        f"User tiers: the {catalog.prices_are} annual price of each product, and what it comes to "
        "for each user of a full tier"
    )
    top = max(p.tiers[-1].users for p in catalog.products)
    notes = [f"More than {count(top)} users: ask your sales contact for a quote."]
    later = {p.key: _later(catalog, day, p.key) for p in catalog.products}
    if any(later.values()):
        notes.insert(0, "A price followed by “from” a date is the tier's new price from that day, already announced.")
    if not _marked(catalog):
        return _ladder_list(catalog, prices, caption, later) + "\n\n" + "\n\n".join(notes)
    heads = "".join(f'<th scope="col" data-product="{escape(p.key)}">{escape(p.name)}</th>' for p in catalog.products)
    tiers = [{t.users: t for t in prices.ladder(p.key)} for p in catalog.products]
    rows, gaps = [], False
    for users in steps(catalog):
        cells = []
        for p, sizes in zip(catalog.products, tiers):
            tier = sizes.get(users)
            if tier is None:
                gaps = gaps or users < p.tiers[-1].users
                cells.append(f'<td data-product="{escape(p.key)}">—</td>')
                continue
            scheduled = "".join(
                f'<span class="gc-scheduled" data-from="{d.isoformat()}" data-annual="{price:.2f}">'
                f"{escape(_from(price, d))}</span>"
                for d, price in later[p.key].get(users, [])
            )
            cells.append(
                f'<td data-product="{escape(p.key)}" data-annual="{tier.annual:.2f}">{show(tier.annual)}'
                f'<span class="gc-per-user">{show(per_user(tier.annual, users))} a user</span>{scheduled}</td>'
            )
        rows.append(f'<tr data-users="{users}"><th scope="row">{count(users)}</th>{"".join(cells)}</tr>')
    if gaps:
        notes.insert(0, "— : the product has no tier of that size; the next tier up covers those users.")
    return (
        raw_html(
            f"<table data-ladder>\n<caption>{caption}</caption>\n"
            f'<thead><tr><th scope="col">Users, up to</th>{heads}</tr></thead>\n'
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
        )
        + "\n\n"
        + "\n\n".join(notes)
    )


def _later(catalog: Catalog, day: date, key: str) -> dict[int, list[tuple[date, Decimal]]]:
    """Each tier's scheduled prices after `day` (by its size): the date and the new price of each change that moves it."""
    out: dict[int, list[tuple[date, Decimal]]] = {}
    for effective, moved in changes.scheduled(catalog, day, key):
        for users, price in moved.items():
            out.setdefault(users, []).append((effective, price))
    return out


def _from(price: Decimal, day: date) -> str:
    """'$24,570.00 from February 1, 2027'."""
    return f"{show(price)} from {long_date(day)}"


def _ladder_list(
    catalog: Catalog, prices: Prices, caption: str, later: dict[str, dict[int, list[tuple[date, Decimal]]]]
) -> str:
    """The table past MARKED_TIERS: a row per product with its tiers in words (a column per
    product would be too wide to read, and a cell per tier weigh more than the rest of the site)."""
    rows = "\n".join(
        f'<tr data-product="{escape(p.key)}"><th scope="row">{escape(p.name)}</th><td>'
        + "; ".join(
            f"{count(t.users)}: {show(t.annual)} ({show(per_user(t.annual, t.users))} a user"
            + "".join(f"; {escape(_from(price, d))}" for d, price in later[p.key].get(t.users, []))
            + ")"
            for t in prices.ladder(p.key)
        )
        + "</td></tr>"
        for p in catalog.products
    )
    # Not `data-ladder`: its cells are words, left as text is, not figures set right.
    return raw_html(
        f"<table data-ladder-list>\n<caption>{caption}</caption>\n"
        '<thead><tr><th scope="col">Product</th><th scope="col">Users, up to: annual price (for each user of a '
        "full tier)</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )


# -- the chart --------------------------------------------------------------------


def _legend(catalog: Catalog, extra: str = "", marked: bool = True) -> str:
    items = "".join(
        f'<li class="gc-series-{i % SERIES}"><svg aria-hidden="true" focusable="false" viewBox="0 0 36 12" '
        f'width="36" height="12"><line class="gc-ladder-line gc-dash-{i % SERIES}" x1="2" y1="6" x2="34" y2="6"/>'
        f"{_mark(i, 18, 6, 4) if marked else ''}</svg>{escape(p.name)}</li>"
        for i, p in enumerate(catalog.products)
    )
    return f'<ul class="gc-ladder-legend" aria-label="Products in the chart">{items}{extra}</ul>'


def ladder_chart(catalog: Catalog) -> str:
    prices = catalog.prices_on(clock.today())  # those in force on the day the site is built
    ladder = steps(catalog)
    marked = _marked(catalog)
    return raw_html(
        '<div class="gc-ladder" data-ladder-chart>\n'
        f"{_legend(catalog, marked=marked)}\n"
        + "\n".join(
            _panel(catalog, prices, ladder, kind, layout, marked=marked)
            for kind in ("annual", "per-user")
            for layout in LAYOUTS
        )
        + "\n</div>",
        unlinked_ids=True,  # each panel's title and description, named by the panel
    )


LAZY_CHARTS = "ladder-charts.xml"  # beside the estimator page once the post-build step ran
XHTML_NS, SVG_NS = "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"


def ladder_estimate(catalog: Catalog) -> str:
    """The estimator page's ladder: the yearly-price panel, hidden until there is an estimate;
    estimator/ladder.js marks today's tier and the estimate's on it and fills the list below."""
    words = WORDS["ladder"]
    # Those in force on the day the site is built (the estimator marks its own day's tiers on them).
    prices = catalog.prices_on(clock.today())
    marks = "".join(
        f'<li class="gc-series-{SERIES - 1}"><svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
        f'width="24" height="24"><circle class="gc-ladder-mark {kind}" cx="12" cy="12" r="4"/></svg>'
        f"{escape(words[key])}</li>"
        for kind, key in (("gc-ladder-at-today", "legend_today"), ("gc-ladder-at-estimate", "legend_estimate"))
    )
    panels = "\n".join(
        _panel(catalog, prices, steps(catalog), "annual", g, scope="gc-ladder-estimate") for g in LAYOUTS
    )
    # The charts are most of the page's markup and show only with an estimate: they wait in a
    # <template>, as one XML document (XHTML, its SVG named as such), that the post-build step
    # moves into a file of its own (govcloud_build/lazy.py); ladder.js fetches it with the first
    # estimate (issue 12).
    panels = panels.replace("<svg ", f'<svg xmlns="{SVG_NS}" ')
    charts = f'<template data-gc-lazy="{LAZY_CHARTS}"><div xmlns="{XHTML_NS}">\n{panels}\n</div></template>'
    return (
        '<section class="gc-ladder gc-ladder-estimate" data-ladder-estimate hidden '
        'aria-labelledby="gc-ladder-estimate-title">\n'
        f'<h2 id="gc-ladder-estimate-title">{escape(words["title"])}</h2>\n'
        f"<p>{escape(words['intro'])}</p>\n"
        f"{_legend(catalog, marks)}\n{charts}\n"
        '<ul class="gc-ladder-where" data-ladder-where></ul>\n'
        f'<h3 id="gc-ladder-room-title">{escape(WORDS["room"]["title"])}</h3>\n'
        '<ul class="gc-ladder-where" data-ladder-room aria-labelledby="gc-ladder-room-title"></ul>\n</section>'
    )


def _value(kind: str, annual: Decimal, users: int) -> Decimal:
    return annual if kind == "annual" else per_user(annual, users)


def _panel(
    catalog: Catalog,
    prices: Prices,
    ladder: list[int],
    kind: str,
    g: Layout,
    scope: str = "gc-ladder",
    marked: bool = True,
) -> str:
    values = [_value(kind, t.annual, t.users) for p in catalog.products for t in prices.ladder(p.key)]
    scale: _LogScale | _LinearScale
    if kind == "annual":
        scale = _LogScale(min(values), max(values))
        title = f"Annual price by user tier ({catalog.prices_are})"
        axis = "Annual price (logarithmic scale: each line is ten times the one below)"
    else:
        scale = _LinearScale(max(values))
        title = f"Price per user by user tier ({catalog.prices_are})"
        axis = "Annual price per user of a full tier"
    pid = f"{scope}-{kind}-{g.name}"
    WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = g.width, g.height, g.left, g.right, g.top, g.bottom
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / len(ladder)
    place = {users: i for i, users in enumerate(ladder)}

    def x(users: int) -> float:
        return LEFT + step * (place[users] + 0.5)

    def y(value: Decimal) -> float:
        return TOP + (1 - scale.share(value)) * (HEIGHT - TOP - BOTTOM)

    parts = [
        f'<svg class="gc-ladder-panel" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" data-kind="{kind}" '
        f'data-layout="{g.name}" font-size="{g.font}" '
        f'aria-labelledby="{pid}-title" aria-describedby="{pid}-desc">',
        f'<title id="{pid}-title">{escape(title)}</title>',
        f'<desc id="{pid}-desc">{escape(axis)}. {escape(_describe(catalog, prices, kind, ladder))}</desc>',
    ]
    bottom = HEIGHT - BOTTOM
    for value, label in scale.ticks():
        parts.append(
            f'<line class="gc-ladder-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}"/><text class="gc-ladder-tick" x="{LEFT - 8}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
    parts.append(f'<line class="gc-ladder-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}"/>')
    shown = _x_labels(
        [(x(users), count(users), _labelled(users, i, len(ladder))) for i, users in enumerate(ladder)], g.font
    )
    for users in ladder:
        parts.append(
            f'<line class="gc-ladder-axis" x1="{x(users):.1f}" x2="{x(users):.1f}" y1="{bottom}" y2="{bottom + 5}"/>'
        )
        if count(users) in shown:
            parts.append(
                f'<text class="gc-ladder-tick" x="{x(users):.1f}" y="{bottom + 20}" '
                f'text-anchor="middle">{count(users)}</text>'
            )
    parts.append(
        f'<text class="gc-ladder-axis-title" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}" '
        'text-anchor="middle">Users, up to (each tier)</text>'
    )
    for i, product in enumerate(catalog.products):
        points = [(x(t.users), y(_value(kind, t.annual, t.users)), t) for t in prices.ladder(product.key)]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
        marks = (
            "".join(
                _mark(i, px, py, g.mark, f' data-users="{t.users}" data-value="{_value(kind, t.annual, t.users):.2f}"')
                for px, py, t in points
            )
            if marked
            else ""
        )
        parts.append(
            f'<g class="gc-series-{i % SERIES}" data-product="{escape(product.key)}">'
            f'<polyline class="gc-ladder-line gc-dash-{i % SERIES}" points="{path}"/>{marks}</g>'
        )
    parts.append("</svg>")
    # The caption shows what the SVG's title and description already say: hidden from
    # assistive technology so that it is not read twice.
    caption = (
        f'<p class="gc-ladder-caption" aria-hidden="true"><strong>{escape(title)}</strong>'
        f"<span>{escape(axis)}</span></p>"
    )
    return f'<div class="gc-ladder-figure gc-ladder-{g.name}">{caption}{"".join(parts)}</div>'


def _x_labels(ticks: list[tuple[float, str, bool]], font: int) -> set[str]:
    """The tick labels that fit: the first and the last always, the round ones between
    when they leave room (about 0.6 em a digit, and 1 em between labels)."""

    def apart(a: tuple[float, str, bool], b: tuple[float, str, bool]) -> bool:
        return abs(b[0] - a[0]) >= 0.6 * font * (len(a[1]) + len(b[1])) / 2 + font

    chosen = [ticks[0]]
    for tick in ticks[1:-1]:
        if tick[2] and apart(chosen[-1], tick) and apart(tick, ticks[-1]):
            chosen.append(tick)
    return {label for _, label, _ in chosen + [ticks[-1]]}


def _labelled(users: int, i: int, n: int) -> bool:
    """Label the first and last tier, and the round ones between (1, 2 or 5 followed by zeros)."""
    digits = str(users)
    return i in (0, n - 1) or (digits[0] in "125" and set(digits[1:]) <= {"0"})


def _mark(i: int, x: float, y: float, r: float, attrs: str = "") -> str:
    shape = MARKS[i % len(MARKS)]
    if shape == "circle":
        return f'<circle class="gc-ladder-mark" cx="{x:.1f}" cy="{y:.1f}" r="{r}"{attrs}/>'
    if shape == "square":
        return f'<rect class="gc-ladder-mark" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}"{attrs}/>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - r * 1.2:.1f} {x + r * 1.2:.1f},{y + r:.1f} {x - r * 1.2:.1f},{y + r:.1f}"
    else:
        pts = f"{x:.1f},{y - r * 1.3:.1f} {x + r * 1.3:.1f},{y:.1f} {x:.1f},{y + r * 1.3:.1f} {x - r * 1.3:.1f},{y:.1f}"
    return f'<polygon class="gc-ladder-mark" points="{pts}"{attrs}/>'


def _describe(catalog: Catalog, prices: Prices, kind: str, ladder: list[int]) -> str:
    """The chart's description: the range it covers and each product's first and last figure."""

    def end(p: Product, t) -> str:
        value = _value(kind, t.annual, t.users)
        return f"{show(value)}{' a user' if kind == 'per-user' else ''} at {count(t.users)} users"

    what = "annual price" if kind == "annual" else "annual price per user of a full tier"
    each = [
        f"{p.name} goes from {end(p, prices.ladder(p.key)[0])} to {end(p, prices.ladder(p.key)[-1])}"
        for p in catalog.products
    ]
    lead = (
        f"Line chart of each product's {what}, for {len(ladder)} tiers from {count(ladder[0])} to "
        f"{count(ladder[-1])} users ({join([p.name for p in catalog.products])}). "
    )
    return lead + "; ".join(each) + ". The table below gives every figure."


class _LogScale:
    def __init__(self, low: Decimal, high: Decimal):
        self.low = math.floor(math.log10(low))
        self.high = max(math.ceil(math.log10(high)), self.low + 1)

    def share(self, value: Decimal) -> float:
        return (math.log10(value) - self.low) / (self.high - self.low)

    def ticks(self) -> list[tuple[Decimal, str]]:
        return [(Decimal(10) ** p, f"${10**p:,}") for p in range(self.low, self.high + 1)]


class _LinearScale:
    def __init__(self, high: Decimal):
        # A round top (1, 2, 2.5 or 5 times a power of ten per step, five steps at most).
        raw = float(high) / 5
        power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
        self.step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
        self.top = self.step * math.ceil(float(high) / self.step)

    def share(self, value: Decimal) -> float:
        return float(value) / self.top

    def ticks(self) -> list[tuple[Decimal, str]]:
        n = round(self.top / self.step)
        return [(Decimal(str(self.step * k)), f"${self.step * k:,.0f}") for k in range(n + 1)]


def prices_as_of(catalog: Catalog, estimator: bool = False) -> str:
    """What the pages' prices are as of: the build's day; the estimator's, the day it is opened."""
    built = long_date(clock.today())
    if estimator:
        return (
            "This estimator always uses the prices in force on the day you open it, or on the date of the change "
            f"you give it. The tables on the other pages show the prices in force on {built}, the day the site "
            "was last built."
        )
    scheduled = " Prices already announced for a later date are shown beside them." if catalog.price_changes else ""
    return (
        f"The tables and charts on this site show the prices in force on {built}, the day the site was last "
        f"built.{scheduled} The [cost estimator](estimator.md) always uses the prices in force on the day you open "
        "it, or on the date you give it."
    )


def price_changes(catalog: Catalog, day: date | None = None) -> str:
    """Each recorded price change: its date, whether it is in force on `day` (default: the build's),
    the products it names and the range of their shares; or that none is recorded."""
    if not catalog.price_changes:
        return (
            "No price change is recorded: the prices above hold until the data records an announced change, "
            "which then shows here with its date."
        )
    day = day or clock.today()
    rows = []
    for change in catalog.price_changes:
        found = changes.moves(catalog, change)
        names = join([catalog.product(key).name for key in change.products])
        shares = changes.shares(found)
        by = shares[0] if len(shares) == 1 else f"{shares[0]} to {shares[-1]}"
        tiers = len(found)
        status = "In force" if change.effective <= day else "Scheduled"
        rows.append(
            f'<tr data-effective="{change.effective.isoformat()}"><th scope="row">{long_date(change.effective)}</th>'
            f"<td>{escape(names)}</td><td>{count(tiers)} tier{'s' if tiers != 1 else ''}, {escape(by)}</td>"
            f"<td>{status}</td></tr>"
        )
    return raw_html(
        "<table data-price-changes>\n<caption>Recorded price changes: the date, the products, and how much "
        "the tiers named change against the prices in force the day before</caption>\n"
        '<thead><tr><th scope="col">From</th><th scope="col">Products</th><th scope="col">Change</th>'
        '<th scope="col">Status</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def products_list(catalog: Catalog) -> str:
    """Each product with what it is for; its anchor is its key (links to #jira keep working)."""
    return "\n".join(
        f'<p id="{escape(p.key)}"><strong>{escape(p.name)}</strong>: {escape(p.description)}</p>'
        for p in catalog.products
    )


def register(env, catalog: Catalog) -> None:
    env.macro(lambda: ladder_table(catalog), "ladder_table")
    env.macro(lambda: ladder_chart(catalog), "ladder_chart")
    env.macro(lambda: products_list(catalog), "products_list")
    env.macro(lambda estimator=False: prices_as_of(catalog, estimator), "prices_as_of")
    env.macro(lambda: price_changes(catalog), "price_changes")
    # Stored HTML (marks.raw_html): its ids are named by its own aria attributes, never linked to.
    env.macro(lambda: raw_html(ladder_estimate(catalog), unlinked_ids=True), "ladder_estimate")
