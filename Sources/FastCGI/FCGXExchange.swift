import CFastCGI
import Glibc

/// Moves one request between libfcgi's streams and plain Swift values; the only place that reads
/// `FCGX_Request` fields.
enum FCGXExchange {
    private static let chunkSize = 16 * 1024

    /// The request's parameters, and its body as a `RequestBody` that reads from the stream when asked.
    static func request(from fcgx: UnsafeMutablePointer<FCGX_Request>, maxBodyBytes: Int) -> FastCGIRequest {
        let params = params(from: fcgx.pointee.envp)
        let declaredLength = params["CONTENT_LENGTH"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
        return FastCGIRequest(params: params,
                              body: RequestBody(stream: fcgx.pointee.in, declaredLength: declaredLength, limit: maxBodyBytes))
    }

    /// Parses the `NAME=value` strings of the request environment; the first of repeated names wins,
    /// as with `FCGX_GetParam`.
    static func params(from envp: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var params: [String: String] = [:]
        guard var cursor = envp else { return params }
        // Split on the bytes: String's Character-wise search cost a fifth of a page view.
        while let entry = cursor.pointee {
            if let equals = strchr(entry, Int32(UInt8(ascii: "="))) {
                let nameBytes = UnsafeRawBufferPointer(start: entry, count: equals - entry)
                let name = String(decoding: nameBytes, as: UTF8.self)
                if params[name] == nil {
                    params[name] = String(cString: equals + 1)
                }
            }
            cursor += 1
        }
        return params
    }

    /// Reads the body by CONTENT_LENGTH (to end of input when absent), never keeping more than `limit` bytes.
    ///
    /// Whatever is left is always read and discarded: closing a connection while the web server is still
    /// sending makes it fail the request instead of passing on our answer (a 413 page, say).
    static func readBody(from stream: UnsafeMutablePointer<FCGX_Stream>?, declaredLength: Int?, limit: Int) -> (body: [UInt8], exceeded: Bool) {
        guard let stream else { return ([], false) }
        if let declaredLength, declaredLength > limit {
            discardRest(of: stream)
            return ([], true)
        }
        // One byte past the cap tells "exactly the limit" from "over it" when no length was declared.
        let cap = declaredLength ?? limit
        var body: [UInt8] = []
        if let declaredLength { body.reserveCapacity(declaredLength) }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: chunkSize) { buffer in
            while body.count <= cap {
                let wanted = min(chunkSize, cap + 1 - body.count)
                let got = Int(FCGX_GetStr(buffer.baseAddress, Int32(wanted), stream))
                if got > 0 {
                    body.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress, count: got))
                }
                if got < wanted { break }  // end of input
            }
        }
        discardRest(of: stream)
        guard body.count > cap else { return (body, false) }
        if declaredLength == nil { return ([], true) }
        body.removeLast(body.count - cap)  // bytes beyond the declared length are not part of the body
        return (body, false)
    }

    static func discardRest(of stream: UnsafeMutablePointer<FCGX_Stream>) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: chunkSize) { buffer in
            while FCGX_GetStr(buffer.baseAddress, Int32(chunkSize), stream) == Int32(chunkSize) {}
        }
    }

    /// Writes head and body; stops at the first failed write (the web server went away), since
    /// `FCGX_Finish_r` cleans up either way.
    static func write(_ response: FastCGIResponse, to stream: UnsafeMutablePointer<FCGX_Stream>?) {
        guard let stream, put(response.encodedHead, to: stream) else { return }
        _ = put(response.body, to: stream)
    }

    private static func put(_ bytes: [UInt8], to stream: UnsafeMutablePointer<FCGX_Stream>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = min(raw.count - offset, 1 << 20)  // FCGX_PutStr takes an int
                let start = (raw.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                guard FCGX_PutStr(start, Int32(count), stream) == Int32(count) else { return false }
                offset += count
            }
            return true
        }
    }
}
