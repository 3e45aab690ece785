"""The suite's own registry people (not the demo data), written as CSV and imported, and test images."""
from __future__ import annotations

import csv
import itertools
import os
import struct
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from e2e_stack import portal

PASSWORD = "Portal2026!x"  # two classes and more, not common, contains no fixture name or permit number

PERMIT_COLUMNS = [
    "permit_number", "full_name", "passport_number", "nationality", "date_of_birth", "sex",
    "employer", "position", "work_location", "issue_date", "valid_until", "status",
]

FIRST_NAMES = ["AMELIA", "BRUNO", "CLARA", "DIEGO", "ELENA", "FELIX", "GRETA", "HUGO", "INGRID", "JONAS"]
LAST_NAMES = ["BECKER", "NOVAK", "ROSSI", "DUBOIS", "LARSEN", "WEBER", "MORAN"]


def luhn_completed(body: str) -> str:
    """`body` with the check digit that makes it pass the Luhn check, as real card numbers do."""
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:  # doubled once the check digit is appended
            digit = digit * 2 - 9 if digit * 2 > 9 else digit * 2
        total += digit
    return body + str((10 - total % 10) % 10)


@dataclass(frozen=True)
class CardHolder:
    """A holder of a physical Social Security Card, with a bank card and a SIM registered to them."""
    person: "Person"
    ss_number: str
    bank_card: str
    phone: str


@dataclass(frozen=True)
class Person:
    permit_number: str
    full_name: str
    passport_number: str
    valid_until: date
    nationality: str = "Germany"
    sex: str = "F"

    @property
    def masked_permit(self) -> str:
        return "*" * (len(self.permit_number) - 4) + self.permit_number[-4:]

    def row(self, today: date) -> dict:
        return {
            "permit_number": self.permit_number,
            "full_name": self.full_name,
            "passport_number": self.passport_number,
            "nationality": self.nationality,
            "date_of_birth": "1990-05-17",
            "sex": self.sex,
            "employer": "Hainan Example Trading Co., Ltd.",  # a comma: the CSV must be quoted properly
            "position": "Engineer",
            "work_location": "Haikou",
            "issue_date": (min(self.valid_until, today) - timedelta(days=365)).isoformat(),
            "valid_until": self.valid_until.isoformat(),
            "status": "valid",
        }


class Registry:
    """Everyone the suite may register, imported once per stack."""

    def __init__(self, today: date | None = None):
        self.today = today or date.today()
        far = self.today + timedelta(days=730)
        self.pool = [
            Person(f"WP2099{n:06d}", f"{first} {last}", f"E2E{n:06d}", far)
            for n, (first, last) in enumerate(itertools.product(FIRST_NAMES, LAST_NAMES), start=101)
        ]
        self.expiring = Person("WP2099000901", "SOFIA MORENO", "E2E000901", self.today + timedelta(days=20), "Spain")
        self.expired = Person("WP2099000902", "HIROSHI SATO", "E2E000902", self.today - timedelta(days=30), "Japan", "M")
        self.canceled = Person("WP2099000903", "PIERRE LAMBERT", "E2E000903", far, "France", "M")
        self.card_holders = [
            CardHolder(Person(f"WP2099100{n:03d}", f"{first} {last}", f"E2EC{n:05d}", far, "United Kingdom", "M"),
                       ss_number=f"4401000001{n:08d}", bank_card=luhn_completed(f"622202000001{n:06d}"),
                       phone=f"1380010{n:04d}")
            for n, (first, last) in enumerate(itertools.product(["WILLIAM", "OLIVER", "HARRY", "GEORGE"],
                                                               ["JONES", "TAYLOR", "BROWN", "WILSON", "EVANS"]), start=1)
        ]
        # The first one is the holder the older tests share (real-name verification never finished there).
        self.card_holder = self.card_holders[0].person
        self.card_holder_ss_number = self.card_holders[0].ss_number
        self.unknown_permit = "WP2099999999"
        self._unused = iter(self.pool)
        self._unused_holders = iter(self.card_holders[1:])

    def take(self) -> Person:
        """A valid person no other test uses (so tests do not depend on each other's order)."""
        try:
            return next(self._unused)
        except StopIteration:
            raise AssertionError("the fixture person pool is used up: add names to e2e_data.py") from None

    def take_card_holder(self) -> CardHolder:
        """A card holder no other test uses."""
        try:
            return next(self._unused_holders)
        except StopIteration:
            raise AssertionError("the card holder pool is used up: add names to e2e_data.py") from None

    def everyone(self) -> list[Person]:
        return self.pool + [self.expiring, self.expired, self.canceled] + [h.person for h in self.card_holders]

    def write_and_import(self, data: Path) -> None:
        folder = data / "registry-csv"
        folder.mkdir(exist_ok=True)
        permits = folder / "permits.csv"
        with open(permits, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=PERMIT_COLUMNS)
            writer.writeheader()
            for person in self.everyone():
                writer.writerow(person.row(self.today))
        holders = self.card_holders
        ss_cards = folder / "ss-cards.csv"
        self._write(ss_cards, ["ss_number", "permit_number", "full_name", "passport_number"],
                    [[h.ss_number, h.person.permit_number, h.person.full_name, h.person.passport_number] for h in holders])
        bank_cards = folder / "bank-cards.csv"
        self._write(bank_cards, ["card_number", "full_name", "passport_number", "phone"],
                    [[h.bank_card, h.person.full_name, h.person.passport_number, h.phone] for h in holders])
        sims = folder / "sims.csv"
        self._write(sims, ["phone", "full_name", "passport_number"],
                    [[h.phone, h.person.full_name, h.person.passport_number] for h in holders])

        portal(data, "import", "permits", str(permits))
        portal(data, "import", "ss-cards", str(ss_cards))
        portal(data, "import", "bank-cards", str(bank_cards))
        portal(data, "import", "sims", str(sims))
        portal(data, "permit", "cancel", self.canceled.permit_number, "--reason", "Employment ended (e2e fixture)")

    @staticmethod
    def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)


def png(width: int = 200, height: int = 200, noise: bool = False) -> bytes:
    """A real RGB PNG built with zlib + struct (a gradient, or incompressible noise for size tests)."""
    if noise:
        raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    else:
        raw = b"".join(
            b"\x00" + bytes(v for x in range(width) for v in (x % 256, y % 256, (x + y) % 256))
            for y in range(height)
        )

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")
