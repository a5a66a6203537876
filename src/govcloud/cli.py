"""`govcloud`: quotes, the price book and data checks from the command line."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from . import __version__
from .loading import DEFAULT_SCENARIOS, data_path, load_catalog
from .pricebook import pricebook
from .problems import InputError
from .quote import quote
from .scenario import read_scenarios
from .schema import catalog_schema
from .tables import pricebook_table, quote_tables
from .worked import load_worked
from .yamlsource import decode, read_text

EXAMPLES = {
    "quote": """example:
  $ cat change.yml
  current:  {jira: {users: 480, instances: 2}}
  proposed: {jira: {users: 520, instances: 3}, confluence: {users: 200}}
  days_remaining: 120
  $ govcloud quote change.yml          # a table to paste into an email
  $ govcloud quote change.yml --json   # the JSON quote
  $ echo 'proposed: {jira: {users: 50}}' | govcloud quote -""",
    "pricebook": "example:\n  $ govcloud pricebook\n  $ govcloud pricebook --json > pricebook.json",
    "check": "example:\n  $ govcloud check                      # data/products.yml and data/scenarios.yml\n"
             "  $ govcloud check my-products.yml",
    "schema": "example:\n  $ govcloud schema > schema/products.schema.json",
    "diff": "example:\n  $ govcloud diff old-products.yml data/products.yml\n"
            "  $ govcloud diff --base main                 # main's data/products.yml vs the working copy",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govcloud", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Quotes and policy data for Atlassian Government Cloud subscriptions.\n"
                    "Prices are illustrative; the sales quote governs.",
        epilog=EXAMPLES["quote"])
    parser.add_argument("--version", action="version", version=f"govcloud {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help, epilog=EXAMPLES[name],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)

    q = command("quote", "Quote one scenario, or a list of them, from a YAML or JSON file (- for stdin).")
    q.add_argument("file", metavar="FILE|-")
    q.add_argument("--json", action="store_true", help="print the JSON quote instead of a table")
    q.add_argument("--today", metavar="YYYY-MM-DD", type=_day,
                   help="the date a scenario's renewal: counts from (default: the system date)")
    q.add_argument("--data", metavar="DATA_FILE", help="policy data (default: data/products.yml)")
    p = command("pricebook", "Print every product's user tiers and illustrative annual prices.")
    p.add_argument("--json", action="store_true", help="print the price book JSON the estimator embeds")
    p.add_argument("--data", metavar="DATA_FILE", help="policy data (default: data/products.yml)")
    c = command("check", "Validate the policy data (and, by default, the worked scenarios).")
    c.add_argument("data", nargs="?", metavar="DATA_FILE", help="default: data/products.yml")
    c.add_argument("--scenarios", metavar="FILE",
                   help=f"worked scenarios to check against the data (default: {DEFAULT_SCENARIOS} "
                        "when DATA_FILE is not given)")
    command("schema", "Print the JSON Schema of the policy data.")
    from .diff import configure  # `govcloud diff` keeps its arguments beside its code
    configure(command("diff", "Say in words what changed between two versions of the policy data, "
                              "and which worked scenarios' figures move."))
    return parser


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "diff":
        from .diff import run
        return run(args)
    if args.command == "schema":
        print(json.dumps(catalog_schema(), indent=2))
        return 0
    if args.command == "check":
        catalog = load_catalog(args.data)
        scenarios = args.scenarios or (None if args.data else data_path(None, DEFAULT_SCENARIOS))
        worked = load_worked(catalog, scenarios) if scenarios else []
        print(f"ok: {len(catalog.products)} products" + (f", {len(worked)} worked scenarios" if worked else ""))
        return 0
    catalog = load_catalog(args.data)
    if args.command == "pricebook":
        book = pricebook(catalog)
        print(json.dumps(book, indent=2) if args.json else pricebook_table(book))
        return 0
    if args.file == "-":
        # Bytes, decoded as a file is, so bad UTF-8 is one line whatever the locale.
        text, name = decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    else:
        text, name = read_text(Path(args.file), args.file), args.file
    scenarios, many = read_scenarios(text, name, catalog, args.today)
    quotes = [quote(catalog, s) for s in scenarios]
    if args.json:
        docs = [q.as_json() for q in quotes]
        print(json.dumps(docs if many else docs[0], indent=2))
    else:
        print(quote_tables(catalog, scenarios, quotes, args.today or date.today()))
    return 0
