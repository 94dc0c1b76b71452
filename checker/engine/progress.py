"""Progress along the straight line from a base value to a target: the words of midterm
evaluations.

National and Beijing midterm evaluations judge a target not yet due by how far the latest
value has come from the base towards the target, against the share of the time that has
passed: well beyond it is 快于预期 (`ahead`), within a band of it 基本符合预期 (`on_track`),
short of that 滞后于预期 (`lagging`).  `check` (trajectories) and the evaluation table
(statuses) both judge by this one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["ahead", "on_track", "lagging"]


@dataclass(frozen=True)
class Progress:
    """`done`: the share of the planned change made; `expected`: the share of time gone."""

    level: Level
    done: float
    expected: float


def progress(start: float, now: float, target: float, base: int, latest: int,
             deadline: int, band: float) -> Progress | None:
    """None when the target plans no change from the base (no line to ride); `band`: the
    share of the planned change around the line that is on track (the plan's `band`)."""
    if target == start or deadline <= base:
        return None
    done = (now - start) / (target - start)
    expected = (latest - base) / (deadline - base)
    if done >= expected + band:
        return Progress("ahead", done, expected)
    if done > expected - band:
        return Progress("on_track", done, expected)
    return Progress("lagging", done, expected)
