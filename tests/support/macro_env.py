"""What mkdocs-macros (or Zensical) hands `macros.define_env`, as far as the macros use it: the
config's language, the page variables, and `macro`, which registers a function."""

from __future__ import annotations


class MacroEnv:
    def __init__(self, language: str = "en") -> None:
        self.conf = {"theme": {"language": language}}
        self.variables: dict = {}

    def macro(self, fn, name=None):
        return fn
