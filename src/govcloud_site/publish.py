"""Put a freshly built site folder in place of the published one, never leaving
the published folder partly deleted or partly written.

    python -m govcloud_site.publish NEW_DIR SITE_DIR

A rename cannot replace a folder that has files in it, so: the old folder is
renamed aside, the new one renamed in, and only then is the old one deleted.
Each rename is atomic; between the two, SITE_DIR is briefly absent, never
half there. Concurrent builds take turns through a lock file beside SITE_DIR,
so both finish, and the last to finish is what stays published.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import uuid
from pathlib import Path


def publish(new: Path, site: Path) -> None:
    new, site = Path(new), Path(site)
    if not new.is_dir():
        raise FileNotFoundError(f"{new}: no such folder (the build did not finish)")
    lock = site.parent / f".{site.name}.lock"
    old = site.parent / f".{site.name}.old-{uuid.uuid4().hex[:12]}"
    with open(lock, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        if site.exists():
            os.rename(site, old)
        os.rename(new, site)
    # Deleting can be slow or be interrupted: by now it only touches the old copy.
    shutil.rmtree(old, ignore_errors=True)
    for stale in site.parent.glob(f".{site.name}.old-*"):  # left by an interrupted run
        shutil.rmtree(stale, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m govcloud_site.publish NEW_DIR SITE_DIR", file=sys.stderr)
        return 2
    try:
        publish(Path(args[0]), Path(args[1]))
    except OSError as exc:
        print(f"publish: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("publish: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
