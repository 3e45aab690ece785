import GRDB

extension AppDatabase {
    /// Named migrations. Once shipped, a migration is never edited: a change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-27 registries") { db in
            try db.execute(sql: """
                CREATE TABLE permits (
                    permit_number TEXT PRIMARY KEY NOT NULL,
                    full_name TEXT NOT NULL, passport_number TEXT NOT NULL, nationality TEXT NOT NULL,
                    date_of_birth TEXT NOT NULL, sex TEXT NOT NULL, employer TEXT NOT NULL, position TEXT NOT NULL,
                    work_location TEXT NOT NULL, issue_date TEXT NOT NULL, valid_until TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('valid', 'canceled')),
                    cancellation_reason TEXT
                );
                CREATE TABLE ss_cards (
                    ss_number TEXT PRIMARY KEY NOT NULL, permit_number TEXT NOT NULL,
                    full_name TEXT NOT NULL, passport_number TEXT NOT NULL
                );
                CREATE INDEX ss_cards_permit ON ss_cards(permit_number);
                CREATE TABLE bank_cards (
                    card_number TEXT PRIMARY KEY NOT NULL, full_name TEXT NOT NULL,
                    passport_number TEXT NOT NULL, phone TEXT NOT NULL
                );
                CREATE TABLE sims (
                    phone TEXT PRIMARY KEY NOT NULL, full_name TEXT NOT NULL, passport_number TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("2026-11-27 accounts and sessions") { db in
            try db.execute(sql: """
                CREATE TABLE accounts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    permit_number TEXT NOT NULL UNIQUE,
                    full_name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending_face', 'pending_real_name', 'active')),
                    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
                    locked_until DATETIME,
                    failed_face_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_face_attempts >= 0),
                    face_locked_until DATETIME,
                    created_at DATETIME NOT NULL,
                    collected_at DATETIME
                );
                CREATE TABLE sessions (
                    token_digest TEXT PRIMARY KEY NOT NULL,
                    account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
                    created_at DATETIME NOT NULL,
                    last_seen_at DATETIME NOT NULL
                );
                CREATE INDEX sessions_last_seen ON sessions(last_seen_at);
                CREATE INDEX sessions_created ON sessions(created_at);
                CREATE INDEX sessions_account ON sessions(account_id);
                """)
        }
        migrator.registerMigration("2026-11-27 audit log") { db in
            try db.execute(sql: """
                CREATE TABLE audit_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    occurred_at DATETIME NOT NULL,
                    account_id INTEGER,
                    subject TEXT,
                    remote_address TEXT,
                    detail TEXT
                );
                CREATE INDEX audit_events_account ON audit_events(account_id);
                CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
                """)
        }
        migrator.registerMigration("2026-12-03 attempts") { db in
            // One table for every step whose failures are counted, so a new kind is a new value, not new columns,
            // and counting is one atomic statement (AppDatabase+Attempts). The counts and locks in force move over.
            try db.execute(sql: """
                CREATE TABLE attempts (
                    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                    locked_until DATETIME,
                    PRIMARY KEY (account_id, kind)
                ) WITHOUT ROWID;
                INSERT INTO attempts (account_id, kind, failures, locked_until)
                    SELECT id, 'login', failed_logins, locked_until FROM accounts
                    WHERE failed_logins > 0 OR locked_until IS NOT NULL;
                INSERT INTO attempts (account_id, kind, failures, locked_until)
                    SELECT id, 'face', failed_face_attempts, face_locked_until FROM accounts
                    WHERE failed_face_attempts > 0 OR face_locked_until IS NOT NULL;
                ALTER TABLE accounts DROP COLUMN failed_logins;
                ALTER TABLE accounts DROP COLUMN locked_until;
                ALTER TABLE accounts DROP COLUMN failed_face_attempts;
                ALTER TABLE accounts DROP COLUMN face_locked_until;
                """)
        }
        migrator.registerMigration("2026-12-03 real-name verification, SMS codes, password resets") { db in
            try db.execute(sql: """
                ALTER TABLE accounts ADD COLUMN real_name_method TEXT CHECK (real_name_method IN ('bank_card', 'phone'));
                ALTER TABLE accounts ADD COLUMN verified_phone TEXT;
                ALTER TABLE accounts ADD COLUMN real_name_verified_at DATETIME;
                CREATE TABLE sms_codes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    purpose TEXT NOT NULL,
                    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    owner_digest TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    code_mac TEXT NOT NULL,
                    sent_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL,
                    wrong_entries INTEGER NOT NULL DEFAULT 0 CHECK (wrong_entries >= 0),
                    used_at DATETIME
                );
                CREATE INDEX sms_codes_owner ON sms_codes(owner_digest, sent_at);
                CREATE INDEX sms_codes_phone ON sms_codes(phone, sent_at);
                CREATE INDEX sms_codes_account ON sms_codes(account_id, sent_at);
                CREATE TABLE password_resets (
                    token_digest TEXT PRIMARY KEY NOT NULL,
                    account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
                    created_at DATETIME NOT NULL,
                    last_sent_at DATETIME NOT NULL,
                    wrong_entries INTEGER NOT NULL DEFAULT 0 CHECK (wrong_entries >= 0),
                    verified_at DATETIME
                );
                CREATE INDEX password_resets_created ON password_resets(created_at);
                """)
        }
        migrator.registerMigration("2026-12-03 work-permit services") { db in
            try db.execute(sql: """
                ALTER TABLE accounts ADD COLUMN pin_hash TEXT;
                ALTER TABLE sessions ADD COLUMN permit_unlocked_until DATETIME;
                CREATE TABLE qr_tokens_used (
                    token_id TEXT PRIMARY KEY NOT NULL,
                    permit_number TEXT NOT NULL,
                    used_at DATETIME NOT NULL
                );
                CREATE INDEX qr_tokens_used_at ON qr_tokens_used(used_at);
                """)
        }
        migrator.registerMigration("2026-12-03 reminders") { db in
            try db.execute(sql: """
                ALTER TABLE accounts ADD COLUMN language TEXT;
                CREATE TABLE reminders (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('expiring', 'expired', 'canceled')),
                    permit_number TEXT NOT NULL,
                    valid_until TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    read_at DATETIME,
                    UNIQUE (account_id, kind, permit_number, valid_until)
                );
                CREATE INDEX reminders_unread ON reminders(account_id) WHERE read_at IS NULL;
                CREATE INDEX permits_valid_until ON permits(valid_until);
                """)
        }
        migrator.registerMigration("2026-12-03 typed-identifier attempts") { db in
            // Failures per typed identifier (a MAC of it, never the number itself), whether or not it has an account.
            try db.execute(sql: """
                CREATE TABLE typed_attempts (
                    key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                    locked_until DATETIME,
                    last_failure_at DATETIME NOT NULL,
                    PRIMARY KEY (key, kind)
                ) WITHOUT ROWID;
                CREATE INDEX typed_attempts_last ON typed_attempts(last_failure_at);
                """)
        }
        migrator.registerMigration("2026-12-03 permit cancellation day") { db in
            try db.execute(sql: "ALTER TABLE permits ADD COLUMN canceled_on TEXT")
        }
        return migrator
    }
}
