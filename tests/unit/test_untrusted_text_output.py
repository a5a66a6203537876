"""What a data file or a command line holds reaches the terminal and the pull request's job
summary as text: one problem is one line, a control character is shown as its escape
(`\\x1b`), and `govcloud diff --markdown` writes nothing GitHub would make a link, a mention
or math of. The docs workflow fences the problems with a fence the data cannot close."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import markdown
import pytest
import yaml

from cli_run import FIXTURE, ROOT, run

# Keys and values that would drive a terminal: colour, a hyperlink (OSC 8), a title (OSC 0),
# clearing the screen, a carriage return over the line, a newline that forges a second problem,
# a bidirectional override, C1 controls.
KEYS = {
    "\x1b[31mred": "\\x1b[31mred",
    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\": "\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\",
    "\x1b]0;owned\x07": "\\x1b]0;owned\\x07",
    "\x1b[2J\x1b[H": "\\x1b[2J\\x1b[H",
    "jira\rfake.yml:1: all good": "jira\\rfake.yml:1: all good",
    "jira\nfake.yml:1: proposed: forged": "jira\\nfake.yml:1: proposed: forged",
    "jira\u202eyxe.exe": "jira\\u202eyxe.exe",
    "\x9b31m\x85": "\\x9b31m\\x85",
    "jira\u2028next": "jira\\u2028next",
}
ESCAPES = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def scenario_file(tmp_path: Path, key: str) -> Path:
    """A scenario whose product key holds `key`, written as a YAML double-quoted escape."""
    path = tmp_path / "hostile.yml"
    path.write_text(f"proposed: {{{json.dumps(key)}: {{users: 5}}}}\n", encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"proposed": {key: {"users": 5}}}
    return path


@pytest.mark.parametrize("key", KEYS)
def test_a_hostile_key_is_one_escaped_line_on_stderr(tmp_path, key):
    """The key's characters as written, each control or bidirectional character as its escape."""
    result = run("quote", str(scenario_file(tmp_path, key)))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    # One problem, one line (the key is no product's; that it is not a key's shape either says
    # nothing more), and nothing else that moves.
    assert len(lines) == 1 and result.stderr.endswith("\n"), result.stderr
    assert not ESCAPES.search(result.stderr.replace("\n", "")), repr(result.stderr)
    assert any(f"proposed.{KEYS[key]}: unknown product" in line for line in lines), lines


def test_a_file_name_with_a_newline_is_one_line(tmp_path):
    result = run("quote", str(tmp_path / "a\nb\x1b[2J.yml"))
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}/a\\nb\\x1b[2J.yml:1: (file): cannot be read: No such file or directory\n"


def test_a_hostile_key_in_the_policy_data_is_one_line(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("max_instances: 150", 'max_instances: 150\n"\\e[31m\\nx": 1', 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "products.yml"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr
    assert ": \\x1b[31m\\nx: unknown field" in result.stderr, result.stderr


# -- govcloud diff --markdown ---------------------------------------------------

# Words the data check allows in a product's name, each of which GitHub's Markdown would turn
# into something else: an address, a bare www. address, an e-mail address, a mention, an
# issue's link, inline math.
GITHUB_BAIT = "Jira https://ev.il www.ev.il a@ev.il @octocat #12 $x^2$ $5"


def _renamed(tmp_path: Path, name: str) -> subprocess.CompletedProcess:
    shutil.copy(FIXTURE, tmp_path / "old.yml")
    text = FIXTURE.read_text(encoding="utf-8")
    assert "name: Jira\n" in text
    (tmp_path / "new.yml").write_text(text.replace("name: Jira\n", f"name: '{name}'\n", 1), encoding="utf-8")
    (tmp_path / "scenarios.yml").write_text("- id: buy\n  proposed: {jira: {users: 5}}\n", encoding="utf-8")
    return run("diff", "old.yml", "new.yml", "--scenarios", "scenarios.yml", "--markdown", cwd=tmp_path)


def test_markdown_makes_no_link_mention_or_math_of_data_text(tmp_path):
    assert run("check", str(_write(tmp_path, GITHUB_BAIT))).returncode == 0  # the check lets it through
    result = _renamed(tmp_path, GITHUB_BAIT)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    items = [x for x in out.splitlines() if x.lstrip().startswith("- ")]
    line = next(x for x in items if "ev.il" in x)
    # Every character that starts one of GitHub's extras stands alone in a <span>...
    bare = re.sub(r"<span>(?:[@$#]|:|\.)</span>", "", "\n".join(items))
    assert not re.search(r"[@$#]", bare), bare
    assert "://" not in out and not re.search(r"(?i)www\.", out)
    # ...and the line still reads as the words the data holds.
    rendered = unescape(re.sub(r"<[^>]+>", "", markdown.markdown(line)))
    assert GITHUB_BAIT in rendered


def _write(tmp_path: Path, name: str) -> Path:
    text = FIXTURE.read_text(encoding="utf-8").replace("name: Jira\n", f"name: '{name}'\n", 1)
    path = tmp_path / "checked.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_money_is_not_math(tmp_path):
    """Two amounts on a line ("$1 → $2 (+$1") once made a span of math between them."""
    shutil.copy(FIXTURE, tmp_path / "old.yml")
    text = FIXTURE.read_text(encoding="utf-8")
    first = re.search(r"annual: +([0-9.]+)\}", text)
    assert first
    new = text.replace(first.group(0), first.group(0).replace(first.group(1), "1.23"), 1)
    (tmp_path / "new.yml").write_text(new, encoding="utf-8")
    (tmp_path / "scenarios.yml").write_text("- id: buy\n  proposed: {jira: {users: 5}}\n", encoding="utf-8")
    result = run("diff", "old.yml", "new.yml", "--scenarios", "scenarios.yml", "--markdown", cwd=tmp_path)
    assert result.returncode == 0 and "1.23 (" in result.stdout, result.stderr
    assert "$" not in re.sub(r"<span>\$</span>", "", result.stdout)


# -- the docs workflow's job summary --------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"


def _summary_of(tmp_path: Path, stderr: str) -> str:
    """The data-diff step's script, run as the runner runs it (bash -e), with git, make and
    govcloud stood in for: govcloud writes `stderr` and fails as it does on bad data."""
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    step = next(s for s in doc["jobs"]["data-diff"]["steps"] if "govcloud diff" in s.get("run", ""))
    tools = tmp_path / "tools"
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    tools.mkdir()
    (tmp_path / "err.txt").write_text(stderr, encoding="utf-8")
    stubs = {
        tools / "git": '#!/bin/sh\n[ "$1" = diff ] && exit 1\nexit 0\n',
        tools / "make": "#!/bin/sh\nexit 0\n",
        tmp_path / ".venv" / "bin" / "govcloud": f"#!/bin/sh\ncat '{tmp_path / 'err.txt'}' >&2\nexit 2\n",
    }
    for path, body in stubs.items():
        path.write_text(body, encoding="utf-8")
        path.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {
        "PATH": f"{tools}:{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(tmp_path),
        "BASE_SHA": "0" * 40,
    }
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    return summary.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "stderr",
    [
        "a.yml:1: x: ```\n# A heading in front of the reviewer\n![x](https://evil.example/p.png)\n",
        "a.yml:1: x: `````\n````\n```\n## Owned\n",
        "a.yml:1: x: fine\n",
    ],
)
def test_the_summary_fence_holds_whatever_the_problems_say(tmp_path, stderr):
    summary = _summary_of(tmp_path, stderr).splitlines()
    opening = next(i for i, line in enumerate(summary) if re.fullmatch(r"`{3,}text", line))
    fence = summary[opening][: -len("text")]
    closing = summary.index(fence, opening + 1)
    # CommonMark: a line of at least as many backticks (indented at most 3 spaces) closes it.
    inside = summary[opening + 1 : closing]
    assert inside == stderr.splitlines()
    assert not any(re.fullmatch(rf" {{0,3}}`{{{len(fence)},}}\s*", line) for line in inside)
    assert closing == len(summary) - 1
