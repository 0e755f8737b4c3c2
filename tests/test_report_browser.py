"""The report as a person sees it: opened in a real headless Chromium.

Uses Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) through
Selenium; nothing is downloaded: the browser and driver paths are given explicitly and
Selenium Manager is told to stay offline. Skipped with a reason when they are absent.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mediakit.cli import main

pytestmark = pytest.mark.browser

LAYER_CLASSES = (
    "mk-quotes",
    "mk-speakers",
    "mk-cues",
    "mk-scare-quotes",
    "mk-evaluative",
    "mk-long-sentences",
)


def _browser_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip(
            "needs Debian's chromium and chromium-driver "
            "(apt-get install chromium chromium-driver; .ci/run installs them)"
        )
    return chromium, driver


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "bericht.html"
    assert main(["compare", "--html", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, chromedriver = _browser_paths()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    # Never let Selenium Manager look for or fetch a browser or driver.
    saved = {k: os.environ.get(k) for k in ("SE_OFFLINE", "SE_AVOID_BROWSER_DOWNLOAD")}
    os.environ.update(SE_OFFLINE="true", SE_AVOID_BROWSER_DOWNLOAD="true")
    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,1800",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    yield driver
    driver.quit()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="module")
def loaded(browser, report):
    browser.get(report.resolve().as_uri())
    return browser


def test_every_highlight_layer_is_present_and_visible(loaded):
    from selenium.webdriver.common.by import By

    texts = loaded.find_elements(By.CSS_SELECTOR, ".mk-highlight .mk-text")
    assert len(texts) == 5
    for layer in LAYER_CLASSES:
        marks = loaded.find_elements(By.CSS_SELECTOR, f".mk-text .{layer}")
        assert marks, f"no .{layer} element in the report"
        shown = [m for m in marks[:40] if m.is_displayed()]
        assert shown, f"no visible .{layer} element"
    legends = loaded.find_elements(By.CSS_SELECTOR, ".mk-legend")
    assert len(legends) == 5 and all(legend.is_displayed() for legend in legends)


def test_the_marks_are_styled_as_the_legend_says(loaded):
    from selenium.webdriver.common.by import By

    def style(selector: str, prop: str) -> str:
        element = loaded.find_element(By.CSS_SELECTOR, f".mk-text {selector}")
        return element.value_of_css_property(prop)

    assert style(".mk-quote-direct", "background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert style(".mk-speaker", "font-weight") in ("700", "bold")
    assert "dotted" in style(".mk-cue", "text-decoration-style")
    assert style(".mk-scare-quote", "text-decoration-style") == "wavy"
    assert float(style(".mk-evaluative", "border-top-width").removesuffix("px")) >= 1.5
    assert float(style(".mk-long-sentence", "border-left-width").removesuffix("px")) >= 2
    tip = loaded.find_element(By.CSS_SELECTOR, ".mk-text .mk-quote .mk-piece")
    assert "Zitat" in tip.get_attribute("title")


def test_the_chart_is_embedded_and_shown(loaded):
    from selenium.webdriver.common.by import By

    image = loaded.find_element(By.CSS_SELECTOR, "img.mk-chart")
    assert image.get_attribute("src").startswith("data:image/png;base64,")
    loaded.execute_script("arguments[0].scrollIntoView();", image)
    assert image.is_displayed()
    width, height, complete = loaded.execute_script(
        "const i = arguments[0]; return [i.naturalWidth, i.naturalHeight, i.complete];", image
    )
    assert complete and width > 600 and height > 300
    table = loaded.find_element(By.CSS_SELECTOR, "table.mk-summary")
    assert table.is_displayed() and len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == 5


def test_no_errors_and_nothing_blocked_in_the_console(loaded, tmp_path):
    messages = [entry["message"] for entry in loaded.get_log("browser")]
    assert not [m for m in messages if "Content Security Policy" in m or "SEVERE" in m], messages
    # A screenshot to look at (kept in pytest's tmp dir; set MEDIAKIT_SCREENSHOT to copy it).
    shot = tmp_path / "report.png"
    loaded.execute_script("window.scrollTo(0, 0);")
    assert loaded.save_screenshot(str(shot))
    assert shot.read_bytes()[:4] == b"\x89PNG"
    if os.environ.get("MEDIAKIT_SCREENSHOT"):
        shutil.copy(shot, os.environ["MEDIAKIT_SCREENSHOT"])
