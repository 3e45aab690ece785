import FuzzDriver
@testable import PortalWeb

// libFuzzer target for the URL-encoded form decoder. Beyond "never crashes", a decoded form must keep the
// decoder's own rules, and encoding it again must decode to the same form.
FuzzDriver.run { input in
    guard let form = try? URLEncodedForm.decode(input) else { return }
    precondition(form.files.isEmpty, "a URL-encoded body cannot carry files")
    precondition(form.values.count <= FormData.maximumFields, "more fields than the limit")
    for (name, value) in form.values {
        precondition(value.utf8.count <= FormData.maximumValueBytes, "a value over the limit")
        precondition(!name.utf8.contains(0) && !value.utf8.contains(0), "a NUL got through")
    }
    let again = try? URLEncodedForm.decode(encoded(form))
    precondition(again == form, "encoding a decoded form again did not decode to the same form")
}

/// Percent-encodes every byte that is not unreserved, as a browser does.
private func encoded(_ form: FormData) -> [UInt8] {
    let hexDigits = Array("0123456789ABCDEF".utf8)
    func component(_ text: String) -> [UInt8] {
        text.utf8.flatMap { byte -> [UInt8] in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                [byte]
            default:
                [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
    }
    return Array(form.values.map { component($0.key) + [UInt8(ascii: "=")] + component($0.value) }
        .joined(separator: [UInt8(ascii: "&")]))
}
