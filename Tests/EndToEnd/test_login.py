"""Login with work permit number and password, lockout, logout, the session cookie."""
import requests

from e2e_browser import redirects, set_cookies
from e2e_data import PASSWORD
from e2e_flows import (
    LOCKED, assert_card_not_shown, assert_form_error, assert_redirected, assert_sent_to_login,
    expected_lock_times, log_out, login, now, open_permit_login, register, register_and_verify,
)

WRONG = "The work permit number or password is incorrect"


def session_cookie_header(response) -> str:
    headers = [h for h in set_cookies(response) if h.startswith("portal_session=")]
    assert headers, f"no portal_session cookie set; Set-Cookie: {set_cookies(response)}"
    return headers[-1]


def card_with_cookie(stack, session_id: str) -> requests.Response:
    """GET /card from a clean client that presents only this session id."""
    with requests.Session() as client:
        client.trust_env = False
        return client.get(stack.base_url + "/card", headers={"Cookie": f"portal_session={session_id}"},
                          allow_redirects=False, timeout=10)


def test_login_success_rotates_the_session_and_sets_a_safe_cookie(new_browser, person, stack):
    first = new_browser()
    register_and_verify(first, person)
    log_out(first)

    b = new_browser()
    open_permit_login(b)
    before = b.cookie()
    r = b.submit({"permit_number": person.permit_number, "password": PASSWORD}, "Login")
    assert_redirected(r, "/card")
    assert person.full_name in b.text and "Date collected" in b.text

    header = session_cookie_header(r)
    attributes = [part.strip().lower() for part in header.split(";")[1:]]
    assert "httponly" in attributes, header
    assert "samesite=lax" in attributes or "samesite=strict" in attributes, header
    assert "path=/" in attributes, header
    assert "secure" not in attributes, f"Secure over plain HTTP would lose the cookie: {header}"
    after = b.cookie()
    assert after and after != before, "the session id must change at login"
    assert len(after) >= 22, f"session id {after!r} looks shorter than 128 bits"

    if before:  # the pre-login session id must not be signed in now (no session fixation)
        s = card_with_cookie(stack, before)
        assert s.status_code in (302, 303, 307, 401, 403), f"old session id reached /card: {s.status_code}"


def test_login_before_the_face_step_continues_there(new_browser, person):
    register(new_browser(), person)
    b = new_browser()
    r = login(b, person.permit_number, PASSWORD)
    assert_redirected(r, "/register/face")


def test_wrong_password_and_unknown_number_get_one_generic_message(browser, registry, person):
    register_and_verify(browser, person)
    log_out(browser)
    r = login(browser, person.permit_number, "Wrong2026!pw")
    assert_form_error(browser, r, WRONG, "/login/permit", kept={"permit_number": person.permit_number},
                      cleared=("password",))
    wrong_text = browser.text.replace(person.permit_number, "N")
    r = login(browser, registry.unknown_permit, "Wrong2026!pw")
    assert_form_error(browser, r, WRONG, "/login/permit", kept={"permit_number": registry.unknown_permit},
                      cleared=("password",))
    assert browser.text.replace(registry.unknown_permit, "N") == wrong_text, \
        "unknown number and wrong password must look the same"


def test_social_security_number_login_wrong_gets_generic_message(browser):
    browser.get("/login")
    r = browser.submit({"ss_number": "440100000000009999", "password": "Wrong2026!pw"}, "Login")
    assert_form_error(browser, r, "The social security number or password is incorrect", "/login",
                      kept={"ss_number": "440100000000009999"}, cleared=("password",))


def test_five_wrong_passwords_lock_the_account_even_for_the_right_password(browser, person):
    register_and_verify(browser, person)
    log_out(browser)
    before = now()
    for attempt in range(5):
        r = login(browser, person.permit_number, f"Wrong2026!{attempt}")
        assert r.status_code < 500 and not r.history, f"attempt {attempt + 1}: {redirects(r)}"
    r = login(browser, person.permit_number, PASSWORD)
    after = now()
    assert not r.history, f"the right password got through a locked account: {redirects(r)}"
    match = LOCKED.search(browser.text)
    assert match, f"no lockout message: {browser.text[:500]}"
    assert f"{match.group(1)}:{match.group(2)}" in expected_lock_times(before, after)
    assert_card_not_shown(browser)


def test_a_success_resets_the_failure_count(browser, person):
    register_and_verify(browser, person)
    log_out(browser)
    for round_ in range(2):
        for attempt in range(4):
            r = login(browser, person.permit_number, f"Wrong2026!{attempt}")
            assert not r.history and not LOCKED.search(browser.text), f"round {round_}, attempt {attempt + 1}"
        r = login(browser, person.permit_number, PASSWORD)
        assert_redirected(r, "/card")
        log_out(browser)


def test_log_out_ends_the_session(new_browser, person, stack):
    b = new_browser()
    register_and_verify(b, person)
    signed_in = b.cookie()
    log_out(b)
    assert b.path == "/"
    assert_sent_to_login(b, "/card")
    # The old session id is dead on the server too, not only forgotten by this browser.
    s = card_with_cookie(stack, signed_in)
    assert s.status_code in (302, 303, 307) and "/login" in s.headers.get("Location", ""), s.status_code


def test_log_out_is_not_possible_over_get(browser, person):
    register_and_verify(browser, person)
    r = browser.get("/logout")
    assert r.status_code < 500
    r = browser.get("/card")
    assert r.status_code == 200 and not r.history and "Date collected" in browser.text, \
        "GET /logout must not end the session (changes only by POST)"
    log_out(browser)


def test_a_number_without_an_account_locks_like_one_with_an_account(new_browser, person):
    """Attacker review: six wrong logins used to tell whether a permit number had an account."""
    register_and_verify(new_browser(), person)
    pages = []
    for number in (person.permit_number, "WP2099888888"):
        b = new_browser()
        for attempt in range(6):
            login(b, number, f"Wrong2026!{attempt}")
        pages.append(LOCKED.search(b.text))
    assert all(pages), "one of the numbers did not lock"
    assert [m.group(0)[:24] for m in pages][0] == [m.group(0)[:24] for m in pages][1]
