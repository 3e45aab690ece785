import Testing
@testable import PortalWeb

@Suite struct NginxRouteConfigTests {
    private let config = NginxRouteConfig(socketPath: "/run/portal/portal.sock", postBurst: 20)

    @Test func theRateLimitedAndLargeBodiedRoutesGetLocationsFromTheirEndpoints() {
        let server = config.serverLevel
        #expect(server.contains("client_max_body_size \(Endpoint.defaultBodyBytes);\n"))
        let limited = Route.allExamples
            .filter { $0.endpoint.rateLimitsPosts && !$0.endpoint.rateLimitsAll && $0.endpoint.maximumBodyBytes == nil }
            .map { String($0.path.dropFirst()) }
        #expect(server.contains("""
            location ~ ^/(?:\(limited.joined(separator: "|")))/?$ {
                limit_req zone=portal_post burst=20 nodelay;
                fastcgi_pass portal_app;
            }
            """))
        #expect(server.contains("""
            location ~ ^/(?:register/face|password/reset/face)/?$ {
                limit_req zone=portal_post burst=20 nodelay;
                client_max_body_size \(FaceUpload.maximumBodyBytes);
                fastcgi_pass portal_app;
            }
            """))
        // A route with the defaults (the card page, a language link) is left to the config's `location /`.
        #expect(!server.contains("/card") && !server.contains("/language"))
    }

    @Test func everyLocationPassesToTheSocketsUpstreamOverKeptConnections() {
        #expect(config.httpLevel.contains("upstream portal_app {\n    server unix:/run/portal/portal.sock;\n    keepalive 32;\n}\n"))
        let server = config.serverLevel
        #expect(server.contains("fastcgi_keep_conn on;\n"))
        #expect(server.components(separatedBy: "fastcgi_pass portal_app;").count - 1
                == server.components(separatedBy: "location ").count - 1)
    }

    @Test func theCameraIsAllowedOnlyWhereARouteUsesIt() {
        let http = config.httpLevel
        #expect(http.contains("    ~^/(?:register/face|password/reset/face)/?$ \"camera=(self), "))
        #expect(http.contains("    default \"camera=(), "))
    }

    @Test func everyRouteNginxTreatsApartHasAFixedPathItsQueryAside() {
        // The verification page's token rides in the query; its location matches the path alone.
        #expect(config.serverLevel.contains("location ~ ^/verify/?$ {\n    limit_req zone=portal_every burst=20 nodelay;"))
        for route in NginxRouteConfig.specialRoutes where !route.path.contains("?") {
            #expect(Route(path: route.path) == route, "\(route)")
        }
    }

    @Test func nginxChoosesTheLanguageByTheSameCookie() {
        let http = config.httpLevel
        #expect(http.contains("map $cookie_lang $portal_language {\n    en en;\n    zh zh;\n    default $portal_accept_language;\n}"))
    }
}
