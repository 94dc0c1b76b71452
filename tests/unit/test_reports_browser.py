"""The HTML report in a real browser: headless Chromium renders it, draws the charts, and
logs no console error.

Needs Debian's `chromium` (`.ci/run` installs it when missing); without a chromium binary
the tests are skipped, saying so.  The tests install nothing themselves.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from checker.result import Result
from reports import render

pytestmark = pytest.mark.slow  # a process, a wheel build or a browser: see README "Tests"

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "reports" / "result.json"
CANDIDATES = ("chromium", "chromium-browser", "/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--enable-logging=stderr", "--v=0")


def chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium binary on this machine: install Debian's `chromium` "
                "(.ci/run does) to run the browser tests")


def browse(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False,
                          stdin=subprocess.DEVNULL)


def console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    page = folder / "report.html"
    page.write_text(render(Result.from_json(GOLDEN.read_text(encoding="utf-8")), "html"),
                    encoding="utf-8")
    return page


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot_is_a_real_page(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = browse(report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2000")
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert png_size(data) == (1200, 2000)
    assert len(data) > 40_000  # a blank or error page compresses to a few kilobytes
    from PIL import Image  # matplotlib depends on Pillow

    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 200, "the screenshot is nearly uniform"
    assert console(done.stderr) == []


def test_dom_holds_the_charts_and_no_console_errors(report: Path, tmp_path: Path) -> None:
    done = browse(report, tmp_path / "profile", "--dump-dom")
    dom = done.stdout
    assert '<main id="top">' in dom, done.stderr[-2000:]
    charts = re.findall(r'<figure class="chart o-\w+" id="series-\d+">', dom)
    assert len(charts) == 5
    assert dom.count("<svg") == len(charts)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script" not in dom
    assert console(done.stderr) == []


def test_console_errors_would_be_caught(tmp_path: Path) -> None:
    """The harness itself: a page with a script error shows up in the log it reads."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><script>undefinedFunction();</script></body></html>",
                   encoding="utf-8")
    done = browse(bad, tmp_path / "profile", "--dump-dom")
    assert any("Uncaught" in line for line in console(done.stderr)), done.stderr[-2000:]
