"""axe-core finds no violations on each page a person meets, in the state they meet it
(which tags run: see browser_axe.py)."""
import pytest
from selenium.webdriver.common.by import By

from browser_axe import assert_no_violations
from browser_flows import (
    REGISTRATION_BUTTON, choose_photo_file, open_registration, register, verify_and_see_card,
)

ANONYMOUS_PAGES = [
    # (path, the h1 that shows the right page is there)
    ("/", "e-Social Security Card"),
    ("/login", "Login"),
    ("/login/permit", "Login portal for foreigners holding Work Permit"),
    ("/register", "Registration"),
    ("/no-such-page", "Page not found"),  # the app's 404 page
    # nginx's own error pages (public/errors), opened directly as static files
    ("/errors/413.html", "The file or form is too large"),
    ("/errors/429.html", "Too many requests"),
    ("/errors/502.html", "Sorry, the service is unavailable"),
]


@pytest.mark.parametrize("path,heading", ANONYMOUS_PAGES, ids=[p for p, _ in ANONYMOUS_PAGES])
def test_page_has_no_axe_violations(portal, path, heading):
    portal.open(path)
    assert portal.path == path
    h1s = portal.driver.find_elements(By.TAG_NAME, "h1")
    assert len(h1s) == 1, f"{path} has {len(h1s)} h1 elements"
    assert h1s[0].text == heading
    assert_no_violations(portal.driver, path)


def test_registration_with_errors_has_no_axe_violations(portal):
    open_registration(portal)
    portal.press(REGISTRATION_BUTTON)  # everything empty
    assert portal.title.startswith("Error: "), portal.title
    assert portal.driver.find_elements(By.CSS_SELECTOR, ".error-summary a"), "no error summary links"
    assert_no_violations(portal.driver, "/register after an empty submit")


def test_csrf_refusal_page_has_no_axe_violations(portal):
    portal.open("/login/permit")
    portal.fill({"permit_number": "WP2099999999", "password": "Portal2026!x"})
    # A form whose token no longer matches the session, as after a long pause in another tab.
    portal.driver.execute_script(
        "document.querySelector('input[name=csrf_token]').value = 'not-the-session-token';")
    portal.press("Login")
    assert portal.h1() == "Your form has expired"
    assert_no_violations(portal.driver, "the 403 CSRF page")


def test_facial_recognition_page_has_no_axe_violations_with_and_without_the_camera(portal, person):
    register(portal, person)
    start = portal.button("Start camera")  # face.js built the camera UI
    assert_no_violations(portal.driver, "/register/face (camera UI ready)")
    start.click()
    portal.wait(lambda d: portal.button("Take photo").is_enabled(), "the fake camera did not start")
    assert_no_violations(portal.driver, "/register/face (camera on)")
    portal.button("Take photo").click()
    portal.wait(lambda d: d.execute_script("var i = document.querySelector('[data-camera] img');"
                                           "return !i.hidden && i.complete && i.naturalWidth > 0;"),
                "the photo taken was not shown")
    assert_no_violations(portal.driver, "/register/face (photo taken)")


def test_card_page_has_no_axe_violations(portal, person):
    register(portal, person)
    choose_photo_file(portal)
    verify_and_see_card(portal, person)
    assert_no_violations(portal.driver, "/card")


def test_the_check_itself_reports_a_violation(portal):
    """Guards the harness: on a page spoiled on purpose (no lang, an unlabelled field), under the portal's
    CSP, axe runs and names the rules, so the empty results above mean something."""
    portal.open("/login/permit")
    portal.driver.execute_script(
        "document.documentElement.removeAttribute('lang');"
        "document.querySelector('label[for=password]').remove();")
    with pytest.raises(AssertionError) as failure:
        assert_no_violations(portal.driver, "a spoiled /login/permit")
    message = str(failure.value)
    assert "html-has-lang" in message and "label" in message, message
    assert "#password" in message, message
