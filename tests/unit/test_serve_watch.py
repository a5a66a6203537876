"""What `make serve` rebuilds: an edit made while a build runs, the first one included, brings
another build (CI once edited the data as the first site went up, and the preview kept serving the
old pages: the watcher read the files after that build, edit included)."""

from __future__ import annotations

import threading

from govcloud_site import serve


def test_an_edit_made_during_the_first_build_is_built(tmp_path):
    (tmp_path / "data").mkdir()
    data = tmp_path / "data" / "products.yml"
    data.write_text("term_days: 365\n", encoding="utf-8")
    builder = serve.Builder(tmp_path / "mkdocs.yml", 0, serve.State(), tmp_path)
    stop, builds = threading.Event(), []

    def build() -> None:  # records the data each build saw; the first is edited as it ends
        builds.append(data.read_text(encoding="utf-8"))
        if len(builds) == 1:
            data.write_text("term_days: lots\n", encoding="utf-8")
        else:
            stop.set()

    builder.build = build  # type: ignore[method-assign]
    watcher = threading.Thread(target=builder.watch, args=(stop,), kwargs={"every": 0.05})
    watcher.start()
    watcher.join(timeout=10)
    stop.set()
    assert builds == ["term_days: 365\n", "term_days: lots\n"]
