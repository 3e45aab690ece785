"""Security headers from nginx, no-store on signed-in pages, static files served by nginx alone."""
import time
import uuid

from e2e_flows import register, verify_face


def single_header(r, name: str) -> str:
    """The one value of a header; nginx repeating it (server + location add_header) is a bug."""
    values = r.raw.headers.getlist(name)
    assert len(values) <= 1, f"{r.url}: {name} sent {len(values)} times: {values}"
    return values[0] if values else ""


def assert_security_headers(r, camera: str = "()") -> None:
    where = f"{r.request.method} {r.url} ({r.status_code})"
    csp = single_header(r, "Content-Security-Policy")
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in csp.split(";") if d.strip()}
    assert directives.get("default-src") == "default-src 'self'", f"{where}: CSP {csp!r}"
    assert directives.get("frame-ancestors") == "frame-ancestors 'none'", f"{where}: CSP {csp!r}"
    assert single_header(r, "X-Content-Type-Options").lower() == "nosniff", f"{where}: {dict(r.headers)}"
    referrer = single_header(r, "Referrer-Policy")
    assert referrer in ("no-referrer", "same-origin", "strict-origin-when-cross-origin", "strict-origin"), \
        f"{where}: Referrer-Policy {referrer!r}"
    frame = single_header(r, "X-Frame-Options")
    assert frame.upper() == "DENY", f"{where}: X-Frame-Options {frame!r}"
    permissions = single_header(r, "Permissions-Policy")
    cameras = [p.strip() for p in permissions.split(",") if p.strip().startswith("camera=")]
    assert cameras == [f"camera={camera}"], f"{where}: Permissions-Policy {permissions!r}"


def test_security_headers_on_an_app_page(browser):
    r = browser.get("/login")
    assert r.status_code == 200
    assert_security_headers(r, camera="()")


def test_security_headers_on_a_static_file(browser):
    r = browser.get("/css/portal.css")
    assert r.status_code == 200
    assert r.headers.get("Content-Type", "").startswith("text/css")
    assert_security_headers(r, camera="()")


def test_security_headers_on_error_pages(browser):
    r = browser.get("/no-such-page")
    assert r.status_code == 404
    assert_security_headers(r)
    browser.get("/login")
    r = browser.submit({"ss_number": "1", "password": "x"}, "Login", omit=("csrf_token",))
    assert r.status_code == 403
    assert_security_headers(r)


def test_camera_is_allowed_only_on_the_facial_recognition_page(browser, person):
    r = browser.get("/register")
    assert_security_headers(r, camera="()")
    r = register(browser, person)
    assert browser.path == "/register/face"
    assert_security_headers(r, camera="(self)")


def test_signed_in_pages_are_not_cached(browser, person):
    register(browser, person)
    r = browser.get("/register/face")
    assert "no-store" in r.headers.get("Cache-Control", ""), f"/register/face Cache-Control {r.headers.get('Cache-Control')!r}"
    verify_face(browser)
    r = browser.get("/card")
    assert r.status_code == 200 and browser.path == "/card"
    assert "no-store" in r.headers.get("Cache-Control", ""), f"/card Cache-Control {r.headers.get('Cache-Control')!r}"


def test_static_file_is_served_by_nginx_without_the_app_seeing_it(browser, stack):
    marker = uuid.uuid4().hex
    r = browser.get("/css/portal.css")
    assert r.status_code == 200 and r.content, "empty /css/portal.css"
    browser.get(f"/login?probe={marker}")
    probe = browser.get(f"/e2e-probe-{marker}")
    assert probe.status_code == 404

    # The app writes its log line after answering: poll (bounded) for the probe's line.
    deadline = time.monotonic() + 5
    lines = []
    while time.monotonic() < deadline:
        lines = stack.app_log.read_text(errors="replace").splitlines() if stack.app_log.exists() else []
        if any(f"/e2e-probe-{marker}" in line for line in lines):
            break
        time.sleep(0.05)
    assert any(f"/e2e-probe-{marker}" in line for line in lines), \
        f"the app log has no line for an app request; tail: {lines[-5:]}"
    assert any(" GET /login" in line for line in lines), "the app log has no line for GET /login"
    assert not [line for line in lines if "/css/" in line], \
        f"the app saw a static request: {[line for line in lines if '/css/' in line]}"
