"""The malformed corpus is input for `tests/golden/test_syntax_golden.py`, not a suite:
keep the `plancheck` pytest plugin from collecting its `test` blocks."""

collect_ignore_glob = ["*.rules"]
