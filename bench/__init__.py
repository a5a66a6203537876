"""Benchmarks for govcloud: ratios measured side by side in one run (`make bench`).

Machines are noisy, so every comparison interleaves its runs and reports
medians; figures are ratios against a baseline measured in the same run.
"""

import sys
from pathlib import Path

# The test harness (tests/support) builds and serves the sites measured here. Put it on
# the path before any module of this package imports it: their import order is the
# formatter's, not ours.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))
