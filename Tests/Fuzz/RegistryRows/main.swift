import FuzzDriver
@testable import PortalCore

// libFuzzer target for registry CSV files: the byte-wise parser and every row check of the four registries.
// The first byte picks the registry and where the file is cut in two; reading the file in those two pieces must
// give exactly what reading it whole gives (the import streams files in 1 MB pieces).
FuzzDriver.run { input in
    guard let first = input.first else { return }
    let kinds = RegistryKind.allCases
    let kind = kinds[Int(first) % kinds.count]
    // Most inputs get the registry's real header, so the fuzzer reaches the row checks, not only the header's.
    var file = first & 0x80 == 0 ? Array((kind.columns.joined(separator: ",") + "\n").utf8) : []
    file += input.dropFirst()
    let cut = file.isEmpty ? 0 : Int(first >> 2) * 7919 % (file.count + 1)
    let whole = outcome(of: [file], as: kind)
    let pieces = outcome(of: [Array(file[..<cut]), Array(file[cut...])], as: kind)
    precondition(whole == pieces, "reading in pieces differs from reading whole: \(whole) vs \(pieces)")
    if case .records(let records) = whole {
        precondition(records.count <= lineEnds(in: file) + 1, "more records than lines")
    }
}

private enum Outcome: Equatable {
    case records([RegistryRecord])
    case refused(String)
}

private func outcome(of pieces: [[UInt8]], as kind: RegistryKind) -> Outcome {
    var left = pieces.reversed() as [[UInt8]]
    var records: [RegistryRecord] = []
    do {
        try RegistryImporter.records(of: kind, pieces: { left.popLast() }) { records.append($0) }
        return .records(records)
    } catch {
        return .refused(String(describing: error))
    }
}

/// Line ends as RFC 4180 files from other systems have them: LF, CRLF, and a lone CR (old Mac files).
private func lineEnds(in file: [UInt8]) -> Int {
    var count = 0
    for (index, byte) in file.enumerated() {
        if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && (index == 0 || file[index - 1] != UInt8(ascii: "\r"))) {
            count += 1
        }
    }
    return count
}
