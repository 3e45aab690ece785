"""Work-permit services through nginx (guide section 4): the menu path, the 6-digit PIN (rules, entry, lockout,
change), the permit page, its QR code read with zbarimg and verified once online and offline with only the
published public key, and every service refused once the permit is canceled."""
from __future__ import annotations

import base64
import re
import struct
import subprocess
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from e2e_data import PASSWORD
from e2e_flows import register_and_verify
from e2e_stack import portal

PIN = "480913"


def open_permit_services(b, permit_number: str):
    """Card → Human Resources and Social Security Services → Talent Affairs → Foreigners holding Work Permits."""
    b.get("/card")
    b.follow_link("Human Resources and Social Security Services")
    b.follow_link("Talent Affairs")
    b.follow_link("Foreigners holding Work Permits")
    return b.submit({"permit_number": permit_number}, "Continue")


def set_pin(b, person, pin: str = PIN):
    open_permit_services(b, person.permit_number)
    assert b.path == "/permit/pin"
    return b.submit({"pin": pin, "pin_confirm": pin}, "Set PIN")


def svg_to_png(svg: str, scale: int = 6) -> bytes:
    """Rasterises the portal's QR SVG (unit squares `M x y h1v1h-1z` on a white square) into a PNG for zbarimg."""
    side = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
    dark = {(int(x), int(y)) for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", svg)}
    rows = bytearray()
    for y in range(side * scale):
        rows.append(0)
        for x in range(side * scale):
            rows.append(0 if (x // scale, y // scale) in dark else 255)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    size = side * scale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b""))


def scan_qr(b, tmp_path) -> str:
    """The URL in the permit page's QR image, as zbarimg reads it."""
    image = next(i for i in b.page.images if "QR" in i.get("alt", ""))
    r = b.session.get(b.url(image["src"]), timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("image/svg+xml")
    png = tmp_path / "qr.png"
    png.write_bytes(svg_to_png(r.text))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_menu_pin_setup_permit_page_and_a_qr_verified_once(new_browser, person, stack, tmp_path):
    b = new_browser()
    register_and_verify(b, person)
    # Someone else's number is refused
    r = open_permit_services(b, "WP2099999998")
    assert r.status_code == 200 and "This is not the work permit number of your account" in b.page.text
    # First use: the PIN is set, with the rules enforced
    r = open_permit_services(b, person.permit_number)
    assert b.path == "/permit/pin" and "different from your login password" in b.page.text
    for bad, message in [("111111", "one digit repeated"), ("123456", "digits in a row"), ("12345", "exactly 6 digits"),
                         ("900517", "date of birth")]:  # e2e people are born 1990-05-17
        r = b.submit({"pin": bad, "pin_confirm": bad}, "Set PIN")
        assert r.status_code == 200 and message in b.page.text, (bad, b.page.text[:300])
    r = b.submit({"pin": PIN, "pin_confirm": PIN}, "Set PIN")
    assert [h.status_code for h in r.history] == [303] and b.path == "/permit"
    text = b.page.text
    for value in [person.full_name, person.permit_number, "Germany", "1990-05-17", "Engineer", "Haikou",
                  person.valid_until.isoformat(), "Valid", "days left", "*" * (len(person.passport_number) - 4)]:
        assert value in text, value
    assert person.passport_number not in text  # masked but for the last 4
    assert any("QR" in i.get("alt", "") for i in b.page.images)
    assert '<script src="/js/qr-refresh.js"' in b.page.html  # reloads before the code runs out, where JS runs
    # The QR code holds the verification page's address; it works once
    url = scan_qr(b, tmp_path)
    assert url.startswith(stack.base_url + "/verify?t="), url
    officer = new_browser()
    officer.get(url)
    assert officer.page.h1s == ["Valid"] and person.full_name in officer.page.text
    assert person.passport_number not in officer.page.text and "Engineer" not in officer.page.text
    officer.get(url)
    assert officer.page.h1s == ["Already used"]
    token = url.split("t=", 1)[1]
    officer.get("/verify?t=" + token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
    assert officer.page.h1s == ["Not valid"]
    # Offline, with only the published public key: the signature and the expiry check out
    key = b64url(new_browser().get("/verify/public-key").text.strip())
    payload, signature = (b64url(part) for part in token.split("."))
    Ed25519PublicKey.from_public_bytes(key).verify(signature, payload)
    permit_number, _, expiry = payload.decode().split("|")
    assert permit_number == person.permit_number and int(expiry) > 0


def test_the_notification_letter_downloads_and_opens_as_a_real_pdf(new_browser, person, tmp_path):
    b = new_browser()
    register_and_verify(b, person)
    set_pin(b, person)
    download = b.session.get(b.url(next(l.href for l in b.page.links if l.text == "Download")), timeout=30)
    opened = b.session.get(b.url(next(l.href for l in b.page.links if l.text == "Open with another application")),
                           timeout=30)
    for r, disposition in [(download, "attachment"), (opened, "inline")]:
        assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf"
        assert r.headers["Content-Disposition"].startswith(disposition + ";")
        assert r.headers["Cache-Control"] == "no-store"
        assert r.content.startswith(b"%PDF-")
    (tmp_path / "letter.pdf").write_bytes(download.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "letter.pdf"), "-"], capture_output=True, text=True).stdout
    assert "中华人民共和国外国人工作许可通知" in text
    assert "Notification Letter of Work Permit for Foreigners" in text
    assert person.permit_number in text and person.full_name in text
    # The QR code on the letter leads to the portal (rendered to PNG by poppler, read by zbarimg)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(tmp_path / "letter.pdf"), str(tmp_path / "page")],
                   check=True)
    out = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "page.png")], capture_output=True, text=True)
    assert out.stdout.strip().startswith("http://127.0.0.1:"), out


def test_later_visits_ask_for_the_pin_and_five_wrong_ones_lock_for_thirty_minutes(new_browser, person):
    b = new_browser()
    register_and_verify(b, person)
    set_pin(b, person)
    other = new_browser()  # a new session asks for the PIN again
    from e2e_flows import login
    login(other, person.permit_number, PASSWORD)
    assert other.get("/permit").history and other.path == "/permit/pin"
    assert "Set PIN" not in other.page.text
    for attempt in range(4):
        r = other.submit({"pin": "000000"}, "Continue")
        assert "The 6-digit numeric password is incorrect" in other.page.text
    r = other.submit({"pin": "000000"}, "Continue")
    assert re.search(r"Work permit services are locked until \d{2}:\d{2} \(China Standard Time\)", other.page.text)
    r = other.submit({"pin": PIN}, "Continue")
    assert other.path == "/permit/pin" and "locked until" in other.page.text


def test_change_pin(new_browser, person):
    b = new_browser()
    register_and_verify(b, person)
    set_pin(b, person)
    b.follow_link("Change PIN")
    r = b.submit({"current_pin": "999999", "pin": "538204", "pin_confirm": "538204"}, "Change PIN")
    assert "The 6-digit numeric password is incorrect" in b.page.text
    r = b.submit({"current_pin": PIN, "pin": "538204", "pin_confirm": "538204"}, "Change PIN")
    assert b.path == "/permit"


def test_after_cancellation_every_permit_service_is_refused(new_browser, registry, stack, tmp_path):
    person = registry.take()
    b = new_browser()
    register_and_verify(b, person)
    set_pin(b, person)
    url = scan_qr(b, tmp_path)  # issued while the permit was valid, and never used
    qr_path = next(i for i in b.page.images if "QR" in i.get("alt", ""))["src"]
    portal(stack.data, "permit", "cancel", person.permit_number, "--reason", "Left the employer (e2e)")
    b.get("/permit")
    assert "Work permit services are unavailable" in b.page.text and "Left the employer (e2e)" in b.page.text
    assert re.search(r"This work permit was canceled on \d{4}-\d{2}-\d{2}", b.page.text), b.page.text[:400]
    assert "Canceled" in b.page.text
    assert not any("QR" in i.get("alt", "") for i in b.page.images)
    assert b.get(qr_path).status_code == 404
    assert b.get("/permit/letter/download").status_code == 404
    officer = new_browser()
    officer.get(url)
    assert officer.page.h1s == ["Not valid"]


def test_permit_pages_need_the_pin_first(new_browser, person):
    b = new_browser()
    register_and_verify(b, person)
    r = b.get("/permit")
    assert r.history and r.history[0].headers["Location"] == "/permit/pin"
    r = b.get("/permit/qr.svg?t=forged")
    assert r.history and r.history[0].headers["Location"] == "/permit/pin"
