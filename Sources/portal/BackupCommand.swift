import ArgumentParser
import PortalCore

/// `portal backup FILE`: a consistent copy of the database, safe to take while `portal serve` runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database consistently (SQLite online backup), also while serving.")

    @Argument(help: "The file to write (must not exist yet).")
    var file: String

    func run() throws {
        let database = try PortalEnvironment.current().openDatabase()
        do {
            try database.backup(to: file)
        } catch let error as StoreError {
            throw PortalCommandError(error.description)
        }
        print("backup written to \(file)")
    }
}
