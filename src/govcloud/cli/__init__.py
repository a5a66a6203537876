"""The command line: `govcloud quote | pricebook | check | schema | diff`."""

from govcloud.cli.commands import main

__all__ = ["main"]
