"""axe-core, as bundled by selenium-axe-python 2.2.0 (axe-core 4.9.1), run on the page the browser shows.

Which rules run: the tags below that the bundled axe knows; axe-core 4.9 knows them all, WCAG 2.2 AA
(wcag22aa: target-size and the rest) included. The list is intersected with axe.getRules() at run time,
so an older axe would still run what it can, and the WCAG 2.0 A/AA tags are required.
"""
from __future__ import annotations

from selenium_axe_python import Axe
from selenium.webdriver.remote.webdriver import WebDriver

WANTED_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
REQUIRED_TAGS = {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"}  # WCAG 2.2 AA is the bar (DESIGN.md)

# Axe.run() of the selenium bindings waits for a promise that never settles when axe rejects (say, an
# unknown tag) and ends in a bare script timeout; this reports the rejection instead.
_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(
  function (results) { done({results: results}); },
  function (error) { done({error: String(error && error.stack || error)}); });
"""


class AxeCheck:
    def __init__(self, driver: WebDriver):
        self.driver = driver
        self.axe = Axe(driver)

    def inject(self) -> None:
        self.axe.inject()

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

    def version(self) -> str:
        return self.driver.execute_script("return window.axe && axe.version")


def assert_no_violations(driver: WebDriver, page_name: str) -> dict:
    """Runs axe on the page shown and fails with each violation's rule, elements and fix."""
    check = AxeCheck(driver)
    tags, results = check.run()
    violations = results["violations"]
    assert not violations, (
        f"axe-core {check.version()} ({', '.join(tags)}) found {len(violations)} violation(s) on "
        f"{page_name} ({driver.current_url}):\n" + describe(violations)
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
