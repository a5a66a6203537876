"""`govcloud diff`: what a change to the policy data says, run as a user runs it.

Each case edits a copy of the frozen fixture catalog textually and states the
expected words from the fixture's own figures (catalogs.PRICE), worked by hand."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from catalogs import PRICE, TERM_DAYS
from cli_run import FIXTURE, clean_env, edited, line_of, run
from govcloud.model.schema import catalog_schema
from harness import with_rule_confirmed

# One small worked scenario per kind of figure: a new purchase and a mid-term upgrade.
SCENARIOS = """\
- id: buy
  title: Buy Jira
  proposed: {jira: {users: 450}}
- id: grow
  title: Grow Jira
  current: {jira: {users: 450}}
  proposed: {jira: {users: 900}}
  days_remaining: 73
- id: desk
  title: A service desk
  proposed: {jsm: {users: 40}}
"""


@pytest.fixture()
def files(tmp_path: Path) -> Path:
    shutil.copy(FIXTURE, tmp_path / "old.yml")
    (tmp_path / "scenarios.yml").write_text(SCENARIOS, encoding="utf-8")
    return tmp_path


def diff(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return run("diff", "old.yml", "new.yml", "--scenarios", "scenarios.yml", *extra, cwd=folder)


def money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def test_a_price_names_the_tier_old_and_new_and_the_scenarios_it_moves(files):
    old = PRICE["jira"][500]
    new = old + Decimal("100.00")
    edited(files, f"{{users:    500, annual:  {old}}}", f"{{users:    500, annual:  {new}}}", "new.yml", FIXTURE)
    result = diff(files)
    assert result.returncode == 0, result.stderr
    share = (Decimal("100.00") * 100 / old).quantize(Decimal("0.1"))
    assert f"Jira, up to 500 users: {money(old)} → {money(new)} (+$100.00, +{share}%)" in result.stdout
    # `buy` (450 users, the 500-user tier) moves by the 100.00; its first year too.
    assert f"buy: Buy Jira\n      Yearly prices after: {money(old)} → {money(new)} (+$100.00)" in result.stdout
    assert f"Paid in the next {TERM_DAYS} days: {money(old)} → {money(new)}" in result.stdout
    # `grow` goes from the 500-user tier to the 1,000-user tier with 73 of 365 days left:
    # today's price rises by 100.00 and the prorated difference falls by 100.00 * 73 / 365 = 20.00.
    due_old = ((PRICE["jira"][1000] - old) * 73 / TERM_DAYS).quantize(Decimal("0.01"))
    assert f"Due now: {money(due_old)} → {money(due_old - Decimal('20.00'))} (-$20.00)" in result.stdout
    # A product whose prices did not move, and its scenario, are not mentioned.
    assert "desk" not in result.stdout and "Jira Service Management" not in result.stdout
    assert "Tiers" not in result.stdout and "Rules" not in result.stdout


def test_a_ladder_change_reads_as_one_headline_before_its_tiers(files):
    text = (files / "old.yml").read_text(encoding="utf-8")
    for users in (10, 15):
        price = PRICE["jira"][users]
        text = text.replace(f"annual: {price:>9}}}", f"annual: {(price * Decimal('1.1')).quantize(price):>9}}}", 1)
    (files / "new.yml").write_text(text, encoding="utf-8")
    result = diff(files)
    assert f"Jira: 2 of {len(PRICE['jira'])} tier prices change, by +10.0% each" in result.stdout


def test_a_tier_added_says_where_and_at_what_price(files):
    top = max(PRICE["jsm"])
    line = f"{{users: {top:>6}, annual: {PRICE['jsm'][top]:>9}}}"
    added = f"{line}\n      - {{users:  60000, annual: 999999.00}}"
    edited(files, line, added, "new.yml", FIXTURE)
    result = diff(files)
    assert result.returncode == 0, result.stderr
    assert "Tiers\n  - Jira Service Management: new tier up to 60,000 users, at $999,999.00 a year" in result.stdout
    assert f"the largest tier goes from {top:,} to 60,000 users" in result.stdout
    assert "Prices" not in result.stdout and "Worked scenarios" not in result.stdout


def test_a_rule_reworded_shows_the_old_and_new_words(files):
    edited(
        files, "Nothing is refunded or\n      credited", "Nothing is paid back or\n      credited", "new.yml", FIXTURE
    )
    result = diff(files)
    assert result.returncode == 0, result.stderr
    assert "Rules\n  - Lower a user tier (downgrade): reworded\n" in result.stdout
    assert "was: A lower tier takes effect when the term renews. Nothing is refunded or credited" in result.stdout
    assert "now: A lower tier takes effect when the term renews. Nothing is paid back or credited" in result.stdout
    assert "Worked scenarios" not in result.stdout


def test_limits_confirmation_and_contacts_are_named_old_to_new(files):
    text = (FIXTURE).read_text(encoding="utf-8")
    text = text.replace("max_instances: 150", "max_instances: 200", 1)
    text = text.replace("    name: Carahsoft\n", "    name: Carahsoft Inc\n", 1)
    text = with_rule_confirmed(text, "downgrade")
    (files / "new.yml").write_text(text, encoding="utf-8")
    result = diff(files)
    assert "Instances a subscription holds at no extra cost: 150 → 200" in result.stdout
    assert "Lower a user tier (downgrade): now confirmed" in result.stdout
    assert (
        "Government customers' contact: who handles the request, as readers know them: "
        "Carahsoft → Carahsoft Inc" in result.stdout
    )


def test_identical_files_say_no_change(files):
    shutil.copy(FIXTURE, files / "new.yml")
    result = diff(files)
    assert (result.returncode, result.stdout, result.stderr) == (0, "no change\n", "")


def test_bad_data_is_exit_2_with_file_line_field_and_no_traceback(files):
    text = edited(files, "max_instances: 150", "max_instances: lots", "new.yml", FIXTURE)
    result = diff(files)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"new.yml:{line_of(text, 'max_instances: lots')}: max_instances: must be a whole number\n"


def test_both_files_problems_are_reported_together(files):
    edited(files, "term_days: 365", "term_days: 0", "new.yml", FIXTURE)
    (files / "old.yml").write_text("currency: [", encoding="utf-8")
    result = diff(files)
    assert result.returncode == 2
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == ["new.yml", "old.yml"]
    assert "Traceback" not in result.stderr


def test_a_scenario_that_the_new_data_cannot_read_is_bad_data(files):
    text = (FIXTURE).read_text(encoding="utf-8").replace("key: jsm", "key: servicedesk", 1)
    (files / "new.yml").write_text(text, encoding="utf-8")
    result = diff(files)
    assert result.returncode == 2
    assert result.stderr.startswith(f"scenarios.yml:{line_of(SCENARIOS, 'jsm:')}: [2].proposed.jsm: ")


def test_wrong_arguments_are_exit_2(files):
    result = run("diff", "old.yml", cwd=files)
    assert result.returncode == 2 and "give two data files" in result.stderr


def test_markdown_keeps_data_text_as_text(files):
    # Markup the data may hold in a rule (emphasis, a link) reaches the summary as characters.
    edited(files, "Nothing is refunded or", "**Nothing** is [refunded](https://x.example) or", "new.yml", FIXTURE)
    result = diff(files, "--markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("### Changes in the policy data")
    assert "#### Rules\n\n- Lower a user tier (downgrade): reworded\n" in result.stdout
    # The address stays words too: its colon in a <span> of its own, so GitHub makes no link of it.
    assert "\\*\\*Nothing\\*\\* is \\[refunded\\](https<span>:</span>//x.example) or" in result.stdout
    assert "**Nothing**" not in result.stdout and "[refunded]" not in result.stdout


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(folder),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def test_base_compares_a_git_revision_with_the_working_copy(files):
    data = files / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / "products.yml")
    shutil.copy(files / "scenarios.yml", data / "scenarios.yml")
    git(files, "init", "-q")
    git(files, "add", "data")
    git(files, "commit", "-q", "-m", "data")
    assert run("diff", "--base", "HEAD", cwd=files).stdout == "no change\n"
    old = PRICE["jsm"][50]
    edited(data, f"annual: {old:>9}}}", f"annual: {old + 1:>9}}}", "products.yml", data / "products.yml")
    result = run("diff", "--base", "HEAD", cwd=files)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Changes in the policy data, data/products.yml at HEAD → the working copy")
    assert f"Jira Service Management, up to 50 users: {money(old)} → {money(old + 1)}" in result.stdout
    assert "desk: A service desk" in result.stdout
    unknown = run("diff", "--base", "no-such-ref", cwd=files)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("no-such-ref:data/products.yml:1: (file): git cannot read it")


def base_with_data(files: Path, base_data: str, base_schema: dict) -> Path:
    """A repository whose HEAD holds `base_data` and the JSON Schema of its model, and whose working
    copy holds the fixture data: a pull request that changed the data (and perhaps the model)."""
    data = files / "data"
    data.mkdir()
    (files / "schema").mkdir()
    (data / "products.yml").write_text(base_data, encoding="utf-8")
    shutil.copy(files / "scenarios.yml", data / "scenarios.yml")
    (files / "schema" / "products.schema.json").write_text(json.dumps(base_schema), encoding="utf-8")
    git(files, "init", "-q")
    git(files, "add", "data", "schema")
    git(files, "commit", "-q", "-m", "base")
    shutil.copy(FIXTURE, data / "products.yml")
    return data


def test_a_model_changed_with_the_data_is_said_not_compared_and_is_no_error(files):
    """A pull request that adds a required field and the data for it: the base's data, read with the
    new model, fails. That is no fault of the pull request: the diff says why it cannot compare,
    with what the new model asks, and exits 0 (the data-diff job once failed on it)."""
    older_model = catalog_schema()
    older_model["required"] = [r for r in older_model["required"] if r != "quote_valid_days"]
    base = FIXTURE.read_text(encoding="utf-8")
    top = line_of(base, "currency:")  # a missing key is reported at its mapping's first line
    base_with_data(files, base.replace("quote_valid_days: 30", "# quote_valid_days came later"), older_model)
    result = run("diff", "--base", "HEAD", cwd=files)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Changes in the policy data, data/products.yml at HEAD → the working copy",
        "",
        "Not compared: the data model changed since HEAD",
    ]
    assert f"      HEAD:data/products.yml:{top}: quote_valid_days: is required" in result.stdout


def test_old_data_that_its_own_model_rejects_is_still_bad_data(files):
    """The same failure with the model unchanged (its schema as committed): the base's data is bad
    under the model it was written for, so it stays an error, exit 2."""
    base = FIXTURE.read_text(encoding="utf-8").replace("quote_valid_days: 30", "# quote_valid_days: 30")
    base_with_data(files, base, catalog_schema())
    result = run("diff", "--base", "HEAD", cwd=files)
    assert result.returncode == 2 and result.stdout == ""
    top = line_of(base, "currency:")
    assert result.stderr == f"HEAD:data/products.yml:{top}: quote_valid_days: is required\n"


def test_without_git_the_base_is_a_clear_problem_not_a_traceback(files):
    """git missing from PATH: reading the base fails with one line, and the check for a changed model
    that follows (it runs git too) must not turn that into a traceback."""
    base_with_data(files, FIXTURE.read_text(encoding="utf-8"), catalog_schema())
    nowhere = files / "no-git"
    nowhere.mkdir()
    result = run("diff", "--base", "HEAD", cwd=files, env=clean_env(PATH=str(nowhere)))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("HEAD:data/products.yml:1: (file): git cannot be run: "), result.stderr


def test_docs_workflow_runs_diff_on_pull_requests_into_the_job_summary():
    import yaml

    from cli_run import ROOT

    doc = yaml.safe_load((ROOT / ".github" / "workflows" / "docs.yml").read_text(encoding="utf-8"))
    job = doc["jobs"]["data-diff"]
    assert job["if"] == "github.event_name == 'pull_request'"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    step = next(s for s in job["steps"] if "govcloud diff" in s.get("run", ""))
    # The base revision reaches the script through the environment, never spliced into its text.
    assert "${{" not in step["run"] and step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert '--base "$BASE_SHA"' in step["run"] and '>> "$GITHUB_STEP_SUMMARY"' in step["run"]
    assert "-- data/" in step["run"]  # only a change under data/ is diffed


def test_a_worked_scenario_whose_promise_no_longer_holds_is_named(files):
    old = PRICE["jira"][500]
    promised = (
        f"- id: buy\n  title: Buy Jira\n  proposed: {{jira: {{users: 450}}}}\n  expected:\n"
        f"    annual_total: {old}\n    due_now_total: {old}\n"
    )
    (files / "scenarios.yml").write_text(promised, encoding="utf-8")
    edited(files, f"{{users:    500, annual:  {old}}}", f"{{users:    500, annual:  {old + 1}}}", "new.yml", FIXTURE)
    result = diff(files)
    assert result.returncode == 0, result.stderr
    assert (
        f"the scenarios file still expects annual_total {money(old)}, due_now_total {money(old)}: update it"
    ) in result.stdout
    # With the promise updated in step, the figures still move but nothing is stale.
    (files / "scenarios.yml").write_text(promised.replace(str(old), str(old + 1)), encoding="utf-8")
    result = run("diff", "old.yml", "new.yml", "--scenarios", "scenarios.yml", cwd=files)
    assert "still expects" not in result.stdout
