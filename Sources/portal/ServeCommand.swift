import ArgumentParser
import FastCGI
import Foundation
import PortalCore
import PortalWeb

/// `portal serve`: answers nginx's FastCGI requests on a unix socket until SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the FastCGI application.")

    @Option(help: "Path of the FastCGI unix socket to create.")
    var socket: String

    @Option(help: "Worker threads, each handling one request at a time.")
    var threads = 8

    @Option(name: .customLong("socket-group"), help: "Group given access to the socket (nginx's workers).")
    var socketGroup: String?

    @Option(help: "The templates folder.")
    var templates = "templates"

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1 to 256") }
    }

    func run() throws {
        let environment = try PortalEnvironment.current()
        guard environment.mode == .development else {
            // The authorities' SMS, face and real-name services have no production adapter in this build.
            throw PortalCommandError("PORTAL_ENV=production needs the authorities' face-verification service, "
                                     + "which this build has no adapter for; run with PORTAL_ENV=development")
        }
        let services = try PortalServices(
            database: try environment.openDatabase(),
            faceVerifier: DevelopmentFaceVerifier(),
            // One core is always left to the pages that need no hashing (measured: bench/run.sh, README).
            hasher: PasswordHasher(gate: HashingGate(
                concurrentHashes: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))),
            policy: try PasswordPolicy.bundled(),
            clock: SystemClock())
        let application = PortalApplication(services: services, renderer: try PageRenderer(templatesDirectory: templates),
                                            log: { RequestLog.write(RequestLog.escaped($0)) })
        Housekeeping.start(sessions: services.sessions)
        let server = try FastCGIServer(socketPath: socket, socketGroup: socketGroup, workerCount: threads)
        RequestLog.write("portal: serving on \(socket) with \(threads) threads (\(environment.mode.rawValue))")
        server.run { request in
            let started = DispatchTime.now()
            let response = application.respond(to: HTTPRequest(cgiParameters: request.params, body: request.body,
                                                               bodyTooLarge: request.bodyExceededLimit))
            RequestLog.record(request.params, status: response.status, since: started)
            return FastCGIResponse(status: response.status, headers: response.headers, body: response.body)
        }
        RequestLog.write("portal: stopped")
    }
}
