"""The error summary (GOV.UK pattern): after an empty registration submit it links to each field
(href="#full_name" …), and following a link, by click or by keyboard, puts the focus in that field."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_flows import REGISTRATION_BUTTON, open_registration

REGISTRATION_FIELDS = ["full_name", "permit_number", "password", "password_confirm"]


def submit_empty_registration(p) -> list[tuple[str, str]]:
    """Submits the registration form empty; returns the summary's links as (href, text)."""
    open_registration(p)
    p.press(REGISTRATION_BUTTON)
    assert p.title.startswith("Error: "), p.title
    summary = p.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "There is a problem" in summary.text
    return [(a.get_attribute("href"), a.text)
            for a in summary.find_elements(By.CSS_SELECTOR, "a")]


def fragment(href: str) -> str:
    return href.split("#", 1)[1] if "#" in href else ""


def active_id(p) -> str:
    return p.driver.execute_script("return document.activeElement && document.activeElement.id")


def test_error_summary_links_to_each_field_with_its_message(portal):
    links = submit_empty_registration(portal)
    targets = [fragment(href) for href, _ in links]
    # Every field left empty is named in the summary, in the order of the form.
    expected = [name for name in REGISTRATION_FIELDS if name in targets]
    assert targets == expected, f"summary links {targets}, fields in form order {expected}"
    assert {"full_name", "permit_number", "password"} <= set(targets), targets
    for target, (_, text) in zip(targets, links):
        field = portal.driver.find_element(By.ID, target)
        assert field.get_attribute("name") == target
        assert field.get_attribute("aria-invalid") == "true", f"#{target} lacks aria-invalid"
        # textContent: the visually hidden "Error:" prefix is for screen readers, so .text would split it off.
        message = " ".join(portal.driver.find_element(By.ID, f"{target}-error").get_attribute("textContent").split())
        assert message == f"Error: {text}", f"beside #{target}: {message!r}, in the summary: {text!r}"
        assert f"{target}-error" in (field.get_attribute("aria-describedby") or "").split()


def test_clicking_a_summary_link_focuses_its_field(portal):
    targets = [fragment(href) for href, _ in submit_empty_registration(portal)]
    for target in targets:
        portal.driver.find_element(By.CSS_SELECTOR, f'.error-summary a[href="#{target}"]').click()
        portal.wait(lambda d: active_id(portal) == target,
                    f"clicking the summary link to #{target} left the focus on #{active_id(portal)}")


def tab_to_summary_link(p, target: str, key: str) -> None:
    """Presses `key` (Tab or Shift+Tab) until the summary link to #target has the focus."""
    for _ in range(40):
        element = p.driver.switch_to.active_element
        if element.tag_name == "a" and fragment(element.get_attribute("href") or "") == target:
            return
        element.send_keys(key)
    raise AssertionError(f"the keyboard never reached the summary link to #{target}")


def test_summary_links_work_from_the_keyboard(portal):
    targets = [fragment(href) for href, _ in submit_empty_registration(portal)]
    # public/js/error-summary.js puts the focus on the summary, so the first Tab lands on its first link.
    summary = portal.driver.switch_to.active_element
    assert "error-summary" in (summary.get_attribute("class") or ""), summary.get_attribute("outerHTML")[:200]
    summary.send_keys(Keys.TAB)
    assert fragment(portal.driver.switch_to.active_element.get_attribute("href") or "") == targets[0]
    key = Keys.TAB
    for target in targets:
        tab_to_summary_link(portal, target, key)
        portal.driver.switch_to.active_element.send_keys(Keys.ENTER)
        portal.wait(lambda d: active_id(portal) == target,
                    f"Enter on the summary link to #{target} left the focus on #{active_id(portal)}")
        key = Keys.SHIFT + Keys.TAB  # the summary is above the fields: back up to the next link
