"""Lighthouse 12.2.3 (tools/lighthouse, pinned by its lock file) on the built site, from
both builders (Zensical is to become the default): accessibility, best practices and SEO
must score 1.00 on every page it audits, mobile and desktop. Only those three are
measured here: performance depends on the machine, is not asserted, and is the slowest
to measure; `make lighthouse` reports it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import BUILDERS, ROOT, chromium_path

# Both builders, each in a group of its own: under `make test`'s two workers each worker
# runs one builder's audits (once: the fixture is per module, and a group stays on one worker).
pytestmark = pytest.mark.parametrize(
    "builder", [pytest.param(b, marks=pytest.mark.xdist_group(f"lighthouse-{b}")) for b in BUILDERS], indirect=True
)

TOOL = ROOT / "tools" / "lighthouse"
ASSERTED = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def lighthouse(site_dir, tmp_path_factory) -> list[dict]:
    if not (TOOL / "node_modules" / "lighthouse").is_dir():
        pytest.fail("Lighthouse is not installed: `make test` runs `npm ci` in tools/lighthouse")
    node = shutil.which("node")
    assert node, "Node.js is needed for Lighthouse"
    out = tmp_path_factory.mktemp("lighthouse") / "scores.json"
    run = subprocess.run(
        [node, str(TOOL / "run.mjs"), str(site_dir), "--out", str(out), "--categories", ",".join(ASSERTED)],
        cwd=TOOL,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "CHROME_PATH": chromium_path()},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(out.read_text())["results"]


def test_audits_home_estimator_tiers_and_changes_in_both_languages(lighthouse):
    audited = {(r["page"], r["formFactor"]) for r in lighthouse}
    assert audited == {
        (page, device)
        for page in ("/", "/estimator/", "/products/", "/changes/", "/ja/", "/ja/estimator/", "/ja/products/")
        for device in ("mobile", "desktop")
    }
    assert all(r["version"] == "12.2.3" and not r["runtimeError"] for r in lighthouse)


def test_accessibility_best_practices_and_seo_score_full_marks(lighthouse):
    short = [
        (r["page"], r["formFactor"], category, r["scores"][category], [a["id"] for a in r["failing"]])
        for r in lighthouse
        for category in ASSERTED
        if r["scores"][category] != 1
    ]
    assert not short, "below 1.00 (page, device, category, score, failing audits): " + repr(short)
