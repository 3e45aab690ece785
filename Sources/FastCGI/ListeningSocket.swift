import Glibc

/// The server's unix listening socket and the file it lives at.
///
/// Created here rather than with `FCGX_OpenSocket`, because libfcgi calls `exit()` when the path is
/// too long or bind/listen fails, so the caller would never get an error to report.
struct ListeningSocket: Sendable {
    let path: String
    let fd: Int32
    /// Identity of the file we created: never unlink a socket a newer server has put at the same path.
    private let device: dev_t
    private let inode: ino_t

    init(path: String, group: String?, backlog: Int32) throws(FastCGIError) {
        // Resolve the group first so a typo fails before anything touches the file system.
        let groupID = try group.map { name throws(FastCGIError) in try Self.groupID(named: name) }
        var address = try Self.address(for: path)
        try Self.removeStaleSocket(at: path, address: address)

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .cannotOpenSocket(path: path, reason: systemError()) }
        func fail(_ error: FastCGIError) -> FastCGIError {
            Glibc.close(fd)
            unlink(path)
            return error
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            let reason = systemError()
            Glibc.close(fd)  // nothing was created at the path, so nothing to unlink
            throw .cannotOpenSocket(path: path, reason: reason)
        }
        // Permissions are set before listen(), so no connection can arrive while the mode is still the umask's.
        guard chmod(path, 0o660) == 0 else {
            throw fail(.cannotSetPermissions(path: path, reason: systemError()))
        }
        if let groupID, chown(path, uid_t.max, groupID) != 0 {  // uid_t.max is (uid_t)-1: keep the owner
            throw fail(.cannotSetPermissions(path: path, reason: systemError()))
        }
        guard listen(fd, backlog) == 0 else {
            throw fail(.cannotOpenSocket(path: path, reason: systemError()))
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw fail(.cannotOpenSocket(path: path, reason: systemError()))
        }
        self.path = path
        self.fd = fd
        self.device = info.st_dev
        self.inode = info.st_ino
    }

    /// Refuses new connections at once (nginx then answers 502 instead of waiting in the backlog) without closing
    /// the descriptor, so its number cannot be reused by another open() while the epoll set may still hold it.
    func stopAccepting() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    func close() {
        Glibc.close(fd)
    }

    func removeFile() {
        var info = stat()
        if lstat(path, &info) == 0, info.st_dev == device, info.st_ino == inode {
            unlink(path)
        }
    }

    private static func address(for path: String) throws(FastCGIError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, !bytes.contains(0) else {
            throw .cannotOpenSocket(path: path, reason: "not a usable path")
        }
        guard bytes.count < capacity else {
            throw .cannotOpenSocket(path: path, reason: "path longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return address
    }

    /// A socket file left by a server that died is removed; one that still accepts connections is not,
    /// and neither is anything that is not a socket (a mistyped path must not delete a file).
    private static func removeStaleSocket(at path: String, address: sockaddr_un) throws(FastCGIError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .cannotOpenSocket(path: path, reason: systemError())
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw .cannotOpenSocket(path: path, reason: "the path exists and is not a socket")
        }
        if isAccepting(address) {
            throw .socketInUse(path: path)
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .cannotOpenSocket(path: path, reason: "cannot remove the stale socket: \(systemError())")
        }
    }

    private static func isAccepting(_ address: sockaddr_un) -> Bool {
        // Non-blocking, so a live server with a full backlog answers EAGAIN instead of hanging us.
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard probe >= 0 else { return false }
        defer { Glibc.close(probe) }
        var address = address
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0 || errno == EAGAIN
    }

    private static func groupID(named name: String) throws(FastCGIError) -> gid_t {
        var entry = group()
        var found: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        var status = getgrnam_r(name, &entry, &buffer, buffer.count, &found)
        while status == ERANGE, buffer.count < 1 << 20 {
            buffer = [CChar](repeating: 0, count: buffer.count * 2)
            status = getgrnam_r(name, &entry, &buffer, buffer.count, &found)
        }
        if let found {
            return found.pointee.gr_gid
        }
        if let numeric = gid_t(name) {
            return numeric
        }
        throw .unknownGroup(name)
    }
}

/// The text of the current `errno`.
func systemError() -> String {
    String(cString: strerror(errno))
}
