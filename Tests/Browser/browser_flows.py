"""The guide's steps, done in the browser the way a person does them (links and buttons by their English
words), and the same states reached without depending on the language (for the tests that run in each
language: pages opened by address, forms sent with their submit button, the camera's buttons by the words
the page itself gives face.js), with the one check that does depend on it (assert_in_language)."""
from __future__ import annotations

import json

from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

from e2e_data import PASSWORD, CardHolder, Person, png
from e2e_stack import REPO
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from browser_portal import HTML_LANG, Portal

HOME_HEADING = "e-Social Security Card"
PERMIT_PORTAL = "Login portal for foreigners holding Work Permit"
REGISTRATION_BUTTON = "Sign up and Login"
# The menu from the e-card to the work permit number page: Human Resources and Social Security Services →
# Talent Affairs → Foreigners holding Work Permits, by the links' addresses.
SERVICES_MENU = ["/services", "/services/talent-affairs", "/services/talent-affairs/work-permit"]
PIN = "480913"  # a good 6-digit PIN: no digit repeated, no run, not a date of birth, not a permit's last digits


def open_registration(p: Portal) -> None:
    """Home → Login → Login portal for foreigners holding Work Permit → Registration."""
    p.open("/")
    p.follow_link("Login")
    p.wait_for_path("/login")
    p.follow_link(PERMIT_PORTAL)
    p.wait_for_path("/login/permit")
    p.follow_link("Registration")
    p.wait_for_path("/register")


def fill_registration(p: Portal, person: Person, password: str = PASSWORD) -> None:
    p.fill({
        "full_name": person.full_name,
        "permit_number": person.permit_number,
        "password": password,
        "password_confirm": password,
    })


def register(p: Portal, person: Person, password: str = PASSWORD) -> None:
    """Registers through the guide's links and arrives at the facial recognition page (English)."""
    open_registration(p)
    fill_registration(p, person, password)
    p.press(REGISTRATION_BUTTON)
    assert p.path == "/register/face", f"registration did not lead to facial recognition: {p.path}\n{p.text()[:600]}"
    assert p.h1() == "Facial recognition"


def sign_up(p: Portal, person: Person, password: str = PASSWORD) -> None:
    """Registers in any language: /register opened by address, the form sent with its submit button;
    arrives at the facial recognition page (whose heading the caller checks, with assert_in_language)."""
    p.open("/register")
    fill_registration(p, person, password)
    p.submit()
    assert p.path == "/register/face", f"registration did not lead to facial recognition: {p.path}\n{p.text()[:600]}"


def verify_face_with_file(p: Portal, arrives_at: str) -> None:
    """On the facial recognition page (registration or reset), in any language: chooses the PNG file and sends
    the form with its submit button (Verify); arrives at `arrives_at` (/card, /real-name for a card holder, …)."""
    choose_photo_file(p)
    p.submit()
    assert p.path == arrives_at, f"Verify did not lead to {arrives_at}: {p.path}\n{p.text()[:600]}"


def sign_out(p: Portal) -> None:
    """Log out in any language: the header's form, by its button (log_out checks the English words)."""
    p.submit("header form.header__logout")
    assert p.path == "/", f"logging out did not lead home: {p.path}"


def log_in(p: Portal, person: Person, password: str = PASSWORD) -> None:
    """Logs in by work permit number in any language: /login/permit by address, the form's submit button
    (Login); arrives at the e-card."""
    p.open("/login/permit")
    p.fill({"permit_number": person.permit_number, "password": password})
    p.submit()
    assert p.path == "/card", f"the login did not lead to the e-card: {p.path}\n{p.text()[:600]}"


def summary_links(p: Portal) -> dict[str, str]:
    """The error summary's links: {field id: message}."""
    return {a.get_attribute("href").split("#", 1)[1]: a.text
            for a in p.driver.find_elements(By.CSS_SELECTOR, ".error-summary a")}


def assert_error(p: Portal, field: str, english_message: str | None = None) -> None:
    """The page came back with an error for `field` in the summary (in the page's language) and on the field."""
    links = summary_links(p)
    assert field in links, f"no error for {field} in the summary of {p.path}: {links}"
    if english_message is not None:
        assert links[field] in translations(english_message, p.language), links
    assert p.field(field).get_attribute("aria-invalid") == "true", f"{field} is not aria-invalid"


def open_permit_services(p: Portal, permit_number: str) -> None:
    """From the e-card, in any language: the SERVICES_MENU links by their href, then the permit number and
    Continue (the form's submit button); arrives at /permit/pin (the PIN to set, or to enter)."""
    assert p.path == "/card", p.path
    for href in SERVICES_MENU:
        p.follow_href(href)
        assert p.path == href, f"the link to {href} led to {p.path}"
    p.fill({"permit_number": permit_number})
    p.submit()  # Continue
    assert p.path == "/permit/pin", f"the permit number did not lead to the PIN: {p.path}\n{p.text()[:600]}"


def set_pin(p: Portal, pin: str = PIN) -> None:
    """On the first-use PIN page, in any language: the PIN twice and Set PIN; arrives at the permit page."""
    p.fill({"pin": pin, "pin_confirm": pin})
    p.submit()  # Set PIN
    assert p.path == "/permit", f"Set PIN did not lead to the permit page: {p.path}\n{p.text()[:600]}"


def qr_image(p: Portal) -> WebElement:
    """The permit page's QR image, by its address (its alt is in the page's language), once it has loaded."""
    image = p.driver.find_element(By.CSS_SELECTOR, 'main img[src^="/permit/qr.svg?t="]')
    p.wait(lambda d: d.execute_script("var i = arguments[0]; return i.complete && i.naturalWidth > 0;", image),
           "the QR image did not load")
    return image


def qr_verify_path(p: Portal) -> str:
    """The officer's page for the token of the permit page's QR image: /verify?t=<token>, the token taken from
    the image's address (/permit/qr.svg?t=<token>), which the QR code's URL carries as well."""
    token = parse_qs(urlparse(qr_image(p).get_dom_attribute("src")).query)["t"][0]
    return "/verify?" + urlencode({"t": token})


def sms_code(p: Portal, phone: str, purpose: str) -> str:
    """The newest code sent to `phone` for `purpose` (real_name_phone, real_name_bank_card, password_reset), as
    the development SMS gateway wrote it to $DATA/sms-outbox.jsonl (the same file Tests/EndToEnd reads)."""
    path = p.data / "sms-outbox.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    codes = [m["code"] for m in map(json.loads, lines) if m["to"] == phone and m["purpose"] == purpose]
    assert codes, f"no {purpose} SMS to {phone} in {path}"
    return codes[-1]


def wrong_code(code: str) -> str:
    """Six digits that are not `code`."""
    return "000000" if code != "000000" else "111111"


def send_phone_code(p: Portal, holder: CardHolder) -> None:
    """From the real-name choice, in any language: the phone number way, the holder's phone, Send code."""
    assert p.path == "/real-name", p.path
    p.follow_href("/real-name/phone")
    p.fill({"phone": holder.phone})
    p.submit()
    assert p.path == "/real-name/code", f"Send code did not lead to the code page: {p.path}\n{p.text()[:600]}"


def verify_real_name_by_phone(p: Portal, holder: CardHolder) -> None:
    """From the real-name choice to the e-card, by phone: the account then has a verified phone."""
    send_phone_code(p, holder)
    p.fill({"sms_code": sms_code(p, holder.phone, "real_name_phone")})
    p.submit()  # Verify
    assert p.path == "/card", f"the SMS code did not lead to the e-card: {p.path}\n{p.text()[:600]}"


def camera_button(p: Portal, which: str):
    """A button face.js made (which: start, take, retake), by the words the page gave it in
    data-text-<which>, so in the page's own language."""
    words = p.driver.find_element(By.CSS_SELECTOR, "[data-camera]").get_attribute(f"data-text-{which}")
    assert words, f"the camera UI has no data-text-{which}"
    return p.button(words)


def assert_in_language(p: Portal, english_heading: str, english_title_prefix: str | None = None) -> None:
    """The page is in the language the visitor asked for (Portal.language), with one h1: <html lang> as HTML_LANG
    says (zh: zh-Hans), and the heading (and title prefix) in that language, as its catalogue has the sentence the
    English one is (templates/messages/<language>.json, looked up by the key of the English sentence)."""
    h1s = p.driver.find_elements(By.TAG_NAME, "h1")
    assert len(h1s) == 1, f"{p.path} has {len(h1s)} h1 elements"
    heading = h1s[0].text
    expected = HTML_LANG[p.language]
    assert p.html_lang() == expected, (
        f"lang={p.language} asked for, but {p.path} is <html lang={p.html_lang()!r}>, not {expected!r} (h1 {heading!r})")
    headings = translations(english_heading, p.language)
    assert heading in headings, f"h1 on {p.path}: {heading!r}, expected one of {sorted(headings)}"
    if english_title_prefix is not None:
        prefixes = translations(english_title_prefix, p.language)
        assert any(p.title.startswith(prefix) for prefix in prefixes), f"title on {p.path}: {p.title!r}"


def catalogue(language: str) -> dict[str, str]:
    """The message catalogue of `language`, flattened to dotted keys."""
    tree = json.loads((REPO / "templates" / "messages" / f"{language}.json").read_text(encoding="utf-8"))
    flat: dict[str, str] = {}

    def walk(node: dict, prefix: str) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            else:
                flat[prefix + key] = value
    walk(tree, "")
    return flat


def translations(english: str, language: str) -> set[str]:
    """What `english` reads as in `language`: the sentences of every key whose English sentence it is."""
    keys = [key for key, sentence in catalogue("en").items() if sentence == english]
    assert keys, f"{english!r} is not a sentence of the English catalogue"
    target = catalogue(language)
    return {target[key] for key in keys}


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
    """The e-card in English: its heading and labels, and assert_card_details."""
    assert p.h1() == "e-Social Security Card"
    details = card_details(p)
    assert details.get("Name") == person.full_name, details
    # Shown masked to the eye; a screen reader hears "ending in" and the last four digits instead.
    assert details.get("Work permit number") == f"{person.masked_permit}\nending in {person.permit_number[-4:]}", details
    assert details.get("Date collected"), details
    assert_card_details(p, person)


def assert_card_details(p: Portal, person: Person) -> None:
    """What the e-card shows in any language: the name, the permit number masked, never in full."""
    assert person.full_name in card_details(p).values(), card_details(p)
    masked = p.driver.find_element(By.CSS_SELECTOR, ".card__details .masked [aria-hidden=true]")
    assert masked.text == person.masked_permit
    assert person.permit_number not in p.driver.page_source, "the full permit number is on the e-card page"


def log_out(p: Portal) -> None:
    p.press("Log out")
    assert p.path == "/", f"Log out did not lead home: {p.path}"
    assert p.h1() == HOME_HEADING
    assert not p.buttons("Log out"), "the home page still offers Log out after logging out"
