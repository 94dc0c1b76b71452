"""Fit the weights of the learned decision (`decide`) from labelled figures.

In: rows of (features, is it a target) — each a figure the reader found in a labelled
set, with the features `signals` gave it.  Out: a `Decision`'s bias and weights, and
their JSON form.  A logistic regression with an L2 penalty, fitted by full-batch
gradient descent for a fixed number of steps from zero: the same rows always give the
same weights, on any machine, with numpy alone.  Used at training time only (the
script and the leave-one-set-out bench); the reader loads the JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

import numpy as np

from checker.tools.extract.decide import Decision

MIN_COUNT = 2  # a feature seen in fewer training figures is dropped
STEPS = 400
RATE = 0.5
PENALTY = 1e-3  # L2, per figure


def fit(rows: Sequence[tuple[Sequence[str], bool]], **policy: object) -> Decision:
    """The decision whose weights best tell the rows' targets from the rest."""
    counts = Counter(f for names, _ in rows for f in set(names))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    cols, owner = [], []
    for r, (names, _) in enumerate(rows):
        for f in sorted(set(names)):
            if f in index:
                cols.append(index[f])
                owner.append(r)
    col, row = np.array(cols, dtype=np.int64), np.array(owner, dtype=np.int64)
    y = np.array([1.0 if target else 0.0 for _, target in rows])
    n, m = len(rows), len(vocabulary)
    w, b = np.zeros(m), 0.0
    square_w, square_b = np.full(m, 1e-8), 1e-8  # AdaGrad: a step per feature
    for _ in range(STEPS):
        z = b + np.bincount(row, weights=w[col], minlength=n)
        error = 1 / (1 + np.exp(-z)) - y
        grad_w = np.bincount(col, weights=error[row], minlength=m) / n + PENALTY * w
        grad_b = float(error.mean())
        square_w += grad_w ** 2
        square_b += grad_b ** 2
        w -= RATE * grad_w / np.sqrt(square_w)
        b -= RATE * grad_b / float(np.sqrt(square_b))
    weights = {f: round(float(v), 4) for f, v in zip(vocabulary, w, strict=True)
               if abs(v) >= 1e-3}
    return Decision(round(b, 4), weights, **policy)  # type: ignore[arg-type]


def to_json(decision: Decision, trained_on: Sequence[str], figures: int) -> str:
    return json.dumps({"model": "logistic regression, target against not (checker/tools/"
                       "extract/learn.py)", "trained_on": list(trained_on), "figures": figures,
                       "bias": decision.bias, "weights": dict(sorted(decision.weights.items()))},
                      ensure_ascii=False, indent=0, sort_keys=False) + "\n"
