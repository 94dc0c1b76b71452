"""A `basis` cell as reports word it, read as the basis it names.

Reports and annual plans word one basis several ways: 扣除疫苗 (the suite's, ECON-03's
`basis "扣除疫苗"`), 扣除疫苗影响, 扣除新冠疫苗影响, (扣除新冠疫苗影响) — a table built
from two reports has them side by side, and as different strings a target on one would
never meet its actual on another, nor a rule's basis.  Each is read as `扣除X`: the thing
excluded, without `影响` and the brackets, and 新冠 (the vaccine of 2021–2022 is the COVID
one).  `初步预计`, `预计`, `初步核算` in a basis column say how final a figure is, not a
basis: the row is the headline figure, and the word goes into its note (as it does
when a kind cell says `预计完成`: an actual, estimated).  A rewritten
cell keeps its words in the note (`口径：扣除新冠疫苗影响`), so nothing is changed unsaid.
Imports pandas and `headings` (the estimate words).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

import pandas as pd

from checker.data.headings import ESTIMATE_CELLS

_EXCLUDED: Final = re.compile(r"扣除(?:新冠(?:肺炎)?)?(?P<what>.+?)(?:的)?(?:影响|因素)?(?:后)?")


def basis_of(written: str) -> tuple[str | None, str]:
    """(the basis, the words for the note): `扣除新冠疫苗影响` → (`扣除疫苗`, `口径：…`),
    `初步预计` → (None, `初步预计`), `扣除疫苗` → (`扣除疫苗`, ``)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", written)).strip("()")
    if text in ESTIMATE_CELLS:
        return None, text
    match = _EXCLUDED.fullmatch(text)
    basis = f"扣除{match['what']}" if match is not None else text
    return basis, "" if basis == written else f"口径：{written}"


def read_bases(basis: pd.Series[Any], note: pd.Series[Any]) -> tuple[pd.Series[Any],
                                                                     pd.Series[Any]]:
    """The basis and note columns with each basis cell read by `basis_of` (one look-up
    per distinct cell; the columns come back unchanged when no cell is rewritten)."""
    distinct = {text: basis_of(text) for text in basis.dropna().unique().tolist()}
    if all(found == (text, "") for text, found in distinct.items()):
        return basis, note
    new_basis = basis.map(lambda t: distinct[t][0] if isinstance(t, str) else t)
    words = basis.map(lambda t: distinct[t][1] if isinstance(t, str) else "")
    return new_basis.astype("string"), with_words(note, words)


def with_words(note: pd.Series[Any], words: pd.Series[Any]) -> pd.Series[Any]:
    """Each row's note with its `words` after it (`政府工作报告; 初步预计`)."""
    joined = [w if pd.isna(n) or not str(n) else (f"{n}; {w}" if w else n)
              for n, w in zip(note.tolist(), words.fillna("").tolist(), strict=True)]
    return pd.Series([j or None for j in joined], index=note.index, dtype="string")
