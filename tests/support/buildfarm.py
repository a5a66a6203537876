"""Many strict builds of the site in a row, without paying for MkDocs' imports each time.

    python tests/support/buildfarm.py      (one JSON request a line on stdin, one answer a line on stdout)

This process imports MkDocs, the theme, the plugins and the post-build steps once, then
forks a child for each step of each build: `mkdocs build --strict` and, when it
succeeded, `python -m govcloud_site.postbuild`, as `make build` and harness.build_site
run them. A child starts from the state a new process reaches after its imports, with
the request's environment and working folder, and its output in files of its own; so a
build here is the build a subprocess would run, for a seventh of the CPU when the data
stops it early. harness.BuildFarm is its client.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import tempfile
import traceback
from pathlib import Path


def _step(argv: list[str], env: dict[str, str], cwd: str) -> dict:
    """One step in a forked child: its exit code and output, as subprocess.run would report them."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 1
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                os.environ.clear()
                os.environ.update(env)
                os.chdir(cwd)
                sys.argv = argv
                if argv[0] == "mkdocs":
                    from mkdocs.__main__ import cli

                    cli.main(args=argv[1:], prog_name="mkdocs")
                else:
                    runpy.run_module(argv[0], run_name="__main__", alter_sys=True)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
            except BaseException:  # what the interpreter prints for an uncaught exception
                traceback.print_exc()
            finally:
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return {
            "returncode": os.waitstatus_to_exitcode(status),
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def build(request: dict) -> dict:
    dest, config, env = request["dest"], request["config"], request["env"]
    cwd = str(Path(config).parent)
    built = _step(["mkdocs", "build", "--strict", "--site-dir", dest, "--config-file", config], env, cwd)
    if built["returncode"] != 0:
        return built
    after = _step(["govcloud_site.postbuild", dest], env, cwd)
    return built if after["returncode"] == 0 else after


def main() -> None:
    # What every build imports, imported once: MkDocs, then the theme and plugins its
    # configuration names (loading the configuration runs no plugin event).
    import mkdocs.__main__  # noqa: F401
    from mkdocs.config import load_config

    import govcloud_site.postbuild  # noqa: F401

    root = Path(__file__).resolve().parents[2]
    load_config(config_file=str(root / "mkdocs.yml"))
    for line in sys.stdin:
        print(json.dumps(build(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
