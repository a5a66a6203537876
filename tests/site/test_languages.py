"""Both languages in one built site: English at the root, Japanese under ja/, each page
linking to itself in the other language (hreflang in the head, the language selector), the
Japanese pages in Japanese (<html lang>, the search's language, the not-found page), and the
Japanese Zensical build saying that its search reads English only."""

from __future__ import annotations

import json
import re
from html import unescape
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

from conftest import both_builders
from harness import PAGES

ALL = [*PAGES, "estimator/index.html"]
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SELECTOR = re.compile(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"')


def url_path(page: str) -> str:
    """A built file's address under the site's root: "products/index.html" -> "products/"."""
    return page.removesuffix("index.html")


@both_builders
def test_each_page_names_itself_in_both_languages(site_dir):
    home = re.search(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text())[1]
    for page in ALL:
        for folder, code in (("", "en"), ("ja/", "ja")):
            html = (site_dir / folder / page).read_text(encoding="utf-8")
            assert re.search(rf'<html lang="{code}"', html), (folder, page)
            # Absolute, as search engines ask, to this very page in each language; English is the default.
            assert ALTERNATE.findall(html) == [
                ("en", home + url_path(page)),
                ("ja", home + "ja/" + url_path(page)),
                ("x-default", home + url_path(page)),
            ], (folder, page)
            # The selector's links reach this page in each language, in this built site.
            links = {
                lang: normpath(urlsplit(urljoin(f"/{folder}{page}", href)).path)
                for href, lang in SELECTOR.findall(html)
            }
            assert links == {"en": normpath("/" + url_path(page)), "ja": normpath(f"/ja/{url_path(page)}")}, (
                folder,
                page,
            )
            for target in links.values():
                assert (site_dir / target.lstrip("/") / "index.html").is_file() or target == "/", target


@both_builders
def test_the_japanese_pages_have_the_sites_scripts_and_styles(site_dir):
    # docs-ja/assets links to docs/assets; Zensical does not follow the link by itself.
    for name in ("govcloud.js", "govcloud.css", "estimator/main.js", "govcloud-quote.js"):
        assert (site_dir / "ja" / "assets" / name).is_file(), name


@both_builders
def test_japanese_headings_keep_the_english_anchors(site_dir):
    """No heading slugged from Japanese words ("_1"): the language switch and #links need the English anchors."""
    for page in ALL:
        english = set(re.findall(r'<h[1-6] id="([^"]+)"', (site_dir / page).read_text(encoding="utf-8")))
        japanese = set(re.findall(r'<h[1-6] id="([^"]+)"', (site_dir / "ja" / page).read_text(encoding="utf-8")))
        assert not [i for i in japanese if re.fullmatch(r"_\d+", i)], page
        assert japanese <= english | {"__skip"}, (page, japanese - english)


@both_builders
def test_the_japanese_not_found_page_is_in_japanese(site_dir):
    english = (site_dir / "404.html").read_text(encoding="utf-8")
    japanese = (site_dir / "ja" / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in english
    assert "<h1>ページが見つかりません</h1>" in japanese and "Page not found" not in japanese


def test_material_searches_japanese_by_its_words(site_dir):
    index = json.loads((site_dir / "ja" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["ja"]
    english = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]


@both_builders
def test_only_the_japanese_zensical_build_says_its_search_reads_english_only(site_dir, builder):
    note = re.compile(r'<p class="gc-search-note">([^<]+)</p>')
    for page in ALL:
        english = (site_dir / page).read_text(encoding="utf-8")
        japanese = (site_dir / "ja" / page).read_text(encoding="utf-8")
        assert not note.search(english), page
        found = note.search(japanese)
        if builder == "zensical":
            assert found and "英語のみ" in unescape(found[1]), page
        else:
            assert not found, page
