"""Real-name verification of a physical card holder through nginx: bank card or phone number, the SMS code from the
development outbox (`sms-outbox.jsonl` and its page), wrong, expired and resent codes, a failing gateway, and logins
by social security number before and after."""
from __future__ import annotations

import json
import sqlite3

import pytest

from e2e_data import PASSWORD, png
from e2e_flows import assert_card_not_shown, assert_redirected, login, log_out, register, submit_face

NOT_VERIFIED = "These details could not be verified. Check them and try again"


def outbox(stack) -> list[dict]:
    path = stack.data / "sms-outbox.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def last_code_to(stack, phone: str) -> dict:
    messages = [m for m in outbox(stack) if m["to"] == phone]
    assert messages, f"no SMS to {phone} in the outbox"
    return messages[-1]


def to_real_name_choice(b, holder) -> None:
    register(b, holder.person)
    submit_face(b, png())
    assert b.path == "/real-name", b.response.url


def send_bank_card_code(b, holder, **changes):
    b.follow_link("Bank card")
    fields = {"full_name": holder.person.full_name.lower(), "passport_number": holder.person.passport_number,
              "bank_card_number": " ".join(holder.bank_card[i:i + 4] for i in range(0, 19, 4)),
              "phone": f"+86 {holder.phone[:3]}-{holder.phone[3:7]}-{holder.phone[7:]}"}
    fields.update(changes)
    return b.submit(fields, "Send code")


def send_phone_code(b, phone: str):
    b.follow_link("Phone number")
    return b.submit({"phone": phone}, "Send code")


def enter_code(b, code: str):
    return b.submit({"sms_code": code}, "Verify")


def test_bank_card_path_collects_the_card_and_the_code_works_once(new_browser, registry, stack):
    holder = registry.take_card_holder()
    b = new_browser()
    to_real_name_choice(b, holder)
    r = send_bank_card_code(b, holder)
    assert_redirected(r, "/real-name/code")
    message = last_code_to(stack, holder.phone)
    assert message["purpose"] == "real_name_bank_card" and len(message["code"]) == 6
    assert message["code"] in message["text"] and "e-Social Security Card" in message["text"]
    assert "Never share" in message["text"]
    assert f"{holder.phone[:3]}****{holder.phone[-4:]}" in b.page.text
    code_page_form = b.page
    r = enter_code(b, f"{message['code'][:3]} {message['code'][3:]}")  # typed with a space
    assert_redirected(r, "/card")
    assert "Date collected" in b.text and holder.person.full_name in b.text
    # The same code replayed from the old page (a double submit) changes nothing and is no error page
    b.page = code_page_form
    r = enter_code(b, message["code"])
    assert r.status_code < 500
    assert b.path == "/card"


def test_phone_path_and_then_logins_by_social_security_number_reach_the_card(new_browser, registry, stack):
    holder = registry.take_card_holder()
    b = new_browser()
    to_real_name_choice(b, holder)
    log_out(b)
    # Before verification, the social security number login lands on the choice, not the card
    b.get("/login")
    b.submit({"ss_number": holder.ss_number, "password": PASSWORD}, "Login")
    assert b.path == "/real-name"
    r = send_phone_code(b, holder.phone)
    assert_redirected(r, "/real-name/code")
    message = last_code_to(stack, holder.phone)
    assert message["purpose"] == "real_name_phone"
    assert_redirected(enter_code(b, message["code"]), "/card")
    log_out(b)
    b.get("/login")
    r = b.submit({"ss_number": holder.ss_number, "password": PASSWORD}, "Login")
    assert_redirected(r, "/card")


def test_someone_elses_card_or_phone_is_not_verified_and_nothing_is_sent(new_browser, registry, stack):
    holder, other = registry.take_card_holder(), registry.take_card_holder()
    b = new_browser()
    to_real_name_choice(b, holder)
    before = len(outbox(stack))
    r = send_bank_card_code(b, holder, bank_card_number=other.bank_card, phone=other.phone)
    assert r.status_code == 200 and NOT_VERIFIED in b.page.text
    assert b.page.field("bank_card_number").value == other.bank_card  # what was typed is kept
    b.get("/real-name")
    r = send_phone_code(b, other.phone)
    assert r.status_code == 200 and NOT_VERIFIED in b.page.text
    assert len(outbox(stack)) == before
    assert_card_not_shown(b)


@pytest.fixture(scope="module")
def unverified_holder(registry, stack):
    """A card holder past facial recognition whom the field tests below only ever refuse."""
    from e2e_browser import Browser
    holder = registry.take_card_holder()
    to_real_name_choice(Browser(stack.base_url), holder)
    return holder


@pytest.mark.parametrize("changes,message", [
    ({"bank_card_number": "6222 0200 0000 0000 003"}, "This card number is not valid. Check it and try again"),
    ({"bank_card_number": "4111 1111 1111 1111"}, "Enter a domestic UnionPay card number (it starts with 62)"),
    ({"bank_card_number": "6222"}, "Enter the card number as 16 to 19 digits"),
    ({"phone": "12345"}, "Enter a mainland China mobile number of 11 digits, such as 138 0000 0000"),
    ({"passport_number": "X0000000"}, "The passport number does not match the one on your work permit"),
    ({"full_name": "SOMEONE ELSE"}, "The name does not match the name on your work permit"),
])
def test_each_field_is_checked_before_anything_is_sent(new_browser, unverified_holder, stack, changes, message):
    b = new_browser()
    login(b, unverified_holder.person.permit_number, PASSWORD)
    assert b.path == "/real-name"
    before = len(outbox(stack))
    r = send_bank_card_code(b, unverified_holder, **changes)
    assert r.status_code == 200
    assert b.page.title.startswith("Error: ")
    assert message in b.page.text
    assert len(outbox(stack)) == before


def test_a_wrong_code_an_expired_code_and_the_resend_interval(new_browser, registry, stack):
    holder = registry.take_card_holder()
    b = new_browser()
    to_real_name_choice(b, holder)
    send_phone_code(b, holder.phone)
    code = last_code_to(stack, holder.phone)["code"]
    wrong = "000000" if code != "000000" else "111111"
    r = enter_code(b, wrong)
    assert r.status_code == 200 and "The code is not right. You can try 4 more times" in b.page.text
    # Resend at once: the page says how long to wait, and nothing is sent
    before = len(outbox(stack))
    r = b.submit({}, "Resend code")
    assert r.status_code == 200 and "before asking for a new code" in b.page.text
    assert len(outbox(stack)) == before
    # The code runs out (its expiry moved into the past, as ten minutes would)
    with sqlite3.connect(stack.data / "portal.sqlite") as db:
        db.execute("UPDATE sms_codes SET expires_at = '2000-01-01 00:00:00.000' WHERE phone = ?", (holder.phone,))
    r = enter_code(b, code)
    assert r.status_code == 200 and "This code has expired. Ask for a new code" in b.page.text
    assert_card_not_shown(b)


def test_a_failing_gateway_sends_nothing_counts_nothing_and_says_so(new_browser, registry, stack):
    holder = registry.take_card_holder()
    b = new_browser()
    to_real_name_choice(b, holder)
    flag = stack.data / "sms-fail"
    flag.touch()
    try:
        r = send_phone_code(b, holder.phone)
        assert r.status_code == 200 and "The code could not be sent. Try again" in b.page.text
        assert b.page.field("phone").value == holder.phone
        assert not [m for m in outbox(stack) if m["to"] == holder.phone]
    finally:
        flag.unlink()
    # No wait is asked for: the failed send did not count
    r = b.submit({"phone": holder.phone}, "Send code")
    assert_redirected(r, "/real-name/code")


def test_the_development_outbox_page_lists_messages_newest_first(new_browser, registry, stack):
    holder = registry.take_card_holder()
    b = new_browser()
    to_real_name_choice(b, holder)
    send_phone_code(b, holder.phone)
    newest = outbox(stack)[-1]
    r = b.get("/development/sms")
    assert r.status_code == 200
    assert b.page.h1s == ["SMS outbox (development)"]
    text = b.page.text
    assert newest["code"] in text and text.index(newest["text"]) <= min(text.index(m["text"]) for m in outbox(stack))
