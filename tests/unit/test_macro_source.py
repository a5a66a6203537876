"""The macros write HTML only through their escaping helper, and no English outside the vocabulary."""

from __future__ import annotations

import ast

import sourcescan
from sourcescan import MACROS, english_literals, markup_literals


def test_no_macro_writes_a_tag_but_the_markup_helper():
    # An f-string or a concatenation of tags escapes only what its author remembered to.
    assert markup_literals() == []


def test_only_the_markup_helper_escapes_html():
    for path in sourcescan.modules():
        if path.name == sourcescan.HELPER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert "html" not in [a.name for a in node.names], path.name
            if isinstance(node, ast.ImportFrom):
                assert node.module != "html", path.name


def test_no_english_in_a_macro_but_the_vocabulary():
    # Words a reader sees live in src/govcloud/words/vocabulary.py, once, where a translation finds them.
    assert english_literals() == []


def test_the_scans_find_a_tag_and_words(tmp_path):
    (tmp_path / "page.py").write_text(
        '"""A docstring may say <b>anything</b> in words."""\n'
        "def f(x):\n"
        '    """So may <i>this</i> one."""\n'
        "    if not x:\n"
        '        raise ValueError("a maintainer reads this")\n'
        "    # a comment is no literal\n"
        '    a = f"<td class=\\"gc-x gc-y\\">{x}</td>"\n'
        '    b = "Two words"\n'
        '    c = "md-button gc-option-remove"\n'
        '    return a + b + c + "</p>"\n',
        encoding="utf-8",
    )
    assert markup_literals(tmp_path) == [
        "page.py:7: '<td class=\"gc-x gc-y\">'",
        "page.py:7: '</td>'",
        "page.py:10: '</p>'",
    ]
    assert english_literals(tmp_path) == ["page.py:8: 'Two words'"]


def test_the_macros_are_where_the_scans_look():
    assert (MACROS / "estimator.py").is_file() and (MACROS / sourcescan.HELPER).is_file()
