"""How a data problem stops either builder: one `file:line: field: message` line
per problem, no traceback, a failed build."""

from __future__ import annotations

import os
import sys
import threading
from typing import NoReturn

HEADLINE = "the site's data has problems:"
_report = threading.Lock()


class SiteDataError(Exception):
    """The data's problems, for a caller that reports them itself (`zensical serve`)."""


def fail(problems) -> NoReturn:
    text = HEADLINE + "\n" + "\n".join(map(str, problems))
    # MkDocs (already loaded: never imported here, Zensical runs this too)
    # prints a PluginError's text and stops, without a traceback.
    mkdocs_errors = sys.modules.get("mkdocs.exceptions")
    if mkdocs_errors is not None:
        raise mkdocs_errors.PluginError(text)
    if "zensical" in sys.modules and sys.argv[1:2] == ["build"]:
        # Zensical turns any exception raised while rendering into a traceback
        # (after printing "No issues found"). Say the problems, and stop the
        # build here with the exit code of bad data. Pages render in parallel:
        # the first to fail reports, the others wait for the exit.
        with _report:
            sys.stdout.flush()
            sys.stderr.write(f"Error: {text}\n")
            sys.stderr.flush()
            os._exit(2)
    raise SiteDataError(text)
