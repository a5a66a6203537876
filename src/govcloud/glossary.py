"""The glossary file (`includes/glossary.yml`), loaded and checked like the policy
data, so that a mistake in it is a `file:line: field: message` line, not a traceback."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, RootModel

from .loading import display_name, validate
from .model import Strict, Text
from .yamlsource import load_file


class Entry(Strict):
    term: Annotated[Text, Field(description="The term as the glossary lists it.")]
    forms: Annotated[list[Text] | None, Field(
        description="Words on other pages that link to the term (default: the term itself).")] = None
    text: Annotated[Text, Field(description="What it means, in plain text.")]


class Glossary(RootModel[Annotated[list[Entry], Field(min_length=1)]]):
    pass


def load_glossary(path: str | Path) -> list[Entry]:
    path = Path(path)
    return validate(Glossary, load_file(path, display_name(path))).root
