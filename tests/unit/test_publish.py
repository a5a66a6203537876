"""`make build` publishes atomically: SITE is never partly deleted or partly written.
The builds themselves (a failed one, two at once) are in tests/site/test_make_build.py."""

from __future__ import annotations

import pytest

from govcloud_site import publish as publishing


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
