"""`govcloud`: quotes, the price book and data checks from the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from govcloud import __version__
from govcloud.calc.pricebook import pricebook
from govcloud.calc.quote import quote
from govcloud.calc.worked import load_worked
from govcloud.load.glossary import glossary_path, load_glossary
from govcloud.load.loading import DEFAULT_SCENARIOS, data_path, load_catalog
from govcloud.load.prose import translated, translated_scenario
from govcloud.load.scenarios import is_list, scenario_stream
from govcloud.load.yamlsource import Document, Items, decode, load_stream, read_text
from govcloud.model import clock
from govcloud.model.catalog import Catalog
from govcloud.model.problems import InputError, Problem
from govcloud.model.schema import catalog_schema
from govcloud.render.tables import GAP, heading, pricebook_table, quote_table
from govcloud.words import language
from govcloud.words.characters import shown

EXAMPLES = {
    "quote": """example:
  $ cat change.yml
  current:  {jira: {users: 480, instances: 2}}
  proposed: {jira: {users: 520, instances: 3}, confluence: {users: 200}}
  days_remaining: 120
  $ govcloud quote change.yml          # a table to paste into an email
  $ govcloud quote change.yml --json   # the JSON quote
  $ echo 'proposed: {jira: {users: 50}}' | govcloud quote -""",
    "pricebook": "example:\n  $ govcloud pricebook\n  $ govcloud pricebook --json > pricebook.json\n"
    "  $ govcloud pricebook --today 2027-02-01   # the prices in force on that day",
    "check": "example:\n  $ govcloud check                      # data/products.yml and data/scenarios.yml\n"
    "  $ govcloud check my-products.yml",
    "schema": "example:\n  $ govcloud schema > schema/products.schema.json",
    "translations": "example:\n  $ govcloud translations                       # fails on anything out of date\n"
    "  $ govcloud translations --report              # what needs a translator\n"
    "  $ govcloud translations --stamp docs-ja/products.md",
    "diff": "example:\n  $ govcloud diff old-products.yml data/products.yml\n"
    "  $ govcloud diff --base main                 # main's data/products.yml vs the working copy",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govcloud",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Quotes and policy data for Atlassian Government Cloud subscriptions.\n"
        "Prices are illustrative; the sales quote governs.",
        epilog=EXAMPLES["quote"],
    )
    parser.add_argument("--version", action="version", version=f"govcloud {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    q = command("quote", "Quote one scenario, or a list of them, from a YAML or JSON file (- for stdin).")
    q.add_argument("file", metavar="FILE|-")
    q.add_argument("--json", action="store_true", help="print the JSON quote instead of a table")
    q.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_day,
        help="the quote's date for a scenario without date: (the day it is priced, and the day "
        "renewal: counts from; default: the system date, or SOURCE_DATE_EPOCH's)",
    )
    q.add_argument("--data", metavar="DATA_FILE", help="policy data (default: data/products.yml)")
    _lang(q, "the language of the table (--json is always English)")
    p = command("pricebook", "Print every product's user tiers and illustrative annual prices.")
    p.add_argument("--json", action="store_true", help="print the price book JSON the estimator embeds")
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_day,
        help="the day whose prices the tiers show (default: the system date, or SOURCE_DATE_EPOCH's)",
    )
    p.add_argument("--data", metavar="DATA_FILE", help="policy data (default: data/products.yml)")
    _lang(p, "the language of the table, or of the JSON's words and locale (the Japanese estimator's: --lang ja)")
    c = command("check", "Validate the policy data (and, by default, the worked scenarios).")
    c.add_argument("data", nargs="?", metavar="DATA_FILE", help="default: data/products.yml")
    c.add_argument(
        "--scenarios",
        metavar="FILE",
        help=f"worked scenarios to check against the data (default: {DEFAULT_SCENARIOS} when DATA_FILE is not given)",
    )
    c.add_argument(
        "--glossary",
        metavar="FILE",
        help="glossary to check (default: includes/glossary.yml when DATA_FILE is not given)",
    )
    command("schema", "Print the JSON Schema of the policy data.")
    from govcloud.cli.diff import configure  # `govcloud diff` keeps its arguments beside its code

    configure(
        command(
            "diff",
            "Say in words what changed between two versions of the policy data, "
            "and which worked scenarios' figures move.",
        )
    )
    from govcloud.cli import translations

    translations.configure(
        command("translations", "Check the Japanese pages, catalog and terms against the English (make check runs it).")
    )
    return parser


def _lang(command: argparse.ArgumentParser, help: str) -> None:
    command.add_argument(
        "--lang", choices=list(language.LANGUAGES), default=language.ENGLISH.code, help=f"{help}; default: en"
    )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD") from None


class UsageError(Exception):
    """A command line that names nothing to work on."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; every way it can end is an exit code and at most a few lines, never a traceback."""
    try:
        _tolerant_output()
        args = _parser().parse_args(argv)
        # A quote's JSON is for programs: its words stay English whatever --lang says.
        speak = "en" if args.command == "quote" and args.json else getattr(args, "lang", "en")
        with language.use(speak):
            code = _run(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at interpreter exit
        return code
    except InputError as exc:
        for problem in exc.problems:
            _say(str(problem))
        return 2
    except UsageError as exc:
        _say(f"govcloud: {exc}")
        return 2
    except BrokenPipeError:  # `govcloud quote x | head`: the reader has what it wanted
        _drop_output()
        return 0
    except KeyboardInterrupt:
        _drop_output()
        _say("govcloud: interrupted")
        return 130
    except OSError as exc:
        _drop_output()
        _say(f"govcloud: cannot write the output: {exc.strerror or exc}")
        return 1
    except (RecursionError, MemoryError) as exc:
        _say(f"govcloud: the input is too large to handle ({type(exc).__name__})")
        return 2


def _tolerant_output() -> None:
    """Names the data holds may not fit the terminal's encoding (PYTHONIOENCODING=ascii):
    show a stand-in character rather than stop."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")


def _drop_output() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _say(line: str) -> None:
    try:
        print(shown(line), file=sys.stderr, flush=True)  # one line: no control character reaches the terminal
    except (OSError, AttributeError, ValueError):  # stderr closed or full: the exit code still tells
        pass


def _read_stdin() -> str:
    if sys.stdin is None:  # started with stdin closed (`govcloud quote - <&-`)
        raise InputError([Problem("<stdin>", 1, "(file)", "standard input is closed; give a file or pipe one in")])
    try:
        data = sys.stdin.buffer.read()
    except OSError as exc:
        raise InputError([Problem("<stdin>", 1, "(file)", f"cannot be read: {exc.strerror or exc}")]) from None
    # Bytes, decoded as a file is, so bad UTF-8 is one line whatever the locale.
    return decode(data, "<stdin>")


def _check(args: argparse.Namespace) -> int:
    """The data, then the worked scenarios and the glossary: every problem of all three at once."""
    scenarios = args.scenarios or (None if args.data else data_path(None, DEFAULT_SCENARIOS))
    glossary = args.glossary or (None if args.data else glossary_path())
    problems: list = []

    def gather(load, *given):
        try:
            return load(*given)
        except InputError as exc:
            problems.extend(exc.problems)
            return None

    catalog = gather(load_catalog, args.data)
    worked = gather(load_worked, catalog, scenarios) if catalog and scenarios else None
    # Without a valid catalog the glossary is still checked, all but its filled-in anchors.
    entries = gather(load_glossary, glossary, catalog) if glossary else None
    if problems:
        raise InputError(problems)
    said = (
        [f"{len(catalog.products)} products"]
        + ([f"{len(worked)} worked scenarios"] if worked else [])
        + ([f"{len(entries)} glossary terms"] if entries else [])
    )
    print("ok: " + ", ".join(said))
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "diff":
        from govcloud.cli.diff import run

        return run(args)
    if args.command == "translations":
        from govcloud.cli.translations import run as translations

        return translations(args)
    if args.command == "schema":
        print(json.dumps(catalog_schema(), indent=2))
        return 0
    if args.command == "check":
        return _check(args)
    catalog = translated(load_catalog(args.data))  # its prose in the command's language
    # The day the run counts from, read once: every scenario of a list, and every option, is
    # quoted as of the same day, even when midnight passes during the run.
    today = args.today or clock.today()
    if args.command == "pricebook":
        book = pricebook(catalog, today)
        print(json.dumps(book, indent=2) if args.json else pricebook_table(book, catalog))
        return 0
    if args.file == "-":
        text, name = _read_stdin(), "<stdin>"
    elif not args.file.strip():
        raise UsageError("no file given; name a scenario file, or - for standard input")
    else:
        text, name = read_text(Path(args.file), args.file), args.file
    from govcloud.load.options import is_options, parse_options  # named proposals side by side
    from govcloud.render.options import show_options

    source = load_stream(text, name)
    if isinstance(source, Document) and is_options(source):
        print(show_options(catalog, parse_options(source, catalog, today), args.json, today))
        return 0
    _quotes(source, catalog, args.json, today)
    return 0


def _quotes(source: Document | Items, catalog: Catalog, as_json: bool, today: date) -> None:
    """Every scenario's quote, written as it is made: the memory taken does not grow with the
    list (100,000 scenarios once took 1.6 GB). Two readings of the list, one scenario at a time:
    the first checks them all and counts them, so that a file with any problem prints every
    problem and no quote, as before; the second quotes each and writes it. The JSON is the
    document `json.dumps(..., indent=2)` made of the whole list, byte for byte."""
    count, problems = 0, []
    for _, found in scenario_stream(source, catalog, today):
        count += 1
        problems += found
    if problems:
        raise InputError(problems)
    many, out = is_list(source), sys.stdout
    if as_json and many:
        out.write("[\n")
    for n, (scenario, _) in enumerate(scenario_stream(source, catalog, today), start=1):
        assert scenario is not None  # the first reading found no problem
        q = quote(catalog, scenario, today)
        if as_json:
            text = json.dumps(q.as_json(), indent=2)
            out.write(("" if n == 1 else ",\n") + ("  " + text.replace("\n", "\n  ") if many else text))
        else:
            # A worked scenario's title in the table's language (a title of one's own stays as written).
            title = heading(n, count, translated_scenario(scenario))
            out.write(("" if n == 1 else GAP) + quote_table(catalog, scenario, q, title))
    out.write("\n]\n" if as_json and many else "\n")
