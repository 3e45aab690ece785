import ArgumentParser
import Foundation
import PortalWeb

/// `portal error-pages --out DIR`: renders the pages nginx answers with by itself (413, 429, 502) from the
/// templates and the message catalogue; the run script does it before starting nginx.
struct ErrorPagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error-pages", abstract: "Render nginx's own error pages (413, 429, 502) into a folder.")

    @Option(help: "The folder to write 413.html, 429.html and 502.html into (created if missing).")
    var out: String

    @Option(help: "The templates folder.")
    var templates = "templates"

    func run() throws {
        let renderer = try PageRenderer(templatesDirectory: templates)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for page in ErrorPages.renderNginxPages(with: renderer) {
            try Data(page.html.utf8).write(to: folder.appendingPathComponent(page.file), options: .atomic)
        }
    }
}
