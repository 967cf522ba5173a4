import Foundation

/// What a file is, judged from its first bytes before anything is unzipped.
///
/// Enterprises send `.xls`, `.et`, password-protected workbooks and CSV files renamed `.xlsx`;
/// each gets its own instruction instead of a zip library's complaint.
enum FileSignature: Equatable {
    /// A zip package, possibly an `.xlsx` workbook.
    case zip
    /// A zip package with no entries: nothing but the end-of-directory record.
    case emptyZip
    /// No bytes at all.
    case empty
    /// An OLE2 compound file: `.xls`, `.et`, `.doc`, or an encrypted OOXML package.
    case compoundFile
    /// `%PDF`.
    case pdf
    /// Markup that looks like a web page.
    case html
    /// Plain text, such as CSV in UTF-8, UTF-16 or GB18030.
    case text
    /// Anything else.
    case unknown

    /// How many bytes ``init(head:)`` looks at.
    static let headLength = 4096

    /// Classifies a file from its first ``headLength`` bytes (fewer if the file is shorter).
    init(head: [UInt8]) {
        if head.isEmpty {
            self = .empty
        } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = .zip
        } else if head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            // The end-of-directory record comes last, so a file starting with it lists no entries.
            self = .emptyZip
        } else if head.starts(with: CompoundFile.signature) {
            self = .compoundFile
        } else if head.starts(with: Array("%PDF".utf8)) {
            self = .pdf
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            self = .text
        } else if !head.contains(0) && !head.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            let lowered = String(decoding: head, as: UTF8.self).lowercased()
            let markers = ["<html", "<!doctype html", "<table", "<head", "<meta"]
            self = markers.contains(where: lowered.contains) ? .html : .text
        } else {
            self = .unknown
        }
    }

    /// Reads the head of the file at `path` and throws the matching ``XLSXError`` unless it is a
    /// zip package.
    static func requireZip(path: String) throws {
        let head = try readHead(path: path)
        let problem: XLSXError.Problem
        switch FileSignature(head: head) {
        case .zip: return
        case .empty: problem = .empty
        case .emptyZip: problem = .emptyPackage
        case .pdf: problem = .pdfFile
        case .html: problem = .htmlFile
        case .text: problem = .textFile
        case .unknown: problem = .unknownFormat
        case .compoundFile:
            let names = (try? CompoundFile(path: path).entryNames) ?? []
            problem = compoundFileProblem(entryNames: names, fileExtension: (path as NSString).pathExtension)
        }
        throw XLSXError(path: path, problem: problem)
    }

    /// Tells an encrypted workbook, an `.xls`, a WPS `.et` and other OLE2 files apart.
    ///
    /// WPS writes `Workbook` streams like Excel, so the extension decides first; under another
    /// name, WPS's own `WpsCustomData` stream gives it away.
    static func compoundFileProblem(entryNames: [String], fileExtension: String) -> XLSXError.Problem {
        let names = Set(entryNames)
        let ext = fileExtension.lowercased()
        if names.contains("EncryptedPackage") {
            return .passwordProtected
        }
        if ext == "et" || ext == "ett" {
            return .wpsSpreadsheet
        }
        // A directory that cannot be read (a truncated or damaged file) under an Excel name is
        // most likely the .xls it says it is; telling the sender to re-save it is the useful advice.
        if names.isEmpty && (ext == "xls" || ext == "xlt") {
            return .legacyExcel
        }
        guard names.contains("Workbook") || names.contains("Book") else {
            return .otherCompoundDocument
        }
        if ext != "xls" && names.contains("WpsCustomData") {
            return .wpsSpreadsheet
        }
        return .legacyExcel
    }

    /// The first ``headLength`` bytes of the file, with the operating system's reason on failure.
    private static func readHead(path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw XLSXError(path: path, problem: .unreadable(String(cString: strerror(errno))))
        }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: headLength)
        let count = fread(&head, 1, headLength, file)
        if count < headLength && ferror(file) != 0 {
            throw XLSXError(path: path, problem: .unreadable(String(cString: strerror(errno))))
        }
        return Array(head.prefix(count))
    }
}
