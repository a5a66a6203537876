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
