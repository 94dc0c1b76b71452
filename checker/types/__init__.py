"""Types: the rule model + record schemas + indicator catalogue -> a checked suite.

In: a built `Suite` (`checker.syntax.model`).  Out: `typed.CheckedSuite` —
resolved names, unit dimensions checked, constants converted exactly — or every
T2xx diagnostic at once.  `units` is the table of dimensions and exact factors.
Imports only `source`, `diagnostics` and `syntax`; never pandas, lark or z3.
"""
