"""The glossary file (`includes/glossary.yml`), loaded and checked like the policy
data, so that a mistake in it is a `file:line: field: message` line, not a traceback."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Iterable

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


def _unique_terms(raw: Any) -> Iterable[tuple[tuple, str]]:
    """Two entries with one term would make two entries with one anchor."""
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw if isinstance(raw, list) else []):
        term = entry.get("term") if isinstance(entry, dict) else None
        if isinstance(term, str):
            if term in seen:
                yield ((i, "term"), f"{term!r} is already the term of [{seen[term]}]")
            seen.setdefault(term, i)


def load_glossary(path: str | Path) -> list[Entry]:
    path = Path(path)
    return validate(Glossary, load_file(path, display_name(path)), _unique_terms).root
