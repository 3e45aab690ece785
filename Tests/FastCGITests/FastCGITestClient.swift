import Glibc

/// A minimal FastCGI client (the web server's side of the protocol), enough to drive the server in tests.
struct FastCGITestClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The CGI response as the web server would see it.
    struct Response {
        let head: String
        let body: [UInt8]
        var statusLine: String { head.components(separatedBy: "\r\n").first ?? "" }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> [String] {
            head.components(separatedBy: "\r\n").dropFirst().compactMap { line in
                guard let colon = line.firstIndex(of: ":"), line[..<colon] == name else { return nil }
                return String(line[line.index(after: colon)...].drop(while: { $0 == " " }))
            }
        }
    }

    private enum RecordType: UInt8 {
        case beginRequest = 1, endRequest = 3, params = 4, stdin = 5, stdout = 6, stderr = 7
    }

    let fd: Int32

    init(socketPath: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        // A bug in the server must fail the test, not hang it.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw Failure(description: "connect \(socketPath): \(reason)")
        }
    }

    func close() {
        Glibc.close(fd)
    }

    /// Sends BEGIN_REQUEST (responder role), the params, then the body as STDIN, each stream ended by an empty record.
    func send(params: [(String, String)], body: [UInt8] = [], keepConnection: Bool = false) throws {
        var bytes = record(.beginRequest, [0, 1, keepConnection ? 1 : 0, 0, 0, 0, 0, 0])
        var encoded: [UInt8] = []
        for (name, value) in params {
            encoded += Self.length(name.utf8.count) + Self.length(value.utf8.count) + Array(name.utf8) + Array(value.utf8)
        }
        bytes += stream(.params, encoded) + stream(.stdin, body)
        try write(bytes)
    }

    /// Sends the request but only the start of its body, as a web server still receiving the upload does.
    func send(params: [(String, String)], bodyStart: [UInt8]) throws {
        var bytes = record(.beginRequest, [0, 1, 0, 0, 0, 0, 0, 0])
        var encoded: [UInt8] = []
        for (name, value) in params {
            encoded += Self.length(name.utf8.count) + Self.length(value.utf8.count) + Array(name.utf8) + Array(value.utf8)
        }
        bytes += stream(.params, encoded) + stream(.stdin, bodyStart).dropLast(8)
        try write(bytes)
    }

    /// The rest of a body begun with `send(params:bodyStart:)`, and its end.
    func sendRest(ofBody rest: [UInt8]) throws {
        try write(stream(.stdin, rest))
    }

    /// Collects STDOUT until END_REQUEST and splits it into head and body.
    func receive() throws -> Response {
        var output: [UInt8] = []
        while true {
            let header = try read(8)
            let length = Int(header[4]) << 8 | Int(header[5])
            let content = try read(length + Int(header[6]))
            switch RecordType(rawValue: header[1]) {
            case .stdout: output += content.prefix(length)
            case .endRequest: return Self.split(output)
            default: continue
            }
        }
    }

    /// Reads a little of the answer, so the server is surely writing, and hangs up.
    func receiveSomeAndHangUp() throws {
        _ = try read(8)
        close()
    }

    private func record(_ type: RecordType, _ content: some Collection<UInt8>) -> [UInt8] {
        let count = content.count
        return [1, type.rawValue, 0, 1, UInt8(count >> 8), UInt8(count & 0xFF), 0, 0] + content
    }

    private func stream(_ type: RecordType, _ content: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        var start = 0
        while start < content.count {
            let end = min(start + 65_535, content.count)
            bytes += record(type, content[start..<end])
            start = end
        }
        return bytes + record(type, [])
    }

    private static func length(_ count: Int) -> [UInt8] {
        count < 128 ? [UInt8(count)]
            : [UInt8(count >> 24 | 0x80), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
    }

    private static func split(_ output: [UInt8]) -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var index = 0
        while index + separator.count <= output.count {
            if Array(output[index..<index + separator.count]) == separator {
                return Response(head: String(decoding: output[..<index], as: UTF8.self),
                                body: Array(output[(index + separator.count)...]))
            }
            index += 1
        }
        return Response(head: String(decoding: output, as: UTF8.self), body: [])
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
                offset += sent
            }
        }
    }

    private func read(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + offset, count - offset, 0) }
            guard got > 0 else {
                throw Failure(description: got == 0 ? "server closed the connection" : "recv: \(String(cString: strerror(errno)))")
            }
            offset += got
        }
        return bytes
    }
}
