"""limit_req on login and registration POSTs: a page that says to wait, status 429.

Runs on a second stack of its own with a tiny POST rate, so the main stack keeps the default rate
and no other test can meet the limit.
"""
import shutil

import pytest

from e2e_browser import Browser
from e2e_stack import Stack, make_data_folder

WAIT = "Too many requests. Please wait a minute and try again."


@pytest.fixture(scope="module")
def strict_stack(stack):  # after the main stack, so a missing binary fails once, there
    data = make_data_folder("portal-e2e-429-")
    s = Stack(data, post_rate="1r/m", post_burst="2")
    try:
        s.start()
    except BaseException:
        shutil.rmtree(data, ignore_errors=True)
        raise
    yield s
    s.stop()
    shutil.rmtree(data, ignore_errors=True)


def post_until_limited(b: Browser, path: str, tries: int = 6) -> list[int]:
    statuses = []
    for _ in range(tries):
        r = b.post(path, data={"x": "1"})
        statuses.append(r.status_code)
        if r.status_code == 429:
            break
    return statuses


def test_too_many_posts_get_the_429_page_and_pages_still_load(strict_stack):
    b = Browser(strict_stack.base_url)
    b.get("/login/permit")
    r = b.submit({"permit_number": "WP2099999999", "password": "Wrong2026!pw"}, "Login")
    assert r.status_code < 500 and r.status_code != 429, f"the first POST is within the burst: {r.status_code}"
    statuses = post_until_limited(b, "/login/permit")
    assert statuses[-1] == 429, f"POST /login/permit statuses {statuses}"
    assert b.response.headers.get("Content-Type", "").startswith("text/html")
    assert WAIT in b.text
    assert "Content-Security-Policy" in b.response.headers
    for path in ("/login", "/register"):
        statuses = post_until_limited(b, path)
        assert statuses[-1] == 429, f"POST {path} statuses {statuses}"
    # GETs are not limited.
    assert b.get("/login/permit").status_code == 200
    assert b.get("/css/portal.css").status_code == 200
