"""Glossary entries that state an unconfirmed rule say so, on the glossary page
and in the tooltip of every link to them; confirming the rule in the data
removes the marker (issue 9, item 6: assumptions marked where they are stated)."""

from __future__ import annotations

import re
import subprocess

import yaml

from harness import BIN, ROOT, build_site, read, with_rule_confirmed

DATA = ROOT / "data" / "products.yml"
GLOSSARY = ROOT / "includes" / "glossary.yml"
RAW = yaml.safe_load(DATA.read_text(encoding="utf-8"))
ENTRIES = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def entry_html(html: str, anchor: str) -> str:
    """The definition that follows the term with this anchor."""
    found = re.search(rf'<dt id="{anchor}">.*?</dt>\s*<dd>(.*?)</dd>', html, flags=re.S)
    assert found, anchor
    return found.group(1)


def anchor_of(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def unconfirmed(entry: dict, raw: dict) -> list[str]:
    return [k for k in entry.get("rests_on") or [] if not raw["rules"][k]["confirmed"]]


def test_entries_stating_an_unconfirmed_rule_link_to_it(site_dir):
    html = read(site_dir, "glossary/index.html")
    marked = 0
    for entry in ENTRIES:
        if "{" in entry["term"]:
            continue  # a contact's name: rests on no rule
        dd = entry_html(html, anchor_of(entry["term"]))
        keys = unconfirmed(entry, RAW)
        for key in keys:
            assert f'href="../sources/#rule-{key}"' in dd, (entry["term"], key)
        assert ("to confirm" in dd) == bool(keys), entry["term"]
        marked += bool(keys)
    assert marked >= 2  # proration and renewal rest on unconfirmed rules today


def test_tooltips_of_marked_entries_say_to_confirm(site_dir):
    proration = next(e for e in ENTRIES if e["term"] == "Proration")
    assert unconfirmed(proration, RAW)
    titles = re.findall(
        r'<a class="gc-glossary-term" href="[^"]*#proration" title="([^"]+)"', read(site_dir, "changes/index.html")
    )
    assert titles and all(t.endswith("(to confirm)") for t in titles), titles
    subscription = re.findall(
        r'<a class="gc-glossary-term" href="[^"]*#subscription" title="([^"]+)"', read(site_dir, "changes/index.html")
    )
    assert subscription and not any("to confirm" in t for t in subscription)


def test_confirming_the_rule_removes_its_markers(tmp_path):
    data = tmp_path / "products.yml"
    data.write_text(with_rule_confirmed(DATA.read_text(encoding="utf-8"), "upgrade"))
    result = build_site(tmp_path / "site", env={"GOVCLOUD_DATA": str(data)})
    assert result.returncode == 0, result.stderr
    html = read(tmp_path / "site", "glossary/index.html")
    assert "to confirm" not in entry_html(html, "proration")
    assert "#rule-downgrade" in entry_html(html, "renewal")  # still unconfirmed in that data


def test_check_refuses_a_rule_the_data_does_not_have(tmp_path):
    glossary = tmp_path / "glossary.yml"
    text = GLOSSARY.read_text(encoding="utf-8").replace("rests_on: [upgrade]", "rests_on: [upgrades]")
    glossary.write_text(text)
    line = text[: text.index("rests_on: [upgrades]")].count("\n") + 1
    result = subprocess.run(
        [str(BIN / "govcloud"), "check", "--glossary", str(glossary)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2, result
    assert re.search(
        rf"glossary.yml:{line}: \[\d+\]\.rests_on\[0\]: 'upgrades' is not a rule of the data", result.stderr
    ), result.stderr
