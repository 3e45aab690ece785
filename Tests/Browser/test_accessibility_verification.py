"""axe-core finds no violations on the pages of real-name verification, the SMS code, the development outbox, the
password reset and the password change, each in the state a person meets it, in each language (conftest.py: en,
zh, by the lang cookie). As in test_accessibility.py the states are reached without English words: pages by
address or by a link's href (Portal.follow_href), forms by their submit button (Portal.submit), the SMS codes from
the development gateway's outbox ($DATA/sms-outbox.jsonl); assert_in_language comes last. Each test takes its own
person or card holder (a card-holder test takes two: one per language). Screenshots: <language>-<page>.png."""
import pytest

from browser_axe import assert_no_violations
from browser_flows import (
    assert_error, assert_in_language, camera_button, send_phone_code, sign_out, sign_up, sms_code,
    verify_face_with_file, verify_real_name_by_phone, wrong_code,
)
from e2e_data import PASSWORD

pytestmark = pytest.mark.usefixtures("language")

NEW_PASSWORD = "Haikou2027?new"  # two classes and more, no name or permit number in it, not PASSWORD


def to_real_name_choice(p, holder) -> None:
    """Registration and facial recognition lead a card holder to the real-name choice."""
    sign_up(p, holder.person)
    verify_face_with_file(p, "/real-name")


def test_real_name_choice_and_bank_card_form(portal, card_holder):
    to_real_name_choice(portal, card_holder)
    assert_no_violations(portal, "/real-name", "real-name")
    assert_in_language(portal, "Real-name verification", english_title_prefix="Real-name verification")

    portal.follow_href("/real-name/bank-card")
    assert portal.path == "/real-name/bank-card"
    assert_no_violations(portal, "/real-name/bank-card", "real-name-bank-card")
    assert_in_language(portal, "Verify with your bank card")

    portal.submit()  # Send code, everything empty
    assert portal.path == "/real-name/bank-card"
    for field in ("full_name", "passport_number", "bank_card_number", "phone"):
        assert_error(portal, field)
    assert_error(portal, "bank_card_number", "Enter your bank card number")
    assert_no_violations(portal, "/real-name/bank-card after an empty submit", "real-name-bank-card-errors")
    assert_in_language(portal, "Verify with your bank card", english_title_prefix="Error: ")


def test_phone_form_code_page_wrong_code_and_outbox(portal, card_holder):
    # A card holder who stopped after facial recognition logs in by social security number: the choice again.
    to_real_name_choice(portal, card_holder)
    sign_out(portal)
    portal.open("/login")
    portal.fill({"ss_number": card_holder.ss_number, "password": PASSWORD})
    portal.submit()
    assert portal.path == "/real-name", f"the social security login did not lead to the choice: {portal.path}"

    portal.follow_href("/real-name/phone")
    assert portal.path == "/real-name/phone"
    assert_no_violations(portal, "/real-name/phone", "real-name-phone")
    assert_in_language(portal, "Verify with your phone number")

    portal.open("/real-name")
    send_phone_code(portal, card_holder)
    assert f"{card_holder.phone[:3]}****{card_holder.phone[-4:]}" in portal.text()
    assert_no_violations(portal, "/real-name/code (a code sent)", "real-name-code")
    assert_in_language(portal, "Enter the SMS code")

    portal.fill({"sms_code": wrong_code(sms_code(portal, card_holder.phone, "real_name_phone"))})
    portal.submit()  # Verify
    assert portal.path == "/real-name/code"
    assert_error(portal, "sms_code")
    assert_no_violations(portal, "/real-name/code after a wrong code", "real-name-code-wrong")
    assert_in_language(portal, "Enter the SMS code", english_title_prefix="Error: ")

    portal.open("/development/sms")
    assert sms_code(portal, card_holder.phone, "real_name_phone") in portal.text()
    assert_no_violations(portal, "/development/sms", "development-sms")
    assert_in_language(portal, "SMS outbox (development)")


@pytest.mark.parametrize("login,forgot,field", [
    ("/login/permit", "/password/forgot/permit", "permit_number"),
    ("/login", "/password/forgot/social-security", "ss_number"),
], ids=["permit", "social-security"])
def test_forgot_password_page_and_its_empty_submit(portal, login, forgot, field):
    portal.open(login)
    portal.follow_href(forgot)  # Forgot password?
    assert portal.path == forgot
    name = forgot.rsplit("/", 1)[1]
    assert_no_violations(portal, forgot, f"forgot-{name}")
    assert_in_language(portal, "Reset your login password", english_title_prefix="Reset your login password")

    portal.submit()  # Continue, empty
    assert portal.path == forgot
    assert_error(portal, field)
    assert_no_violations(portal, f"{forgot} after an empty submit", f"forgot-{name}-errors")
    assert_in_language(portal, "Reset your login password", english_title_prefix="Error: ")


def test_reset_code_and_face_pages_of_an_account_without_a_verified_phone(portal, person):
    sign_up(portal, person)
    verify_face_with_file(portal, "/card")
    sign_out(portal)
    portal.open("/login/permit")
    portal.follow_href("/password/forgot/permit")
    portal.fill({"permit_number": person.permit_number})
    portal.submit()  # Continue
    assert portal.path == "/password/reset/code", f"Continue did not lead to the code page: {portal.path}"
    assert_no_violations(portal, "/password/reset/code (no verified phone)", "reset-code-no-verified-phone")
    assert_in_language(portal, "Enter the SMS code")

    portal.follow_href("/password/reset/face")
    assert portal.path == "/password/reset/face"
    camera_button(portal, "start")  # face.js built the camera UI
    assert_no_violations(portal, "/password/reset/face (camera UI ready)", "reset-face")
    assert_in_language(portal, "Facial recognition", english_title_prefix="Facial recognition")


def test_reset_by_the_verified_phone_new_password_mismatch_and_done(portal, card_holder):
    to_real_name_choice(portal, card_holder)
    verify_real_name_by_phone(portal, card_holder)  # the account now has a verified phone
    sign_out(portal)
    portal.open("/login")
    portal.follow_href("/password/forgot/social-security")
    portal.fill({"ss_number": card_holder.ss_number})
    portal.submit()  # Continue
    assert portal.path == "/password/reset/code", f"Continue did not lead to the code page: {portal.path}"
    assert_no_violations(portal, "/password/reset/code (a code sent)", "reset-code")
    assert_in_language(portal, "Enter the SMS code")

    portal.fill({"sms_code": sms_code(portal, card_holder.phone, "password_reset")})
    portal.submit()  # Verify
    assert portal.path == "/password/reset/new", f"the reset code did not lead on: {portal.path}\n{portal.text()[:600]}"
    assert_no_violations(portal, "/password/reset/new", "reset-new")
    assert_in_language(portal, "Set a new login password", english_title_prefix="Set a new password")

    portal.fill({"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD + "x"})
    portal.submit()  # Set new password
    assert portal.path == "/password/reset/new"
    assert_error(portal, "password_confirm", "The passwords do not match")
    assert_no_violations(portal, "/password/reset/new after a mismatch", "reset-new-errors")
    assert_in_language(portal, "Set a new login password", english_title_prefix="Error: ")

    portal.fill({"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    portal.submit()
    assert portal.path == "/password/reset/done", f"the new password did not lead on: {portal.path}\n{portal.text()[:600]}"
    assert_no_violations(portal, "/password/reset/done", "reset-done")
    assert_in_language(portal, "Your login password has been reset", english_title_prefix="Password reset")

    # The new password works.
    portal.follow_href("/login/permit")
    portal.fill({"permit_number": card_holder.person.permit_number, "password": NEW_PASSWORD})
    portal.submit()
    assert portal.path == "/card", f"the new password did not log in: {portal.path}\n{portal.text()[:600]}"


def test_change_password_its_error_and_the_changed_page(portal, person):
    sign_up(portal, person)
    verify_face_with_file(portal, "/card")
    portal.follow_href("/password/change")  # Change password
    assert portal.path == "/password/change"
    assert_no_violations(portal, "/password/change", "password-change")
    assert_in_language(portal, "Change password", english_title_prefix="Change password")

    portal.fill({"current_password": PASSWORD + "x", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    portal.submit()  # Change password
    assert portal.path == "/password/change"
    assert_error(portal, "current_password", "The current password is incorrect")
    assert_no_violations(portal, "/password/change with a wrong current password", "password-change-errors")
    assert_in_language(portal, "Change password", english_title_prefix="Error: ")

    portal.fill({"current_password": PASSWORD, "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    portal.submit()
    assert portal.path == "/password/changed", f"the change did not lead on: {portal.path}\n{portal.text()[:600]}"
    assert_no_violations(portal, "/password/changed", "password-changed")
    assert_in_language(portal, "Your login password has been changed", english_title_prefix="Password changed")
