import ArgumentParser
import Foundation
import PortalCore

extension RegistryKind: ExpressibleByArgument {}

/// `portal import permits|ss-cards|bank-cards|sims FILE`: loads a registry file, all rows or none.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a registry CSV file (UTF-8, header row).")

    @Argument(help: "Which registry: permits, ss-cards, bank-cards or sims.")
    var kind: RegistryKind

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw PortalCommandError("\(file): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw PortalCommandError("\(file): is not UTF-8") }
        let database = try PortalEnvironment.current().openDatabase()
        do {
            let count = try RegistryImporter(store: database).importFile(text, as: kind)
            print("\(file): \(count) \(kind.rawValue) records imported")
        } catch let error as RegistryError {
            throw PortalCommandError("\(file): \(error); nothing was imported")
        }
    }
}
