/// What a handler answers: a status, headers in the order given, and a body.
public struct FastCGIResponse: Sendable {
    public var status: Int
    /// Written in this order; a name may repeat (several `Set-Cookie`, for example).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
