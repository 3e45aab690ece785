"""A small form-driving browser for the end-to-end suite.

It behaves like a person with a browser without JavaScript: it opens pages, follows links by their
visible text, fills forms by field `name`, and submits with everything the form carries (hidden
`csrf_token` included), urlencoded or multipart as the form's `enctype` says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import requests

_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Collapse runs of whitespace the way a browser renders text."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Control:
    tag: str  # input, select, textarea
    type: str
    name: str
    value: str
    checked: bool
    attrs: dict


@dataclass
class Button:
    text: str
    name: str
    value: str
    type: str


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    attrs: dict
    controls: list = field(default_factory=list)
    buttons: list = field(default_factory=list)

    def control(self, name: str) -> Control | None:
        return next((c for c in self.controls if c.name == name), None)


@dataclass
class Link:
    href: str
    text: str
    attrs: dict


class _PageParser(HTMLParser):
    """Collects what the tests read: links, forms, headings, labels, visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title_parts: list[str] = []
        self.h1s: list[str] = []
        self.links: list[Link] = []
        self.forms: list[Form] = []
        self.inputs: list[Control] = []  # every input/select/textarea, in or out of a form
        self.label_for: set[str] = set()
        self.labelled_ids_wrapped: set[str] = set()
        self.images: list[dict] = []
        self.elements: list[tuple[str, dict]] = []  # every start tag, for structural assertions
        self.text_parts: list[str] = []
        self._skip = 0
        self._in_title = False
        self._form: Form | None = None
        self._captures: list[tuple[str, object, list[str]]] = []
        self._select: Control | None = None
        self._label_depth = 0

    # -- tags ---------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        self.elements.append((tag, a))
        if tag == "html":
            self.lang = a.get("lang")
        elif tag in ("script", "style", "template"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._captures.append(("h1", None, []))
        elif tag == "a":
            self._captures.append(("a", a, []))
        elif tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag == "form":
            self._form = Form(
                action=a.get("action", ""),
                method=(a.get("method") or "get").lower(),
                enctype=(a.get("enctype") or "application/x-www-form-urlencoded").lower(),
                attrs=a,
            )
            self.forms.append(self._form)
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "image", "button", "reset"):
                if kind in ("submit", "image") and self._form is not None:
                    self._form.buttons.append(Button(a.get("value", ""), a.get("name", ""), a.get("value", ""), kind))
            else:
                self._add_control(Control("input", kind, a.get("name", ""), a.get("value", ""), "checked" in a, a))
        elif tag == "button":
            self._captures.append(("button", a, []))
        elif tag == "select":
            self._select = Control("select", "select", a.get("name", ""), "", False, a)
            self._add_control(self._select)
        elif tag == "option":
            self._captures.append(("option", a, []))
        elif tag == "textarea":
            self._captures.append(("textarea", a, []))
        elif tag == "img":
            self.images.append(a)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == "form":
            self._form = None
        elif tag == "label":
            self._label_depth = max(0, self._label_depth - 1)
        elif tag == "select":
            self._select = None
        elif tag in ("h1", "a", "button", "option", "textarea"):
            self._close(tag)

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_title:
            self.title_parts.append(data)
            return
        self.text_parts.append(data)
        for _, _, parts in self._captures:
            parts.append(data)

    # -- helpers ------------------------------------------------------------------------------
    def _add_control(self, control: Control) -> None:
        if self._label_depth and control.attrs.get("id"):
            self.labelled_ids_wrapped.add(control.attrs["id"])
        control.attrs["__wrapped_in_label"] = bool(self._label_depth)
        self.inputs.append(control)
        if self._form is not None:
            self._form.controls.append(control)

    def _close(self, tag: str) -> None:
        for i in range(len(self._captures) - 1, -1, -1):
            kind, a, parts = self._captures[i]
            if kind != tag:
                continue
            del self._captures[i]
            text = norm("".join(parts))
            if kind == "h1":
                self.h1s.append(text)
            elif kind == "a":
                self.links.append(Link(a.get("href", ""), text, a))
            elif kind == "button":
                kind_attr = (a.get("type") or "submit").lower()
                if kind_attr == "submit" and self._form is not None:
                    self._form.buttons.append(Button(text, a.get("name", ""), a.get("value", ""), kind_attr))
            elif kind == "option":
                if self._select is not None and ("selected" in a or not self._select.value):
                    self._select.value = a.get("value", text)
            elif kind == "textarea":
                self._add_control(Control("textarea", "textarea", a.get("name", ""), "".join(parts), False, a))
            return


class Page:
    """A parsed HTML response."""

    def __init__(self, response: requests.Response):
        self.response = response
        self.url = response.url
        self.html = response.text
        parser = _PageParser()
        parser.feed(self.html)
        parser.close()
        self.lang = parser.lang
        self.title = norm("".join(parser.title_parts))
        self.h1s = parser.h1s
        self.links = parser.links
        self.forms = parser.forms
        self.inputs = parser.inputs
        self.label_for = parser.label_for
        self.images = parser.images
        self.elements = parser.elements
        self.text = norm(" ".join(parser.text_parts))

    def form_with_button(self, button_text: str) -> tuple[Form, Button]:
        for form in self.forms:
            for button in form.buttons:
                if norm(button.text) == button_text:
                    return form, button
        available = [b.text for f in self.forms for b in f.buttons]
        raise AssertionError(f"no form with a button {button_text!r} on {self.url}; buttons: {available}")

    def field(self, name: str) -> Control | None:
        return next((c for c in self.inputs if c.name == name), None)


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
