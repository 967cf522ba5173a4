import Foundation
import Testing

@testable import RongheKit

/// Fixtures, readers over them, and a seeded generator, shared by the CSV tests.
enum CSVTestSupport {
    /// `Tests/RongheKitTests/Fixtures/csv/`.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/csv", isDirectory: true)

    /// A fixture's URL relative to the fixture folder, so errors name it as `name` alone.
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: name, relativeTo: fixtures)
    }

    /// The fixture's bytes.
    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: fixture(name))
    }

    /// Every record of the fixture, read with `options`.
    static func read(_ name: String, options: CSVReader.Options = .init()) throws -> [CSVRecord] {
        try CSVReader(url: fixture(name), options: options).readAll()
    }

    /// Every record of `data`, or the error that stopped the reader.
    static func read(_ data: Data, options: CSVReader.Options = .init()) -> Result<[CSVRecord], CSVError> {
        Result { () throws(CSVError) in try CSVReader(data: data, options: options).readAll() }
    }

    /// The records of `text`'s UTF-8, read with `options`; the error's text on failure.
    static func parse(_ text: String, options: CSVReader.Options = .init()) -> Result<[CSVRecord], CSVError> {
        read(Data(text.utf8), options: options)
    }

    /// A temporary folder, removed by the caller in `defer`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ronghe-csv-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The output of the `iconv` command line tool, the independent reference for GB18030.
    static func iconv(_ input: Data, from source: String, to target: String) throws -> Data {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("input")
        try input.write(to: inputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", source, "-t", target, inputFile.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw IconvFailed(status: process.terminationStatus)
        }
        return output
    }

    struct IconvFailed: Error {
        let status: Int32
    }
}

/// Holds the suites of the decoding helpers (detector, validator, iconv, stream decoder), so that
/// `swift test --filter CSV` runs them with the rest of the CSV layer's tests.
@Suite enum CSVDecodingTests {}
