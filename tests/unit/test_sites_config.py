"""Zensical's configs are built as MkDocs reads them (govcloud_site.sites.flattened): its own
INHERIT appends lists, so the Japanese nav followed the English one."""

from __future__ import annotations

import os

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from govcloud_site.sites import flattened
from harness import ROOT


@pytest.mark.parametrize("config", ["mkdocs.zensical.ja.yml", "mkdocs.zensical.yml", "mkdocs.ja.yml"])
def test_a_config_is_flattened_as_mkdocs_merges_it(config, monkeypatch):
    env = {**os.environ, "ZENSICAL_SITE_DIR": "/tmp/x", "SITE_URL": "https://example.org/gc/"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SITE_URL_JA", raising=False)
    with open(ROOT / config, "rb") as source:
        expected = yaml_load(source)
    expected.pop("INHERIT", None)
    assert yaml.safe_load(flattened(ROOT / config, env)) == expected


def test_the_japanese_lists_replace_the_english_ones():
    merged = yaml.safe_load(flattened(ROOT / "mkdocs.zensical.ja.yml", dict(os.environ)))
    assert [next(iter(entry)) for entry in merged["nav"]][0] == "ホーム"
    assert [alt["lang"] for alt in merged["extra"]["alternate"]] == ["en", "ja"]
    assert merged["theme"]["language"] == "ja" and merged["theme"]["variant"] == "classic"
