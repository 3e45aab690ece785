"""The HTML side of the end-to-end browser: a page parsed into its forms, controls, buttons, links and text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
