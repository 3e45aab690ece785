import ArgumentParser
import Foundation
import PortalWeb

/// `portal nginx-routes --out DIR --socket PATH`: writes what nginx must know of the routes (rate-limited POSTs,
/// body sizes, the camera permission) as `routes-http.conf` and `routes-server.conf`, which the nginx configs
/// include; the run script does it before starting nginx, as it renders the error pages.
struct NginxRoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nginx-routes", abstract: "Render the routes' nginx facts into routes-http.conf and routes-server.conf.")

    @Option(help: "The folder to write the two files into (created if missing).")
    var out: String

    @Option(help: "The FastCGI unix socket of `portal serve`.")
    var socket: String

    @Option(name: .customLong("post-burst"), help: "limit_req burst for the rate-limited POSTs.")
    var postBurst = 20

    func validate() throws {
        // Both end up inside nginx.conf unquoted.
        guard socket.hasPrefix("/"), socket.allSatisfy({ $0.isLetter || $0.isNumber || "._/+@:,=-".contains($0) }) else {
            throw ValidationError("--socket must be an absolute path of letters, digits and ._/+@:,=-")
        }
        guard postBurst >= 0 else { throw ValidationError("--post-burst must be 0 or more") }
    }

    func run() throws {
        let config = NginxRouteConfig(socketPath: socket, postBurst: postBurst)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(config.httpLevel.utf8).write(to: folder.appendingPathComponent("routes-http.conf"), options: .atomic)
        try Data(config.serverLevel.utf8).write(to: folder.appendingPathComponent("routes-server.conf"), options: .atomic)
    }
}
