"""Headless chromium on the stack, and a small page object that acts the way a person does: it clicks
links and buttons by their visible text, types into fields found by `name`, and waits for the page that
follows (never a fixed sleep)."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser_screenshots import save_full_page

_NAVIGATING = re.compile(r"context with specified id|context was destroyed|frame (was )?detached|target frame|"
                         r"no such execution context|node with given id", re.IGNORECASE)
WAIT = 15.0  # seconds any one condition may take (a page, the fake camera starting); generous for a busy CI

CHROMIUM_ARGUMENTS = [
    "--headless=new",
    "--no-sandbox",  # root, in a container
    "--disable-dev-shm-usage",
    # A synthetic webcam, granted without a prompt: getUserMedia works on http://127.0.0.1 (a secure context).
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--window-size=1280,1000",
    "--lang=en-US",
]


def _find(names: list[str], fallbacks: list[str]) -> str:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for path in fallbacks:
        if Path(path).is_file():
            return path
    raise FileNotFoundError(f"{names[0]} is not installed: run `bash scripts/install-deps.sh` (Debian's chromium and chromium-driver)")


def start_chromium(folder: Path) -> WebDriver:
    """Debian's chromium through Debian's chromedriver: both paths are given, so Selenium Manager
    never tries to download a browser or a driver. Its log (chromedriver.log) and its temporary files
    stay in `folder` (chromium would otherwise leave an org.chromium.Chromium.* folder in /tmp per run)."""
    temporary = folder / "chromium-tmp"
    temporary.mkdir(exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = _find(["chromium", "chromium-browser"], ["/usr/bin/chromium"])
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(_find(["chromedriver"], ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]),
                      log_output=str(folder / "chromedriver.log"), env={**os.environ, "TMPDIR": str(temporary)})
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)  # axe-core on one page takes well under a second
    return driver


LANGUAGE_COOKIE = "lang"  # the app chooses the language from it (en, zh), else from Accept-Language
HTML_LANG = {"en": "en", "zh": "zh-Hans"}  # the <html lang> each language's pages carry


class Portal:
    """The browser on one stack (base_url), as one visitor."""

    def __init__(self, driver: WebDriver, base_url: str, data: Path):
        self.driver = driver
        self.base_url = base_url
        self.data = data
        # The language this visitor asks for; chromium's own Accept-Language is en-US (--lang).
        self.language = "en"

    def use_language(self, language: str) -> None:
        """Asks for `language` from now on, by the `lang` cookie. A cookie can only be set for the origin of
        the page shown, so this opens the home page first."""
        assert language in HTML_LANG, language
        self.open("/")
        self.driver.add_cookie({"name": LANGUAGE_COOKIE, "value": language, "path": "/"})
        self.language = language

    def screenshot(self, page: str) -> Path:
        """A full-page screenshot named <language>-<page>.png (browser_screenshots.py)."""
        return save_full_page(self.driver, f"{self.language}-{page}")

    # ---- reading the page ----
    @property
    def path(self) -> str:
        return urlparse(self.driver.current_url).path

    @property
    def title(self) -> str:
        return self.driver.title

    def h1(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def html_lang(self) -> str | None:
        return self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")

    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def field(self, name: str) -> WebElement:
        return self.driver.find_element(By.NAME, name)

    def button(self, text: str) -> WebElement:
        return self.driver.find_element(By.XPATH, f"//button[normalize-space()={_xpath_literal(text)}]")

    def buttons(self, text: str) -> list[WebElement]:
        return self.driver.find_elements(By.XPATH, f"//button[normalize-space()={_xpath_literal(text)}]")

    def link(self, text: str) -> WebElement:
        return self.driver.find_element(By.LINK_TEXT, text)

    def console_errors(self) -> list[dict]:
        """SEVERE entries of the browser console since the last call (JS errors, CSP refusals, failed loads)."""
        return [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    # ---- acting ----
    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)
        self._wait_loaded()

    def follow_link(self, text: str) -> None:
        self._click_to_new_page(self.link(text))

    def follow_href(self, href: str) -> None:
        """Clicks the link in <main> that goes to `href`, whatever its words (for the tests run in each language)."""
        self._click_to_new_page(self.driver.find_element(By.CSS_SELECTOR, f"main a[href={_css_string(href)}]"))

    def press(self, button_text: str) -> None:
        """Clicks a button that submits a form, and waits for the page the server answers with."""
        self._click_to_new_page(self.button(button_text))

    def submit(self, form: str = "main form") -> None:
        """Clicks the submit button of the form in <main> (the first one), whatever its words (the header's Log out
        form is outside <main>), and waits for the page the server answers with. `form`, a CSS selector, names
        another form (say, "main form.resend", "header form.header__logout")."""
        self._click_to_new_page(self.driver.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]"))

    def fill(self, fields: dict[str, str]) -> None:
        for name, value in fields.items():
            element = self.field(name)
            element.clear()
            element.send_keys(value)

    # ---- waiting ----
    def wait(self, condition, message: str, timeout: float = WAIT):
        """WebDriverWait on `condition(driver)`. Elements replaced meanwhile are simply read again, and a
        query that meets a page being swapped out ("Cannot find context with specified id", "Execution
        context was destroyed") counts as not yet, rather than failing the test on a race."""
        last = []

        def tolerant(driver):
            try:
                return condition(driver)
            except WebDriverException as error:
                if not isinstance(error, StaleElementReferenceException) and not _NAVIGATING.search(str(error)):
                    raise
                first_line = (error.msg or repr(error)).splitlines()[0]
                last[:] = [f"{type(error).__name__}: {first_line}"]
                return False

        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(tolerant, message)
        except TimeoutException as error:
            if last:
                raise TimeoutException(f"{message} (last error: {last[0]})") from error
            raise

    def wait_for_path(self, path: str) -> None:
        self.wait(lambda d: urlparse(d.current_url).path == path,
                  f"expected to arrive at {path}")
        self._wait_loaded()

    def _click_to_new_page(self, element: WebElement) -> None:
        old = self.driver.find_element(By.TAG_NAME, "html")
        what = f"clicking <{element.tag_name}> {element.text!r} on {self.path}"  # read before the page goes
        element.click()
        self.wait(EC.staleness_of(old), f"{what} did not load a new page")
        self._wait_loaded()

    def _wait_loaded(self) -> None:
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete",
                  f"{self.driver.current_url} did not finish loading")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat('" + text.replace("'", "', \"'\", '") + "')"
