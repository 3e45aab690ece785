import Testing
@testable import PortalWeb

@Suite struct NginxRouteConfigTests {
    private let config = NginxRouteConfig(socketPath: "/run/portal/portal.sock", postBurst: 20)

    @Test func theRateLimitedAndLargeBodiedRoutesGetLocationsFromTheirEndpoints() {
        let server = config.serverLevel
        #expect(server.contains("client_max_body_size \(Endpoint.defaultBodyBytes);\n"))
        let limited = Route.allExamples.filter(\.endpoint.rateLimitsPosts).map { String($0.path.dropFirst()) }
        #expect(server.contains("""
            location ~ ^/(?:\(limited.joined(separator: "|")))/?$ {
                limit_req zone=portal_post burst=20 nodelay;
                fastcgi_pass unix:/run/portal/portal.sock;
            }
            """))
        #expect(server.contains("""
            location ~ ^/(?:register/face|password/reset/face)/?$ {
                client_max_body_size \(FaceUpload.maximumBodyBytes);
                fastcgi_pass unix:/run/portal/portal.sock;
            }
            """))
        // A route with the defaults (the card page, a language link) is left to the config's `location /`.
        #expect(!server.contains("/card") && !server.contains("/language"))
    }

    @Test func theCameraIsAllowedOnlyWhereARouteUsesIt() {
        let http = config.httpLevel
        #expect(http.contains("    ~^/(?:register/face|password/reset/face)/?$ \"camera=(self), "))
        #expect(http.contains("    default \"camera=(), "))
    }

    @Test func everyRouteNginxTreatsApartHasAFixedPath() {
        for route in NginxRouteConfig.specialRoutes { #expect(!route.path.contains("?"), "\(route)") }
    }

    @Test func nginxChoosesTheLanguageByTheSameCookie() {
        let http = config.httpLevel
        #expect(http.contains("map $cookie_lang $portal_language {\n    en en;\n    zh zh;\n    default $portal_accept_language;\n}"))
    }
}
