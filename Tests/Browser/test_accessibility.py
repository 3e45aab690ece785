"""axe-core finds no violations on each page a person meets, in the state they meet it, in each language
(which tags run: see browser_axe.py). Every test here runs once per `language` (conftest.py: en, zh, asked
for by the lang cookie), so the states are reached without English words (browser_flows: sign_up,
Portal.submit, camera_button), and the one language-dependent check, assert_in_language, comes last.
Each page checked is also saved as a full-page screenshot, <language>-<page>.png (browser_screenshots.py)."""
import pytest
from selenium.webdriver.common.by import By

from browser_axe import assert_no_violations
from browser_flows import (
    assert_card_details, assert_card_shows, assert_in_language, camera_button, choose_photo_file, sign_up,
)

pytestmark = pytest.mark.usefixtures("language")

ANONYMOUS_PAGES = [
    # (path, the English h1 that shows the right page is there, the screenshot's name)
    ("/", "e-Social Security Card", "home"),
    ("/login", "Login", "login"),
    ("/login/permit", "Login portal for foreigners holding Work Permit", "login-permit"),
    ("/register", "Registration", "register"),
    ("/no-such-page", "Page not found", "not-found"),  # the app's 404 page
    # nginx's own error pages, rendered per language by `portal error-pages`, opened directly as static files
    ("/errors/{language}/413.html", "The file or form is too large", "error-413"),
    ("/errors/{language}/429.html", "Too many requests", "error-429"),
    ("/errors/{language}/502.html", "Sorry, the service is unavailable", "error-502"),
]


@pytest.mark.parametrize("path,heading,screenshot", ANONYMOUS_PAGES, ids=[p for p, _, _ in ANONYMOUS_PAGES])
def test_page_has_no_axe_violations(portal, path, heading, screenshot):
    path = path.format(language=portal.language)
    portal.open(path)
    assert portal.path == path
    assert_no_violations(portal, path, screenshot)
    assert_in_language(portal, heading)


def test_registration_with_errors_has_no_axe_violations(portal):
    portal.open("/register")
    portal.submit()  # everything empty
    assert portal.driver.find_elements(By.CSS_SELECTOR, ".error-summary a"), "no error summary links"
    assert_no_violations(portal, "/register after an empty submit", "register-errors")
    assert_in_language(portal, "Registration", english_title_prefix="Error: ")


def test_csrf_refusal_page_has_no_axe_violations(portal):
    portal.open("/login/permit")
    portal.fill({"permit_number": "WP2099999999", "password": "Portal2026!x"})
    # A form whose token no longer matches the session, as after a long pause in another tab.
    portal.driver.execute_script(
        "document.querySelector('input[name=csrf_token]').value = 'not-the-session-token';")
    portal.submit()
    assert not portal.driver.find_elements(By.NAME, "csrf_token"), "the login form came back, not the 403 page"
    assert_no_violations(portal, "the 403 CSRF page", "csrf-expired")
    assert_in_language(portal, "Your form has expired")


def test_facial_recognition_page_has_no_axe_violations_with_and_without_the_camera(portal, person):
    sign_up(portal, person)
    start = camera_button(portal, "start")  # face.js built the camera UI
    assert_no_violations(portal, "/register/face (camera UI ready)", "register-face")
    start.click()
    take = camera_button(portal, "take")
    portal.wait(lambda d: take.is_enabled(), "the fake camera did not start")
    assert_no_violations(portal, "/register/face (camera on)", "register-face-camera-on")
    take.click()
    portal.wait(lambda d: d.execute_script("var i = document.querySelector('[data-camera] img');"
                                           "return !i.hidden && i.complete && i.naturalWidth > 0;"),
                "the photo taken was not shown")
    assert_no_violations(portal, "/register/face (photo taken)", "register-face-photo-taken")
    assert_in_language(portal, "Facial recognition")


def test_card_page_has_no_axe_violations(portal, person):
    sign_up(portal, person)
    choose_photo_file(portal)
    portal.submit()  # Verify
    assert portal.path == "/card", f"Verify did not lead to the e-card: {portal.path}\n{portal.text()[:600]}"
    if portal.language == "en":
        assert_card_shows(portal, person)  # with the English labels
    else:
        assert_card_details(portal, person)
    assert_no_violations(portal, "/card", "card")
    assert_in_language(portal, "e-Social Security Card")


def test_the_check_itself_reports_a_violation(portal):
    """Guards the harness: on a page spoiled on purpose (no lang, an unlabelled field), under the portal's
    CSP, axe runs and names the rules, so the empty results above mean something."""
    portal.open("/login/permit")
    portal.driver.execute_script(
        "document.documentElement.removeAttribute('lang');"
        "document.querySelector('label[for=password]').remove();")
    with pytest.raises(AssertionError) as failure:
        assert_no_violations(portal, "a spoiled /login/permit")
    message = str(failure.value)
    assert "html-has-lang" in message and "label" in message, message
    assert "#password" in message, message
