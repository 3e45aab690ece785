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

    public func upsert(_ produce: (_ write: (RegistryRecord) throws -> Void) throws -> Void) throws {
        try write { db in
            try produce { record in
                switch record {
                case .permit(let row):
                    try db.cachedStatement(sql: PermitRecord.importSQL).execute(arguments: PermitRecord(row).importArguments)
                case .socialSecurityCard(let row): try SocialSecurityCardRecord(row).upsert(db)
                case .bankCard(let row): try BankCardRecord(row).upsert(db)
                case .sim(let row): try SimRecord(row).upsert(db)
                }
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
