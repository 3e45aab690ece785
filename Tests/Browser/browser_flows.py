"""The guide's steps, done in the browser the way a person does them (links and buttons by their words)."""
from __future__ import annotations

from pathlib import Path

from e2e_data import PASSWORD, Person, png
from selenium.webdriver.common.by import By

from browser_portal import Portal

HOME_HEADING = "e-Social Security Card"
PERMIT_PORTAL = "Login portal for foreigners holding Work Permit"
REGISTRATION_BUTTON = "Sign up and Login"


def open_registration(p: Portal) -> None:
    """Home → Login → Login portal for foreigners holding Work Permit → Registration."""
    p.open("/")
    p.follow_link("Login")
    p.wait_for_path("/login")
    p.follow_link(PERMIT_PORTAL)
    p.wait_for_path("/login/permit")
    p.follow_link("Registration")
    p.wait_for_path("/register")


def register(p: Portal, person: Person, password: str = PASSWORD) -> None:
    """Registers through the guide's links and arrives at the facial recognition page."""
    open_registration(p)
    p.fill({
        "full_name": person.full_name,
        "permit_number": person.permit_number,
        "password": password,
        "password_confirm": password,
    })
    p.press(REGISTRATION_BUTTON)
    assert p.path == "/register/face", f"registration did not lead to facial recognition: {p.path}\n{p.text()[:600]}"
    assert p.h1() == "Facial recognition"


def photo_file(p: Portal) -> Path:
    """A real 200 × 200 PNG on disk, for the file input."""
    path = p.data / "face-upload.png"
    if not path.exists():
        path.write_bytes(png())
    return path


def choose_photo_file(p: Portal) -> None:
    p.field("face_image").send_keys(str(photo_file(p)))
    p.wait(lambda d: d.execute_script("return document.getElementById('face_image').files.length") == 1,
           "the chosen file did not reach the file input")


def verify_and_see_card(p: Portal, person: Person) -> None:
    """Verify → the e-card page, showing the person's name and the masked permit number only."""
    p.press("Verify")
    assert p.path == "/card", f"Verify did not lead to the e-card: {p.path}\n{p.text()[:600]}"
    assert_card_shows(p, person)


def card_details(p: Portal) -> dict[str, str]:
    terms = p.driver.find_elements(By.CSS_SELECTOR, ".card__details dt")
    values = p.driver.find_elements(By.CSS_SELECTOR, ".card__details dd")
    return {t.text.strip(): v.text.strip() for t, v in zip(terms, values)}


def assert_card_shows(p: Portal, person: Person) -> None:
    assert p.h1() == "e-Social Security Card"
    details = card_details(p)
    assert details.get("Name") == person.full_name, details
    # Shown masked to the eye; a screen reader hears "ending in" and the last four digits instead.
    assert details.get("Work permit number") == f"{person.masked_permit}\nending in {person.permit_number[-4:]}", details
    masked = p.driver.find_element(By.CSS_SELECTOR, ".card__details .masked [aria-hidden=true]")
    assert masked.text == person.masked_permit
    assert details.get("Date collected"), details
    assert person.permit_number not in p.driver.page_source, "the full permit number is on the e-card page"


def log_out(p: Portal) -> None:
    p.press("Log out")
    assert p.path == "/", f"Log out did not lead home: {p.path}"
    assert p.h1() == HOME_HEADING
    assert not p.buttons("Log out"), "the home page still offers Log out after logging out"
