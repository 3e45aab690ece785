import ArgumentParser
import Foundation
import PortalWeb

/// `portal error-pages --out DIR`: renders the pages nginx answers with by itself (413, 429, 502) from the
/// templates and the message catalogue; the run script does it before starting nginx.
struct ErrorPagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error-pages", abstract: "Render nginx's own error pages (413, 429, 502), in every language, into a folder.")

    @Option(help: "The folder to write en/413.html, zh/413.html and the others into (created if missing).")
    var out: String

    @Option(help: "The templates folder.")
    var templates = "templates"

    func run() throws {
        let renderer = try PageRenderer(templatesDirectory: templates)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        for page in try ErrorPages.renderNginxPages(with: renderer) {
            let file = folder.appendingPathComponent(page.file)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(page.html.utf8).write(to: file, options: .atomic)
        }
    }
}
