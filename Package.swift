// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // One HTTP vocabulary (methods, statuses, case-insensitive header fields) for FastCGI and the web layer.
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // QR images and the PDF letter from plain values: the only code that touches libqrencode and pango-cairo.
        .target(name: "PortalDocuments", dependencies: ["CQRencode", "CPangoCairo"]),
        // Threads that report a refused start (Foundation's Thread cannot): FastCGI's workers, the hashing threads.
        .target(name: "POSIXThreads"),
        .target(name: "FastCGI", dependencies: [
            "CFastCGI", "POSIXThreads", .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .target(
            name: "PortalCore",
            dependencies: [
                "CArgon2", "POSIXThreads",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Accounts/Resources/README.md"],
            resources: [.copy("Accounts/Resources/common-passwords.txt")]
        ),
        .target(
            name: "PortalWeb",
            dependencies: [
                "PortalCore", "PortalDocuments",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "portal",
            dependencies: [
                "FastCGI", "PortalCore", "PortalWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "POSIXThreadsTests", dependencies: ["POSIXThreads"]),
        .testTarget(name: "FastCGITests", dependencies: ["FastCGI", .product(name: "HTTPTypes", package: "swift-http-types")]),
        // Clocks, images and registry fixtures shared by the test targets (one copy, not one per target).
        .target(name: "PortalTestSupport", dependencies: ["PortalCore"], path: "Tests/Support"),
        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore", "POSIXThreads", "PortalTestSupport"]),
        .testTarget(name: "PortalWebTests", dependencies: [
            "PortalWeb", "PortalCore", "PortalTestSupport", .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The executable's own code: request log, environment, hashing gate sizing.
        .testTarget(name: "portalTests", dependencies: ["portal", "PortalCore", "PortalTestSupport"]),
    ]
)

// libFuzzer targets, one per decoder that reads what a stranger sends. Only scripts/fuzz.sh declares them
// (PORTAL_FUZZ=1), building with -sanitize=fuzzer,address in a build folder of its own: they start libFuzzer's
// driver, which a plain `swift build` does not link.
if Context.environment["PORTAL_FUZZ"] != nil {
    let fuzzed: [(name: String, module: Target.Dependency)] = [
        ("URLEncodedForm", "PortalWeb"), ("MultipartForm", "PortalWeb"), ("Cookies", "PortalWeb"),
        ("RegistryRows", "PortalCore"), ("FastCGIParams", "FastCGI"),
    ]
    package.targets.append(.target(name: "FuzzDriver", path: "Tests/Fuzz/Driver"))
    package.targets += fuzzed.map { target in
        .executableTarget(name: "Fuzz\(target.name)", dependencies: ["FuzzDriver", target.module],
                          path: "Tests/Fuzz/\(target.name)")
    }
}
