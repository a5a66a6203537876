"""macros/markup.py: every text and attribute value escaped, built markup nested as it is."""

from __future__ import annotations

import pytest
from macros.estimator import estimator_markup
from macros.markup import NL, Markup, concat, el, fill, lines, rich

from catalogs import synthetic

HOSTILE = "\"><script>alert('x')</script>&"


def test_text_and_attribute_values_are_escaped():
    out = el("p", HOSTILE, title=HOSTILE, class_="gc-hint")
    assert out == (
        '<p title="&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;" class="gc-hint">'
        "&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;</p>"
    )
    assert isinstance(out, Markup)


def test_built_markup_nests_as_it_is_and_plain_text_never_does():
    inner = el("strong", "a & b")
    assert el("p", inner, " & ", "<em>") == "<p><strong>a &amp; b</strong> &amp; &lt;em&gt;</p>"
    assert concat(inner, NL, "x") == "<strong>a &amp; b</strong>\nx"
    assert lines([el("li", "1"), el("li", "2")]) == "<li>1</li>\n<li>2</li>"


def test_attribute_names_and_values():
    # Keywords name attributes: a trailing _ is dropped, the others become hyphens; order is kept.
    assert el("label", "L", for_="f", data_gc_field="x", aria_describedby="h") == (
        '<label for="f" data-gc-field="x" aria-describedby="h">L</label>'
    )
    # True is the bare attribute, False and None leave it out; numbers are written as they are.
    assert el("div", hidden=True, data_x=None, checked=False, tabindex=-1) == '<div hidden tabindex="-1"></div>'
    with pytest.raises(ValueError):
        el("div", **{'x onload="y': "z"})
    with pytest.raises(ValueError):
        el("script src=x")


def test_void_and_empty_svg_elements():
    assert el("input", type="text") == '<input type="text">'
    assert el("line", x1=1) == '<line x1="1"/>'
    assert el("g", el("circle", r="2")) == '<g><circle r="2"/></g>'


def test_a_sentence_with_markup_escapes_its_words_and_fills_each_placeholder():
    out = fill("Tom & {who} ({what})", who=el("strong", "Jerry"), what="<cat>")
    assert out == "Tom &amp; <strong>Jerry</strong> (&lt;cat&gt;)"
    with pytest.raises(KeyError):
        fill("{who} and {what}", who="x")


def test_rich_text_keeps_its_subset_and_escapes_the_rest():
    assert rich("**Bold** <b>") == "<strong>Bold</strong> &lt;b&gt;"


def test_data_text_in_the_estimator_reads_as_text():
    catalog = synthetic({"jira": [(10, "100.00")]})
    catalog = catalog.model_copy(update={"products": [catalog.products[0].model_copy(update={"name": HOSTILE})]})
    page = estimator_markup(catalog)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)" in page
