"""The optional extras, hidden: `analyze` without z3 stops with C730 (exit 2, no
traceback), and the HTML report without matplotlib is written whole, each chart a note
saying how to install it.  Each case runs in a fresh process with the module blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

BLOCKED = "import sys\nfor name in {names!r}:\n    sys.modules[name] = None\n" \
    "from checker.cli.main import main\nsys.exit(main({argv!r}))\n"


def run_without(names: list[str], argv: list[str]) -> subprocess.CompletedProcess[str]:
    code = BLOCKED.format(names=names, argv=argv)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def test_analyze_without_z3_says_which_extra_to_install() -> None:
    done = run_without(["z3"], ["analyze", "rules/daxing-14th", "--color", "never"])
    assert done.returncode == 2
    assert "error[C730]: the consistency analysis needs the solver z3 (the `analyze` extra)" \
        in done.stderr + done.stdout
    assert "pip install 'plancheck[analyze]'" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_the_html_report_without_matplotlib_is_whole_with_notes(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = run_without(["matplotlib"], ["check", "examples/data/daxing-monitoring-2023.csv",
                                        "--format", "html", "--lang", "en", "-o", str(out)])
    assert done.returncode in (0, 1), done.stderr
    page = out.read_text(encoding="utf-8")
    assert "<svg" not in page
    assert "No chart: drawing needs matplotlib, the <code>charts</code> extra" in page
