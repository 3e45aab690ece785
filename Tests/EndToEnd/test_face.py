"""Facial recognition: a real PNG passes to the e-card, anything else is refused, 5 failures lock the step."""
from e2e_browser import redirects
from e2e_data import PASSWORD, png
from e2e_flows import (
    LOCKED, assert_card_not_shown, assert_form_error, assert_redirected, expected_lock_times, login, now, register, submit_face,
    verify_face,
)

NOT_AN_IMAGE = "The photo must be a JPEG or PNG image"


def test_real_png_passes_and_lands_on_the_e_card(browser, person):
    register(browser, person)
    r = verify_face(browser)
    page = browser.page
    assert page.h1s == ["e-Social Security Card"]
    assert person.full_name in page.text
    assert person.masked_permit in page.text, f"expected {person.masked_permit} on the card: {page.text}"
    assert person.permit_number not in page.html, "the full permit number must not be shown"
    assert "Date collected" in page.text
    page.form_with_button("Log out")
    assert "no-store" in r.headers.get("Cache-Control", "")


def test_text_file_named_png_is_refused(browser, person):
    register(browser, person)
    r = submit_face(browser, b"this is not a photo, only text\n" * 20, "face.png", "image/png")
    assert_form_error(browser, r, NOT_AN_IMAGE, "/register/face", cleared=())
    # The step stays usable: a real photo still passes.
    verify_face(browser)


def test_png_signature_without_a_png_structure_is_refused(browser, person):
    register(browser, person)
    fake = png()[:8] + b"\x00" * 2000  # the 8-byte signature, then nothing a PNG reader can use
    r = submit_face(browser, fake)
    assert_form_error(browser, r, NOT_AN_IMAGE, "/register/face", cleared=())


def test_real_png_is_judged_by_its_content_not_its_name(browser, person):
    register(browser, person)
    r = submit_face(browser, png(), "selfie.dat", "application/octet-stream")
    assert_redirected(r, "/card")


def test_no_photo_chosen(browser, person):
    register(browser, person)
    r = browser.submit({}, "Verify")  # the file field is sent empty, as a browser does
    assert_form_error(browser, r, "Choose a photo of your face", "/register/face", cleared=())


def test_photo_over_4_mb_is_refused_with_a_message(browser, person):
    register(browser, person)
    big = png(1200, 1200, noise=True)
    assert 4 * 1024 * 1024 < len(big) < 4.9 * 1024 * 1024
    r = submit_face(browser, big)
    assert r.status_code != 413, "nginx must let a face photo up to 5 MB through to the app"
    assert_form_error(browser, r, "The photo must be smaller than 4 MB", "/register/face", cleared=())


def test_five_failed_attempts_lock_the_step(browser, person):
    register(browser, person)
    before = now()
    for attempt in range(5):
        r = submit_face(browser, b"GIF89a not really", f"face{attempt}.png", "image/png")
        assert r.status_code < 500
        assert not r.history, f"attempt {attempt + 1} was accepted: {r.url}"
    r = submit_face(browser, png())  # even a real photo is refused while locked
    after = now()
    assert not r.history or browser.path != "/card", "a real photo got through a locked step"
    match = LOCKED.search(browser.text)
    assert match, f"no lock message after 5 failures: {browser.text[:500]}"
    assert f"{match.group(1)}:{match.group(2)}" in expected_lock_times(before, after)
    assert_card_not_shown(browser)


def test_card_holder_goes_on_to_real_name_verification_and_logs_in_to_it(new_browser, registry):
    message = "Real-name verification is required because you hold a physical Social Security Card."
    b = new_browser()
    register(b, registry.card_holder)
    r = submit_face(b, png())
    assert [h.status_code for h in r.history] == [303], redirects(r)
    assert b.path == "/real-name"
    assert message in b.text, f"after the face step: {b.text[:500]}"
    assert {"Bank card", "Phone number"} <= {link.text for link in b.page.links}
    assert_card_not_shown(b)

    # Logging in before it is done lands on the same choice, by permit number or by social security number.
    other = new_browser()
    login(other, registry.card_holder.permit_number, PASSWORD)
    assert other.path == "/real-name" and message in other.text, f"login of a card holder: {other.text[:500]}"
    assert_card_not_shown(other)
    third = new_browser()
    third.get("/login")
    third.submit({"ss_number": registry.card_holder_ss_number, "password": PASSWORD}, "Login")
    assert third.path == "/real-name" and message in third.text, f"social security login: {third.text[:500]}"
    assert_card_not_shown(third)
