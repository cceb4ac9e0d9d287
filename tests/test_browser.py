"""The pages in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), as each
role uses them: log in, do the role's main task end to end, and be refused what the role may not see.

The app is the real one (real store and embedded index in tmp_path, the tiny model of conftest, the records of
test_web_api) served by werkzeug on a free loopback port. Every page visited is saved as a screenshot:
to docs/screenshots/ with UPDATE_SCREENSHOTS=1 (how the pictures in docs/web.md are made), else to tmp_path.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from test_web_api import PASSWORD, web  # noqa: F401  (web is a fixture)
from werkzeug.serving import make_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
        reason="Debian's chromium and chromium-driver are not installed (make system-deps)",
    ),
]


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=zh-CN",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(60)
    yield browser
    browser.quit()


class Site:
    """The app served on loopback and the browser pointed at it."""

    def __init__(self, driver, base: str, shots: Path):
        self.driver, self.base, self.shots = driver, base, shots

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css: str = "body") -> str:
        return self.find(css).text

    def path(self) -> str:
        return self.driver.current_url[len(self.base) :]

    def click(self, css: str) -> None:
        """Click and wait for the next page to load (a link or a form's submit button)."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        # A marker on the old page's window: it is gone once the next page has replaced it.
        # (Waiting for the old <html> element to go stale raced with Chrome's inspector,
        # which answered "Node with given id does not belong to the document".)
        self.driver.execute_script("window.__triageOldPage = true;")
        self.find(css).click()
        wait = WebDriverWait(self.driver, 30, ignored_exceptions=(WebDriverException,))
        wait.until(lambda d: d.execute_script("return window.__triageOldPage !== true;"))
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")

    def login(self, name: str) -> None:
        self.driver.delete_all_cookies()
        self.open("/login")
        self.find("#name").send_keys(name)
        self.find("#password").send_keys(PASSWORD)
        self.click("#login-submit")
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(self.driver, 30).until(
            lambda d: "/login" not in d.current_url and d.find_elements("css selector", "#who"),
            message=f"{name} was not logged in: {self.text()[:300]}",
        )

    def select(self, css: str, value: str) -> None:
        from selenium.webdriver.support.ui import Select

        Select(self.find(css)).select_by_value(value)

    def shot(self, name: str) -> None:
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, max(800, min(int(height), 3000)))
        self.driver.save_screenshot(str(self.shots / f"{name}.png"))
        self.driver.set_window_size(1280, 1000)


@pytest.fixture
def site(web, driver, tmp_path):  # noqa: F811
    server = make_server("127.0.0.1", 0, web.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    shots = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    yield Site(driver, f"http://127.0.0.1:{server.server_port}", shots)
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_each_role_logs_in_to_its_home_and_sees_only_its_menu(site):
    homes = {
        "clerk": ("/review", "审核队列"),
        "investigator": ("/search", "检索"),
        "manager": ("/dashboard", "统计分析"),
        "admin": ("/review", "审核队列"),
    }
    menus = {
        "clerk": {"#nav-queue", "#nav-search"},
        "investigator": {"#nav-search", "#nav-person"},
        "manager": {"#nav-dashboard", "#nav-search"},
        "admin": {"#nav-audit", "#nav-users", "#nav-queue"},
    }
    hidden = {
        "clerk": {"#nav-dashboard", "#nav-audit"},
        "investigator": {"#nav-queue", "#nav-dashboard", "#nav-audit"},
        "manager": {"#nav-queue", "#nav-audit"},
        "admin": set(),
    }
    for role, (home, heading) in homes.items():
        site.login(role)
        assert site.path().startswith(home), (role, site.path())
        assert role in site.text("#who")
        assert heading in site.text("body"), (role, site.text()[:300])
        for css in menus[role]:
            assert site.find_all(css), (role, css)
        for css in hidden[role]:
            assert not site.find_all(css), (role, css)
    site.open("/login")
    site.shot("login")


def test_a_wrong_password_is_refused_with_a_message(site):
    site.open("/login")
    site.find("#name").send_keys("clerk")
    site.find("#password").send_keys("not-the-password")
    site.click("#login-submit")
    assert site.find_all("#login-error")
    assert site.path().startswith("/login")


def test_clerk_corrects_a_route_and_it_sticks(site, web):  # noqa: F811
    site.login("clerk")
    site.open("/review?review=1")
    site.shot("review-queue")
    flagged = [row.get_attribute("data-id") for row in site.find_all("#items-table tr.needs-review")]
    assert "w-c" in flagged
    site.open("/petitions/w-c")
    assert site.find_all("#review-flag")
    before = site.text("#route-unit")
    site.select("#unit-select", "qs.office1")
    site.find("#unit-remark").send_keys("村主任由县监委第一监督检查室管辖")
    site.click("#save-unit")
    assert site.find_all("#saved")
    after = site.text("#route-unit")
    assert after != before and "第一" in after, after
    site.driver.refresh()
    assert site.text("#route-unit") == after and site.find_all("#route-corrected")
    site.select("#domain-select", "land_compensation")
    site.click("#save-domain")
    assert "征地" in site.text("#primary-domain")
    assert len(site.find_all("#corrections tbody tr")) == 2  # both corrections beside the original
    site.shot("petition-clerk")
    stored = web.store.get_record("w-c")
    assert stored["result"]["route"]["unit"] == "qs.office1"  # what the page shows is what the store holds
    site.open("/review/intake")
    site.shot("intake")
    site.open("/review/upload")
    site.shot("upload")


def test_clerk_registers_a_phone_call(site, web):  # noqa: F811
    site.login("clerk")
    site.open("/review/intake")
    text = site.find("textarea")
    text.send_keys("来电人反映：南岭镇高桥村村主任侵占集体资金三万元，请求调查。")
    site.click("form.intake button[type=submit], form button[type=submit]:not(#logout)")
    assert site.find_all("#registered"), site.text()
    assert "信访件" in site.text("#petition-id")


def test_investigator_follows_a_person_across_two_petitions(site):
    site.login("investigator")
    site.find("#q").send_keys("张建国")
    site.click("#search-submit")
    hits = {a.get_attribute("href").rsplit("/", 1)[-1] for a in site.find_all("#hits a[href*='/petitions/']")}
    assert {"w-a", "w-b"} <= hits
    assert "张建国" in [e.text for e in site.find_all("#hits .highlight em")]  # highlighted in the snippets
    assert "王小明" not in site.text("#hits") and "13812345678" not in site.text("#hits")
    site.shot("search")
    site.open("/persons?name=张建国")
    assert site.text("#person-count").startswith("2")
    assert "村支书" in site.text("#person-roles")
    site.shot("person")
    site.click("#person-timeline a[href$='/petitions/w-a']")
    assert "w-a" in site.text("#petition-id")
    assert site.find_all("#masked-note")  # the petitioner is hidden from the investigator
    assert "王小明" not in site.text("#petition-text") and "13812345678" not in site.text("#petition-text")
    related = [a.text for a in site.find_all("#related a.related-link")]
    assert "w-b" in related
    site.shot("petition-investigator")
    site.click("#related a.related-link[href$='/petitions/w-b']")
    assert "w-b" in site.text("#petition-id")


def test_manager_filters_the_dashboard_and_clicks_through(site):
    site.login("manager")
    site.shot("dashboard")
    site.select("#d-domain", "social_assistance")
    site.click("#d-submit")
    count = int(site.text("#total-link strong"))
    assert count == 3  # w-a, w-d, w-e
    site.click("#total-link")
    rows = site.find_all("#items-table tbody tr[data-id]")
    assert sorted(r.get_attribute("data-id") for r in rows) == ["w-a", "w-d", "w-e"]
    site.shot("items")
    site.open("/dashboard")
    site.click("#by-unit a")
    assert site.find_all("#items-table tbody tr[data-id]")


def test_each_role_is_refused_what_it_may_not_see(site):
    refused = {
        "investigator": ["/admin/audit", "/review", "/dashboard"],
        "manager": ["/review", "/admin/users"],
        "clerk": ["/dashboard", "/admin/audit"],
    }
    for role, paths in refused.items():
        site.login(role)
        for path in paths:
            site.open(path)
            assert "403" in site.text() or "无权" in site.text(), (role, path, site.text()[:200])
    site.login("admin")
    site.open("/admin/audit")
    assert "登录" in site.text() or "login" in site.text()
    site.shot("audit")
    site.open("/admin/users")
    site.shot("users")
