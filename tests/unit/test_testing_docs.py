"""docs/diagnostics.md, T242-T246: each example test block, added to the bundled suite and
run with `plancheck test`, prints exactly the diagnostic shown after it.

(The document's own test runs `rules` and `console` examples through `plancheck suite`;
these need `plancheck test`, so they are `text` blocks checked here.)
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import BUNDLED, ROOT

DOC = ROOT / "docs" / "diagnostics.md"
CODES = ("T242", "T243", "T244", "T245", "T246")
FENCE = re.compile(r"^```text\n(.*?)^```$", re.S | re.M)


def example(code: str) -> tuple[str, str]:
    """The test block and the expected output of a code's section."""
    text = DOC.read_text(encoding="utf-8")
    section = re.search(rf"^### {code}\b.*?(?=^### |^## )", text, re.S | re.M)
    assert section is not None, f"no section for {code}"
    given, shown = FENCE.findall(section.group(0))[:2]
    return given, shown


@pytest.mark.parametrize("code", CODES)
def test_example_output(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    given, shown = example(code)
    for path in Path(BUNDLED).glob("*"):
        if path.suffix in (".rules", ".txt"):
            shutil.copy(path, tmp_path / path.name)
    (tmp_path / "example.rules").write_text(given, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["test", "."]) == 2
    assert capsys.readouterr().err == shown
