"""Session fixture: the real stack (nginx + debug `portal serve`) on a free port with a temporary data folder.

Builds nothing: `.build/debug/portal` (or $PORTAL_BIN) must exist. The registry is the suite's own
people (e2e_data.Registry), imported with `portal import …` and `portal permit cancel …`.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_browser import Browser  # noqa: E402
from e2e_data import Registry  # noqa: E402
from e2e_stack import Stack, make_data_folder, portal_bin  # noqa: E402


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry()


@pytest.fixture(scope="session")
def stack(registry, request):
    try:
        portal_bin()
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)
    data = make_data_folder("portal-e2e-")
    try:
        registry.write_and_import(data)
        # The whole suite posts from one address far faster than a person: the limit is lifted here and
        # tested on a stack of its own (test_rate_limit.py), so no test waits for the bucket to refill.
        stack = Stack(data, post_rate="1000r/s", post_burst="1000")
        stack.start()
    except BaseException:
        shutil.rmtree(data, ignore_errors=True)  # the error message carries the logs' tails
        raise
    failed_before = request.session.testsfailed
    yield stack
    stack.stop()  # raises (a teardown error) if it was slow or left processes behind
    if request.session.testsfailed == failed_before:
        shutil.rmtree(data, ignore_errors=True)
    else:
        print(f"\nend-to-end data folder kept for inspection: {data}")


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
