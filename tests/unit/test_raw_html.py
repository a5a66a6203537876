"""Generated HTML reaches the page as written: pagework stores it aside before
Markdown reads the page (Markdown's parse of a large table cost more than the
rest of the page) and Markdown puts it back unchanged."""

from __future__ import annotations

import markdown

from govcloud_site.markdown import PageWorkExtension
from govcloud_site.markdown.marks import raw_html

TABLE = (
    '<table data-x="1">\n<caption>*not emphasis* [not](a-link)</caption>\n'
    "<tbody>\n<tr><td>a</td></tr>\n</tbody>\n</table>"
)


def render(text: str) -> str:
    return markdown.Markdown(
        extensions=[PageWorkExtension(pages="macros.state:current_pages"), "md_in_html", "attr_list", "toc"]
    ).convert(text)


def test_generated_html_comes_out_as_written_between_paragraphs():
    out = render("Before the table.\n\n" + raw_html(TABLE) + "\n\nAfter the table.")
    assert out == f"<p>Before the table.</p>\n{TABLE}\n\n<p>After the table.</p>"


def test_the_same_html_written_in_the_page_comes_out_the_same():
    # The stored block and Markdown's own handling of a raw HTML block agree byte for byte,
    # so moving a table to raw_html changes no page.
    page = "Before.\n\n{}\n\nAfter."
    assert render(page.format(raw_html(TABLE))) == render(page.format(TABLE))


def test_no_mark_is_left_in_the_page():
    assert "govcloud" not in render(raw_html(TABLE) + "\n\n" + raw_html("<div>two</div>"))


def test_html_with_an_id_is_refused():
    # MkDocs checks links to ids in raw HTML before the block would be stored: one
    # stored aside would be a broken anchor to --strict (the Sources page's rule rows).
    import pytest

    with pytest.raises(ValueError):
        raw_html('<table><tr id="rule-x"><td>a</td></tr></table>')
    assert raw_html('<table data-id="x" data-valid="1"></table>')


def test_html_whose_ids_no_link_points_to_may_be_stored():
    # A chart's title named by its aria-labelledby, a form's fields: stored all the same.
    html = '<div><svg role="img" aria-labelledby="t"><title id="t">A chart</title></svg></div>'
    assert render(raw_html(html, unlinked_ids=True)) == html
