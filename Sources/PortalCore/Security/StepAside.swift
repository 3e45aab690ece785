/// What a request does before it waits a long time (for a hashing slot, for the check of the same secret under way,
/// and for the Argon2 hash itself): the composition root passes the FastCGI server's `lendingPlace`, so that a
/// worker thread waiting for a login gives its place to a spare one and a queue of logins never holds the places
/// that pages need. PortalCore knows nothing of threads or FastCGI; by default a wait is just a wait.
public struct StepAside: Sendable {
    private let lend: @Sendable (() -> Void) -> Void

    public init(_ lend: @escaping @Sendable (() -> Void) -> Void) {
        self.lend = lend
    }

    public static let justWait = StepAside { $0() }

    func run<T>(_ body: () throws -> T) throws -> T {
        var result: Result<T, any Error>?
        lend { result = Result(catching: body) }
        guard let result else { preconditionFailure("a StepAside must run the work it is given") }
        return try result.get()
    }
}
