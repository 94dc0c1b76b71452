"""The C7xx examples of docs/diagnostics.md are what the CLI prints.

Each ```toml block followed by a ```text block is written to the file the text's
` --> FILE:` line names (`pyproject.toml` or `plancheck.toml`) in an empty folder,
`plancheck suite` runs there, and its diagnostics (without the closing count) must
be the text block.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from checker.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
SECTION = DOC[DOC.index("## C7xx"):]
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
EXAMPLES = [(given.group("body"), shown.group("body"))
            for given, shown in itertools.pairwise(FENCE.finditer(SECTION))
            if given.group("info") == "toml" and shown.group("info") == "text"]


def test_the_configuration_codes_have_examples() -> None:
    codes = {re.match(r"error\[(C7\d\d)\]", text).group(1) for _, text in EXAMPLES}  # type: ignore[union-attr]
    assert codes == {"C701", "C702", "C703"}


@pytest.mark.parametrize(("toml", "expected"), EXAMPLES, ids=[t.split("]")[0] for _, t in EXAMPLES])
def test_a_configuration_example_prints_its_text(
        toml: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    name = re.search(r" --> ([\w.]+):", expected).group(1)  # type: ignore[union-attr]
    (tmp_path / name).write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["suite"]) == 2
    err = capsys.readouterr().err
    assert err.removesuffix("\n1 error\n") == expected.rstrip("\n") + "\n"
