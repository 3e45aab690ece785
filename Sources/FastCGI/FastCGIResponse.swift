import HTTPTypes

/// What a handler answers: swift-http-types' response head (status and header fields, in the order given; a name
/// may repeat, as several `Set-Cookie` do) and the body. The web layer speaks the same types, so nothing is copied
/// from a twin of its own.
public struct FastCGIResponse: Sendable {
    public var head: HTTPResponse
    public var body: [UInt8]

    public init(head: HTTPResponse, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }
}
