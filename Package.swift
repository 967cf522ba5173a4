// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Ronghe",
    products: [
        .executable(name: "ronghe", targets: ["ronghe"]),
        .library(name: "RongheKit", targets: ["RongheKit"]),
    ],
    targets: [
        // Debian's C libraries, each behind a module map. Only the files that wrap them import these.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CMinizip", providers: [.apt(["libminizip-dev"])]),

        // The platform as a library: model, scoring, surveys, xlsx, storage, reports.
        .target(
            name: "RongheKit",
            dependencies: ["CSQLite", "CXLSXWriter", "CMinizip"]
        ),
        // The command-line front end: a small command framework and one type per command.
        .target(
            name: "RongheCLI",
            dependencies: ["RongheKit"]
        ),
        .executableTarget(
            name: "ronghe",
            dependencies: ["RongheCLI"]
        ),
        // Prints timings and memory figures; never run by the tests.
        .executableTarget(
            name: "ronghe-bench",
            dependencies: ["RongheKit"]
        ),
        // Test data shared by the test targets.
        .target(
            name: "RongheTestSupport",
            dependencies: ["RongheKit"],
            path: "Tests/RongheTestSupport"
        ),
        .testTarget(
            name: "RongheKitTests",
            dependencies: ["RongheKit", "RongheTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RongheCLITests",
            dependencies: ["RongheCLI", "RongheKit", "RongheTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
