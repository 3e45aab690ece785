import FastCGI
import Glibc
import Testing

@Suite("FastCGIServer socket file")
struct FastCGIServerSocketTests {
    @Test func socketIsGroupReadWritableAndOwnedByTheGivenGroup() throws {
        // Given our own primary group, which we may always chown to
        let groupName = try #require(getgrgid(getegid())).pointee.gr_name.map { String(cString: $0) }
        let path = RunningServer.temporarySocketPath()

        let server = try FastCGIServer(socketPath: path, socketGroup: groupName)

        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
        #expect(info.st_mode & 0o777 == 0o660)
        #expect(info.st_gid == getegid())
        withExtendedLifetime(server) {}
    }

    @Test func staleSocketIsReplaced() throws {
        // Given a socket file left behind by a server that is gone
        let path = RunningServer.temporarySocketPath()
        try leaveStaleSocket(at: path)

        // When a server starts on it, then it serves
        let running = try RunningServer.on(path: path, handler: echo)
        defer { #expect(running.stop()) }
        let client = try FastCGITestClient(socketPath: path)
        defer { client.close() }
        try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/")])
        #expect(try client.receive().statusLine == "Status: 303 See Other")
    }

    @Test func liveSocketIsNotTakenOver() throws {
        // Given a running server
        let first = try RunningServer(handler: echo)
        defer { #expect(first.stop()) }

        // When a second one tries the same path, then it is refused
        #expect(throws: FastCGIError.socketInUse(path: first.socketPath)) {
            try FastCGIServer(socketPath: first.socketPath)
        }
        // And the first one still serves
        let client = try FastCGITestClient(socketPath: first.socketPath)
        defer { client.close() }
        try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/still-here")])
        #expect(try client.receive().bodyText.contains("uri=/still-here"))
    }

    @Test func fileThatIsNotASocketIsLeftAlone() throws {
        let path = RunningServer.temporarySocketPath()
        let file = try #require(fopen(path, "w"))
        fclose(file)
        defer { unlink(path) }

        #expect(throws: FastCGIError.cannotOpenSocket(path: path, reason: "the path exists and is not a socket")) {
            try FastCGIServer(socketPath: path)
        }
        #expect(access(path, F_OK) == 0)
    }

    @Test func unknownGroupFailsBeforeCreatingTheSocket() throws {
        let path = RunningServer.temporarySocketPath()

        #expect(throws: FastCGIError.unknownGroup("no-such-group-for-portal-tests")) {
            try FastCGIServer(socketPath: path, socketGroup: "no-such-group-for-portal-tests")
        }
        #expect(access(path, F_OK) != 0)
    }

    @Test(arguments: ["/tmp/" + String(repeating: "a", count: 120), "/no-such-directory-for-portal-tests/portal.sock"])
    func unusablePathThrowsInsteadOfExiting(path: String) {
        // libfcgi's own FCGX_OpenSocket would exit() the process here.
        #expect(throws: FastCGIError.self) { try FastCGIServer(socketPath: path) }
    }

    private func leaveStaleSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        try #require(bound == 0)
        #expect(access(path, F_OK) == 0)
    }
}
