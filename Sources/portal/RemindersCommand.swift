import ArgumentParser
import Foundation
import PortalCore
import PortalWeb

/// `portal reminders run`: creates the reminders now due (also done at login and every few minutes by `serve`).
struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Permit reminders (about to expire, expired, canceled).", subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the reminders now due, with their SMS.")

        @Option(help: "The templates folder (the SMS wording comes from its catalogues).")
        var templates = "templates"

        func run() throws {
            let environment = try PortalEnvironment.current()
            guard environment.mode == .development else {
                throw PortalCommandError("PORTAL_ENV=production needs the authorities' SMS gateway, which this build "
                                         + "has no adapter for: nothing is sent; run with PORTAL_ENV=development")
            }
            let database = try environment.openDatabase()
            let texts = CatalogueSmsTexts(renderer: try PageRenderer(templatesDirectory: templates))
            let service = ReminderService(store: database, gateway: DevelopmentSmsGateway(dataDirectory: environment.dataDirectory),
                                          texts: texts, clock: SystemClock())
            print("\(try service.runAll()) reminders created")
        }
    }
}
