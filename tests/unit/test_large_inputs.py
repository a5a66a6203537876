"""Large inputs cost work in proportion to their size, and are refused by what they
are, not by how long they are. These count work and check outcomes; the times are
in `make bench`."""

from __future__ import annotations

import json

import pytest
import yaml

from cli_run import DATA, run
from govcloud.load import yamlsource
from govcloud.load.loading import load_catalog
from govcloud.load.scenarios import read_scenarios
from govcloud.model.problems import InputError
from govcloud.model.scenario import Scenario


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(DATA)


def test_invalid_scenarios_build_the_schema_once(catalog, monkeypatch):
    """The schema behind 'did you mean' was built once per problem: 10,000 bad scenarios, 10,000 schemas."""
    from govcloud.load import reporting

    reporting._schema.cache_clear()
    calls = []
    original = Scenario.model_json_schema.__func__

    def counted(cls, *args, **kwargs):
        calls.append(1)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Scenario, "model_json_schema", classmethod(counted))
    bad = json.dumps([{"proposed": {"jira": {"userz": 5}}}] * 1_000)
    with pytest.raises(InputError) as caught:
        read_scenarios(bad, "bad.json", catalog)
    assert len({p.field.split(".")[0] for p in caught.value.problems}) == 1_000  # every scenario named
    assert len(calls) == 1


def test_a_long_plain_list_is_not_an_alias_bomb(catalog):
    text = "".join(f"- proposed: {{jira: {{users: {1 + i % 500}}}}}\n" for i in range(30_000))
    scenarios, many = read_scenarios(text, "long.yml", catalog)
    assert many and len(scenarios) == 30_000


def test_aliases_are_counted_by_what_they_add():
    one = "base: &b {users: 5}\n" + "".join(f"k{i}: *b\n" for i in range(49_999))  # 49,999 * 2 added
    assert len(yamlsource.load_text(one, "ok.yml").value) == 50_000
    with pytest.raises(InputError, match="expands to more than 100,000 values"):
        yamlsource.load_text(one + "over: *b\nmore: *b\n", "bomb.yml")  # 100,002


def test_a_file_over_the_bound_is_refused_before_it_is_composed(tmp_path, monkeypatch):
    composed = []
    monkeypatch.setattr(yaml, "CSafeLoader", lambda *a: composed.append(1))
    monkeypatch.setattr(yaml, "SafeLoader", lambda *a: composed.append(1))
    big = tmp_path / "big.yml"
    big.write_bytes(b"- proposed: {jira: {users: 5}}\n" * 170_000)  # 5.3 MB
    with pytest.raises(InputError) as caught:
        yamlsource.load_file(big)
    assert [str(p) for p in caught.value.problems] == [
        f"{big}:1: (file): is larger than 4 MB; split it into smaller files"
    ]
    with pytest.raises(InputError):
        yamlsource.load_text(big.read_text(), "text")
    assert composed == []


def test_a_large_file_is_read_only_up_to_the_bound(tmp_path, monkeypatch):
    big = tmp_path / "big.yml"
    with open(big, "wb") as fh:
        fh.truncate(50_000_000)  # 50 MB of zeros, sparse
    asked = []
    real_open = open

    class Counting:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def read(self, n=-1):
            asked.append(n)
            return self.fh.read(n)

    monkeypatch.setattr("builtins.open", lambda p, m="r", *a, **k: Counting(real_open(p, m, *a, **k)))
    with pytest.raises(InputError, match="is larger than 4 MB"):
        yamlsource.read_text(big, "big.yml")
    assert asked == [yamlsource.MAX_BYTES + 1]


def test_stdin_over_the_bound_is_one_line():
    result = run("quote", "-", stdin=b"- proposed: {jira: {users: 5}}\n" * 170_000)
    assert result.returncode == 2
    assert result.stderr == "<stdin>:1: (file): is larger than 4 MB; split it into smaller files\n"
