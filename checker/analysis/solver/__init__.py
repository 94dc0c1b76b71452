"""The solver room: the only place in plancheck that talks to z3.

In: `Part`s of checked rules.  Out: their variables, bounds and formulas
(`encode.Encoder`) and the answers of queries over them (`search.Search`):
minimal conflicting sets, minimal implying sets, "can these hold together", and
an example subject.  Every query is held to the limits of `analysis.limits` (per
check and per run); an answer of `unknown`, or a check a limit left unmade, never
becomes a finding about the rules and never passes for consistent: it is kept as
`search.Undecided` and reported as incomplete (A531).
"""
