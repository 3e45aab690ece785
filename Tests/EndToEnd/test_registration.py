"""Registration: success, each password rule, name and permit checks, duplicates, escaping."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from e2e_data import PASSWORD
from e2e_flows import (assert_form_error, assert_redirected, fill_registration, open_registration, register,
                       verify_face)


def test_registration_success_leads_to_facial_recognition(browser, person):
    open_registration(browser)
    anonymous = browser.cookie()
    r = fill_registration(browser, person)
    assert_redirected(r, "/register/face")
    signed_in = browser.cookie()
    assert signed_in and signed_in != anonymous, "signing in at registration must issue a new session id"
    assert browser.page.h1s, "facial recognition page has no h1"
    form, _ = browser.page.form_with_button("Verify")
    assert form.enctype.startswith("multipart/form-data")
    assert form.control("face_image") is not None and form.control("face_image").type == "file"
    assert form.control("csrf_token") is not None
    assert r.history[0].headers.get("Location")


def test_name_matches_ignoring_case_and_extra_spaces(browser, person):
    first, last = person.full_name.split()
    register(browser, person, full_name=f"  {first.lower()}   {last.capitalize()} ")


def test_typed_values_are_trimmed(browser, person):
    open_registration(browser)
    r = fill_registration(browser, person, full_name=f"  {person.full_name}  ",
                          permit_number=f"  {person.permit_number} ")
    assert_redirected(r, "/register/face")


@pytest.mark.parametrize("password", ["Abcdef1!", "Abcdefgh12345678", "Grüße-aus-Köln1"],
                         ids=["8 characters", "16 characters", "15 characters, 18 UTF-8 bytes"])
def test_password_length_bounds_count_characters(browser, person, password):
    register(browser, person, password=password)


def test_concurrent_registrations_of_one_permit_make_one_account(new_browser, person):
    """Two sign-ups at once: an account still waiting for facial recognition is replaced by the next
    registration, so at most one of the two browsers may go on to the facial recognition step."""
    browsers = [new_browser(), new_browser()]
    for b in browsers:
        open_registration(b)
    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(lambda b: fill_registration(b, person), browsers))
    outcomes = sorted((r.status_code, bool(r.history)) for r in responses)
    assert all(r.status_code < 500 or r.status_code == 503 for r in responses), outcomes
    still_signed_in = [b for b in browsers if b.get("/register/face").status_code == 200
                       and b.path == "/register/face"]
    assert len(still_signed_in) == 1, f"expected exactly one account, outcomes {outcomes}"


def test_permit_expiring_in_twenty_days_can_still_register(browser, registry):
    register(browser, registry.expiring)


PASSWORD_RULES = [
    ("empty", lambda p: ("", ""), "Enter a password"),
    ("too short", lambda p: ("Ab1!xyz", "Ab1!xyz"), "Password must be 8 to 16 characters"),
    ("too long", lambda p: ("Abcdefgh12345678x", "Abcdefgh12345678x"), "Password must be 8 to 16 characters"),
    ("one class", lambda p: ("qzxvbnmkwplt", "qzxvbnmkwplt"),
     "Password must combine at least two of: uppercase letters, lowercase letters, numbers, special symbols"),
    ("common", lambda p: ("password1", "password1"), "This password is too common. Choose a different password"),
    ("permit number", lambda p: (f"x{p.permit_number}", f"x{p.permit_number}"),
     "Password must not contain your work permit number"),
    ("name", lambda p: (f"{p.full_name.split()[1].capitalize()}2026!", f"{p.full_name.split()[1].capitalize()}2026!"),
     "Password must not contain your name"),
    ("mismatch", lambda p: (PASSWORD, PASSWORD + "y"), "The passwords do not match"),
]


@pytest.mark.parametrize("make_passwords, message", [r[1:] for r in PASSWORD_RULES],
                         ids=[r[0] for r in PASSWORD_RULES])
def test_each_password_rule_has_its_message_and_keeps_typed_fields(browser, person, make_passwords, message):
    password, confirm = make_passwords(person)
    open_registration(browser)
    r = fill_registration(browser, person, password, confirm)
    assert_form_error(browser, r, message, "/register",
                      kept={"full_name": person.full_name, "permit_number": person.permit_number})
    if password:
        assert password not in browser.page.html, "the typed password came back in the page"


def test_missing_name_and_permit_number_each_have_a_message(browser):
    open_registration(browser)
    r = browser.submit({"full_name": "   ", "permit_number": "", "password": PASSWORD,
                        "password_confirm": PASSWORD}, "Sign up and Login")
    assert_form_error(browser, r, "Enter your full name as shown in your passport", "/register")
    assert browser.text.count("Enter your work permit number") >= 2


def test_wrong_name(browser, person):
    open_registration(browser)
    r = fill_registration(browser, person, full_name="ANNA SCHMIDT")
    assert_form_error(browser, r,
                      "The name does not match the name on your work permit. Enter it exactly as in your passport",
                      "/register", kept={"full_name": "ANNA SCHMIDT", "permit_number": person.permit_number})


def test_unknown_permit(browser, registry, person):
    open_registration(browser)
    r = fill_registration(browser, person, permit_number=registry.unknown_permit)
    assert_form_error(browser, r,
                      "No work permit with this number was found. Use the number from your Notification Letter",
                      "/register", kept={"full_name": person.full_name, "permit_number": registry.unknown_permit})


def test_expired_permit(browser, registry):
    open_registration(browser)
    r = fill_registration(browser, registry.expired)
    assert_form_error(browser, r, "This work permit has expired", "/register",
                      kept={"full_name": registry.expired.full_name, "permit_number": registry.expired.permit_number})


def test_canceled_permit(browser, registry):
    open_registration(browser)
    r = fill_registration(browser, registry.canceled)
    assert_form_error(browser, r, "This work permit has been canceled", "/register",
                      kept={"full_name": registry.canceled.full_name,
                            "permit_number": registry.canceled.permit_number})


def test_duplicate_registration(new_browser, person):
    first = new_browser()
    register(first, person)
    verify_face(first)
    second = new_browser()
    open_registration(second)
    r = fill_registration(second, person, password="Another2026#pw")
    assert_form_error(second, r, "An account already exists for this work permit number. Log in instead", "/register",
                      kept={"full_name": person.full_name, "permit_number": person.permit_number})


def test_registering_again_before_facial_recognition_replaces_the_unfinished_account(new_browser, person):
    first = new_browser()
    register(first, person)
    second = new_browser()
    register(second, person, password="Another2026#pw")
    # The first sign-up's session went with its account: it is sent to log in again.
    first.get("/register/face")
    assert first.path == "/login/permit"
    verify_face(second)


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_typed_name_comes_back_escaped(browser, person, payload):
    open_registration(browser)
    r = fill_registration(browser, person, full_name=payload)
    assert r.status_code < 500
    assert browser.field_value("full_name") == payload, "the typed value must come back intact in value=\"…\""
    assert payload not in browser.page.html, "the typed name came back unescaped"
    assert not any(tag == "img" and "onerror" in attrs for tag, attrs in browser.page.elements)
    assert "&lt;" in browser.page.html
