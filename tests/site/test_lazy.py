"""The post-build step that moves markup a page shows only later into a file of its own
(govcloud_build/lazy.py): the estimator's tier charts, fetched with the first estimate."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from govcloud_site.postbuild.lazy import split_page

XHTML, SVG = "{http://www.w3.org/1999/xhtml}", "{http://www.w3.org/2000/svg}"


def test_a_template_moves_beside_its_page_and_a_second_run_keeps_it(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<p>before</p><template data-gc-lazy="charts.xml"><div xmlns="http://www.w3.org/1999/xhtml">'
        "<p>later</p></div></template><p>after</p>",
        encoding="utf-8",
    )
    assert split_page(page) == [tmp_path / "charts.xml"]
    assert page.read_text(encoding="utf-8") == (
        '<p>before</p><template data-gc-lazy="charts.xml"></template><p>after</p>'
    )
    assert ET.parse(tmp_path / "charts.xml").getroot().find(f"{XHTML}p").text == "later"
    moved = (tmp_path / "charts.xml").read_bytes()
    assert split_page(page) == []  # nothing left to move: the file stays as written
    assert (tmp_path / "charts.xml").read_bytes() == moved


def test_two_templates_cannot_share_a_file(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<template data-gc-lazy="a.xml"><b>1</b></template><template data-gc-lazy="a.xml"><b>2</b></template>',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="a.xml"):
        split_page(page)


def test_the_estimator_charts_are_a_file_of_their_own(site_dir):
    """The built estimator page keeps an empty template; the file beside it is one well-formed
    document: XHTML figures, each with its SVG chart in the SVG namespace."""
    html = (site_dir / "estimator" / "index.html").read_text(encoding="utf-8")
    assert '<template data-gc-lazy="ladder-charts.xml"></template>' in html
    assert "gc-ladder-panel" not in html
    root = ET.parse(site_dir / "estimator" / "ladder-charts.xml").getroot()
    assert root.tag == f"{XHTML}div"
    charts = root.findall(f".//{SVG}svg[@role='img']")
    assert len(charts) == len(root.findall(f"{XHTML}div")) >= 2
    assert {c.get("data-layout") for c in charts} == {"wide", "narrow"}
