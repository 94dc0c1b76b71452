"""The solver room: the only place in plancheck that talks to z3.

In: `Part`s of checked rules.  Out: their variables, bounds and formulas
(`encode.Encoder`) and the answers of queries over them (`search.Search`):
minimal conflicting sets, minimal implying sets, "can these hold together", and
an example subject.  Every query has the same time limit (`search.TIMEOUT_MS`);
an answer of `unknown` never becomes a finding and is counted in `incomplete`.
"""
