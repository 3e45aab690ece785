"""Password change (signed in) and reset (`Forgot password?`) through nginx: by SMS code to the verified phone, by
facial recognition for accounts without one; the old password refused after, other sessions ended, and the
number page the same whether or not an account exists."""
from __future__ import annotations

import json

from e2e_data import PASSWORD, png
from e2e_flows import assert_card_not_shown, assert_redirected, login, log_out, register_and_verify, submit_face

NEW_PASSWORD = "Harbour2027#k"
RESET_SENT = "If the number belongs to an account with a verified phone, we have sent a 6-digit code to that phone."


def outbox(stack) -> list[dict]:
    path = stack.data / "sms-outbox.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def verified_card_holder(b, registry, stack):
    """A card holder who finished real-name verification by phone: their account has a verified phone."""
    holder = registry.take_card_holder()
    register_and_verify_holder(b, holder, stack)
    return holder


def register_and_verify_holder(b, holder, stack) -> None:
    from test_real_name import enter_code, send_phone_code, to_real_name_choice
    to_real_name_choice(b, holder)
    send_phone_code(b, holder.phone)
    code = [m for m in outbox(stack) if m["to"] == holder.phone][-1]["code"]
    assert_redirected(enter_code(b, code), "/card")


def forgot(b, field: str, number: str, portal_path: str):
    b.get(portal_path)
    b.follow_link("Forgot password?")
    return b.submit({field: number}, "Continue")


def test_change_password_ends_the_other_sessions_and_moves_this_one(new_browser, person):
    b, other = new_browser(), new_browser()
    register_and_verify(b, person)
    login(other, person.permit_number, PASSWORD)
    assert other.get("/card").status_code == 200 and other.path == "/card"
    old_cookie = b.session.cookies.get("portal_session")
    b.get("/card")
    b.follow_link("Change password")
    r = b.submit({"current_password": PASSWORD, "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
                 "Change password")
    assert_redirected(r, "/password/changed")
    assert "Your login password has been changed" in b.page.text
    assert b.session.cookies.get("portal_session") not in (None, old_cookie), "the session id did not change"
    assert b.get("/card").status_code == 200 and b.path == "/card"
    assert_card_not_shown(other)  # the other browser was signed out
    log_out(b)
    r = login(b, person.permit_number, PASSWORD)
    assert r.status_code == 200 and "The work permit number or password is incorrect" in b.page.text
    assert_redirected(login(b, person.permit_number, NEW_PASSWORD), "/card")


def test_change_password_refuses_a_wrong_current_password_and_keeps_the_old_one(browser, person):
    register_and_verify(browser, person)
    browser.get("/password/change")
    r = browser.submit({"current_password": "Wrong2026!x", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
                       "Change password")
    assert r.status_code == 200 and "The current password is incorrect" in browser.page.text
    assert browser.page.field("current_password").value == ""
    r = browser.submit({"current_password": PASSWORD, "password": "short", "password_confirm": "short"},
                       "Change password")
    assert "Password must be 8 to 16 characters" in browser.page.text
    log_out(browser)
    assert_redirected(login(browser, person.permit_number, PASSWORD), "/card")


def test_reset_by_sms_then_new_password_old_refused_sessions_ended(new_browser, registry, stack):
    first = new_browser()
    holder = verified_card_holder(first, registry, stack)
    b = new_browser()
    before = len(outbox(stack))
    # From the first login page, by social security number
    assert_redirected(forgot(b, "ss_number", holder.ss_number, "/login"), "/password/reset/code")
    assert RESET_SENT in b.page.text
    sent = outbox(stack)[before:]
    assert [m["purpose"] for m in sent] == ["password_reset"] and sent[0]["to"] == holder.phone
    assert "reset your login password" in sent[0]["text"] and "Never share" in sent[0]["text"]
    code = sent[0]["code"]
    assert_redirected(b.submit({"sms_code": code}, "Verify"), "/password/reset/new")
    r = b.submit({"password": NEW_PASSWORD, "password_confirm": "Different2027#k"}, "Set new password")
    assert r.status_code == 200 and "The passwords do not match" in b.page.text
    assert_redirected(b.submit({"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}, "Set new password"),
                      "/password/reset/done")
    assert "Your login password has been reset" in b.page.text
    assert_card_not_shown(first)  # the session that was open is gone
    r = login(b, holder.person.permit_number, PASSWORD)
    assert "The work permit number or password is incorrect" in b.page.text
    assert_redirected(login(b, holder.person.permit_number, NEW_PASSWORD), "/card")
    # The reset is over: its pages send a new visitor back to the start
    r = b.get("/password/reset/new")
    assert r.history and r.history[0].headers["Location"] in ("/card", "/password/forgot/permit")


def test_reset_by_facial_recognition_for_an_account_without_a_phone(new_browser, person, stack):
    first = new_browser()
    register_and_verify(first, person)
    b = new_browser()
    before = len(outbox(stack))
    assert_redirected(forgot(b, "permit_number", person.permit_number, "/login/permit"), "/password/reset/code")
    assert len(outbox(stack)) == before, "a code was sent to an account without a verified phone"
    b.follow_link("No verified phone on your account? Use facial recognition instead")
    assert b.path == "/password/reset/face"
    r = submit_face(b, png())
    assert_redirected(r, "/password/reset/new")
    assert_redirected(b.submit({"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}, "Set new password"),
                      "/password/reset/done")
    assert_card_not_shown(first)
    assert_redirected(login(b, person.permit_number, NEW_PASSWORD), "/card")


def test_the_number_page_says_the_same_whether_or_not_an_account_exists(new_browser, registry, person, stack):
    register_and_verify(new_browser(), person)
    known, unknown = new_browser(), new_browser()
    r1 = forgot(known, "permit_number", person.permit_number, "/login/permit")
    r2 = forgot(unknown, "permit_number", registry.unknown_permit, "/login/permit")
    assert [h.status_code for h in r1.history] == [h.status_code for h in r2.history] == [303]
    assert known.page.h1s == unknown.page.h1s and known.page.text == unknown.page.text
    # A code, a face or anything else never succeeds for a number without an account
    r = unknown.submit({"sms_code": "123456"}, "Verify")
    assert r.status_code == 200 and "The code is not right. You can try 4 more times" in unknown.page.text
    unknown.follow_link("No verified phone on your account? Use facial recognition instead")
    r = submit_face(unknown, png())
    assert r.status_code == 200 and "could not be matched" in unknown.page.text
    r = unknown.get("/password/reset/new")
    assert r.history and r.history[-1].headers["Location"] == "/password/reset/code"


def test_a_reset_page_without_a_reset_sends_back_to_the_start(browser):
    r = browser.get("/password/reset/code")
    assert r.history and r.history[0].headers["Location"] == "/password/forgot/permit"
    r = browser.get("/password/forgot/permit")
    r = browser.submit({"permit_number": ""}, "Continue")
    assert r.status_code == 200 and "Enter your work permit number" in browser.page.text
