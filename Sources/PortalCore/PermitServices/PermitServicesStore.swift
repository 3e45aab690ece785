import Foundation

/// Persistence of what work-permit services keep: the PIN, the session's unlock, and the QR ids already used.
public protocol PermitServicesStore: Sendable {
    /// Sets the PIN hash and unlocks `sessionDigest` until `unlockedUntil`, with the event. A first PIN
    /// (`replacing: false`) is set only while none exists: a second tab or a racing post throws
    /// `PermitServicesError.alreadySet` instead of overwriting it.
    func setPin(accountID: Int64, hash: String, replacing: Bool, sessionDigest: String, unlockedUntil: Date,
                event: AuditEvent) throws
    /// Unlocks (or keeps unlocked) the session's permit services until `until`; clears the PIN's failure count when
    /// `clearingFailures`, refusing with `AccountStoreError.locked` while a lock set in parallel is in force.
    func unlock(sessionDigest: String, until: Date, accountID: Int64, clearingFailures: Bool, at now: Date) throws
    /// The PIN hash as stored now (a check that waited for its turn must see a PIN changed meanwhile).
    func pinHash(accountID: Int64) throws -> String?
    /// Records the use of a QR token's id; false when it had been used before (one statement decides).
    func useToken(id: String, permitNumber: String, at date: Date) throws -> Bool
}
