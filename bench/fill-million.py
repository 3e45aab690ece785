#!/usr/bin/env python3
"""Fills a migrated portal database with generated holders for the benchmark's "a million holders" figure:
COUNT permits in the registry, COUNT active accounts (registration and facial recognition done) and one live
session each. Prints the Cookie header of one generated holder's session (number COUNT / 2); progress on stderr.

  python3 bench/fill-million.py DATABASE [--count 1000000]

Sessions are found by the SHA-256 (hex) of the cookie's token (SecureToken.digest); tokens here are 43
characters of base64url like the app's own. Nothing is committed: the data is generated each run.
"""
import argparse
import base64
import datetime
import hashlib
import sqlite3
import sys
import time

FIRST_NUMBER = 5000000000  # WP5000000000 onwards: apart from the demo people and the import bench's rows
# One well-formed Argon2id PHC string for every generated account: nobody logs in with them.
PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0YmVuY2hzYQ$" + "A" * 43


def token(index):
    return base64.urlsafe_b64encode(hashlib.sha256(b"bench-holder-%d" % index).digest()).rstrip(b"=").decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--count", type=int, default=1_000_000)
    arguments = parser.parse_args()
    count = arguments.count
    started = time.monotonic()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.000")
    today = datetime.date.today()
    issued, valid = today - datetime.timedelta(days=100), today + datetime.timedelta(days=700)

    db = sqlite3.connect(arguments.database, timeout=30, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    db.execute("""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
        INSERT INTO permits (permit_number, full_name, passport_number, nationality, date_of_birth, sex, employer,
                             position, work_location, issue_date, valid_until, status)
        SELECT 'WP' || (? + i), 'HOLDER ' || i, 'P' || (20000000 + i), 'Germany',
               '1990-01-' || printf('%02d', 1 + i % 28), CASE i % 2 WHEN 0 THEN 'M' ELSE 'F' END,
               'Hainan Example Co Ltd', 'Engineer', 'Haikou', ?, ?, 'valid'
        FROM n""", (count, FIRST_NUMBER, str(issued), str(valid)))
    print(f"fill-million: {count} permits in {time.monotonic() - started:.1f} s", file=sys.stderr)
    first_id = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM accounts").fetchone()[0]
    db.execute("""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
        INSERT INTO accounts (id, permit_number, full_name, password_hash, state, created_at)
        SELECT ? + i, 'WP' || (? + i), 'HOLDER ' || i, ?, 'active', ? FROM n""",
               (count, first_id, FIRST_NUMBER, PASSWORD_HASH, now))
    print(f"fill-million: {count} accounts in {time.monotonic() - started:.1f} s", file=sys.stderr)
    db.executemany(
        "INSERT INTO sessions (token_digest, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
        ((hashlib.sha256(token(i).encode()).hexdigest(), first_id + i, now, now) for i in range(count)))
    db.execute("COMMIT")
    print(f"fill-million: {count} sessions in {time.monotonic() - started:.1f} s", file=sys.stderr)
    db.close()
    print(f"portal_session={token(count // 2)}")


if __name__ == "__main__":
    main()
