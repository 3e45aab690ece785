import ArgumentParser

/// `portal`: the FastCGI server and the operator commands of the e-Social Security Card portal.
@main
struct PortalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "e-Social Security Card portal for foreigners holding a Work Permit.",
        discussion: "Reads PORTAL_DATA (data folder, default var) and PORTAL_ENV (development or production).",
        subcommands: [ServeCommand.self, ImportCommand.self, PermitCommand.self, ErrorPagesCommand.self,
                      NginxRoutesCommand.self, RemindersCommand.self, BackupCommand.self,
                      HashRateCommand.self]
    )
}
