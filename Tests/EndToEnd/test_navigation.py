"""Finding the way in, as the guide describes it, and the pages' common structure."""
from e2e_flows import assert_sent_to_login


def test_home_login_permit_portal_registration_by_link_text(browser):
    r = browser.get("/")
    assert r.status_code == 200
    assert browser.page.h1s == ["e-Social Security Card"]

    browser.follow_link("Login")
    assert browser.path == "/login"
    form, _ = browser.page.form_with_button("Login")
    assert {"ss_number", "password", "csrf_token"} <= {c.name for c in form.controls}

    browser.follow_link("Login portal for foreigners holding Work Permit")
    assert browser.path == "/login/permit"
    form, _ = browser.page.form_with_button("Login")
    assert {"permit_number", "password", "csrf_token"} <= {c.name for c in form.controls}

    browser.follow_link("Registration")
    assert browser.path == "/register"
    form, _ = browser.page.form_with_button("Sign up and Login")
    assert form.method == "post"
    names = [c.name for c in form.controls]
    for name in ("full_name", "permit_number", "password", "password_confirm", "csrf_token"):
        assert name in names, f"registration form lacks {name}: {names}"
    assert form.control("password").type == "password"
    assert form.control("password_confirm").type == "password"
    assert form.control("csrf_token").type == "hidden" and len(form.control("csrf_token").value) >= 16


def test_public_pages_have_language_one_heading_labels_and_csrf(browser):
    for path in ("/", "/login", "/login/permit", "/register"):
        r = browser.get(path)
        assert r.status_code == 200, path
        page = browser.page
        assert page.lang == "en", f"{path}: <html lang> is {page.lang!r}"
        assert len(page.h1s) == 1, f"{path}: h1s {page.h1s}"
        assert page.title, f"{path}: empty <title>"
        tags = {tag for tag, _ in page.elements}
        assert "main" in tags, f"{path}: no <main> landmark"
        for control in page.inputs:
            if control.type in ("hidden",):
                continue
            wrapped = control.attrs.get("__wrapped_in_label")
            assert wrapped or control.attrs.get("id") in page.label_for, (
                f"{path}: field {control.name!r} has no <label>"
            )
        for form in page.forms:
            if form.method == "post":
                token = form.control("csrf_token")
                assert token is not None and token.value, f"{path}: a POST form without csrf_token"


def test_unknown_page_is_404_not_5xx(browser):
    r = browser.get("/no-such-page")
    assert r.status_code == 404
    assert browser.page is not None and browser.page.lang == "en"


def test_card_page_requires_sign_in(browser):
    assert_sent_to_login(browser, "/card")


def test_facial_recognition_page_requires_a_registration(browser):
    r = browser.get("/register/face")
    assert r.status_code < 500
    assert r.history, f"/register/face without a session answered {r.status_code} instead of redirecting"
    assert browser.path != "/register/face"
