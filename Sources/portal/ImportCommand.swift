import ArgumentParser
import Foundation
import Glibc
import PortalCore

extension RegistryKind: ExpressibleByArgument {}

/// `portal import permits|ss-cards|bank-cards|sims FILE`: loads a registry file, all rows or none.
///
/// The file is streamed (a megabyte at a time), so its size does not set the memory used; on a terminal the
/// rows written, the rate and the time left are shown as it goes, and a summary is printed at the end.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a registry CSV file (UTF-8, header row).")

    @Argument(help: "Which registry: permits, ss-cards, bank-cards or sims.")
    var kind: RegistryKind

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        guard let input = fopen(file, "rb") else { throw PortalCommandError("\(file): cannot be read") }
        defer { fclose(input) }
        var status = stat()
        let size = fstat(fileno(input), &status) == 0 ? Int(status.st_size) : 0
        let database = try PortalEnvironment.current().openDatabase()
        let progress = ImportProgress(fileBytes: size, showing: isatty(STDERR_FILENO) != 0)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        do {
            let count = try RegistryImporter(store: database).importFile(as: kind, pieces: {
                let got = fread(&buffer, 1, buffer.count, input)
                if got == 0 { return nil }  // the end, or a read error (checked below)
                progress.read(bytes: got)
                return Array(buffer[0..<got])
            }, progress: progress.wrote(rows:))
            guard ferror(input) == 0 else { throw PortalCommandError("\(file): cannot be read") }
            progress.finish()
            print("\(file): \(count) \(kind.rawValue) records imported in \(progress.elapsedText)")
        } catch let error as RegistryError {
            progress.finish()
            throw PortalCommandError("\(file): \(error); nothing was imported")
        }
    }
}

/// The progress line of an import on a terminal: rows written, rows a second, and the time left (from the share
/// of the file read so far).
final class ImportProgress {
    private let fileBytes: Int
    private let showing: Bool
    private let started = Date()
    private var bytesRead = 0
    private var lastShown = Date.distantPast

    init(fileBytes: Int, showing: Bool) {
        self.fileBytes = fileBytes
        self.showing = showing
    }

    var elapsedText: String { String(format: "%.1f s", Date().timeIntervalSince(started)) }

    func read(bytes: Int) { bytesRead += bytes }

    func wrote(rows: Int) {
        guard showing, Date().timeIntervalSince(lastShown) >= 0.5 else { return }
        lastShown = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let share = fileBytes > 0 ? Double(bytesRead) / Double(fileBytes) : 0
        let left = share > 0 ? elapsed / share - elapsed : 0
        let line = String(format: "\r%@ rows, %.0f rows/s, about %.0f s left   ", rows.formatted(), Double(rows) / elapsed, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if showing && lastShown != .distantPast { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
