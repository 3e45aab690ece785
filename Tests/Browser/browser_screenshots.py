"""Full-page screenshots of the pages the suite visits, for people to look at (not compared by any test).

Folder: $BROWSER_SCREENSHOTS if set, else Tests/Browser/screenshots/ (git-ignored). Each run overwrites
the files of the same name and deletes nothing. Names say the language asked for and the page, e.g.
en-login-permit.png, zh-register-errors.png (a zh- file shows whatever the app answered to lang=zh).
"""
from __future__ import annotations

import base64
import math
import os
import re
from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver

ENVIRONMENT = "BROWSER_SCREENSHOTS"
DEFAULT_FOLDER = Path(__file__).resolve().parent / "screenshots"
DESKTOP_WIDTH = 1280  # CSS pixels; the window is 1280 wide (browser_portal.CHROMIUM_ARGUMENTS)


def folder() -> Path:
    path = Path(os.environ.get(ENVIRONMENT) or DEFAULT_FOLDER)
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_full_page(driver: WebDriver, name: str) -> Path:
    """The whole page as shown (not just the 1000 px high window), as folder()/<name>.png.
    Chromium's DevTools capture beyond the viewport, so the window and the page's layout stay as they are."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    assert stem, f"no file name in {name!r}"
    content = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "scale": 1,
            "width": max(DESKTOP_WIDTH, math.ceil(content["width"])), "height": math.ceil(content["height"])}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True, "clip": clip})
    path = folder() / f"{stem}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
