"""The README's console examples are the program's real output: each `$ cat FILE` block
writes the file, each `$ govcloud ...` line is run on the real data and must print exactly
what the README shows. After a change of wording or price, rewrite them with
`.venv/bin/python tests/unit/test_readme.py --write`."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: the support modules that pytest puts on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from cli_run import ROOT, run

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def sessions(text: str) -> list[tuple[str, list[str]]]:
    """Each console block's commands, with the lines shown after each."""
    out = []
    for block in BLOCK.findall(text):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if chunk.strip():
                command, _, shown = chunk.partition("\n")
                out.append((command[2:], shown.rstrip("\n").split("\n")))
    return out


def replay(text: str, folder: Path) -> dict[str, str]:
    """What each govcloud command prints, run in `folder` after the files the README shows."""
    printed = {}
    for command, shown in sessions(text):
        words = shlex.split(command)
        if words[0] == "cat":
            (folder / words[1]).write_text("\n".join(shown).rstrip("\n") + "\n")
        elif words[0].endswith("govcloud"):
            result = run(*words[1:], cwd=folder)
            assert result.returncode == 0, (command, result.stderr)
            printed[command] = result.stdout.rstrip("\n")
    return printed


def test_readme_console_examples_are_real_output(tmp_path):
    text = README.read_text(encoding="utf-8")
    printed = replay(text, tmp_path)
    assert printed, "the README has no govcloud example"
    for command, shown in sessions(text):
        if command in printed:
            assert "\n".join(shown) == printed[command], f"README example of `{command}` is out of date"


def test_the_rewrite_command_starts_as_a_script():
    # Run as the README says (without --write, so nothing is written): its imports resolve.
    import subprocess

    result = subprocess.run([sys.executable, __file__], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        printed = replay(text, Path(folder))
    for command, output in printed.items():
        start = text.index(f"$ {command}\n") + len(f"$ {command}\n")
        end = min(i for i in (text.find("\n$ ", start), text.find("\n```", start)) if i >= 0)
        text = text[:start] + output + text[end:]
    README.write_text(text, encoding="utf-8")
