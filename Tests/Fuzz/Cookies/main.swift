import FuzzDriver
@testable import PortalWeb

// libFuzzer target for the Cookie header parser every request goes through (language, session, CSRF, reset).
// Checked against a reading of the header written here independently, on its bytes.
FuzzDriver.run { input in
    let header = String(decoding: input, as: UTF8.self)
    let cookies = WebRequest.cookies(in: header)
    let expected = reference(Array(header.utf8))
    precondition(cookies == expected, "the parser and the reference reading differ")
    // On bytes: as Characters, U+037E (Greek question mark) is canonically equal to ";".
    for (name, value) in cookies {
        precondition(!name.isEmpty, "a cookie without a name")
        precondition(!name.utf8.contains(UInt8(ascii: "=")) && !name.utf8.contains(UInt8(ascii: ";")), "a malformed name")
        precondition(!value.utf8.contains(UInt8(ascii: ";")), "a value runs over its separator")
    }
}

/// `name=value` pairs split at ";", each side without surrounding spaces and tabs; the first of a name wins.
private func reference(_ header: [UInt8]) -> [String: String] {
    func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return bytes
    }
    var cookies: [String: String] = [:]
    var start = header.startIndex
    while start <= header.endIndex {
        let end = header[start...].firstIndex(of: UInt8(ascii: ";")) ?? header.endIndex
        let pair = header[start..<end]
        if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
            let name = String(decoding: trimmed(pair[..<equals]), as: UTF8.self)
            let value = String(decoding: trimmed(pair[(equals + 1)...]), as: UTF8.self)
            if !name.isEmpty, cookies[name] == nil { cookies[name] = value }
        }
        start = end + 1
    }
    return cookies
}
