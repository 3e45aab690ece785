"""axe-core finds no violations on the pages of work-permit services, each in the state a person meets it, in each
language (conftest.py: en, zh, by the lang cookie): the services menu (/services, /services/talent-affairs), the work
permit number page empty and after a number not of the account, the first-use PIN page and after a PIN the rules
refuse, the PIN page of a later login, the permit page with its QR image loaded, Change PIN and after a wrong current
PIN, and the officer's verification page: Valid, Already used, Not valid. As in test_accessibility_verification.py the
states are reached without English words (links by href, forms by their submit button, the QR image by its address)
and assert_in_language comes last. Each test takes its own registry person (an ordinary one: registration and
facial recognition lead to the e-card). Screenshots: <language>-<page>.png."""
import pytest
from selenium.webdriver.common.by import By

from browser_axe import assert_no_violations
from browser_flows import (
    PIN, SERVICES_MENU, assert_error, assert_in_language, log_in, open_permit_services, qr_image, qr_verify_path,
    set_pin, sign_out, sign_up, translations, verify_face_with_file,
)

pytestmark = pytest.mark.usefixtures("language")

NEW_PIN = "538204"  # another good PIN, not PIN
QR_ALT = "QR code of your work permit for the Exit-Entry Administration"


def to_card(p, person) -> None:
    """Registration and facial recognition lead an ordinary person to the e-card."""
    sign_up(p, person)
    verify_face_with_file(p, "/card")


def to_permit_page(p, person) -> None:
    """The e-card, the services menu, the person's own number and a first PIN: the permit page."""
    to_card(p, person)
    open_permit_services(p, person.permit_number)
    set_pin(p)


def test_services_menu_and_the_permit_number_page_with_a_number_not_of_the_account(portal, person, registry):
    to_card(portal, person)
    hr, talent, work_permit = SERVICES_MENU
    portal.follow_href(hr)  # Human Resources and Social Security Services
    assert portal.path == hr
    assert_no_violations(portal, hr, "services")
    assert_in_language(portal, "Human Resources and Social Security Services",
                       english_title_prefix="Human Resources and Social Security Services")

    portal.follow_href(talent)  # Talent Affairs
    assert portal.path == talent
    assert_no_violations(portal, talent, "services-talent-affairs")
    assert_in_language(portal, "Talent Affairs", english_title_prefix="Talent Affairs")

    portal.follow_href(work_permit)  # Foreigners holding Work Permits
    assert portal.path == work_permit
    assert_no_violations(portal, work_permit, "services-work-permit")
    assert_in_language(portal, "Foreigners holding Work Permits", english_title_prefix="Foreigners holding Work Permits")

    portal.fill({"permit_number": registry.unknown_permit})
    portal.submit()  # Continue
    assert portal.path == work_permit
    assert_error(portal, "permit_number",
                 "This is not the work permit number of your account. Enter your own work permit number")
    assert_no_violations(portal, f"{work_permit} with a number not of the account", "services-work-permit-errors")
    assert_in_language(portal, "Foreigners holding Work Permits", english_title_prefix="Error: ")


def test_pin_setup_page_its_rule_error_and_the_permit_page_with_its_qr_image(portal, person):
    to_card(portal, person)
    open_permit_services(portal, person.permit_number)
    assert_no_violations(portal, "/permit/pin (first use: set the PIN)", "permit-pin-set")
    assert_in_language(portal, "Set your 6-digit numeric password",
                       english_title_prefix="Set your 6-digit numeric password")

    portal.fill({"pin": "111111", "pin_confirm": "111111"})
    portal.submit()  # Set PIN
    assert portal.path == "/permit/pin"
    assert_error(portal, "pin", "Do not use one digit repeated, such as 111111")
    assert_no_violations(portal, "/permit/pin after a PIN the rules refuse", "permit-pin-set-errors")
    assert_in_language(portal, "Set your 6-digit numeric password", english_title_prefix="Error: ")

    set_pin(portal)
    image = qr_image(portal)  # loaded: complete, naturalWidth > 0
    assert image.get_attribute("alt") in translations(QR_ALT, portal.language), image.get_attribute("alt")
    assert person.full_name in portal.text()
    assert_no_violations(portal, "/permit (QR image loaded)", "permit")
    assert_in_language(portal, "Work permit information", english_title_prefix="Work permit information")


def test_pin_entry_page_of_a_later_login(portal, person):
    to_permit_page(portal, person)
    sign_out(portal)
    log_in(portal, person)  # a new session: the PIN is asked for again
    open_permit_services(portal, person.permit_number)
    assert not portal.driver.find_elements(By.NAME, "pin_confirm"), "a later login is asked to set the PIN again"
    assert_no_violations(portal, "/permit/pin (a later login: enter the PIN)", "permit-pin-enter")
    assert_in_language(portal, "Enter your 6-digit numeric password",
                       english_title_prefix="Enter your 6-digit numeric password")

    portal.fill({"pin": PIN})
    portal.submit()  # Continue
    assert portal.path == "/permit", f"the PIN did not lead to the permit page: {portal.path}\n{portal.text()[:600]}"


def test_change_pin_page_and_its_error(portal, person):
    to_permit_page(portal, person)
    portal.follow_href("/permit/pin/change")  # Change PIN
    assert portal.path == "/permit/pin/change"
    assert_no_violations(portal, "/permit/pin/change", "permit-pin-change")
    assert_in_language(portal, "Change PIN", english_title_prefix="Change PIN")

    portal.fill({"current_pin": "999999", "pin": NEW_PIN, "pin_confirm": NEW_PIN})
    portal.submit()  # Change PIN
    assert portal.path == "/permit/pin/change"
    assert_error(portal, "current_pin", "The 6-digit numeric password is incorrect")
    assert_no_violations(portal, "/permit/pin/change with a wrong current PIN", "permit-pin-change-errors")
    assert_in_language(portal, "Change PIN", english_title_prefix="Error: ")

    portal.fill({"current_pin": PIN, "pin": NEW_PIN, "pin_confirm": NEW_PIN})
    portal.submit()
    assert portal.path == "/permit", f"Change PIN did not lead to the permit page: {portal.path}\n{portal.text()[:600]}"


def test_verification_page_valid_already_used_and_not_valid(portal, person):
    to_permit_page(portal, person)
    verify = qr_verify_path(portal)  # the token lives 60 s: the officer opens it right away
    # The officer is another visitor, asking for the same language.
    portal.driver.delete_all_cookies()
    portal.use_language(portal.language)

    portal.open(verify)
    assert portal.path == "/verify"
    assert person.full_name in portal.text()
    assert_no_violations(portal, "/verify (Valid)", "verify-valid")
    assert_in_language(portal, "Valid", english_title_prefix="Valid")

    portal.open(verify)  # the same token again
    assert_no_violations(portal, "/verify (Already used)", "verify-already-used")
    assert_in_language(portal, "Already used", english_title_prefix="Already used")

    portal.open("/verify?t=garbage")
    assert_no_violations(portal, "/verify (Not valid)", "verify-not-valid")
    assert_in_language(portal, "Not valid", english_title_prefix="Not valid")
