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
        return migrator
    }
}
