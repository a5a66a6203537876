"""Styles that the theme's own script puts into pages, for the Content-Security-Policy.

Zensical's search draws its dialog in a shadow root and gives it a <style>
element whose text is a string literal in the theme's bundle
(`C("style",{},Tc.toString())` in 0.0.73). A policy can allow exactly that
style by its hash, so `style-src` needs no 'unsafe-inline'. Material's bundle
inserts no style element: for its output this finds nothing.

Read from the built site, so it follows the theme's bundle as served; should a
new release insert styles some other way, the browser tests that watch for
policy violations (tests/browser/test_csp.py, on both builds) fail and say so.
"""

from __future__ import annotations

import re
from pathlib import Path

BUNDLES = "assets/javascripts/*.js"
# A <style> element made by the bundle's element helper from a string variable.
INSERTED = re.compile(r'\(\s*"style"\s*,\s*\{\}\s*,\s*([A-Za-z_$][\w$]*)(?:\.toString\(\))?\s*\)')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _literal(source: str, start: int) -> str:
    """The JavaScript string literal opening at source[start] (a quote), unescaped."""
    quote, i, out = source[start], start + 1, []
    while source[i] != quote:
        if source[i] == "\\":
            nxt = source[i + 1]
            if nxt == "x":
                out.append(chr(int(source[i + 2 : i + 4], 16)))
                i += 4
            elif nxt == "u":
                out.append(chr(int(source[i + 2 : i + 6], 16)))
                i += 6
            elif nxt == "\n":  # a line continuation
                i += 2
            else:
                out.append(ESCAPES.get(nxt, nxt))
                i += 2
        else:
            out.append(source[i])
            i += 1
    return "".join(out)


def inserted_styles(site: Path) -> list[str]:
    """The text of every <style> element the theme's bundle inserts, as the browser will hash it."""
    found = []
    for bundle in sorted(Path(site).glob(BUNDLES)):
        source = bundle.read_text(encoding="utf-8")
        for name in dict.fromkeys(INSERTED.findall(source)):
            for m in re.finditer(r"(?<![\w$.])" + re.escape(name) + r"\s*=\s*(?=['\"])", source):
                found.append(_literal(source, m.end()))
    return found
