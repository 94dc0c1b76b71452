"""plancheck: policy-consistency checking for development plans.

The public API: `load_suite` (parse and build a suite of `.rules` files).
"""

from checker.suite import LoadedSuite, load_suite

__all__ = ["LoadedSuite", "load_suite"]
__version__ = "0.1.0"
