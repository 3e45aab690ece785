"""Reminders through nginx: a permit about to expire (at login), canceled and expired ones (by `portal reminders
run`), the count on every signed-in page, `Mark as read`, never twice."""
from __future__ import annotations

import csv
from datetime import timedelta

from e2e_data import PASSWORD, PERMIT_COLUMNS
from e2e_flows import log_out, login, register_and_verify
from e2e_stack import portal


def reminders_link(b) -> str:
    b.get("/card")
    return next(link.text for link in b.page.links if link.text.startswith("Reminders ("))


def reimport(stack, registry, person, **changes) -> None:
    """Writes the person's permit row again with `changes`, as the authorities' registry would change it."""
    row = person.row(registry.today)
    row.update(changes)
    path = stack.data / f"permit-{person.permit_number}.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=PERMIT_COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    portal(stack.data, "import", "permits", str(path))


def test_a_permit_about_to_expire_is_reminded_at_login_once_and_can_be_marked_read(new_browser, registry, stack):
    person = registry.take()
    b = new_browser()
    register_and_verify(b, person)
    assert reminders_link(b) == "Reminders (0)"
    reimport(stack, registry, person, valid_until=(registry.today + timedelta(days=20)).isoformat())
    log_out(b)
    login(b, person.permit_number, PASSWORD)
    assert reminders_link(b) == "Reminders (1)"
    b.follow_link("Reminders (1)")
    assert "Your work permit is about to expire" in b.page.text
    b.submit({}, "Mark as read")
    assert reminders_link(b) == "Reminders (0)"
    portal(stack.data, "reminders", "run")  # never twice for the same permit, kind and validity
    log_out(b)
    login(b, person.permit_number, PASSWORD)
    b.get("/reminders")
    assert b.page.text.count("about to expire") == 1


def test_canceled_and_expired_permits_are_reminded_by_the_command(new_browser, registry, stack):
    canceled, expired = registry.take(), registry.take()
    for person in (canceled, expired):
        register_and_verify(new_browser(), person)
    portal(stack.data, "permit", "cancel", canceled.permit_number, "--reason", "e2e")
    reimport(stack, registry, expired, valid_until=(registry.today - timedelta(days=1)).isoformat(),
             issue_date=(registry.today - timedelta(days=400)).isoformat())
    result = portal(stack.data, "reminders", "run")
    assert "reminders created" in result.stdout
    for person, words in [(canceled, "has been canceled"), (expired, "expired on")]:
        b = new_browser()
        login(b, person.permit_number, PASSWORD)
        assert reminders_link(b) == "Reminders (1)"
        b.get("/reminders")
        assert words in b.page.text and "Work permit services are no longer available" in b.page.text
