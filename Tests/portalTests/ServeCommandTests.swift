import ArgumentParser
import Foundation
import PortalCore
import Testing
@testable import portal

@Suite struct ServeCommandTests {
    private func command(threads: Int) throws -> ServeCommand {
        try ServeCommand.parse(["--socket", "/tmp/portal-test.sock", "--threads", String(threads)])
    }

    @Test func hashingLeavesACoreAndHalfTheThreadsToThePages() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // With 8 threads: every core but one hashes (at most 2 = 8 / 4); hashing or queued, half the threads
        let gate = try command(threads: 8).hashingGate()
        #expect(gate.concurrentHashes == max(1, min(cores - 1, 2)))
        #expect(gate.capacity == 4)
        // With the default 32 threads, 16 logins may be let in, at most 4 of them from one address
        let standard = try ServeCommand.parse(["--socket", "/tmp/portal-test.sock"]).hashingGate()
        #expect(standard.capacity == 16 && standard.perClientLimit == 4)
        // With one thread, one hash still runs: the gate never shuts logins out
        let single = try command(threads: 1).hashingGate()
        #expect(single.concurrentHashes == 1 && single.capacity == 1)
        // With many threads, the cores set the bound
        #expect(try command(threads: 256).hashingGate().concurrentHashes == max(1, cores - 1))
    }

    @Test func threadsOutsideOneTo256AreRefused() {
        #expect(throws: (any Error).self) { try command(threads: 0) }
        #expect(throws: (any Error).self) { try command(threads: 257) }
    }
}

@Suite(.serialized) struct PortalEnvironmentTests {
    @Test func productionUnlessToldOtherwiseAndTheDataFolderDefaultsToVar() throws {
        unsetenv("PORTAL_ENV")
        unsetenv("PORTAL_DATA")
        let environment = try PortalEnvironment.current()
        #expect(environment.mode == .production)
        #expect(environment.dataDirectory.lastPathComponent == "var")
    }

    @Test func anEmptyValueIsTheDefaultAndAnUnknownModeIsRefused() throws {
        setenv("PORTAL_ENV", "", 1)
        defer { unsetenv("PORTAL_ENV") }
        #expect(try PortalEnvironment.current().mode == .production)
        setenv("PORTAL_ENV", "staging", 1)
        #expect(throws: PortalCommandError.self) { try PortalEnvironment.current() }
        setenv("PORTAL_ENV", "development", 1)
        #expect(try PortalEnvironment.current().mode == .development)
    }

    @Test func theServerSecretIsCreatedInTheDataFolderOwnerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-env-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        setenv("PORTAL_DATA", folder.path, 1)
        defer { unsetenv("PORTAL_DATA") }
        let environment = try PortalEnvironment.current()
        _ = try environment.serverSecret()
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("secret.key").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
