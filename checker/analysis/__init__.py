"""Analysis: the consistency of the rules themselves (A5xx findings).

In: a `CheckedSuite`.  Out: `findings.Analysis` — contradictions, dead,
redundant and shadowed rules, time and level conflicts — each with a witness in
words.  Only the `solver` package talks to z3.  Never imports `engine`, `data` or the CLI.
"""
