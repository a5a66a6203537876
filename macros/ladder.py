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

from govcloud.calc import changes
from govcloud.load.prose import prices_are
from govcloud.model import clock
from govcloud.model.catalog import Catalog, Prices, Product
from govcloud.model.money import CURRENCY, cents, show
from govcloud.words import cldr
from govcloud.words.cldr import long_date
from govcloud.words.vocabulary import word
from govcloud_site.markdown.marks import raw_html
from macros.markup import NL, Markup, concat, el, lines
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


def _per_user(annual: Decimal, users: int) -> str:
    """'$23.40 a user'."""
    return word("site.tiers.per_user", amount=show(per_user(annual, users)))


def ladder_table(catalog: Catalog) -> str:
    day = clock.today()  # the prices in force on the day the site is built; the scheduled ones beside them
    prices = catalog.prices_on(day)
    caption = word("site.tiers.caption", prices_are=prices_are(catalog))
    top = max(p.tiers[-1].users for p in catalog.products)
    notes = [word("site.tiers.beyond", users=count(top))]
    later = {p.key: _later(catalog, day, p.key) for p in catalog.products}
    if any(later.values()):
        notes.insert(0, word("site.tiers.scheduled_note"))
    if not _marked(catalog):
        return _ladder_list(catalog, prices, caption, later) + "\n\n" + "\n\n".join(notes)
    heads = [el("th", p.name, scope="col", data_product=p.key) for p in catalog.products]
    tiers = [{t.users: t for t in prices.ladder(p.key)} for p in catalog.products]
    rows, gaps = [], False
    for users in steps(catalog):
        cells = []
        for p, sizes in zip(catalog.products, tiers):
            tier = sizes.get(users)
            if tier is None:
                gaps = gaps or users < p.tiers[-1].users
                cells.append(el("td", word("cells.none"), data_product=p.key))
                continue
            cells.append(
                el(
                    "td",
                    show(tier.annual),
                    el("span", _per_user(tier.annual, users), class_="gc-per-user"),
                    [
                        el(
                            "span",
                            _from(price, d),
                            class_="gc-scheduled",
                            data_from=d.isoformat(),
                            data_annual=f"{price:.2f}",
                        )
                        for d, price in later[p.key].get(users, [])
                    ],
                    data_product=p.key,
                    data_annual=f"{tier.annual:.2f}",
                )
            )
        rows.append(el("tr", el("th", count(users), scope="row"), cells, data_users=users))
    if gaps:
        notes.insert(0, word("site.tiers.gap"))
    return (
        raw_html(
            el(
                "table",
                NL,
                el("caption", caption),
                NL,
                el("thead", el("tr", el("th", word("site.tiers.users_up_to"), scope="col"), heads)),
                NL,
                el("tbody", NL, lines(rows), NL),
                NL,
                data_ladder=True,
            )
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
    return word("site.tiers.from", amount=show(price), date=long_date(day))


def _ladder_list(
    catalog: Catalog, prices: Prices, caption: str, later: dict[str, dict[int, list[tuple[date, Decimal]]]]
) -> str:
    """The table past MARKED_TIERS: a row per product with its tiers in words (a column per
    product would be too wide to read, and a cell per tier weigh more than the rest of the site)."""
    rows = [
        el(
            "tr",
            el("th", p.name, scope="row"),
            el(
                "td",
                word("site.tiers.list_join").join(
                    word(
                        "site.tiers.list_tier",
                        users=count(t.users),
                        amount=show(t.annual),
                        per_user=word("site.tiers.list_join").join(
                            [_per_user(t.annual, t.users)]
                            + [_from(price, d) for d, price in later[p.key].get(t.users, [])]
                        ),
                    )
                    for t in prices.ladder(p.key)
                ),
            ),
            data_product=p.key,
        )
        for p in catalog.products
    ]
    heads = el(
        "tr", el("th", word("columns.product"), scope="col"), el("th", word("site.tiers.list_heading"), scope="col")
    )
    # Not `data-ladder`: its cells are words, left as text is, not figures set right.
    return raw_html(
        el(
            "table",
            NL,
            el("caption", caption),
            NL,
            el("thead", heads),
            NL,
            el("tbody", NL, lines(rows), NL),
            NL,
            data_ladder_list=True,
        )
    )


# -- the chart --------------------------------------------------------------------


def _legend(catalog: Catalog, extra: Markup | None = None, marked: bool = True) -> Markup:
    items = [
        el(
            "li",
            el(
                "svg",
                el("line", class_=f"gc-ladder-line gc-dash-{i % SERIES}", x1="2", y1="6", x2="34", y2="6"),
                _mark(i, 18, 6, 4) if marked else None,
                aria_hidden="true",
                focusable="false",
                viewBox="0 0 36 12",
                width="36",
                height="12",
            ),
            p.name,
            class_=f"gc-series-{i % SERIES}",
        )
        for i, p in enumerate(catalog.products)
    ]
    # A plain list may not carry a name (html-validate's aria-label-misuse): a group around it does.
    return el(
        "div", el("ul", items, extra, class_="gc-ladder-legend"), role="group", aria_label=word("site.chart.legend")
    )


def ladder_chart(catalog: Catalog) -> str:
    prices = catalog.prices_on(clock.today())  # those in force on the day the site is built
    ladder = steps(catalog)
    marked = _marked(catalog)
    return raw_html(
        el(
            "div",
            NL,
            _legend(catalog, marked=marked),
            NL,
            lines(
                _panel(catalog, prices, ladder, kind, layout, marked=marked)
                for kind in ("annual", "per-user")
                for layout in LAYOUTS
            ),
            NL,
            class_="gc-ladder",
            data_ladder_chart=True,
        ),
        unlinked_ids=True,  # each panel's title and description, named by the panel
    )


LAZY_CHARTS = "ladder-charts.xml"  # beside the estimator page once the post-build step ran
XHTML_NS, SVG_NS = "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"


def ladder_estimate(catalog: Catalog) -> Markup:
    """The estimator page's ladder: the yearly-price panel, hidden until there is an estimate;
    estimator/ladder.js marks today's tier and the estimate's on it and fills the list below."""
    # Those in force on the day the site is built (the estimator marks its own day's tiers on them).
    prices = catalog.prices_on(clock.today())
    marks = concat(
        el(
            "li",
            el(
                "svg",
                el("circle", class_=f"gc-ladder-mark {kind}", cx="12", cy="12", r="4"),
                aria_hidden="true",
                focusable="false",
                viewBox="0 0 24 24",
                width="24",
                height="24",
            ),
            word(f"ladder.{key}"),
            class_=f"gc-series-{SERIES - 1}",
        )
        for kind, key in (("gc-ladder-at-today", "legend_today"), ("gc-ladder-at-estimate", "legend_estimate"))
    )
    panels = lines(
        _panel(catalog, prices, steps(catalog), "annual", g, scope="gc-ladder-estimate", xmlns=SVG_NS) for g in LAYOUTS
    )
    # The charts are most of the page's markup and show only with an estimate: they wait in a
    # <template>, as one XML document (XHTML, its SVG named as such), that the post-build step
    # moves into a file of its own (govcloud_site/postbuild/lazy.py); ladder.js fetches it with the first
    # estimate (issue 12).
    charts = el("template", el("div", NL, panels, NL, xmlns=XHTML_NS), data_gc_lazy=LAZY_CHARTS)
    return el(
        "section",
        NL,
        el("h2", word("ladder.title"), id="gc-ladder-estimate-title"),
        NL,
        el("p", word("ladder.intro")),
        NL,
        # With options: which one the marks and "Room in the tier" are for (estimator/ladder.js).
        el(
            "p",
            el("label", word("ladder.choose"), for_="gc-ladder-option", class_="gc-label"),
            el("select", class_="gc-select", id="gc-ladder-option", data_testid="ladder-option"),
            class_="gc-ladder-choice",
            data_ladder_choice=True,
            hidden=True,
        ),
        NL,
        _legend(catalog, marks),
        NL,
        charts,
        NL,
        el("ul", class_="gc-ladder-where", data_ladder_where=True),
        NL,
        el("h3", word("room.title"), id="gc-ladder-room-title"),
        NL,
        # Named by the heading above it: a plain list carries no name of its own.
        el("ul", class_="gc-ladder-where", data_ladder_room=True),
        NL,
        class_="gc-ladder gc-ladder-estimate",
        data_ladder_estimate=True,
        hidden=True,
        aria_labelledby="gc-ladder-estimate-title",
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
    xmlns: str | None = None,
) -> Markup:
    values = [_value(kind, t.annual, t.users) for p in catalog.products for t in prices.ladder(p.key)]
    scale: _LogScale | _LinearScale
    if kind == "annual":
        scale = _LogScale(min(values), max(values))
        title = word("site.chart.annual_title", prices_are=prices_are(catalog))
        axis = word("site.chart.annual_axis")
    else:
        scale = _LinearScale(max(values))
        title = word("site.chart.per_user_title", prices_are=prices_are(catalog))
        axis = word("site.chart.per_user_axis")
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
        el("title", title, id=f"{pid}-title"),
        el(
            "desc",
            word("site.chart.description", axis=axis, text=_describe(catalog, prices, kind, ladder)),
            id=f"{pid}-desc",
        ),
    ]
    bottom = HEIGHT - BOTTOM
    for value, label in scale.ticks():
        parts.append(
            concat(
                el(
                    "line",
                    class_="gc-ladder-grid",
                    x1=LEFT,
                    x2=WIDTH - RIGHT,
                    y1=f"{y(value):.1f}",
                    y2=f"{y(value):.1f}",
                ),
                el("text", label, class_="gc-ladder-tick", x=LEFT - 8, y=f"{y(value) + 4:.1f}", text_anchor="end"),
            )
        )
    parts.append(el("line", class_="gc-ladder-axis", x1=LEFT, x2=WIDTH - RIGHT, y1=bottom, y2=bottom))
    shown = _x_labels(
        [(x(users), count(users), _labelled(users, i, len(ladder))) for i, users in enumerate(ladder)], g.font
    )
    for users in ladder:
        parts.append(
            el("line", class_="gc-ladder-axis", x1=f"{x(users):.1f}", x2=f"{x(users):.1f}", y1=bottom, y2=bottom + 5)
        )
        if count(users) in shown:
            parts.append(
                el(
                    "text",
                    count(users),
                    class_="gc-ladder-tick",
                    x=f"{x(users):.1f}",
                    y=bottom + 20,
                    text_anchor="middle",
                )
            )
    parts.append(
        el(
            "text",
            word("site.chart.users_axis"),
            class_="gc-ladder-axis-title",
            x=f"{LEFT + plot_w / 2:.1f}",
            y=HEIGHT - 8,
            text_anchor="middle",
        )
    )
    for i, product in enumerate(catalog.products):
        points = [(x(t.users), y(_value(kind, t.annual, t.users)), t) for t in prices.ladder(product.key)]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
        marks = (
            [
                _mark(i, px, py, g.mark, data_users=t.users, data_value=f"{_value(kind, t.annual, t.users):.2f}")
                for px, py, t in points
            ]
            if marked
            else None
        )
        parts.append(
            el(
                "g",
                el("polyline", class_=f"gc-ladder-line gc-dash-{i % SERIES}", points=path),
                marks,
                class_=f"gc-series-{i % SERIES}",
                data_product=product.key,
            )
        )
    svg = el(
        "svg",
        parts,
        xmlns=xmlns,
        class_="gc-ladder-panel",
        role="img",
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        data_kind=kind,
        data_layout=g.name,
        font_size=g.font,
        aria_labelledby=f"{pid}-title",
        aria_describedby=f"{pid}-desc",
    )
    # The caption shows what the SVG's title and description already say: hidden from
    # assistive technology so that it is not read twice.
    caption = el("p", el("strong", title), el("span", axis), class_="gc-ladder-caption", aria_hidden="true")
    return el("div", caption, svg, class_=f"gc-ladder-figure gc-ladder-{g.name}")


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


def _mark(i: int, x: float, y: float, r: float, **data: str | int) -> Markup:
    shape = MARKS[i % len(MARKS)]
    if shape == "circle":
        return el("circle", class_="gc-ladder-mark", cx=f"{x:.1f}", cy=f"{y:.1f}", r=str(r), **data)
    if shape == "square":
        return el(
            "rect",
            class_="gc-ladder-mark",
            x=f"{x - r:.1f}",
            y=f"{y - r:.1f}",
            width=str(2 * r),
            height=str(2 * r),
            **data,
        )
    if shape == "triangle":
        pts = f"{x:.1f},{y - r * 1.2:.1f} {x + r * 1.2:.1f},{y + r:.1f} {x - r * 1.2:.1f},{y + r:.1f}"
    else:
        pts = f"{x:.1f},{y - r * 1.3:.1f} {x + r * 1.3:.1f},{y:.1f} {x:.1f},{y + r * 1.3:.1f} {x - r * 1.3:.1f},{y:.1f}"
    return el("polygon", class_="gc-ladder-mark", points=pts, **data)


def _describe(catalog: Catalog, prices: Prices, kind: str, ladder: list[int]) -> str:
    """The chart's description: the range it covers and each product's first and last figure."""

    def end(p: Product, t) -> str:
        amount = show(t.annual) if kind == "annual" else _per_user(t.annual, t.users)
        return word("site.chart.at", amount=amount, users=count(t.users))

    return word(
        "site.chart.lead",
        what=word("site.chart.annual" if kind == "annual" else "site.chart.per_user"),
        tiers=count(len(ladder)),
        low=count(ladder[0]),
        high=count(ladder[-1]),
        products=join([p.name for p in catalog.products]),
        each=word("site.chart.join").join(
            word(
                "site.chart.each",
                product=p.name,
                first=end(p, prices.ladder(p.key)[0]),
                last=end(p, prices.ladder(p.key)[-1]),
            )
            for p in catalog.products
        ),
    )


class _LogScale:
    def __init__(self, low: Decimal, high: Decimal):
        self.low = math.floor(math.log10(low))
        self.high = max(math.ceil(math.log10(high)), self.low + 1)

    def share(self, value: Decimal) -> float:
        return (math.log10(value) - self.low) / (self.high - self.low)

    def ticks(self) -> list[tuple[Decimal, str]]:
        return [(Decimal(10) ** p, cldr.axis_money(Decimal(10) ** p, CURRENCY)) for p in range(self.low, self.high + 1)]


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
        # Labelled to the dollar, rounded as Python rounds a float (half to even).
        return [
            (Decimal(str(self.step * k)), cldr.axis_money(Decimal(f"{self.step * k:.0f}"), CURRENCY))
            for k in range(n + 1)
        ]


def prices_as_of(catalog: Catalog, estimator: bool = False) -> str:
    """What the pages' prices are as of: the build's day; the estimator's, the day it is opened."""
    built = long_date(clock.today())
    if estimator:
        return word("site.prices.as_of_estimator", built=built)
    scheduled = " " + word("site.prices.scheduled_beside") if catalog.price_changes else ""
    return word("site.prices.as_of", built=built, scheduled=scheduled)


def price_changes(catalog: Catalog, day: date | None = None) -> str:
    """Each recorded price change: its date, whether it is in force on `day` (default: the build's),
    the products it names and the range of their shares; or that none is recorded."""
    if not catalog.price_changes:
        return word("site.prices.none")
    day = day or clock.today()
    rows = []
    for change in catalog.price_changes:
        found = changes.moves(catalog, change)
        shares = changes.shares(found)
        by = shares[0] if len(shares) == 1 else word("site.prices.share_range", low=shares[0], high=shares[-1])
        tiers = word("site.prices.tier" if len(found) == 1 else "site.prices.tiers", count=count(len(found)))
        rows.append(
            el(
                "tr",
                el("th", long_date(change.effective), scope="row"),
                el("td", join([catalog.product(key).name for key in change.products])),
                el("td", word("site.prices.moves", tiers=tiers, share=by)),
                el("td", word("site.prices.in_force" if change.effective <= day else "site.prices.scheduled")),
                data_effective=change.effective.isoformat(),
            )
        )
    heads = el(
        "tr", [el("th", word(f"site.prices.{k}"), scope="col") for k in ("from", "products", "change", "status")]
    )
    return raw_html(
        el(
            "table",
            NL,
            el("caption", word("site.prices.caption")),
            NL,
            el("thead", heads),
            NL,
            el("tbody", NL, lines(rows), NL),
            NL,
            data_price_changes=True,
        )
    )


def products_list(catalog: Catalog) -> Markup:
    """Each product with what it is for; its anchor is its key (links to #jira keep working)."""
    return lines(
        el("p", el("strong", p.name), word("site.tiers.name_join"), p.description, id=p.key) for p in catalog.products
    )


def register(env, catalog: Catalog) -> None:
    env.macro(lambda: ladder_table(catalog), "ladder_table")
    env.macro(lambda: ladder_chart(catalog), "ladder_chart")
    env.macro(lambda: products_list(catalog), "products_list")
    env.macro(lambda estimator=False: prices_as_of(catalog, estimator), "prices_as_of")
    env.macro(lambda: price_changes(catalog), "price_changes")
    # Stored HTML (marks.raw_html): its ids are named by its own aria attributes, never linked to.
    env.macro(lambda: raw_html(ladder_estimate(catalog), unlinked_ids=True), "ladder_estimate")
