import CFastCGI

/// The body of one request, read from the web server only when the handler asks for it: a request that the route's
/// method or access rules out is answered without its body ever being copied out of libfcgi's stream.
///
/// Used by the one worker thread that handles the request, during the handler (hence `@unchecked Sendable`); the
/// worker drains what was not read before it finishes the request, and the stream is not touched after that.
public final class RequestBody: @unchecked Sendable {
    private var stream: UnsafeMutablePointer<FCGX_Stream>?
    private let declaredLength: Int?
    private let limit: Int
    private var read: [UInt8]??

    /// A body already in hand (tests, or a request built without libfcgi).
    public init(_ bytes: [UInt8]) {
        stream = nil
        declaredLength = bytes.count
        limit = .max
        read = .some(bytes)
    }

    init(stream: UnsafeMutablePointer<FCGX_Stream>?, declaredLength: Int?, limit: Int) {
        self.stream = stream
        self.declaredLength = declaredLength
        self.limit = limit
        read = nil
    }

    /// True when the web server declared a length over the limit: known before anything is read.
    public var declaredTooLarge: Bool { (declaredLength ?? 0) > limit }

    /// The body, read at the first call; nil when it is larger than the limit (then read and thrown away).
    public func bytes() -> [UInt8]? {
        if let read { return read }
        let (body, exceeded) = FCGXExchange.readBody(from: stream, declaredLength: declaredLength, limit: limit)
        stream = nil
        read = .some(exceeded ? nil : body)
        return exceeded ? nil : body
    }

    /// How many bytes the web server declared that nobody has read yet (0 once read or drained).
    var unreadLength: Int { stream == nil ? 0 : declaredLength ?? 0 }

    /// Reads and throws away whatever the handler left unread, so the connection is at the next record; after
    /// this the stream is libfcgi's again. Closing instead while the web server still sends would make it fail the
    /// request rather than pass on the answer.
    func discardUnread() {
        if let stream { FCGXExchange.discardRest(of: stream) }
        stream = nil
        if read == nil { read = .some(nil) }
    }
}
