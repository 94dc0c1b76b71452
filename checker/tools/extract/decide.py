"""Decide: a small learned second opinion on whether a figure states a target.

In: a figure's features (`signals`), the kind the rules gave it and whether its own
words decided that.  Out: `Decision` — the weights of a logistic regression (target
against not) loaded from a JSON file and scored with the standard library, and the rule
of when it may overrule the rules.  Trained by `scripts/extract_learn.py` on
the labelled sets only; measured leave-one-set-out by `bench/extract_bench.py --loso`.
Imports nothing of the package, so that `Ctx` may carry one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Decision:
    """Weights of P(target | features), and when they overrule the rules: only where the
    rules' own words did not decide (`scope='default'`) or anywhere (`'all'`), when the
    model's log-odds pass `margin` against the rules' kind.  `collect` keeps each figure's
    features on its item (for training), whatever the weights."""

    bias: float
    weights: dict[str, float]
    margin: float = 2.0
    scope: str = "default"
    collect: bool = False

    def log_odds(self, names: list[str]) -> float:
        return self.bias + sum(self.weights.get(n, 0.0) for n in set(names))

    def kind(self, names: list[str], kind: str, decisive: bool) -> str:
        """The kind the figure takes: the rules', unless the model is sure otherwise."""
        if not self.weights or (decisive and self.scope == "default"):
            return kind
        odds = self.log_odds(names)
        if kind == "target" and odds < -self.margin:
            return "actual"
        if kind == "actual" and odds > self.margin:
            return "target"
        return kind

    @staticmethod
    def load(path: Path, **policy: object) -> Decision:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Decision(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                        **policy)  # type: ignore[arg-type]

    def probability(self, names: list[str]) -> float:
        return 1 / (1 + math.exp(-self.log_odds(names)))


COLLECT = Decision(0.0, {}, collect=True)
