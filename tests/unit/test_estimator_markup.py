"""The estimator page's markup as built, before any script runs: what the W3C checker and
html-validate hold it to (issue 20, item 9)."""

from __future__ import annotations

from html.parser import HTMLParser

from macros.estimator import estimator_markup
from macros.ladder import ladder_estimate

from govcloud.load.loading import load_catalog_source

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"input", "br", "link", "meta", "img", "hr", "circle", "line", "path", "rect", "source"}


class _Tree(HTMLParser):
    """Each element's tag, attributes and text, with the form it sits in (`<template>`s skipped:
    their content is inert until a script clones it)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.inert = 0

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self.inert += 1
            return
        if self.inert:
            return
        node = {"tag": tag, "attrs": dict(attrs), "text": "", "form": any(n["tag"] == "form" for n in self.open)}
        self.elements.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_endtag(self, tag):
        if tag == "template":
            self.inert -= 1
            return
        if self.inert or tag in VOID:
            return
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for node in self.open:
            node["text"] += data


def _page() -> list[dict]:
    catalog, _ = load_catalog_source()
    tree = _Tree()
    tree.feed(str(estimator_markup(catalog)) + str(ladder_estimate(catalog)))
    return tree.elements


def test_no_heading_waits_for_a_script_to_have_words():
    empty = [e["attrs"] for e in _page() if e["tag"] in HEADINGS and not e["text"].strip()]
    assert empty == []


def test_no_plain_list_carries_a_name():
    named = [
        e["attrs"] for e in _page() if e["tag"] in ("ul", "ol") and {"aria-label", "aria-labelledby"} & set(e["attrs"])
    ]
    assert named == []


def test_the_form_has_one_submit_button_with_words():
    submits = [e for e in _page() if e["tag"] == "button" and e["attrs"].get("type") == "submit"]
    assert len(submits) == 1
    assert submits[0]["form"] and submits[0]["text"].strip()
