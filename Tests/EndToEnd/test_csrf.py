"""CSRF: a POST without the page's token, or with a wrong one, gets 403 and changes nothing."""
from e2e_data import PASSWORD
from e2e_flows import (
    assert_sent_to_login, fill_registration, log_out, open_permit_login, open_registration,
    register, register_and_verify,
)

EXPIRED = "Your form has expired"


def assert_refused(b, r) -> None:
    assert r.status_code == 403, f"expected 403, got {r.status_code} (redirects {[h.status_code for h in r.history]})"
    assert not r.history
    assert b.page is not None and b.page.h1s == [EXPIRED], b.page and b.page.h1s


def fill_registration_with_token(b, person, token: str):
    return b.submit({"full_name": person.full_name, "permit_number": person.permit_number,
                     "password": PASSWORD, "password_confirm": PASSWORD, "csrf_token": token}, "Sign up and Login")


def test_registration_without_or_with_a_wrong_token_is_refused_and_writes_nothing(browser, person):
    open_registration(browser)
    assert_refused(browser, fill_registration(browser, person, omit=("csrf_token",)))

    open_registration(browser)
    token = browser.csrf_token()
    wrong = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert_refused(browser, fill_registration_with_token(browser, person, wrong))

    open_registration(browser)
    assert_refused(browser, fill_registration_with_token(browser, person, ""))

    # Nothing was created: the same permit registers now, with the page's own token.
    register(browser, person)


def test_token_of_another_session_is_refused(new_browser, person):
    register_and_verify(new_browser(), person)
    a, b = new_browser(), new_browser()
    open_permit_login(a)
    open_permit_login(b)
    foreign = a.csrf_token()
    assert foreign != b.csrf_token(), "two sessions were given the same CSRF token"
    r = b.submit({"permit_number": person.permit_number, "password": PASSWORD, "csrf_token": foreign}, "Login")
    assert_refused(b, r)
    assert_sent_to_login(b, "/card")


def test_login_without_token_is_refused_even_with_the_right_password(new_browser, person):
    register_and_verify(new_browser(), person)
    b = new_browser()
    open_permit_login(b)
    r = b.submit({"permit_number": person.permit_number, "password": PASSWORD}, "Login", omit=("csrf_token",))
    assert_refused(b, r)
    assert_sent_to_login(b, "/card")


def test_logout_without_token_keeps_the_session(browser, person):
    register_and_verify(browser, person)
    r = browser.submit({}, "Log out", omit=("csrf_token",))
    assert_refused(browser, r)
    r = browser.get("/card")
    assert r.status_code == 200 and not r.history, "a refused logout must not end the session"
    assert "Date collected" in browser.text
    log_out(browser)
