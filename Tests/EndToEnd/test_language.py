"""English and Simplified Chinese through nginx: the links on every page, the `lang` cookie, Accept-Language,
`<html lang>`, Chinese pages with errors, the app's Chinese 404 and nginx's own Chinese 413."""
import re
import sqlite3

import pytest

from e2e_data import PASSWORD
from e2e_flows import (
    assert_redirected, open_permit_login, open_registration, register,
    register_and_verify,
)

ENGLISH, CHINESE = "English", "中文"


def language_links(page) -> dict:
    """The two switch links of a page, by their text."""
    links = {link.text: link for link in page.links if link.text in (ENGLISH, CHINESE)}
    assert set(links) == {ENGLISH, CHINESE}, f"language links on {page.url}: {[l.text for l in page.links]}"
    return links


def assert_links_in_their_own_language(page) -> None:
    links = language_links(page)
    assert links[ENGLISH].attrs.get("lang") == "en" and links[ENGLISH].attrs.get("hreflang") == "en"
    assert links[CHINESE].attrs.get("lang") == "zh-Hans" and links[CHINESE].attrs.get("hreflang") == "zh-Hans"


def session_rows(stack) -> int:
    with sqlite3.connect(stack.data / "portal.sqlite") as db:
        return db.execute("SELECT count(*) FROM sessions").fetchone()[0]


@pytest.mark.parametrize("path", ["/", "/login", "/login/permit", "/register", "/no-such-page"])
def test_every_anonymous_page_links_both_languages_each_in_its_own(browser, path):
    browser.get(path)
    assert browser.page.lang == "en"
    assert_links_in_their_own_language(browser.page)


def test_the_chinese_link_switches_remembers_and_returns_to_the_same_page(browser):
    open_permit_login(browser)
    r = browser.follow_link(CHINESE)
    assert r.history and r.history[0].status_code == 303
    assert browser.path == "/login/permit"
    assert browser.page.lang == "zh-Hans"
    assert browser.page.h1s == ["持工作许可证外国人登录入口"]
    assert "lang=zh" in r.history[0].headers["Set-Cookie"]
    # Remembered: the next page is Chinese too, whatever the browser's own language.
    browser.get("/register", headers={"Accept-Language": "en-GB"})
    assert browser.page.lang == "zh-Hans" and browser.page.h1s == ["注册"]
    browser.follow_link(ENGLISH)
    assert browser.path == "/register" and browser.page.lang == "en" and browser.page.h1s == ["Registration"]


@pytest.mark.parametrize("header,lang", [
    ("zh", "zh-Hans"), ("zh-CN,zh;q=0.9", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("fr-FR,zh;q=0.8,en;q=0.5", "zh-Hans"),
    ("en-US,zh;q=0.5", "en"), ("de", "en"), ("", "en"),
])
def test_without_a_choice_accept_language_decides(browser, header, lang):
    browser.get("/login", headers={"Accept-Language": header})
    assert browser.page.lang == lang


def test_a_chinese_form_with_errors_says_so_in_chinese_and_keeps_what_was_typed(browser, person):
    open_registration(browser)
    browser.follow_link(CHINESE)
    r = browser.submit({"full_name": person.full_name, "permit_number": person.permit_number,
                        "password": "short", "password_confirm": "short"}, "注册并登录")
    assert r.status_code == 200
    page = browser.page
    assert page.lang == "zh-Hans"
    assert page.title.startswith("错误："), page.title
    assert "出现问题" in page.text
    assert "密码须为8至16个字符" in page.text
    assert page.field("full_name").value == person.full_name
    assert page.field("password").value == ""


def test_the_apps_404_in_chinese(browser):
    r = browser.get("/no-such-page", headers={"Accept-Language": "zh-CN"})
    assert r.status_code == 404
    assert browser.page.lang == "zh-Hans"
    assert browser.page.h1s == ["页面不存在"]


@pytest.mark.parametrize("chosen,lang,heading", [("zh", "zh-Hans", "文件或表单过大"), ("en", "en", "The file or form is too large")])
def test_nginxs_own_413_page_follows_the_language_cookie(stack, browser, chosen, lang, heading):
    browser.session.cookies.set("lang", chosen, domain="127.0.0.1", path="/")
    r = browser.post("/login", data=b"x" * (2 << 20), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert browser.page.lang == lang
    assert browser.page.h1s == [heading]


@pytest.mark.parametrize("header,lang", [
    ("zh-CN,zh;q=0.9", "zh-Hans"), ("fr-FR,zh;q=0.8,en;q=0.5", "zh-Hans"), ("en-US,zh;q=0.5", "en"), ("zhx", "en"),
])
def test_nginxs_own_413_page_follows_accept_language_as_the_app_does(browser, header, lang):
    r = browser.post("/login", data=b"x" * (2 << 20),
                     headers={"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": header})
    assert r.status_code == 413
    assert browser.page.lang == lang
    browser.get("/login", headers={"Accept-Language": header})
    assert browser.page.lang == lang, "nginx and the app chose different languages"


def test_switching_language_keeps_a_registration_in_progress_and_changes_nothing_else(browser, person, stack):
    register(browser, person)
    assert browser.path == "/register/face"
    rows = session_rows(stack)
    browser.follow_link(CHINESE)
    assert browser.path == "/register/face", "the switch lost the registration in progress"
    assert browser.page.lang == "zh-Hans" and browser.page.h1s == ["人脸识别"]
    assert_links_in_their_own_language(browser.page)
    assert session_rows(stack) == rows


def test_signed_in_pages_link_both_languages_and_log_out_reads_in_chinese(browser, person):
    register_and_verify(browser, person)
    assert_links_in_their_own_language(browser.page)
    browser.follow_link(CHINESE)
    assert browser.path == "/card"
    assert browser.page.h1s == ["电子社保卡"]
    browser.page.form_with_button("退出登录")


def test_showing_a_form_to_a_visitor_writes_no_row(browser, stack):
    before = session_rows(stack)
    for path in ["/login", "/login/permit", "/register"]:
        browser.get(path)
        assert browser.csrf_token()
    assert session_rows(stack) == before


def test_a_visitors_form_token_is_bound_to_its_own_cookie(new_browser, person):
    register_and_verify(new_browser(), person)
    a, b = new_browser(), new_browser()
    open_permit_login(a)
    open_permit_login(b)
    # b's token is genuine, but signed over b's visitor cookie, not a's
    r = a.submit({"permit_number": person.permit_number, "password": PASSWORD, "csrf_token": b.csrf_token()}, "Login")
    assert r.status_code == 403
    r = b.submit({"permit_number": person.permit_number, "password": PASSWORD}, "Login")
    assert_redirected(r, "/card")


def test_the_lockout_time_and_the_spoken_permit_number_follow_the_language(browser, person):
    register_and_verify(browser, person)
    browser.follow_link(CHINESE)
    # The masked number is read aloud as "ending in" its last four digits, in Chinese
    assert f"尾号{person.permit_number[-4:]}" in browser.page.text
    browser.page.form_with_button("退出登录")
    browser.submit({}, "退出登录")
    for attempt in range(5):
        browser.get("/login/permit")
        browser.submit({"permit_number": person.permit_number, "password": f"Wrong2026!{attempt}"}, "登录")
    assert browser.page.lang == "zh-Hans"
    assert re.search(r"失败次数过多，请于北京时间\d{2}:\d{2}后重试", browser.page.text), browser.page.text
