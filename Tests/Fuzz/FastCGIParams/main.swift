import FuzzDriver
import Glibc
@testable import FastCGI

// libFuzzer target for the FastCGI parameter mapping: the request environment libfcgi hands over (`NAME=value`
// strings, here the input split at NUL bytes) read as parameters, then as HTTP (method, path, query, headers).
FuzzDriver.run { input in
    let entries = input.split(separator: 0, omittingEmptySubsequences: false)
    // Each entry as the C string libfcgi would hold: its raw bytes, NUL-terminated.
    let strings = entries.map { entry -> UnsafeMutablePointer<CChar>? in
        let string = UnsafeMutablePointer<CChar>.allocate(capacity: entry.count + 1)
        for (offset, byte) in entry.enumerated() { string[offset] = CChar(bitPattern: byte) }
        string[entry.count] = 0
        return string
    }
    defer { strings.forEach { $0?.deallocate() } }
    var environment = strings + [nil]
    let params = environment.withUnsafeMutableBufferPointer { FCGXExchange.params(from: $0.baseAddress) }

    // The reference reading: split at the first "=", the first of a repeated name wins.
    var expected: [String: String] = [:]
    for string in strings {
        // On the bytes: a String index rounds to whole Characters, and "=" with a combining mark is one.
        let entry = Array(UnsafeBufferPointer(start: string!, count: strlen(string!))).map { UInt8(bitPattern: $0) }
        guard let equals = entry.firstIndex(of: UInt8(ascii: "=")) else { continue }
        let name = String(decoding: entry[..<equals], as: UTF8.self)
        let value = String(decoding: entry[(equals + 1)...], as: UTF8.self)
        if expected[name] == nil { expected[name] = value }
    }
    precondition(params == expected, "parameters differ from the reference reading")

    let request = FastCGIRequest(params: params)
    _ = request.method
    _ = request.query
    _ = request.isHTTPS
    precondition(params["DOCUMENT_URI"] != nil || !request.path.utf8.contains(UInt8(ascii: "?")), "the path kept the query")
    for field in request.headerFields {
        precondition(field.name.canonicalName == field.name.canonicalName.lowercased(), "a header name not lower case")
    }
}
