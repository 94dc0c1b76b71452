"""The HTML report as an analyst sees it, laid out by headless Chromium (selenium): on the
real Daxing figures and the bundled batch, in both languages, no table runs wider than the
page (long URLs in the source column and long indicator ids once did), the reason of each
status is on the page rather than in a hover title, the run's notes fold away, and a
failing proposal shows its name, town and zone.  Skipped, saying so, without chromium and
chromedriver (`.ci/run` installs both).  `PLANCHECK_SCREENSHOTS=DIR` keeps the screenshots.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.pipeline import check
from reports import render

webdriver = pytest.importorskip("selenium.webdriver", reason="the layout tests need selenium")
from selenium.common.exceptions import WebDriverException  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "examples" / "data").glob("daxing-real-*.csv"))
BATCH = [ROOT / "examples" / "proposals" / "batch.csv",
         ROOT / "examples" / "data" / "daxing-monitoring-2023.csv"]
WIDTH = 1280


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    found = [shutil.which(n) for n in ("chromedriver", "chromium")]
    if not all(found):
        pytest.skip("no chromium/chromedriver on this machine: install Debian's `chromium` "
                    "and `chromium-driver` (.ci/run does) to run the layout tests")
    options = webdriver.ChromeOptions()
    options.binary_location = str(found[1])
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={WIDTH},1000", "--disable-extensions",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=webdriver.ChromeService(str(found[0])),
                                  options=options)
    except WebDriverException as error:
        pytest.skip(f"chromium did not start: {error.msg}")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    real = check(REAL, as_of=2024)
    batch = check(BATCH, as_of=2023)
    out = {}
    for name, result in (("real", real), ("batch", batch)):
        for lang in ("en", "zh"):
            path = folder / f"{name}.{lang}.html"
            path.write_text(render(result, "html", lang=lang), encoding="utf-8")
            out[f"{name}.{lang}"] = path
    return out


_WIDER = """
const main = document.querySelector('main');
const limit = main.getBoundingClientRect().right + 1;
return [...document.querySelectorAll('main table')]
  .filter(t => t.getBoundingClientRect().right > limit)
  .map(t => t.className + ' ' + Math.round(t.getBoundingClientRect().width));
"""


def _open(driver: object, page: Path, name: str) -> None:
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    folder = os.environ.get("PLANCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"report-{name}.png"))  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["real.en", "real.zh", "batch.en", "batch.zh"])
def test_no_table_is_wider_than_the_page(browser: object, pages: dict[str, Path],
                                         name: str) -> None:
    _open(browser, pages[name], name)
    assert browser.execute_script(_WIDER) == []  # type: ignore[attr-defined]
    scroll = browser.execute_script(  # type: ignore[attr-defined]
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert scroll <= 0, f"the page scrolls sideways by {scroll}px"


def test_status_reasons_are_shown_and_notes_folded(browser: object,
                                                   pages: dict[str, Path]) -> None:
    _open(browser, pages["real.zh"], "real.zh")
    reasons = browser.execute_script(  # type: ignore[attr-defined]
        "return [...document.querySelectorAll('table.evaluation .reason')]"
        ".filter(e => e.offsetHeight > 0).map(e => e.textContent)")
    assert any(text.startswith("AIR-03：") and "未达标" in text for text in reasons)
    folded = browser.execute_script(  # type: ignore[attr-defined]
        "const d = document.querySelector('details.notes');"
        "return d ? [d.open, d.querySelector('summary').textContent] : null")
    assert folded is not None and folded[0] is False and "输入数据说明" in folded[1]


def test_a_failing_proposal_shows_its_name_town_and_zone(browser: object,
                                                         pages: dict[str, Path]) -> None:
    _open(browser, pages["batch.zh"], "batch.zh")
    heads = browser.execute_script(  # type: ignore[attr-defined]
        "return [...document.querySelectorAll('#proposals h3')].map(h => h.innerText)")
    assert any(h.startswith("B-33") and "采育镇五金加工厂 · 采育镇 · 其他 · 一般制造业" in h
               for h in heads)
