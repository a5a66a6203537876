"""What the macros publish as page variables. mkdocs-macros writes every variable out as JSON
at each build (a debug payload it makes even when debugging is off), so a variable that no page
reads still costs every build its size: the worked scenarios, published and never read, took
19 s of a 22 s build of a catalog 100 times the real one."""

from __future__ import annotations

import re

import macros

from conftest import ROOT
from macro_env import MacroEnv

PAGES = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs-ja").rglob("*.md")]  # the theme's templates see no variable


def test_every_variable_the_macros_publish_is_one_a_page_reads():
    env = MacroEnv()
    macros.define_env(env)
    text = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)
    # Read as a name of its own in a {{ }} or {% %} tag: not an attribute (`x.catalog`) or a longer name.
    unread = [n for n in env.variables if not re.search(r"\{[{%][^}]*(?<![\w.])" + re.escape(n) + r"\b", text)]
    assert env.variables
    assert not unread, unread
