"""Session fixtures: the real stack (reused from Tests/EndToEnd) and one headless chromium driving it.

Builds nothing: `.build/debug/portal` (or $PORTAL_BIN) must exist, and chromium + chromium-driver must be
installed (scripts/install-deps.sh). The stack is the end-to-end suite's own code (e2e_stack.Stack,
e2e_data.Registry), imported from Tests/EndToEnd, on a free port with a temporary data folder.
A failing run keeps that folder and names it at the end: portal.log, nginx/logs/, chromedriver.log and,
per failed test, a screenshot, the page's HTML and the browser console under browser-failures/.
The `language` fixture runs a test in English and in Simplified Chinese (the accessibility tests use it).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "EndToEnd"))

from e2e_data import Registry  # noqa: E402
from e2e_stack import session_stack  # noqa: E402

from browser_portal import Portal, start_chromium  # noqa: E402

_kept: list[str] = []  # what the terminal summary names after a failing run


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry()


@pytest.fixture(scope="session")
def stack(registry, request):
    yield from session_stack(registry, request, "portal-browser-", lambda data: _kept.append(
        f"browser suite data folder kept for inspection: {data}\n"
        f"  portal.log, nginx/logs/, chromedriver.log, browser-failures/ (screenshot, HTML, console)"))


@pytest.fixture(scope="session")
def driver(stack):
    """One headless chromium for the whole session (a start costs about a second)."""
    try:
        d = start_chromium(stack.data)
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)
    yield d
    d.quit()


@pytest.fixture
def portal(driver, stack, request) -> Portal:
    """The browser on the stack, as a new visitor: no cookies, no open page."""
    driver.delete_all_cookies()
    driver.get("about:blank")
    driver.get_log("browser")  # drop what earlier tests left in the console buffer
    page = Portal(driver, stack.base_url, stack.data)
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        _save_failure(page, request.node.nodeid)


LANGUAGES = ["en", "zh"]  # English, Simplified Chinese (<html lang="zh-Hans">)


@pytest.fixture(params=LANGUAGES)
def language(request, portal) -> str:
    """Runs the test once per language: the visitor asks for it by the `lang` cookie, set before the test
    visits anything (Portal.use_language). Tests without this fixture browse in chromium's en-US."""
    portal.use_language(request.param)
    return request.param


@pytest.fixture
def person(registry):
    """A valid registry person that no other test registers."""
    return registry.take()


@pytest.fixture
def card_holder(registry):
    """A physical-card holder (.person, .ss_number, .bank_card, .phone) that no other test uses."""
    return registry.take_card_holder()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report  # read by the `portal` fixture's teardown
    return report


def pytest_terminal_summary(terminalreporter):
    for line in _kept:
        terminalreporter.write_line(line)


def _save_failure(page: Portal, nodeid: str) -> None:
    """Screenshot, HTML and console of the page a test failed on, under the kept data folder."""
    folder = page.data / "browser-failures"
    folder.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-120:]
    d = page.driver
    try:
        d.save_screenshot(str(folder / f"{stem}.png"))
        (folder / f"{stem}.html").write_text(f"<!-- {d.current_url} -->\n{d.page_source}", encoding="utf-8")
        (folder / f"{stem}.console.json").write_text(json.dumps(d.get_log("browser"), indent=2), encoding="utf-8")
    except Exception as error:  # a dead browser must not hide the test's own failure
        (folder / f"{stem}.error.txt").write_text(repr(error), encoding="utf-8")
