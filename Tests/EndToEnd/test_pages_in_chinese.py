"""Every page a person can reach by links, in Simplified Chinese, signed out and signed in, each form also sent
empty (its error state): no 5xx, and every page says lang="zh-Hans". The journeys of the other tests are walked in
English (they find links and buttons by their English text), so this walk is also what gives the W3C Nu HTML
checker (scripts/check-pages.sh, with PORTAL_PAGES_DIR) the Chinese pages."""
from urllib.parse import urlparse

from e2e_browser import Browser
from e2e_flows import register, verify_face
from e2e_html import norm
from test_permit_services import set_pin

MAX_PAGES = 60  # per walk; the portal has about 35 pages


def walk_in_chinese(b: Browser, start: list[str]) -> list[tuple[str, str, int, str | None]]:
    """Breadth first over same-site links from `start`, each form (by method and action) submitted once as it stands (blank
    fields, hidden ones kept). Returns (method, path, status, lang) of every answer."""
    b.session.cookies.set("lang", "zh", domain="127.0.0.1", path="/")
    queue, seen, sent, answers = list(start), set(start), set(), []

    def note(method: str) -> None:
        r = b.response
        lang = b.page.lang if b.page is not None else None
        answers.append((method, urlparse(r.url).path, r.status_code, lang))
        assert r.status_code < 500, f"{method} {r.url}: {r.status_code}"

    while queue and len(answers) < MAX_PAGES:
        b.get(queue.pop(0))
        note("GET")
        page = b.page
        if page is None:
            continue
        for link in page.links:
            url = urlparse(b.url(link.href))
            # Same site only, and not the language switch (it would set the cookie back to English).
            if url.netloc != urlparse(b.base).netloc or url.path.startswith("/language/"):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
        for form in page.forms:
            action = urlparse(b.url(form.action or page.url)).path
            buttons = [norm(button.text) for button in form.buttons if norm(button.text)]
            # Logging out would end the walk's session; each form is sent once, wherever it appears.
            if not buttons or action == "/logout" or (form.method.lower(), action) in sent:
                continue
            sent.add((form.method.lower(), action))
            b.response, b.page = page.response, page  # submit from the page the form is on
            b.submit({}, buttons[0])
            note(form.method.upper())
    return answers


def assert_all_chinese(answers) -> None:
    html = [a for a in answers if a[3] is not None]
    wrong = [a for a in html if a[3] != "zh-Hans"]
    assert not wrong, f"pages not in Chinese: {wrong}"


def test_the_signed_out_pages_and_their_error_states_in_chinese(browser):
    answers = walk_in_chinese(browser, ["/", "/login", "/login/permit", "/register", "/password/forgot/permit",
                                        "/password/forgot/social-security", "/verify", "/no-such-page"])
    assert_all_chinese(answers)
    assert len({a[1] for a in answers}) >= 8, answers
    assert any(method == "POST" for method, *_ in answers), answers


def test_the_signed_in_pages_and_their_error_states_in_chinese(browser, person):
    # The flows are walked in English (they find their buttons by their English text), the pages in Chinese.
    register(browser, person)
    answers = walk_in_chinese(browser, ["/register/face"])
    assert ("POST", "/register/face", 200, "zh-Hans") in answers, answers  # the empty upload's error state
    browser.session.cookies.set("lang", "en", domain="127.0.0.1", path="/")
    browser.get("/register/face")
    verify_face(browser)
    set_pin(browser, person)  # so the permit page asks for it
    answers += walk_in_chinese(browser, ["/", "/card", "/services", "/permit", "/reminders", "/real-name",
                                         "/password/change"])
    assert_all_chinese(answers)
    assert any(path == "/card" and status == 200 for _, path, status, _ in answers), answers
    assert len({a[1] for a in answers}) >= 8, answers
