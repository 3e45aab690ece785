"""The user journeys the tests repeat, walked the way the guide tells a person to."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from e2e_browser import Browser, redirects
from e2e_html import Page
from e2e_data import PASSWORD, Person, png

REGISTRATION_BUTTON = "Sign up and Login"
CHINA = timezone(timedelta(hours=8))
LOCKED = re.compile(r"Too many failed attempts\. Try again after (\d{2}):(\d{2}) \(China Standard Time\)\.")


def open_registration(b: Browser) -> None:
    """Home → Login → Login portal for foreigners holding Work Permit → Registration."""
    b.get("/")
    b.follow_link("Login")
    b.follow_link("Login portal for foreigners holding Work Permit")
    b.follow_link("Registration")
    assert b.path == "/register", b.response.url


def open_permit_login(b: Browser) -> None:
    b.get("/")
    b.follow_link("Login")
    b.follow_link("Login portal for foreigners holding Work Permit")
    assert b.path == "/login/permit", b.response.url


def fill_registration(b: Browser, person: Person, password: str = PASSWORD, confirm: str | None = None,
                      full_name: str | None = None, permit_number: str | None = None, omit: tuple = ()):
    return b.submit({
        "full_name": person.full_name if full_name is None else full_name,
        "permit_number": person.permit_number if permit_number is None else permit_number,
        "password": password,
        "password_confirm": password if confirm is None else confirm,
    }, REGISTRATION_BUTTON, omit=omit)


def register(b: Browser, person: Person, password: str = PASSWORD, full_name: str | None = None):
    """Registers and checks the 303 to the facial recognition page."""
    open_registration(b)
    r = fill_registration(b, person, password, full_name=full_name)
    assert_redirected(r, "/register/face")
    return r


def submit_face(b: Browser, content: bytes, filename: str = "face.png", content_type: str = "image/png"):
    return b.submit({"face_image": (filename, content, content_type)}, "Verify")


def verify_face(b: Browser):
    """Submits a real PNG and checks the 303 to the e-card page."""
    r = submit_face(b, png())
    assert_redirected(r, "/card")
    return r


def register_and_verify(b: Browser, person: Person, password: str = PASSWORD):
    register(b, person, password)
    return verify_face(b)


def login(b: Browser, permit_number: str, password: str):
    open_permit_login(b)
    return b.submit({"permit_number": permit_number, "password": password}, "Login")


def log_out(b: Browser):
    r = b.submit({}, "Log out")
    assert_redirected(r, "/")
    return r


def assert_redirected(r, path: str, status: int = 303) -> None:
    chain = redirects(r)
    page_text = ""
    if "html" in r.headers.get("Content-Type", ""):
        page_text = Page(r).text[:600]
    assert chain and chain[0] == (status, path), (
        f"expected {status} → {path}, got redirects {chain} and final {r.status_code} {r.url}\n{page_text}"
    )
    assert r.status_code == 200, f"{r.url} answered {r.status_code}"


def assert_sent_to_login(b: Browser, path: str = "/card") -> None:
    """A signed-in page, opened without a valid session, redirects to a login page."""
    r = b.get(path)
    chain = redirects(r)
    assert chain, f"GET {path} was not redirected (status {r.status_code}); page: {b.page and b.page.text[:300]}"
    assert chain[0][0] in (302, 303, 307), chain
    assert chain[0][1].startswith("/login"), chain


def assert_card_not_shown(b: Browser) -> None:
    """/card shows no e-Social Security Card to this browser (it may redirect, refuse, or explain why)."""
    r = b.get("/card")
    assert r.status_code < 500, f"GET /card answered {r.status_code}"
    assert b.page is None or "Date collected" not in b.page.text, f"the e-card was shown: {b.page.text[:400]}"


def assert_form_error(b: Browser, r, message: str, path: str, kept: dict | None = None,
                      cleared: tuple = ("password", "password_confirm")) -> None:
    """The form came back with the message in the summary and beside the field, the typed values
    kept and the secrets cleared."""
    assert 200 <= r.status_code < 500 and r.status_code not in (401, 403, 404, 413, 429), (
        f"form error page answered {r.status_code}"
    )
    assert not r.history, f"form error should re-render, not redirect: {redirects(r)}"
    assert b.path == path, b.response.url
    page = b.require_page()
    assert page.title.startswith("Error: "), f"title {page.title!r} should start with 'Error: '"
    assert "There is a problem" in page.text
    count = page.text.count(message)
    assert count >= 2, f"{message!r} shown {count} time(s), expected in the summary and beside the field:\n{page.text}"
    assert any(c.attrs.get("aria-invalid") == "true" for c in page.inputs), "no field has aria-invalid=\"true\""
    for name, value in (kept or {}).items():
        assert b.field_value(name) == value, f"{name} should keep {value!r}, has {b.field_value(name)!r}"
    for name in cleared:
        assert b.field_value(name) in ("", None), f"{name} must not be sent back, has {b.field_value(name)!r}"


def expected_lock_times(before: datetime, after: datetime) -> set[str]:
    """HH:MM (China Standard Time) values a 15-minute lock taken between the two instants may show."""
    times = set()
    moment = (before + timedelta(minutes=15)).astimezone(CHINA).replace(second=0, microsecond=0)
    end = (after + timedelta(minutes=15)).astimezone(CHINA) + timedelta(minutes=1)
    while moment <= end:
        times.add(moment.strftime("%H:%M"))
        moment += timedelta(minutes=1)
    return times


def now() -> datetime:
    return datetime.now(timezone.utc)
