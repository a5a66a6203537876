"""The docs workflow passes zizmor's offline audit: actions pinned to commits,
no credentials left in the checkout, least permissions per job."""

from __future__ import annotations

import re
import subprocess

import yaml

from harness import BIN, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", str(WORKFLOW.parent)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_tag():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text())
    assert uses
    for ref, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", rest), f"{ref}: give the tag in a comment"


def test_checkout_keeps_no_credentials_and_jobs_ask_for_their_permissions():
    doc = yaml.safe_load(WORKFLOW.read_text())
    assert doc["permissions"] == {}
    for name, job in doc["jobs"].items():
        assert "permissions" in job, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def _runs(condition: str | None, event: str, ref: str = "refs/heads/main") -> bool:
    """Whether an `if:` of the workflow holds for an event: its expressions compare
    `github.event_name` and `github.ref` with text, joined by && and || (anything else fails)."""
    if condition is None:
        return True
    python = condition.replace("&&", " and ").replace("||", " or ")
    python = python.replace("github.event_name", repr(event)).replace("github.ref", repr(ref))
    assert re.fullmatch(r"[\s()]*('[^']*'\s*(==|!=)\s*'[^']*'[\s()]*(and|or)?[\s()]*)+", python), condition
    return bool(eval(python, {"__builtins__": {}}))  # only quoted texts, comparisons and and/or (checked above)


def _what_runs(doc: dict, event: str) -> dict[str, list[str]]:
    """The jobs an event on main runs, each with the steps it runs (by name, or by action)."""
    return {
        name: [step.get("name") or step["uses"] for step in job["steps"] if _runs(step.get("if"), event)]
        for name, job in doc["jobs"].items()
        if _runs(job.get("if"), event)
    }


def test_the_site_is_rebuilt_and_published_every_day_by_the_same_jobs_as_a_push():
    doc = yaml.safe_load(WORKFLOW.read_text())
    triggers = doc.get("on", doc.get(True))  # YAML 1.1 reads the key `on` as true
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()  # once a day
    daily, push = _what_runs(doc, "schedule"), _what_runs(doc, "push")
    assert daily == push
    assert "publish" in daily and "Hand the site to GitHub Pages" in daily["build"]
    assert "Run the tests (Chromium from apt, Lighthouse from npm)" in daily["build"]
    # A pull request still builds and tests, and publishes nothing.
    request = _what_runs(doc, "pull_request")
    assert "publish" not in request and "Hand the site to GitHub Pages" not in request["build"]
