import Foundation
import Glibc
import Testing
@testable import PortalCore

@Suite struct ServerSecretTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString).key").path
    }

    @Test func createdOnFirstStartOwnerOnlyAndTheSameOnTheNext() throws {
        // Given no secret file
        let path = temporaryPath()
        defer { unlink(path) }
        // When the portal starts twice
        let first = try ServerSecret.loadOrCreate(at: path)
        let second = try ServerSecret.loadOrCreate(at: path)
        // Then the file holds 32 bytes, readable by its owner only, and both starts sign alike
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
        #expect(first.mac("nonce", purpose: "csrf") == second.mac("nonce", purpose: "csrf"))
    }

    @Test func aSecretOthersCanReadIsRefused() throws {
        // Given a secret file someone made group-readable
        let path = temporaryPath()
        defer { unlink(path) }
        _ = try ServerSecret.loadOrCreate(at: path)
        chmod(path, 0o640)
        // Then the start is refused, naming the mode
        #expect(throws: ServerSecret.LoadError.readableByOthers(path: path, mode: "640")) {
            try ServerSecret.loadOrCreate(at: path)
        }
    }

    @Test func aFileOfTheWrongSizeIsRefused() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        FileManager.default.createFile(atPath: path, contents: Data("short".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: ServerSecret.LoadError.self) { try ServerSecret.loadOrCreate(at: path) }
    }

    @Test func macsDependOnSecretPurposeAndMessage() {
        // Given two secrets
        let secret = ServerSecret.random(), other = ServerSecret.random()
        // Then a MAC is stable, and changes with the message, the purpose or the secret
        let mac = secret.mac("abc", purpose: "csrf visitor")
        #expect(mac == secret.mac("abc", purpose: "csrf visitor"))
        #expect(mac != secret.mac("abd", purpose: "csrf visitor"))
        #expect(mac != secret.mac("abc", purpose: "csrf session"))
        #expect(mac != other.mac("abc", purpose: "csrf visitor"))
        // and purpose and message cannot be shifted into each other
        #expect(secret.mac("b", purpose: "a") != secret.mac("", purpose: "ab"))
        #expect(mac.count == 43)
    }
}
