import FuzzDriver
@testable import PortalWeb

// libFuzzer target for the multipart decoder (multipart-kit's parser behind our rules). The input's first line
// is the content type when it starts with "multipart/", so boundaries are fuzzed too; otherwise the boundary is
// fixed and the whole input is the body.
FuzzDriver.run { input in
    var body = input
    var contentType = "multipart/form-data; boundary=fuzz"
    if body.starts(with: Array("multipart/".utf8)), let newline = body.firstIndex(of: UInt8(ascii: "\n")) {
        contentType = String(decoding: body[..<newline], as: UTF8.self)
        body.removeSubrange(...newline)
    }
    guard let form = try? MultipartForm.decode(body, contentType: contentType) else { return }
    precondition(form.values.count + form.files.count <= FormData.maximumFields, "more fields than the limit")
    precondition(Set(form.values.keys).isDisjoint(with: form.files.keys), "a name is both a field and a file")
    for (name, value) in form.values {
        precondition(value.utf8.count <= FormData.maximumValueBytes, "a value over the limit")
        precondition(!name.utf8.contains(0) && !value.utf8.contains(0), "a NUL got through")
    }
    for file in form.files.values {
        precondition(!(file.filename.isEmpty && file.bytes.isEmpty), "an empty file input was kept as a file")
        precondition(file.bytes.count <= body.count, "a file larger than the body that carried it")
    }
}
