"""Work that grows with the data must grow no faster than the data. Counted in
steps, not seconds, so that a busy machine cannot make the test pass or fail."""

from __future__ import annotations

import json

from govcloud.load.loading import load_catalog
from govcloud.load.scenarios import parse_scenarios
from govcloud.load.yamlsource import load_text


class CountingLines(dict):
    """A line map that counts the entries read from it, by any way of reading."""

    read = 0

    def _counted(self, entries):
        for entry in entries:
            CountingLines.read += 1
            yield entry

    def items(self):
        return self._counted(super().items())

    def keys(self):
        return self._counted(super().keys())

    def values(self):
        return self._counted(super().values())

    def __iter__(self):
        return self._counted(super().__iter__())

    def __getitem__(self, key):
        CountingLines.read += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        CountingLines.read += 1
        return super().get(key, default)


def test_reading_scenarios_visits_each_line_entry_a_bounded_number_of_times():
    catalog = load_catalog()
    keys = [p.key for p in catalog.products]
    count = 300
    text = json.dumps(
        [
            {
                "current": {keys[i % len(keys)]: {"users": 1 + i % 40, "instances": 2}},
                "proposed": {keys[i % len(keys)]: {"users": 2 + i % 40}},
                "days_remaining": i % 300,
            }
            for i in range(count)
        ]
    )
    source = load_text(text, "many.json")
    source.lines = CountingLines(source.lines)
    CountingLines.read = 0
    scenarios, many = parse_scenarios(source, catalog)
    assert many and len(scenarios) == count
    # Grouping the map once reads each entry once; filtering it per scenario (the
    # quadratic version) read it `count` times over.
    assert CountingLines.read <= 2 * len(source.lines)
