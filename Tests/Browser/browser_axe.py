"""axe-core 4.12, run on the page the browser shows.

The axe.min.js is the one axe-playwright-python 0.1.8 ships (axe-core 4.12.1, requirements.txt); only that
file is used: it is read from the installed package and injected with selenium's execute_script, which
the page's Content-Security-Policy does not govern. Nothing imports playwright. The version the page then
reports must start with AXE_VERSION, so another axe.min.js cannot slip in unnoticed.

Which rules run: the tags below that the injected axe knows; axe-core 4.12 knows them all, WCAG 2.2 AA
(wcag22aa: target-size and the rest) included. The list is intersected with axe.getRules() at run time,
and REQUIRED_TAGS must all be known.
"""
from __future__ import annotations

import functools
import importlib.resources

from selenium.webdriver.remote.webdriver import WebDriver

from browser_portal import Portal

AXE_PACKAGE = "axe_playwright_python"  # pinned in requirements.txt; keep AXE_VERSION in step with it
AXE_VERSION = "4.12"

WANTED_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
REQUIRED_TAGS = {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"}  # WCAG 2.2 AA is the bar (DESIGN.md)

# Waits for axe.run's promise, and reports a rejection (say, an unknown tag) instead of ending in a bare
# script timeout.
_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(
  function (results) { done({results: results}); },
  function (error) { done({error: String(error && error.stack || error)}); });
"""


@functools.cache
def axe_source() -> str:
    """The text of the axe.min.js that axe-playwright-python ships."""
    try:
        package = importlib.resources.files(AXE_PACKAGE)
    except ModuleNotFoundError:
        raise AssertionError(f"{AXE_PACKAGE} is not installed: run `bash scripts/install-deps.sh --tests` "
                             "(pip install -r Tests/Browser/requirements.txt)") from None
    return (package / "axe.min.js").read_text(encoding="utf-8")


class AxeCheck:
    def __init__(self, driver: WebDriver):
        self.driver = driver

    def inject(self) -> None:
        self.driver.execute_script(axe_source())
        version = self.version()
        assert isinstance(version, str) and version.startswith(AXE_VERSION + "."), (
            f"the injected axe.min.js of {AXE_PACKAGE} is axe-core {version!r}, not {AXE_VERSION}.x: "
            "the installed package does not match Tests/Browser/requirements.txt")

    def known_tags(self) -> set[str]:
        return set(self.driver.execute_script(
            "var tags = {};"
            "axe.getRules().forEach(function (rule) { rule.tags.forEach(function (t) { tags[t] = true; }); });"
            "return Object.keys(tags);"))

    def run(self) -> tuple[list[str], dict]:
        """Injects axe into the current page and runs the WANTED_TAGS it knows; returns (tags, results)."""
        self.inject()
        known = self.known_tags()
        missing = REQUIRED_TAGS - known
        assert not missing, f"axe-core {self.version()} does not know the tags {sorted(missing)}"
        tags = [tag for tag in WANTED_TAGS if tag in known]
        answer = self.driver.execute_async_script(_RUN, {"runOnly": {"type": "tag", "values": tags},
                                                        "resultTypes": ["violations"]})
        assert "error" not in answer, f"axe-core failed on {self.driver.current_url}: {answer['error']}"
        return tags, answer["results"]

    def version(self) -> str | None:
        return self.driver.execute_script("return window.axe ? axe.version : null")


def assert_no_violations(portal: Portal, page_name: str, screenshot: str | None = None) -> dict:
    """Runs axe on the page shown and fails with each violation's rule, elements and fix. With `screenshot`,
    first saves a full-page screenshot named after it and the visitor's language (browser_screenshots.py)."""
    if screenshot:
        portal.screenshot(screenshot)
    driver = portal.driver
    check = AxeCheck(driver)
    tags, results = check.run()
    violations = results["violations"]
    assert not violations, (
        f"axe-core {check.version()} ({', '.join(tags)}) found {len(violations)} violation(s) on "
        f"{page_name} [{portal.language}] ({driver.current_url}):\n" + describe(violations)
    )
    # resultTypes limits the detail kept for passes, not the verdicts: an empty list would mean no rule ran.
    assert results["passes"], f"axe-core ran no rule on {page_name} ({tags})"
    return results


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(node['target'])}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)
