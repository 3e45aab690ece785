import Foundation

/// The fields of a submitted form, decoded and checked for the things no field may hold.
public struct FormData: Sendable, Equatable {
    public var values: [String: String]
    public var files: [String: UploadedFile]

    public init(values: [String: String] = [:], files: [String: UploadedFile] = [:]) {
        self.values = values
        self.files = files
    }

    /// The field's value with surrounding white space removed; empty when the field was not sent.
    public func text(_ name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A secret (password, PIN, code) exactly as typed: spaces may be part of it.
    public func secret(_ name: String) -> String {
        values[name] ?? ""
    }

    /// Adds a decoded field, refusing the things a browser never sends from our forms.
    mutating func add(name: String, value: String) throws(FormDecodingError) {
        guard values.count + files.count < Self.maximumFields else { throw .tooManyFields }
        guard value.utf8.count <= Self.maximumValueBytes else { throw .valueTooLong(name) }
        // On bytes: as Characters, a NUL followed by a combining mark is not "\0" and would slip through.
        guard !name.utf8.contains(0), !value.utf8.contains(0) else { throw .nulCharacter }
        guard values[name] == nil, files[name] == nil else { throw .repeatedField(name) }
        values[name] = value
    }

    mutating func add(file: UploadedFile, name: String) throws(FormDecodingError) {
        guard values.count + files.count < Self.maximumFields else { throw .tooManyFields }
        guard values[name] == nil, files[name] == nil else { throw .repeatedField(name) }
        files[name] = file
    }

    static let maximumFields = 20
    static let maximumValueBytes = 4096
}
