"""Benchmarks for govcloud: ratios measured side by side in one run (`make bench`).

Machines are noisy, so every comparison interleaves its runs and reports
medians; figures are ratios against a baseline measured in the same run.
"""
