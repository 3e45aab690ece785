import ArgumentParser
import FastCGI
import Foundation
import HTTPTypes
import PortalCore
import PortalWeb

/// `portal serve`: answers nginx's FastCGI requests on a unix socket until SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the FastCGI application.")

    @Option(help: "Path of the FastCGI unix socket to create.")
    var socket: String

    @Option(help: "Worker threads, each handling one request at a time (idle kept connections need none).")
    var threads = 32

    @Option(name: .customLong("socket-group"), help: "Group given access to the socket (nginx's workers).")
    var socketGroup: String?

    @Option(help: "The templates folder.")
    var templates = "templates"

    @Option(name: .customLong("public-url"), help: "The portal's address as people reach it; QR codes carry it.")
    var publicURL = "http://127.0.0.1:8080"

    /// Hashing may use every core but one and, hashing or queued, at most half the worker threads, so a login
    /// flood leaves both CPU and threads to the pages that need no hashing (measured: bench/run.sh, README).
    /// The queue holds up to about two seconds of hashing, shared fairly between addresses. Hashes run at nice 5:
    /// measured during a login flood, `/card`'s p99 went from 14–17 ms to 12–13 ms while the three people's logins
    /// took 0.5 s at p99 instead of 0.25 s (nice 10: 12 ms and up to 1 s, too close to the two-second wait).
    func hashingGate() -> HashingGate {
        let slots = max(1, min(ProcessInfo.processInfo.activeProcessorCount - 1, threads / 4))
        return HashingGate(concurrentHashes: slots, admitting: max(slots, threads / 2), niceness: 5,
                           stepAside: StepAside { FastCGIServer.lendingPlace($0) })
    }

    /// Workers taking requests at once: two per core (measured, `WorkerPlaces`); the other threads are spares that
    /// take the place of a worker waiting for a login's hash (`StepAside`), so queued logins hold no page's place.
    var takingRequests: Int {
        min(threads, max(2, 2 * ProcessInfo.processInfo.activeProcessorCount))
    }

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1 to 256") }
    }

    func run() throws {
        HashingMemory.limitResidentMemory()
        let environment = try PortalEnvironment.current()
        guard environment.mode == .development else {
            // The authorities' SMS, face and real-name services have no production adapter in this build.
            throw PortalCommandError("PORTAL_ENV=production needs the authorities' face-verification, SMS and "
                                     + "real-name services, which this build has no adapters for: nothing is sent; "
                                     + "run with PORTAL_ENV=development")
        }
        let stores = try environment.openDatabase().stores
        let renderer = try PageRenderer(templatesDirectory: templates)
        let services = try PortalServices(
            stores: stores,
            outside: .development(dataDirectory: environment.dataDirectory, registry: stores.registry),
            hasher: PasswordHasher(gate: hashingGate()),
            policy: try PasswordPolicy.bundled(),
            clock: SystemClock(),
            secret: try environment.serverSecret(),
            smsTexts: CatalogueSmsTexts(renderer: renderer),
            qrSigner: try environment.qrSigner(),
            reminderTexts: CatalogueSmsTexts(renderer: renderer))
        RequestLog.write("portal: development adapters (face, SMS to \(environment.dataDirectory.path)/sms-outbox.jsonl, "
                         + "real-name checks against the imported registries); no message leaves this machine")
        let application = PortalApplication(services: services, renderer: renderer, publicURL: publicURL,
                                            log: { RequestLog.write(RequestLog.escaped($0)) })
        Housekeeping.start(services)
        let server = try FastCGIServer(socketPath: socket, socketGroup: socketGroup, workerCount: threads,
                                       takingRequests: takingRequests, maxBodyBytes: Route.largestBodyBytes)
        RequestLog.write("portal: serving on \(socket) with \(threads) threads, \(takingRequests) taking requests at once "
                         + "(\(environment.mode.rawValue))")
        let askedToStop = server.run { request in
            let started = DispatchTime.now()
            let response = application.respond(to: WebRequest(fastCGI: request))
            RequestLog.record(request.params, status: response.status, since: started)
            return FastCGIResponse(head: response.head, body: response.body)
        }
        guard askedToStop else {
            // Exit non-zero so that scripts/start-stack.sh (and systemd) treat it as a failure and restart it.
            RequestLog.write("portal: no worker thread could be started")
            throw ExitCode(70)
        }
        RequestLog.write("portal: stopped")
    }
}

extension WebRequest {
    /// The web layer's request from libfcgi's; a method nginx could not have sent reads as one no route answers.
    init(fastCGI request: FastCGIRequest) {
        self.init(method: request.method ?? HTTPRequest.Method("INVALID")!, path: request.path, query: request.query,
                  headers: request.headerFields, readBody: request.body.bytes,
                  bodyTooLarge: request.body.declaredTooLarge,
                  remoteAddress: request.remoteAddress, isHTTPS: request.isHTTPS)
    }
}
