import ArgumentParser
import PortalCore

/// `portal permit cancel NUMBER --reason TEXT`.
struct PermitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permit", abstract: "Operator changes to the permit registry.", subcommands: [Cancel.self])

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a permit canceled.")

        @Argument(help: "The work permit number.")
        var number: String

        @Option(help: "Why the permit was canceled (kept in the registry).")
        var reason: String

        func run() throws {
            let reason = TextLimits.collapsingSpaces(self.reason)
            guard (1...TextLimits.maximumFieldLength).contains(reason.count) else {
                throw PortalCommandError(RegistryError.invalidReason.description)
            }
            let number = TextLimits.identifier(self.number)
            let database = try PortalEnvironment.current().openDatabase()
            do {
                try database.cancelPermit(number: number, reason: reason)
            } catch let error as RegistryError {
                throw PortalCommandError(error.description)
            }
            print("permit \(number) canceled")
        }
    }
}
