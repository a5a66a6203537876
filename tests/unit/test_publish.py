"""`make build` publishes atomically: SITE is never partly deleted or partly written,
a failed build leaves the old site as it was, and two builds at once both finish."""

from __future__ import annotations

import os
import subprocess

import pytest

from govcloud_site import publish as publishing
from harness import ROOT


def _tree(path) -> dict[str, str]:
    return {str(p.relative_to(path)): p.read_text() for p in sorted(path.rglob("*")) if p.is_file()}


def _site(path, label: str, pages: int = 50):
    path.mkdir()
    for i in range(pages):
        (path / f"page{i}.html").write_text(f"{label} {i}")
    return path


def test_publish_replaces_the_site_and_leaves_nothing_behind(tmp_path):
    site = _site(tmp_path / "site", "old")
    new = _site(tmp_path / "new", "new")
    expected = _tree(new)
    publishing.publish(new, site)
    assert _tree(site) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_an_interrupted_clean_up_still_leaves_the_whole_new_site(tmp_path, monkeypatch):
    site = _site(tmp_path / "site", "old")
    new = _site(tmp_path / "new", "new")
    expected = _tree(new)

    def interrupted(path, ignore_errors=False):
        raise KeyboardInterrupt

    monkeypatch.setattr(publishing.shutil, "rmtree", interrupted)
    with pytest.raises(KeyboardInterrupt):
        publishing.publish(new, site)
    assert _tree(site) == expected  # the slow part only ever touches the old copy
    monkeypatch.undo()
    publishing.publish(_site(tmp_path / "newer", "newer"), site)  # the next run removes what was left
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_publish_into_a_place_with_no_site_yet(tmp_path):
    publishing.publish(_site(tmp_path / "new", "new", 3), tmp_path / "site")
    assert len(_tree(tmp_path / "site")) == 3


def _make_build(site, **env):
    return subprocess.Popen(
        ["make", "--no-print-directory", "-C", str(ROOT), "build", f"SITE={site}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "MAKEFLAGS": "", **env},
    )


def test_a_failed_build_leaves_the_old_site_as_it_was(tmp_path):
    site = _site(tmp_path / "site", "old", 3)
    before = _tree(site)
    broken = tmp_path / "products.yml"
    broken.write_text((ROOT / "data" / "products.yml").read_text().replace("term_days: 365", "term_days: lots"))
    process = _make_build(site, GOVCLOUD_DATA=str(broken))
    out, err = process.communicate(timeout=300)
    assert process.returncode != 0
    assert "term_days" in err and "Traceback" not in err
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["products.yml", "site"]  # no scratch folder left


def test_two_builds_at_once_both_finish(tmp_path):
    site = tmp_path / "site"
    runs = [_make_build(site) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in runs]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert (site / "index.html").is_file() and (site / "estimator" / "index.html").is_file()
    assert 'http-equiv="Content-Security-Policy"' in (site / "index.html").read_text()
    assert oct(site.stat().st_mode & 0o777) == "0o755"  # a web server can read it
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]
