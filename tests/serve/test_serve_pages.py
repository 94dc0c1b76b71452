"""The officer's pages in a real browser: selenium drives Debian's chromium and chromedriver.

Sign in with a token, fill the proposal form generated from the schema, read
the verdict (FARM-01 with the plan's sentence, observed vs threshold), approve
from the queue until the quota refuses, read the gauges, switch to English;
the cookie is HttpOnly and SameSite=Strict, a form without its CSRF token is
refused.  Screenshots go to `PLANCHECK_SCREENSHOTS` when set (the README's
picture is made so).  Skipped, saying why, without chromium or chromedriver.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from checker.serve.office import Office
from tests.serve.conftest import Served, serve

webdriver = pytest.importorskip("selenium.webdriver", reason="the page tests need selenium")
from collections.abc import Callable  # noqa: E402

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

DRIVER = ("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
BROWSER = ("chromium", "chromium-browser", "/usr/bin/chromium")


def _found(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


@pytest.fixture(scope="module")
def served(office: Office, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve(office, f"sqlite:///{tmp_path_factory.mktemp('pages') / 'ledger.db'}")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    driver_path, browser_path = _found(DRIVER), _found(BROWSER)
    if not driver_path or not browser_path:
        pytest.skip("no chromium/chromedriver on this machine: install Debian's `chromium` "
                    "and `chromium-driver` (.ci/run does) to run the page tests")
    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1600", "--lang=zh-CN", "--disable-extensions",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=webdriver.ChromeService(driver_path),
                                  options=options)
    except WebDriverException as error:
        pytest.skip(f"chromium did not start: {error.msg}")
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver: object, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLANCHECK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000, "the screenshot is blank"
    return path


def gone(element: object) -> Callable[[object], bool]:
    """The page of `element` has been left (chromium may say so as a stale reference, or as
    'node does not belong to the document')."""
    def check(_: object) -> bool:
        try:
            element.is_enabled()  # type: ignore[attr-defined]
        except WebDriverException:
            return True
        return False
    return check


def click(driver: object, element: object, then: str | None = None) -> None:
    """Click a button that posts a form, and wait for the page it leads to (and for the
    element with id `then` on it)."""
    page = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
    element.click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 30).until(gone(page))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "return document.readyState") == "complete")
    if then is not None:
        WebDriverWait(driver, 30).until(
            expected_conditions.presence_of_element_located((By.ID, then)))


def sign_in(driver: object, served: Served, role: str) -> None:
    d = driver
    d.get(served.base + "/signin")  # type: ignore[attr-defined]
    d.find_element(By.ID, "token").send_keys(served.tokens[role])  # type: ignore[attr-defined]
    click(d, d.find_element(By.CSS_SELECTOR, "main form button"))  # type: ignore[attr-defined]


def fill(driver: object, values: dict[str, str]) -> None:
    d = driver
    for name, value in values.items():
        element = d.find_element(By.NAME, name)  # type: ignore[attr-defined]
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.clear()
            element.send_keys(value)


def test_sign_in_submit_read_the_verdict_and_approve(browser: object, served: Served,
                                                      tmp_path: Path) -> None:
    d = browser
    sign_in(d, served, "admin")
    cookie = d.get_cookie("plancheck_token")  # type: ignore[attr-defined]
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict"
    d.get(served.base + "/proposals/new")  # type: ignore[attr-defined]
    fill(d, {"id": "DX-2024-301", "name": "榆垡镇温室大棚(占用基本农田)", "town": "榆垡镇",
             "zone": "农业地区", "industry": "现代农业", "land_area": "12",
             "land_area__unit": "ha", "new_construction_land": "2",
             "new_construction_land__unit": "ha", "occupies_permanent_basic_farmland": "true",
             "in_ecological_red_line": "false", "in_strategic_reserve": "false",
             "new_operating_vehicles": "20", "new_energy_vehicle_share": "60",
             "vehicle_emission_standard": "国五"})
    shot(d, "form", tmp_path)
    click(d, d.find_element(By.ID, "submit"), "status")  # type: ignore[attr-defined]
    finding = d.find_element(By.ID, "finding-FARM-01")  # type: ignore[attr-defined]
    assert "严格保护永久基本农田" in finding.text and "不通过" in finding.text
    assert "第八章 四 (一)" in finding.text
    vehicles = d.find_element(By.ID, "finding-VEH-03").text  # type: ignore[attr-defined]
    assert "国五" in vehicles and "国六b" in vehicles and "严格实施国六b排放标准" in vehicles
    gauge = d.find_element(By.ID, "gauge-LAND-02").text  # type: ignore[attr-defined]
    assert "0.02 km²" in gauge and "0.1 km²" in gauge  # this proposal, and what is left
    shot(d, "verdict", tmp_path)
    click(d, d.find_element(By.ID, "approve"), "status")  # type: ignore[attr-defined]
    refused = d.find_element(By.ID, "refused").text  # type: ignore[attr-defined]
    assert "FARM-01" in refused
    assert d.find_element(By.ID, "status").text == "待审"  # type: ignore[attr-defined]


def test_the_queue_approves_until_the_quota_refuses(browser: object, served: Served,
                                                    tmp_path: Path) -> None:
    d = browser
    sign_in(d, served, "admin")
    for number in range(6):
        d.get(served.base + "/proposals/new")  # type: ignore[attr-defined]
        fill(d, {"id": f"Q-{number}", "new_construction_land": "2",
                 "new_construction_land__unit": "ha",
                 "occupies_permanent_basic_farmland": "false",
                 "in_ecological_red_line": "false", "in_strategic_reserve": "false"})
        click(d, d.find_element(By.ID, "submit"), "status")  # type: ignore[attr-defined]
    d.get(served.base + "/queue")  # type: ignore[attr-defined]
    shot(d, "queue", tmp_path)
    statuses = []
    for _ in range(6):
        rows = d.find_elements(By.CSS_SELECTOR, "tr[id^=row-]")  # type: ignore[attr-defined]
        quota_rows = [r for r in rows if "Q-" in r.text]
        click(d, quota_rows[0].find_element(By.CSS_SELECTOR, "button.approve"), "status")
        statuses.append(d.find_element(By.ID, "status").text)  # type: ignore[attr-defined]
        d.get(served.base + "/queue")  # type: ignore[attr-defined]
        if statuses[-1] != "已批准":
            break
    assert statuses == ["已批准"] * 5 + ["待审"]  # 5 × 2 ha fill the 10 ha; the sixth waits
    d.get(served.base + "/quotas")  # type: ignore[attr-defined]
    gauge = d.find_element(By.ID, "gauge-LAND-02").text  # type: ignore[attr-defined]
    assert "319 km²" in gauge and "0 km²" in gauge
    shot(d, "quotas", tmp_path)
    d.get(served.base + "/lang/en?next=/quotas")  # type: ignore[attr-defined]
    assert "Quotas" in d.find_element(By.TAG_NAME, "h1").text  # type: ignore[attr-defined]
    d.get(served.base + "/lang/zh?next=/quotas")  # type: ignore[attr-defined]


def test_a_form_without_its_csrf_token_is_refused(served: Served) -> None:
    token = served.tokens["approver"]
    with httpx.Client(base_url=served.base, cookies={"plancheck_token": token}) as client:
        forged = client.post("/proposals/1/approve", data={"csrf": "forged"})
        page = client.get("/queue")
    assert forged.status_code == 403 and "S813" in forged.text
    assert page.status_code == 200 and 'name="csrf"' in page.text


def test_user_text_is_escaped_in_the_pages(served: Served) -> None:
    with served.client("submitter") as client:
        number = client.post("/v1/proposals", json={
            "id": "<script>alert(1)</script>", "name": "<img src=x onerror=alert(2)>",
            "occupies_permanent_basic_farmland": False, "in_ecological_red_line": False}
        ).json()["id"]
    with httpx.Client(base_url=served.base,
                      cookies={"plancheck_token": served.tokens["approver"]}) as browser_:
        page = browser_.get(f"/proposals/{number}").text
        queue = browser_.get("/queue").text
    for html in (page, queue):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
