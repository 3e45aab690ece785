import Foundation
import PortalCore

/// What the environment variables of the contract select: the data folder and development or production.
struct PortalEnvironment {
    enum Mode: String { case development, production }

    let dataDirectory: URL
    let mode: Mode

    static func current() throws -> PortalEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let data = variables["PORTAL_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? "var"
        // Production unless told otherwise: forgetting the variable must never switch development adapters on.
        let modeName = variables["PORTAL_ENV"].flatMap { $0.isEmpty ? nil : $0 } ?? Mode.production.rawValue
        guard let mode = Mode(rawValue: modeName) else {
            throw PortalCommandError("PORTAL_ENV must be development or production, not \"\(modeName)\"")
        }
        return PortalEnvironment(dataDirectory: URL(fileURLWithPath: data, isDirectory: true), mode: mode)
    }

    /// The server secret in the data folder (`secret.key`), created on first start.
    func serverSecret() throws -> ServerSecret {
        try keyFile("secret.key", ServerSecret.loadOrCreate(at:))
    }

    /// The Ed25519 key pair QR tokens are signed with (`qr-signing.key`), created on first start.
    func qrSigner() throws -> PermitTokenSigner {
        try keyFile("qr-signing.key", PermitTokenSigner.loadOrCreate(at:))
    }

    /// A key kept as a file in the data folder; a file others could read stops the start with a plain message.
    private func keyFile<Key>(_ name: String, _ load: (String) throws -> Key) throws -> Key {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        do {
            return try load(dataDirectory.appendingPathComponent(name).path)
        } catch let error as SecretFile.LoadError {
            throw PortalCommandError(error.description)
        }
    }

    /// The database in the data folder, created (with the folder) on first use.
    func openDatabase() throws -> AppDatabase {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        return try AppDatabase.onDisk(path: dataDirectory.appendingPathComponent("portal.sqlite").path)
    }
}

/// A failure of a command, printed as it is.
struct PortalCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
