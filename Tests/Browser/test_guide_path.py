"""The guide's whole path in a real browser: registration, facial recognition (with chromium's fake
webcam through public/js/face.js, or with a chosen photo file), the e-card, and logging out. In English
(chromium's en-US, no lang cookie). Each page on the way is saved as a full-page screenshot,
en-guide-<step>-<page>.png and en-guide-file-<step>-<page>.png (browser_screenshots.py)."""
from browser_flows import (
    HOME_HEADING, PERMIT_PORTAL, REGISTRATION_BUTTON, assert_card_shows, choose_photo_file, log_out,
    register, verify_and_see_card,
)
from e2e_data import PASSWORD

FACE_INPUT_FILES = "return document.getElementById('face_image').files"


def camera_status(p) -> str:
    return p.driver.execute_script("var s = document.querySelector('[data-camera] [role=status]');"
                                   "return s ? s.textContent : null;")


def test_guide_path_with_the_webcam_to_the_card_and_out(portal, person):
    p = portal
    p.open("/")
    assert p.h1() == HOME_HEADING
    p.screenshot("guide-01-home")
    p.follow_link("Login")
    p.wait_for_path("/login")
    p.screenshot("guide-02-login")
    p.follow_link(PERMIT_PORTAL)
    p.wait_for_path("/login/permit")
    p.screenshot("guide-03-login-permit")
    p.follow_link("Registration")
    p.wait_for_path("/register")
    assert p.h1() == "Registration"
    p.fill({"full_name": person.full_name, "permit_number": person.permit_number,
            "password": PASSWORD, "password_confirm": PASSWORD})
    p.screenshot("guide-04-register-filled")
    p.press(REGISTRATION_BUTTON)
    assert p.path == "/register/face", p.text()[:600]
    assert p.h1() == "Facial recognition"

    # face.js replaced nothing: it added a camera UI next to the plain file input.
    p.wait(lambda d: camera_status(p) == "You can use your camera to take the photo, or choose a photo file.",
           "face.js did not announce the camera option")
    take = p.button("Take photo")
    assert not take.is_enabled(), "Take photo is usable before the camera is on"
    p.screenshot("guide-05-register-face")
    p.button("Start camera").click()
    p.wait(lambda d: take.is_enabled(), "Take photo did not become usable: the fake camera did not start")
    p.wait(lambda d: d.execute_script("var v = document.querySelector('[data-camera] video');"
                                      "return !!v && !v.hidden && v.videoWidth >= 64 && v.videoHeight >= 64;"),
           "the camera preview shows no video")
    assert not p.button("Start camera").is_displayed(), "Start camera is still shown while the camera is on"
    p.wait(lambda d: camera_status(p) == "The camera is on. Look at the camera, then choose Take photo.",
           "no announcement that the camera is on")
    assert p.driver.switch_to.active_element == take, "focus did not move to Take photo"
    p.screenshot("guide-06-register-face-camera-on")

    take.click()
    p.wait(lambda d: len(d.execute_script(FACE_INPUT_FILES)) == 1, "the photo did not reach the file input")
    p.wait(lambda d: camera_status(p) == "Photo taken. Choose Verify to continue, or take the photo again.",
           "no announcement that the photo was taken")
    still = p.driver.execute_script("var i = document.querySelector('[data-camera] img');"
                                    "return {hidden: i.hidden, src: i.getAttribute('src'), alt: i.alt,"
                                    " loaded: i.complete && i.naturalWidth > 0};")
    assert not still["hidden"] and still["src"].startswith("blob:"), still
    p.wait(lambda d: d.execute_script("var i = document.querySelector('[data-camera] img');"
                                      "return i.complete && i.naturalWidth > 0;"),
           "the still's blob: preview did not load (CSP img-src blob:?)")
    assert p.button("Take photo again")
    photo = p.driver.execute_script("var f = document.getElementById('face_image').files[0];"
                                    "return {name: f.name, type: f.type, size: f.size};")
    assert photo["type"] == "image/jpeg" and photo["size"] > 1000, photo
    p.screenshot("guide-07-register-face-photo-taken")

    verify_and_see_card(p, person)
    p.screenshot("guide-08-card")
    errors = p.console_errors()
    assert not errors, f"browser console errors on the way: {errors}"

    log_out(p)
    p.screenshot("guide-09-home-logged-out")
    p.open("/card")
    assert p.path.startswith("/login"), f"/card after logging out went to {p.path}, not a login page"
    p.screenshot("guide-10-card-logged-out")


def test_registration_with_a_chosen_photo_file(portal, person):
    register(portal, person)
    choose_photo_file(portal)
    # face.js previews a chosen file like a taken photo; the server sees the file input only.
    portal.wait(lambda d: d.execute_script("var i = document.querySelector('[data-camera] img');"
                                           "return !!i && !i.hidden && i.complete && i.naturalWidth === 200;"),
                "the chosen photo was not previewed")
    portal.screenshot("guide-file-1-register-face-photo-chosen")
    verify_and_see_card(portal, person)
    portal.screenshot("guide-file-2-card")
    errors = portal.console_errors()
    assert not errors, f"browser console errors on the way: {errors}"

    # The account works afterwards: log out, log in with the permit number and the password.
    log_out(portal)
    portal.follow_link("Login")
    portal.wait_for_path("/login")
    portal.follow_link(PERMIT_PORTAL)
    portal.wait_for_path("/login/permit")
    portal.fill({"permit_number": person.permit_number, "password": PASSWORD})
    portal.screenshot("guide-file-3-login-permit-filled")
    portal.press("Login")
    assert portal.path == "/card", f"login led to {portal.path}\n{portal.text()[:400]}"
    assert_card_shows(portal, person)
    portal.screenshot("guide-file-4-card-after-login")
