/// The few query-string operations links need: one parameter's value, and percent-encoding for printing one.
enum QueryString {
    /// The decoded value of the first `name=` pair, or nil when it is absent or badly encoded.
    static func value(of name: String, in query: String) -> String? {
        for pair in Array(query.utf8).split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard (try? URLEncodedForm.decodeComponent(parts[0])) == name else { continue }
            return parts.count > 1 ? try? URLEncodedForm.decodeComponent(parts[1]) : ""
        }
        return nil
    }

    /// Everything but unreserved characters (RFC 3986) percent-encoded.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
