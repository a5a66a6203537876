"""The theme's own parts by keyboard, on both builders (Material's markup and
Zensical's port of it): tooltips close on Escape (WCAG 1.4.13), at phone width
the closed drawer and closed search hold no Tab stops (2.4.3, 2.4.7) while the
menu and search still open from the keyboard, and a table wider than the screen
scrolls in a region that takes focus and shows that more is out of view."""

from __future__ import annotations

import re

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect

from axe_checks import contrast
from conftest import ROOT, both_builders
from focus import FOCUSED, settle, settled_focus
from harness import visit

PHONE = {"width": 375, "height": 800}


def phone_page(browser, url, scheme="light"):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    visit(page, url)
    return context, page


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return settled_focus(page, around=True)


def inside_viewport(stop: dict) -> bool:
    return (
        stop["left"] >= 0
        and stop["top"] >= 0
        and stop["right"] <= PHONE["width"]
        and stop["bottom"] <= PHONE["height"]
        and stop["right"] > stop["left"]
    )


def tab_to(page, test, limit=60) -> dict:
    """Tab until `test` holds for the focused element, and return it once its animations are over
    (the stops on the way are only looked at, not waited for)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop and test(stop):
            return settled_focus(page, around=True)
    raise AssertionError("Tab never reached it")


def tooltip_of_focused(page) -> dict | None:
    return page.evaluate("""() => {
        const id = document.activeElement.getAttribute('aria-describedby');
        const tip = id && document.getElementById(id);
        return tip && {id, shown: tip.isConnected && getComputedStyle(tip).visibility === 'visible'
                                  && getComputedStyle(tip).opacity !== '0'};
    }""")


def tooltip_around_escape(page) -> tuple:
    """The focused link's tooltip once it shows, then after Escape."""
    page.wait_for_function("() => document.activeElement.getAttribute('aria-describedby')")
    settle(page)
    before = tooltip_of_focused(page)
    page.keyboard.press("Escape")
    settle(page)
    return before, tooltip_of_focused(page)


@both_builders
@pytest.mark.parametrize("kind", ["gc-glossary-term", "headerlink"])
def test_escape_hides_a_focused_tooltip_and_focus_stays(browser, site_url, kind):
    context, page = phone_page(browser, site_url + "/subscriptions/")
    stop = tab_to(page, lambda s: kind in s["cls"].split() and s["in_content"])
    before, after = tooltip_around_escape(page)
    still = page.evaluate(FOCUSED)
    # The pointer resting on the same link does not bring it back.
    page.hover("article a:focus")
    settle(page)
    hovered = tooltip_of_focused(page)
    # Once pointer and focus have moved on, the link's tooltip shows again when
    # focus comes back: Escape hid this showing, not the tooltip for good.
    page.mouse.move(PHONE["width"] / 2, 20)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.wait_for_function("() => document.activeElement.getAttribute('aria-describedby')")
    settle(page)
    again = tooltip_of_focused(page)
    context.close()
    assert before and before["shown"], before
    assert still == stop, (still, stop)
    assert after is None or not after["shown"], after
    assert hovered is None or not hovered["shown"], hovered
    assert again and again["shown"], again


def stops_before_content(page, limit=40) -> tuple[list, dict | None]:
    """Tab until focus reaches the page's content: the stops before it, and the first stop in it (none
    when Tab never got there)."""
    stops = []
    for _ in range(limit):
        stop = tab(page)
        if stop and stop["in_content"]:
            return stops, stop
        stops.append(stop)
    return stops, None


@both_builders
@pytest.mark.parametrize("path", ["/subscriptions/", "/estimator/"])
def test_phone_tab_stops_before_the_content_are_all_visible(browser, site_url, path):
    context, page = phone_page(browser, site_url + path)
    first = tab(page)
    stops, stop = stops_before_content(page)
    context.close()
    assert first and "md-skip" in first["cls"], first
    assert stop, "Tab never reached the page's content"
    for s in stops:
        assert s, "focus fell to the page itself"
        assert s["visible"] and inside_viewport(s) and not s["in_closed_drawer"], s


@both_builders
@pytest.mark.parametrize("path", ["/subscriptions/", "/estimator/"])
def test_wide_window_tab_stops_before_the_content_all_have_a_box(browser, site_url, path):
    """At 1280 px too, every Tab stop before the content is something a reader sees (Material's search
    results region, 0 px tall while the search is closed, was one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    visit(page, site_url + path)
    stops, stop = stops_before_content(page)
    context.close()
    assert stop, "Tab never reached the page's content"
    for s in stops:
        assert s, "focus fell to the page itself"
        assert s["visible"] and s["right"] > s["left"] and s["bottom"] > s["top"], s


def section_of(page_file: str) -> list[str]:
    """The addresses of the other pages in the navigation section holding page_file (mkdocs.yml)."""
    nav = yaml_load((ROOT / "mkdocs.yml").read_text())["nav"]
    for entry in nav:
        for pages in entry.values():
            if isinstance(pages, list):
                files = [f for item in pages for f in item.values()]
                if page_file in files:
                    return ["/" + f.removesuffix(".md") + "/" for f in files if f != page_file]
    raise AssertionError(page_file)


@both_builders
def test_menu_opened_by_keyboard_reaches_its_links_and_escape_closes_it(browser, site_url):
    context, page = phone_page(browser, site_url + "/subscriptions/")
    button = tab_to(page, lambda s: s["for"] == "__drawer")
    page.keyboard.press("Enter")
    opened = settled_focus(page)
    visited = [opened]
    for _ in range(30):
        stop = tab(page)
        if not (stop and stop["in_drawer"]):
            break
        visited.append(stop)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    closed = settled_focus(page)
    drawer_open = page.evaluate("() => document.getElementById('__drawer').checked")
    context.close()
    assert button["expanded"] == "false" and inside_viewport(button), button
    assert opened and opened["in_drawer"] and opened["tag"] == "A", opened
    for s in visited:
        assert s["visible"] and inside_viewport(s), s
    hrefs = {s["href"] for s in visited}
    assert set(section_of("subscriptions.md")) <= hrefs, hrefs
    assert not drawer_open
    assert closed and closed["for"] == "__drawer" and closed["expanded"] == "false", closed


@both_builders
def test_search_opens_by_keyboard_and_escape_returns_to_its_button(browser, site_url):
    context, page = phone_page(browser, site_url + "/subscriptions/")
    tab_to(page, lambda s: s["for"] == "__search")
    page.keyboard.press("Enter")
    # Zensical's search dialog slides in by script: wait until the field has come to rest.
    page.wait_for_function(
        f"() => {{ const s = ({FOCUSED})();\nreturn s && s.tag === 'INPUT' && s.top >= 0 && s.left >= 0 }}"
    )
    field = settled_focus(page)
    page.keyboard.press("Escape")
    back = settled_focus(page)
    after = tab(page)
    context.close()
    assert field and field["tag"] == "INPUT" and inside_viewport(field), field
    assert back and back["for"] == "__search", back
    assert after and after["visible"] and inside_viewport(after), after


def wide_table_pages() -> list[str]:
    return ["/products/", "/maintainers/"]


REGION = """() => {
    const w = document.activeElement, s = getComputedStyle(w), table = w.querySelector('table');
    return {role: w.getAttribute('role'), label: w.getAttribute('aria-label'),
            more: w.scrollWidth - w.clientWidth, outline: s.outlineStyle,
            outline_width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset),
            images: s.backgroundImage, attachment: s.backgroundAttachment,
            shadow: s.getPropertyValue('--gc-scroll-shadow'),
            background: getComputedStyle(document.body).backgroundColor,
            table: getComputedStyle(table).backgroundColor, left: w.scrollLeft};
}"""


@both_builders
@pytest.mark.parametrize("path", wide_table_pages())
def test_wide_table_scroller_is_reached_by_keyboard_and_shows_more_columns(browser, site_url, path):
    context, page = phone_page(browser, site_url + path, "light")
    stop = tab_to(page, lambda s: "md-typeset__scrollwrap" in s["cls"].split() and s["in_content"], limit=80)
    # The same region in each scheme: the theme follows the reader's setting as it changes.
    regions = {"light": page.evaluate(REGION)}
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    regions["dark"] = page.evaluate(REGION)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    context.close()
    # Across the screen (a long table is taller than the screen).
    assert stop["left"] >= 0 and stop["right"] <= PHONE["width"], stop
    for scheme, region in regions.items():
        assert region["role"] == "region" and region["label"] and region["more"] > 0, (scheme, region)
        # A ring of its own, drawn inside the region (which runs to the screen's edges).
        assert region["outline"] == "solid" and region["outline_width"] >= 2, (scheme, region)
        assert region["offset"] <= -region["outline_width"], (scheme, region)
        # The cue: two shadows fixed to the edges and two covers that scroll with the
        # table, seen through the table, with the shadow at 3:1 against the page.
        assert region["images"].count("gradient(") == 4, (scheme, region)
        assert region["attachment"].split(", ").count("local") == 2, (scheme, region)
        assert region["table"] in ("rgba(0, 0, 0, 0)", "transparent"), (scheme, region)
        assert contrast(region["shadow"], region["background"]) >= 3, (scheme, region)
    assert regions["light"]["background"] != regions["dark"]["background"], regions


@both_builders
def test_keyboard_parts_survive_instant_navigation(browser, instant_url):
    context, page = phone_page(browser, instant_url + "/subscriptions/")
    page.evaluate("() => { window.__same_page = true }")
    page.click("article a[href$='/products/']")
    page.wait_for_url(re.compile(r"/products/"), wait_until="commit")
    page.wait_for_selector("article .md-typeset__scrollwrap[role=region]")
    same = page.evaluate("() => window.__same_page === true")
    menu = tab_to(page, lambda s: s["for"] == "__drawer")
    region = tab_to(page, lambda s: "md-typeset__scrollwrap" in s["cls"].split() and s["in_content"], limit=80)
    page.locator("article a.gc-glossary-term").first.focus()
    shown, tip = tooltip_around_escape(page)
    context.close()
    assert same, "the link did not navigate instantly"
    assert menu["expanded"] == "false" and inside_viewport(menu), menu
    assert region["in_content"], region
    assert shown and shown["shown"], shown
    assert tip and not tip["shown"], tip


@both_builders
def test_a_table_region_without_a_caption_is_named_in_the_pages_words(browser, site_url):
    """govcloud.js names a caption-less table's region in the words the build wrote on the
    page (the vocabulary's `site_script`), not in words of its own."""
    from govcloud.words.vocabulary import WORDS

    context, page = phone_page(browser, site_url + "/products/")
    page.wait_for_selector("article .md-typeset__scrollwrap[role=region]")
    shipped = page.evaluate("() => JSON.parse(document.body.getAttribute('data-gc-words'))")
    # The region of a table without a caption, named again after the page's words change.
    page.evaluate("""() => {
        const wrap = document.querySelector('article .md-typeset__scrollwrap[role=region]');
        wrap.id = 'gc-test-wrap';
        const caption = wrap.querySelector('caption');
        if (caption) caption.remove();
        for (const name of ['tabindex', 'role', 'aria-label']) wrap.removeAttribute(name);
        document.body.setAttribute('data-gc-words', JSON.stringify({table: 'Tabelle der Preise'}));
    }""")
    page.set_viewport_size({"width": PHONE["width"] - 15, "height": PHONE["height"]})  # marks the regions again
    page.wait_for_selector("#gc-test-wrap[role=region]")
    label = page.get_attribute("#gc-test-wrap", "aria-label")
    context.close()
    assert shipped == WORDS["site_script"]
    assert label == "Tabelle der Preise"
