import Foundation

public enum AccountStoreError: Error, Equatable {
    case duplicatePermit
    case locked(until: Date)
    case noSuchAccount
}
