"""`govcloud diff`: what a change to the policy data does, in words.

Two versions of `data/products.yml` (two files, or a git revision and the
working copy) are loaded and validated as `govcloud check` would, then
compared: prices, tiers, products, limits and terms, rules, sources and
contacts (old → new), the dated price changes (an entry added or removed, its
date moved, a price within it changed, per product and tier), and every worked
scenario whose figures move, each quoted with the old data and with the new
(on its own date: its bills too, each priced on its day). A reviewer reads this before a
change to the data merges; the docs workflow writes it to the job summary.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Collection, Iterable

from pydantic import BaseModel

from govcloud.calc import changes
from govcloud.calc.quote import Quote, quote
from govcloud.load.loading import DEFAULT_SCENARIOS, catalog_cross_checks, data_path, display_name, validate
from govcloud.load.scenarios import parse_scenarios
from govcloud.load.yamlsource import load_text, read_text
from govcloud.model import clock
from govcloud.model.catalog import Catalog, PriceChange, Prices, Product
from govcloud.model.money import show, signed
from govcloud.model.problems import InputError, Problem
from govcloud.model.scenario import Scenario
from govcloud.model.schema import catalog_schema
from govcloud.words import richtext
from govcloud.words.characters import shown
from govcloud.words.cldr import long_date
from govcloud.words.vocabulary import WORDS, template, word

# The data model's JSON Schema, as committed at every revision (path from the repository's root).
SCHEMA = "schema/products.schema.json"
# Texts longer than this are shown as "was:" and "now:" lines, not inline.
INLINE = 40


@dataclass
class Section:
    title: str
    items: list[list[str]] = field(default_factory=list)  # each item: its first line, then detail lines

    def add(self, first: str, *details: str) -> None:
        self.items.append([first, *details])


@dataclass(frozen=True)
class Version:
    """One side of the comparison: the data, the worked scenarios, and where they were read."""

    label: str
    catalog: Catalog
    scenarios: list[Scenario]


# -- reading the two versions ---------------------------------------------------


def read_version(data: str, scenarios: str | None, label: str, today: date | None = None) -> Version:
    return _version(
        read_text(Path(data), display_name(Path(data))),
        display_name(Path(data)),
        scenarios and read_text(Path(scenarios), display_name(Path(scenarios))),
        scenarios and display_name(Path(scenarios)),
        label,
        today,
    )


def read_revision(ref: str, data: str, scenarios: str | None, today: date | None = None) -> Version:
    """The data file (and the worked scenarios) as they are at a git revision."""
    data_text = git_show(ref, Path(data))
    scen_text = git_show(ref, Path(scenarios)) if scenarios else None
    return _version(
        data_text,
        f"{ref}:{display_name(Path(data))}",
        scen_text,
        scenarios and f"{ref}:{display_name(Path(scenarios))}",
        ref,
        today,
    )


def _version(
    data_text: str, data_name: str, scen_text: str | None, scen_name: str | None, label: str, today: date | None
) -> Version:
    catalog = validate(Catalog, load_text(data_text, data_name), catalog_cross_checks)
    worked: list[Scenario] = []
    if scen_text is not None and scen_name is not None:
        worked, _ = parse_scenarios(load_text(scen_text, scen_name), catalog, today)
    return Version(label, catalog, worked)


def git_show(ref: str, path: Path) -> str:
    """The file's text at `ref`, read with `git show` from the file's own folder."""
    return _show(_folder(path), f"{ref}:./{path.name}", f"{ref}:{display_name(path)}")


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _show(folder: Path, spec: str, name: str) -> str:
    """`git show SPEC` run in `folder` (SPEC `REF:./file` is relative to it, `REF:path` to the repository's root)."""
    try:
        # --end-of-options: a revision that starts with "-" (`--base=--output=FILE`, `--base=-p`) is
        # a revision git cannot find, never an option of git's (git 2.24 and later).
        result = subprocess.run(
            ["git", "-C", str(folder), "show", "--end-of-options", spec], capture_output=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InputError([Problem(name, 1, "(file)", f"git cannot be run: {exc}")]) from None
    if result.returncode != 0:
        why = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError([Problem(name, 1, "(file)", "git cannot read it: " + (why[-1] if why else "unknown error"))])
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem(name, 1, "(file)", "is not UTF-8 text")]) from None


def model_changed(ref: str, data: Path) -> bool:
    """Whether the data model at `ref` differs from the working copy's: its committed JSON Schema
    (schema/products.schema.json, kept current by the tests) is not the one this code makes."""
    try:
        return bool(json.loads(_show(_folder(data), f"{ref}:{SCHEMA}", f"{ref}:{SCHEMA}")) != catalog_schema())
    except (InputError, ValueError):
        return False  # no schema to compare with (or git cannot run): not known to have changed


def unreadable_base(ref: str, problems: list[Problem]) -> Section:
    """A pull request that changes the model and the data together: the old data, read with the new
    model, fails, so nothing can be compared; say so, with what the new model asks of it."""
    section = Section(f"Not compared: the data model changed since {ref}")
    section.add(
        f"The data at {ref} does not validate with the working copy's model, so no figure can be compared. "
        "Review the data change by hand; the new data itself passed validation. What the new model asks of the old data:",
        *(str(p) for p in problems),
    )
    return section


def default_scenarios() -> str:
    return str(data_path(None, DEFAULT_SCENARIOS))


# -- comparing ------------------------------------------------------------------


def compare(old: Version, new: Version, today: date | None = None) -> list[Section]:
    """Every difference, grouped for a reader; sections with nothing in them are left out.
    Prices are those under `tiers` (before any dated change: the changes have their own
    section); a worked scenario is quoted on its date, else `today` (default: the system date)."""
    day = today or clock.today()
    before, after = old.catalog.prices_on(date.min), new.catalog.prices_on(date.min)
    sections = [
        _prices(old.catalog, new.catalog, before, after),
        _tiers(old.catalog, new.catalog, before, after),
        _products(old.catalog, new.catalog, after),
        _price_changes(old.catalog, new.catalog),
        _terms(old.catalog, new.catalog),
        _rules(old.catalog, new.catalog),
        _sources(old.catalog, new.catalog),
        _contacts(old.catalog, new.catalog),
        _scenarios(old, new, day),
    ]
    return [s for s in sections if s.items]


def _percent(old: Decimal, new: Decimal) -> str:
    return changes.percent(old, new)


def _users(users: int) -> str:
    return f"up to {users:,} users"


def _common_products(old: Catalog, new: Catalog) -> Iterable[tuple[Product, Product]]:
    before = {p.key: p for p in old.products}
    for product in new.products:
        if product.key in before:
            yield before[product.key], product


def _prices(old: Catalog, new: Catalog, old_prices: Prices, new_prices: Prices) -> Section:
    section = Section("Prices (a year)")
    for was, now in _common_products(old, new):
        before = {t.users: t.annual for t in old_prices.ladder(was.key)}
        moved = [
            (t.users, before[t.users], t.annual)
            for t in new_prices.ladder(now.key)
            if t.users in before and before[t.users] != t.annual
        ]
        if len(moved) > 1:  # a headline first, so a change to a whole ladder reads at once
            shares = sorted({_percent(a, b) for _, a, b in moved}, key=lambda p: Decimal(p[:-1]))
            by = f"by {shares[0]} each" if len(shares) == 1 else f"by {shares[0]} to {shares[-1]}"
            section.add(f"{now.name}: {len(moved)} of {len(now.tiers)} tier prices change, {by}")
        for users, price, annual in moved:
            section.add(
                f"{now.name}, {_users(users)}: {show(price)} → {show(annual)} "
                f"({signed(annual - price)}, {_percent(price, annual)})"
            )
    return section


def _tiers(old: Catalog, new: Catalog, old_prices: Prices, new_prices: Prices) -> Section:
    section = Section("Tiers")
    for was, now in _common_products(old, new):
        before = {t.users: t.annual for t in old_prices.ladder(was.key)}
        after = {t.users: t.annual for t in new_prices.ladder(now.key)}
        for users in sorted(set(before) | set(after)):
            if users not in before:
                section.add(f"{now.name}: new tier {_users(users)}, at {show(after[users])} a year")
            elif users not in after:
                section.add(f"{now.name}: tier {_users(users)} removed (it cost {show(before[users])} a year)")
        if was.tiers[-1].users != now.tiers[-1].users:
            section.add(
                f"{now.name}: the largest tier goes from {was.tiers[-1].users:,} to "
                f"{now.tiers[-1].users:,} users (beyond it, ask sales)"
            )
    return section


def _products(old: Catalog, new: Catalog, new_prices: Prices) -> Section:
    section = Section("Products")
    before, after = {p.key: p for p in old.products}, {p.key: p for p in new.products}
    for key, product in after.items():
        if key not in before:
            ladder = new_prices.ladder(key)
            section.add(
                f"{product.name} ({key}) added: {len(product.tiers)} tiers, "
                f"{show(ladder[0].annual)} to {show(ladder[-1].annual)} a year"
            )
    for key, product in before.items():
        if key not in after:
            section.add(f"{product.name} ({key}) removed")
    for was, now in _common_products(old, new):
        _fields(section, f"{now.name} ({now.key})", was, now, skip={"key", "tiers"})
    if [k for k in before if k in after] != [k for k in after if k in before]:
        section.add(
            "Order on the pages: "
            + ", ".join(p.name for p in old.products)
            + " → "
            + ", ".join(p.name for p in new.products)
        )
    return section


def _price_changes(old: Catalog, new: Catalog) -> Section:
    """Each dated change added or removed, moved to another date, or with a price of its own
    changed, per product and tier; a tier's old price is the one in force the day before."""
    section = Section("Price changes")
    was = {c.effective: c for c in old.price_changes}
    now = {c.effective: c for c in new.price_changes}
    gone = [d for d in was if d not in now]
    came = [d for d in now if d not in was]
    for d in list(came):  # the same entry on another date: moved
        same = next((g for g in gone if was[g].products == now[d].products), None)
        if same is not None:
            gone.remove(same)
            came.remove(d)
            section.add(f"Price change of {long_date(same)} moved to {long_date(d)}: {_named(new, now[d])}")
    for d in sorted(came):
        section.add(f"Price change added, effective {long_date(d)}: {_named(new, now[d])}", *_moves(new, now[d]))
    for d in sorted(gone):
        section.add(f"Price change removed, of {long_date(d)}: {_named(old, was[d])}", *_moves(old, was[d]))
    for d in sorted(set(was) & set(now)):
        before, after = was[d].products, now[d].products
        for key in dict.fromkeys([*after, *before]):
            name = _name(new, key) if key in after else _name(old, key)
            a, b = before.get(key, {}), after.get(key, {})
            for users in sorted(set(a) | set(b)):
                at = f"Price change of {long_date(d)}: {name}, {_users(users)}"
                if users not in a:
                    section.add(f"{at}: now named, at {show(b[users])} a year")
                elif users not in b:
                    section.add(f"{at}: no longer named (it was {show(a[users])} a year)")
                elif a[users] != b[users]:
                    section.add(f"{at}: {show(a[users])} → {show(b[users])} ({signed(b[users] - a[users])})")
    return section


def _name(catalog: Catalog, key: str) -> str:
    return next((p.name for p in catalog.products if p.key == key), key)


def _named(catalog: Catalog, change: PriceChange) -> str:
    """'Jira (26 tiers, +5.0% each), Confluence (1 tier, +5.0%)': what the entry moves, from the prices before it."""
    said = []
    found = changes.moves(catalog, change)
    for key, tiers in change.products.items():
        shares = changes.shares([m for m in found if m.product == key])
        count = f"{len(tiers)} tier" + ("s" if len(tiers) != 1 else "")
        by = "" if not shares else f", {shares[0]}" if len(shares) == 1 else f", {shares[0]} to {shares[-1]}"
        said.append(f"{_name(catalog, key)} ({count}{by}{' each' if len(shares) == 1 and len(tiers) > 1 else ''})")
    return ", ".join(said)


def _moves(catalog: Catalog, change: PriceChange) -> list[str]:
    return [
        f"{_name(catalog, m.product)}, {_users(m.users)}: {show(m.old)} → {show(m.new)} "
        f"({signed(m.new - m.old)}, {_percent(m.old, m.new)})"
        for m in changes.moves(catalog, change)
    ]


def _terms(old: Catalog, new: Catalog) -> Section:
    section = Section("Limits and terms")
    skip = {"contacts", "sources", "rules", "products", "price_changes"}
    _fields(section, None, old, new, skip=skip)
    return section


def _rules(old: Catalog, new: Catalog) -> Section:
    section = Section("Rules")
    names = list(dict.fromkeys([*type(old.rules).model_fields, *type(new.rules).model_fields]))
    for name in names:
        was, now = getattr(old.rules, name, None), getattr(new.rules, name, None)
        if was is None and now is not None:
            section.add(f"Rule added: {now.title} ({name})", f"now: {_summary(new, name)}")
        elif now is None and was is not None:
            section.add(f"Rule removed: {was.title} ({name})")
        elif was is not None and now is not None:
            if was.confirmed != now.confirmed:
                section.add(
                    f"{now.title} ({name}): "
                    + ("now confirmed" if now.confirmed else "no longer confirmed (pages mark it “to confirm”)")
                )
            if was.summary != now.summary:
                section.add(
                    f"{now.title} ({name}): reworded", f"was: {_summary(old, name)}", f"now: {_summary(new, name)}"
                )
            _fields(section, f"{now.title} ({name})", was, now, skip={"confirmed", "summary"})
    return section


def _summary(catalog: Catalog, name: str) -> str:
    """A rule's summary as the data writes it (its formatting kept: a reviewer sees a
    changed link or emphasis), with the placeholders filled."""
    return richtext.markdown(getattr(catalog.rules, name).summary, catalog.rule_values())


def _sources(old: Catalog, new: Catalog) -> Section:
    section = Section("Sources")
    for key in dict.fromkeys([*old.sources, *new.sources]):
        was, now = old.sources.get(key), new.sources.get(key)
        if was is None and now is not None:
            section.add(f"Source added: {now.title} ({key})", f"at: {now.url}")
        elif now is None and was is not None:
            section.add(f"Source removed: {was.title} ({key})")
        elif was is not None and now is not None:
            _fields(section, f"Source {now.title} ({key})", was, now)
    return section


def _contacts(old: Catalog, new: Catalog) -> Section:
    section = Section("Contacts")
    for kind in type(new.contacts).model_fields:
        was, now = getattr(old.contacts, kind, None), getattr(new.contacts, kind, None)
        if was is not None and now is not None:
            _fields(section, f"{kind.capitalize()} customers' contact", was, now)
    return section


def _fields(section: Section, owner: str | None, was: BaseModel, now: BaseModel, skip: Collection[str] = ()) -> None:
    """One item per changed field, named by the model's own description of it."""
    for name, info in type(now).model_fields.items():
        if name in skip:
            continue
        before, after = getattr(was, name, None), getattr(now, name, None)
        if before == after:
            continue
        what = (info.description or name).rstrip(".")
        what = f"{owner}: {what[:1].lower()}{what[1:]}" if owner else what
        before_text, after_text = _plain(before), _plain(after)
        if len(before_text) + len(after_text) <= INLINE:
            section.add(f"{what}: {before_text} → {after_text}")
        else:
            section.add(what, f"was: {before_text}", f"now: {after_text}")


def _plain(value: Any) -> str:
    if isinstance(value, Decimal):
        return show(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


# -- worked scenarios -----------------------------------------------------------


def _figures(catalog: Catalog, result: Quote) -> list[tuple[str, str, Decimal | None]]:
    """The totals a worked scenario states: the field that promises each, the words the quote
    tables use for it, and its value."""
    return [
        ("today_annual_total", template("totals.today"), result.today_annual_total),
        ("annual_total", template("totals.after"), result.annual_total),
        ("due_now_total", template("columns.due_now"), result.due_now_total),
        ("first_year_total", word("totals.first_year", term_days=catalog.term_days), result.first_year_total),
    ]


def _bills(result: Quote) -> dict[tuple, tuple[str, Decimal]]:
    """Each bill after due now by its day and parts: its words ("The renewal of the current term,
    March 26, 2027") and its amount, priced on its day (a dated change moves it alone)."""
    out = {}
    for bill in result.bills:
        if bill.in_days == 0:
            continue  # due now: a total of its own above
        what = str(WORDS["bills"]["join"]).join(WORDS["bills"][p] for p in bill.parts)
        when = str(WORDS["bills"]["undated"]) if bill.on is None else long_date(bill.on)
        out[(bill.in_days, bill.parts)] = (f"{what[:1].upper()}{what[1:]}, {when}", bill.amount)
    return out


def _scenarios(old: Version, new: Version, day: date) -> Section:
    section = Section("Worked scenarios whose figures move")
    before = {s.id: s for s in old.scenarios}
    ids = {s.id for s in new.scenarios}
    for scenario in new.scenarios:
        name = f"{scenario.id}: {scenario.title}"
        was = before.get(scenario.id)
        new_quote = quote(new.catalog, scenario, day)
        new_figures = _figures(new.catalog, new_quote)
        broken = _broken_promises(scenario, new_figures)
        if was is None:
            section.add(f"{name}: new worked scenario", *broken)
            continue
        old_quote = quote(old.catalog, was, day)
        old_figures = _figures(old.catalog, old_quote)
        moves = [
            f"{label}: {_money(a)} → {_money(b)}" + (f" ({signed(b - a)})" if a is not None and b is not None else "")
            for (_, label, a), (_, _, b) in zip(old_figures, new_figures)
            if a != b
        ]
        bills_before, bills_after = _bills(old_quote), _bills(new_quote)
        moves += [
            f"{label}: {show(bills_before[key][1])} → {show(amount)} ({signed(amount - bills_before[key][1])})"
            for key, (label, amount) in bills_after.items()
            if key in bills_before and bills_before[key][1] != amount
        ]
        if moves or broken:
            inputs = _inputs(was) != _inputs(scenario)
            section.add(name + (" (its inputs changed too)" if inputs else ""), *moves, *broken)
    for scenario in old.scenarios:
        if scenario.id not in ids:
            section.add(f"{scenario.id}: {scenario.title}: removed")
    return section


def _broken_promises(scenario: Scenario, figures: list[tuple[str, str, Decimal | None]]) -> list[str]:
    """The worked scenario's own expected figures that the new data no longer gives: the build
    and `govcloud check` fail on them until the scenarios file is updated."""
    if scenario.expected is None:
        return []
    stale = [
        f"{field_name} {show(promised)}"
        for field_name, _, value in figures
        if (promised := getattr(scenario.expected, field_name, None)) is not None and promised != value
    ]
    if not stale:
        return []
    return ["the scenarios file still expects " + ", ".join(stale) + ": update it (the build fails until then)"]


def _money(amount: Decimal | None) -> str:
    return "—" if amount is None else show(amount)


def _inputs(scenario: Scenario) -> dict:
    return scenario.model_dump(exclude={"id", "title", "summary", "expected"})


# -- showing --------------------------------------------------------------------


def render(sections: list[Section], old: str, new: str, markdown: bool = False) -> str:
    """Plain text for a terminal, or Markdown for a job summary; the same words in both."""
    head = f"Changes in the policy data, {old} → {new}"
    if not sections:
        return "no change"
    if not markdown:
        out = [head]
        for section in sections:
            out += ["", section.title]
            for first, *details in section.items:
                out.append(f"  - {first}")
                out += [f"      {d}" for d in details]
        return "\n".join(map(shown, out))
    out = [f"### {_md(head)}"]
    for section in sections:
        out += ["", f"#### {_md(section.title)}", ""]
        for first, *details in section.items:
            out.append(f"- {_md(first)}")
            out += [f"  - {_md(d)}" for d in details]
    return "\n".join(out)


# What GitHub makes of plain words beyond CommonMark: an address (https://, www.) or an e-mail
# address becomes a link, @name a mention, #12 an issue's link, $...$ math. Each character that
# starts one goes in a <span> of its own (GitHub's documented way to write a plain dollar sign):
# the words read the same, and no pattern runs across the element's edge.
_GITHUB = re.compile(r"[@$#]|:(?=//)|(?<=[wW]{3})\.")


def _md(text: str) -> str:
    """Data text shown as text in Markdown: no markup, links, mentions, math or HTML from a pull
    request, and one line (a control character is shown as its escape)."""
    out = shown(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|!~":
        out = out.replace(char, "\\" + char)
    return _GITHUB.sub(lambda m: f"<span>{m[0]}</span>", out)


# -- command line ---------------------------------------------------------------


def configure(parser: Any) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="OLD NEW",
        help="two data files; with --base, at most one (default: data/products.yml)",
    )
    parser.add_argument("--base", metavar="REF", help="compare the data file at this git revision with the file now")
    parser.add_argument(
        "--scenarios",
        metavar="FILE",
        help=f"worked scenarios to quote with both versions (default: {DEFAULT_SCENARIOS}; "
        "with --base, as it is at REF and as it is now)",
    )
    parser.add_argument("--markdown", action="store_true", help="Markdown for a CI job summary instead of plain text")


def run(args: Any) -> int:
    """Exit 0 with the differences (or "no change"); 2 for bad data or a bad command line."""
    files: list[str] = args.files
    if args.base is None and len(files) != 2 or args.base is not None and len(files) > 1:
        print("govcloud diff: give two data files (OLD NEW), or --base REF and at most one data file", file=sys.stderr)
        return 2
    if args.base is not None and not args.base.strip():
        # git reads an empty revision as the index, and would compare it with the working copy.
        print("govcloud diff: --base needs a git revision, such as main or a commit", file=sys.stderr)
        return 2
    scenarios = args.scenarios or default_scenarios()
    if args.base is not None:
        data = files[0] if files else str(data_path(None))
        new = read_version(data, scenarios, "the working copy")
        labels = (f"{display_name(Path(data))} at {args.base}", "the working copy")
        try:
            old = read_revision(args.base, data, scenarios)
        except InputError as exc:
            if not model_changed(args.base, Path(data)):
                raise  # the data at the base is bad under the model it was written for
            print(render([unreadable_base(args.base, exc.problems)], *labels, markdown=args.markdown))
            return 0
    else:
        problems: list[Problem] = []
        versions = []
        for name in files:  # every problem of both files at once
            try:
                versions.append(read_version(name, scenarios, name))
            except InputError as exc:
                problems += exc.problems
        if problems:
            raise InputError(problems)
        old, new = versions
        labels = (files[0], files[1])
    print(render(compare(old, new), *labels, markdown=args.markdown))
    return 0
