"""A small form-driving browser for the end-to-end suite.

It behaves like a person with a browser without JavaScript: it opens pages, follows links by their
visible text, fills forms by field `name`, and submits with everything the form carries (hidden
`csrf_token` included), urlencoded or multipart as the form's `enctype` says.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import requests

from e2e_html import Page


class Browser:
    """requests.Session plus HTML forms and links."""

    def __init__(self, base_url: str, timeout: float = 30):
        self.base = base_url.rstrip("/") + "/"
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies from the environment
        self.session.headers["User-Agent"] = "portal-e2e/1.0"
        self.timeout = timeout
        self.response: requests.Response | None = None
        self.page: Page | None = None

    # -- navigation -------------------------------------------------------------------------
    def url(self, path: str) -> str:
        current = self.response.url if self.response is not None else self.base
        return urljoin(current, path)

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        response = self.session.request(method, self.url(path), **kwargs)
        self.response = response
        ctype = response.headers.get("Content-Type", "")
        self.page = Page(response) if "html" in ctype else None
        if self.page is not None:
            keep_page(method, response)
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def follow_link(self, text: str) -> requests.Response:
        page = self.require_page()
        matches = [link for link in page.links if link.text == text]
        assert matches, f"no link {text!r} on {page.url}; links: {[l.text for l in page.links]}"
        return self.get(matches[0].href)

    def submit(self, form_fields: dict | None = None, button_text: str = "", omit: tuple = ()) -> requests.Response:
        """Submits the form holding the button, as a browser would.

        form_fields override what the form carries (hidden inputs included); a value that is a
        tuple (filename, bytes, content_type) is a file. Names in `omit` are not sent at all.
        """
        form_fields = dict(form_fields or {})
        page = self.require_page()
        form, button = page.form_with_button(button_text)
        pairs: list[tuple[str, object]] = []
        seen: set[str] = set()
        for control in form.controls:
            if not control.name or "disabled" in control.attrs:
                continue
            if control.type in ("checkbox", "radio") and not control.checked and control.name not in form_fields:
                continue
            if control.name in form_fields:
                if control.name in seen:
                    continue
                seen.add(control.name)
                pairs.append((control.name, form_fields[control.name]))
            elif control.type == "file":
                pairs.append((control.name, ("", b"", "application/octet-stream")))
            else:
                pairs.append((control.name, control.value))
        for name, value in form_fields.items():
            if name not in seen and not form.control(name):
                pairs.append((name, value))
        if button.name:
            pairs.append((button.name, button.value))
        pairs = [(n, v) for n, v in pairs if n not in omit]

        method = form.method.upper()
        target = form.action or page.url
        if method == "GET":
            return self.get(target, params=[(n, v) for n, v in pairs])
        if form.enctype.startswith("multipart/form-data"):
            files = []
            for name, value in pairs:
                if isinstance(value, tuple):
                    files.append((name, value))
                else:
                    files.append((name, (None, value)))
            return self.post(target, files=files)
        assert all(not isinstance(v, tuple) for _, v in pairs), "a file needs enctype multipart/form-data"
        return self.post(target, data=pairs)

    # -- reading ----------------------------------------------------------------------------
    def require_page(self) -> Page:
        assert self.page is not None, f"not an HTML page: {self.response and self.response.url}"
        return self.page

    @property
    def path(self) -> str:
        return urlparse(self.response.url).path

    @property
    def text(self) -> str:
        return self.require_page().text

    def field_value(self, name: str) -> str | None:
        control = self.require_page().field(name)
        return None if control is None else control.value

    def csrf_token(self) -> str:
        token = self.field_value("csrf_token")
        assert token, f"no csrf_token on {self.response.url}"
        return token

    def cookie(self, name: str = "portal_session") -> str | None:
        return self.session.cookies.get(name)


def redirects(response: requests.Response) -> list[tuple[int, str]]:
    """(status, Location path) of each redirect that led to this response."""
    return [(r.status_code, urlparse(r.headers.get("Location", "")).path) for r in response.history]


def set_cookies(response: requests.Response) -> list[str]:
    """Every Set-Cookie header along the redirect chain, in order."""
    headers = []
    for r in list(response.history) + [response]:
        headers.extend(r.raw.headers.getlist("Set-Cookie") if r.raw is not None else [])
    return headers


def keep_page(method: str, response: requests.Response) -> None:
    """With PORTAL_PAGES_DIR set (scripts/test.sh sets it), keeps every HTML page the suite is given, once per
    distinct content, for the W3C Nu HTML checker (scripts/check-pages.sh); index.tsv says where each came from."""
    folder = os.environ.get("PORTAL_PAGES_DIR")
    if not folder:
        return
    digest = hashlib.sha256(response.content).hexdigest()[:20]
    path = Path(folder) / f"{digest}.html"
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(response.content)
    lang = re.search(rb'<html[^>]*\blang="([^"]+)"', response.content)
    with open(Path(folder) / "index.tsv", "a", encoding="utf-8") as index:
        index.write(f"{path.name}\t{method}\t{urlparse(response.url).path}\t{response.status_code}\t"
                    f"{lang.group(1).decode() if lang else '-'}\n")
