"""Hypothesis profiles: `ci` (default, small and fast) and `thorough` (on demand).

    HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/property

The `ci` profile keeps the whole property folder well under a minute on two
cores; `thorough` runs ~25x more examples per test.  Under CI (`CI=true`) the
`ci` profile is derandomized, so a submission's run never fails on an example
that a developer's run did not see; developers' runs explore new examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=_SLOW_IS_FINE,
    print_blob=True, derandomize=os.environ.get("CI", "").lower() == "true",
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=_SLOW_IS_FINE,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
