import GRDB

extension AppDatabase: RegistryStore {
    public func permit(number: String) throws -> Permit? {
        try read { db in try PermitRecord.fetchOne(db, key: number)?.permit }
    }

    public func socialSecurityCard(permitNumber: String) throws -> SocialSecurityCard? {
        try read { db in
            try SocialSecurityCardRecord.filter(Column("permit_number") == permitNumber).fetchOne(db)?.card
        }
    }

    public func socialSecurityCard(ssNumber: String) throws -> SocialSecurityCard? {
        try read { db in try SocialSecurityCardRecord.fetchOne(db, key: ssNumber)?.card }
    }

    public func bankCard(number: String) throws -> BankCard? {
        try read { db in try BankCardRecord.fetchOne(db, key: number)?.card }
    }

    public func sim(phone: String) throws -> SimRegistration? {
        try read { db in try SimRecord.fetchOne(db, key: phone)?.sim }
    }

    public func upsert(_ batch: RegistryBatch) throws {
        try write { db in
            switch batch {
            case .permits(let rows): for row in rows { try PermitRecord(row).upsert(db) }
            case .socialSecurityCards(let rows): for row in rows { try SocialSecurityCardRecord(row).upsert(db) }
            case .bankCards(let rows): for row in rows { try BankCardRecord(row).upsert(db) }
            case .sims(let rows): for row in rows { try SimRecord(row).upsert(db) }
            }
        }
    }

    public func cancelPermit(number: String, reason: String) throws {
        try write { db in
            guard var record = try PermitRecord.fetchOne(db, key: number) else {
                throw RegistryError.unknownPermit(number)
            }
            record.status = Permit.Status.canceled.rawValue
            record.cancellationReason = reason
            // The day in China Standard Time, the zone permits are issued in.
            record.canceledOn = try String.fetchOne(db, sql: "SELECT date('now', '+8 hours')")
            try record.update(db)
        }
    }
}
