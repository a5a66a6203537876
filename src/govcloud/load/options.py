"""Reading a scenario file of options: `options:` (a mapping of option name to what that option
proposes, in the shape of `proposed`) instead of `proposed:`, everything else shared. Problems are
reported as `file:line: options.<name>...: message`."""

from __future__ import annotations

from datetime import date

from govcloud.load.scenarios import parse_scenarios
from govcloud.load.yamlsource import Document
from govcloud.model.catalog import Catalog
from govcloud.model.names import FEWEST, KEY, MOST, name_problem
from govcloud.model.problems import InputError, Problem
from govcloud.model.scenario import Scenario
from govcloud.words.characters import trim
from govcloud.words.vocabulary import word

# Scenario fields every option shares: written once, beside `options`.
SHARED = ("date", "customer", "current", "days_remaining", "renewal")


def is_options(doc: Document) -> bool:
    return isinstance(doc.value, dict) and KEY in doc.value


def parse_options(doc: Document, catalog: Catalog, today: date | None = None) -> list[tuple[str, Scenario]]:
    """Each option's name and its scenario; every problem of the file at once."""
    value: dict = doc.value
    options = value[KEY]
    problems: list[Problem] = []
    if "proposed" in value:
        problems.append(doc.problem(("proposed",), "proposed", "give proposed or options, not both"))
    if not isinstance(options, dict):
        problems.append(doc.problem((KEY,), KEY, "must be a mapping of option names to what each option proposes"))
        raise InputError(problems)
    if not FEWEST <= len(options) <= MOST:
        problems.append(doc.problem((KEY,), KEY, f"name {FEWEST} or {MOST} options to compare (found {len(options)})"))
    shared = {k: v for k, v in value.items() if k not in (KEY, "proposed")}
    out: list[tuple[str, Scenario]] = []
    named: list[str] = []
    for name, proposed in options.items():
        where = f"{KEY}.{name}"
        wrong = name_problem(name, named)  # "A" and "A " are one name, as the estimator reads them
        named.append(name)
        if wrong:
            problems.append(doc.problem((KEY, name), where, wrong))
            continue
        # What the options share (the date above all: one quote date for every option) is given once.
        own = [k for k in SHARED if isinstance(proposed, dict) and k in proposed]
        if own:
            problems += [doc.problem((KEY, name, k), f"{where}.{k}", word("options.shared", field=k)) for k in own]
            continue
        lines = {loc: line for loc, line in doc.lines.items() if not loc or loc[0] not in (KEY, "proposed")}
        lines |= {("proposed",) + loc[2:]: line for loc, line in doc.lines.items() if loc[:2] == (KEY, name)}
        item = Document(doc.name, {**shared, "proposed": proposed}, lines)
        try:
            scenarios, _ = parse_scenarios(item, catalog, today)
        except InputError as exc:
            problems += [
                Problem(
                    p.file,
                    p.line,
                    where + p.field[len("proposed") :] if p.field.startswith("proposed") else p.field,
                    p.message,
                )
                for p in exc.problems
            ]
            continue
        out.append((trim(name), scenarios[0]))
    if problems:
        raise InputError(list(dict.fromkeys(problems)))  # shared fields' problems once, not once per option
    return out
