import Foundation

/// Locations of the test fixtures and of the repository's own sample files.
enum Fixtures {
    /// `Tests/RongheKitTests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository's top level, where `indicators/` and `surveys/` live.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// The default indicator tree shipped in `indicators/`.
    static let defaultTreeURL = repository.appendingPathComponent("indicators/lianghua-default.json")
}
