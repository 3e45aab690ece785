/// Why a FastCGI server could not be set up; each case says what an operator has to fix.
public enum FastCGIError: Error, Equatable, CustomStringConvertible {
    /// libfcgi's `FCGX_Init` failed (it only allocates, so this means the process is out of memory).
    case cannotInitializeLibrary(code: Int32)
    /// The socket could not be created, bound or listened on; `reason` is the system's error.
    case cannotOpenSocket(path: String, reason: String)
    /// Another process is accepting on this socket, so it is not stale and must not be removed.
    case socketInUse(path: String)
    case cannotSetPermissions(path: String, reason: String)
    case unknownGroup(String)

    public var description: String {
        switch self {
        case .cannotInitializeLibrary(let code):
            "FastCGI: libfcgi could not initialise (FCGX_Init returned \(code))"
        case .cannotOpenSocket(let path, let reason):
            "FastCGI: cannot open socket \(path): \(reason)"
        case .socketInUse(let path):
            "FastCGI: socket \(path) is in use by another running server"
        case .cannotSetPermissions(let path, let reason):
            "FastCGI: cannot set owner group or mode of socket \(path): \(reason)"
        case .unknownGroup(let group):
            "FastCGI: unknown group \(group)"
        }
    }
}
