"""Session fixture: the real stack (nginx + debug `portal serve`) on a free port with a temporary data folder.

Builds nothing: `.build/debug/portal` (or $PORTAL_BIN) must exist. The registry is the suite's own
people (e2e_data.Registry), imported with `portal import …` and `portal permit cancel …`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_browser import Browser  # noqa: E402
from e2e_data import Registry  # noqa: E402
from e2e_stack import session_stack  # noqa: E402


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry()


@pytest.fixture(scope="session")
def stack(registry, request):
    yield from session_stack(registry, request, "portal-e2e-",
                             lambda data: print(f"\nend-to-end data folder kept for inspection: {data}"))


@pytest.fixture
def new_browser(stack):
    """Factory: a fresh browser (its own cookie jar) on the stack."""
    browsers = []

    def make() -> Browser:
        b = Browser(stack.base_url)
        browsers.append(b)
        return b

    yield make
    for b in browsers:
        b.session.close()


@pytest.fixture
def browser(new_browser) -> Browser:
    return new_browser()


@pytest.fixture
def person(registry):
    """A valid registry person that no other test registers."""
    return registry.take()
