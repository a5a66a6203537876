"""The site's data, loaded once for each version of the files it comes from.

MkDocs calls the macros' `define_env` once per build, Zensical once per page,
and the page-level work runs once per page in both: all of them share this
one copy, reloaded only when a data file changes (so `serve` sees edits)."""

from __future__ import annotations

import gc
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from govcloud.calc.worked import load_worked
from govcloud.load.glossary import glossary_path
from govcloud.load.loading import DEFAULT_SCENARIOS, data_path, load_catalog_source
from govcloud.load.prose import translated, translated_scenario
from govcloud.model.catalog import Catalog
from govcloud.model.problems import InputError
from govcloud.words import language
from govcloud_site.failure import fail
from macros.pages import Pages


@dataclass(frozen=True)
class Site:
    catalog: Catalog
    worked: list
    pages: Pages


_lock = threading.Lock()
_cache: dict[tuple, Site] = {}
_frozen = False


def _version() -> tuple:
    """What the loaded data depends on: which files, and when each last changed (and the language
    its prose and quotes' words are in)."""
    out: list[tuple[str, int | None, int | None]] = [(language.current().code, None, None)]
    for path in (data_path(None), data_path(None, DEFAULT_SCENARIOS), glossary_path()):
        try:
            stat = os.stat(path)
            out.append((str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size))
        except OSError:
            out.append((str(path), None, None))  # loading names the missing file
    return tuple(out)


def _freeze_once() -> None:
    """After the first load, what the process holds (the data, the builder's code) is kept out
    of later collections, which would walk it again and again (a large catalog is most of the
    heap). Only once: a later freeze would also keep whatever garbage is waiting then."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def current_site() -> Site:
    """The loaded data; a data problem stops the build with one line per problem."""
    key = _version()
    with _lock:
        site = _cache.get(key)
        if site is None:
            collecting = gc.isenabled()
            gc.disable()  # what is loaded here lives as long as the build: no use looking for cycles in it
            try:
                english, source = load_catalog_source()
                catalog = translated(english)  # its prose in the build's language (the same object in English)
                # A worked example whose expectation disagrees with govcloud fails the build here.
                worked = [(translated_scenario(s), q) for s, q in load_worked(catalog)]
                site = Site(catalog, worked, Pages(catalog, worked, source, english))  # loads the glossary too
            except InputError as exc:
                fail(exc.problems)
            finally:
                if collecting:
                    gc.enable()
            _freeze_once()
            _cache.clear()
            _cache[key] = site
    return site


def current_pages() -> Pages:
    """What the page-level work asks for (`govcloud_site.markdown`, configured in mkdocs.yml)."""
    return current_site().pages
