import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses one part of a package by streaming it from the zip into `XMLParser(stream:)`.
///
/// `XMLParser(data:)` fails near the end of large sheets, so every part, small or large, goes
/// through the stream path. Entities are never resolved and DOCTYPEs are refused before parsing.
enum XMLPartParser {
    /// Streams `part` of `archive` through `handler`.
    ///
    /// - Throws: ``XLSXError`` for zip, limit, DTD and XML errors (the latter with the parser's
    ///   line and column), or whatever `handler` threw, unchanged.
    static func parse(part: String, of archive: ZipArchive, with handler: XMLPartHandler) throws {
        try archive.withReader(forEntry: part) { reader in
            let stream = PartInputStream(reader: reader)
            let parser = XMLParser(stream: stream)
            parser.shouldProcessNamespaces = false
            parser.shouldReportNamespacePrefixes = false
            parser.shouldResolveExternalEntities = false
            parser.externalEntityResolvingPolicy = .never
            parser.delegate = handler
            handler.parser = parser
            defer { handler.parser = nil }
            let succeeded = parser.parse()

            switch stream.failure {
            case nil: break
            case is XMLPrologScanner.DoctypeFound:
                throw XLSXError(path: archive.path, location: .part(part), problem: .doctype)
            case let instruction as XMLStreamGuard.DatalessProcessingInstruction:
                throw XLSXError(
                    path: archive.path, location: .part(part),
                    problem: .malformedXML("a processing instruction without data (<?\(instruction.target)?>) at byte "
                        + "\(instruction.offset), which no spreadsheet program writes"))
            case let surrogate as XMLStreamGuard.UnpairedSurrogate:
                throw XLSXError(
                    path: archive.path, location: .part(part),
                    problem: .malformedXML("the part's UTF-16 text has half a character (an unpaired surrogate) at byte \(surrogate.offset)"))
            case is XMLPrologScanner.PrologTooLong:
                throw XLSXError(
                    path: archive.path, location: .part(part),
                    problem: .malformedXML("the part has more than 1 MB of text before its first element"))
            case let error?:
                throw error
            }
            if let failure = handler.failure {
                throw failure
            }
            if !succeeded {
                let code = (parser.parserError as NSError?)?.code ?? 0
                throw XLSXError(
                    path: archive.path,
                    location: .position(part: part, line: parser.lineNumber, column: parser.columnNumber),
                    problem: .malformedXML(describe(code)))
            }
            if !handler.sawRootElement {
                throw XLSXError(path: archive.path, location: .part(part), problem: .malformedXML("the part is empty"))
            }
        }
    }

    /// libxml2's error codes, as FoundationXML passes them on, in plain words.
    static func describe(_ code: Int) -> String {
        let known: [Int: String] = [
            4: "the part is empty",
            5: "the part ends too early (it may be cut off)",
            9: "invalid character",
            23: "an entity reference is not closed with ';'",
            26: "reference to an undefined entity",
            32: "the part's encoding is not supported",
            38: "an attribute value is not in quotes",
            39: "an attribute value is not closed",
            40: "a tag breaks off inside its attributes (the part may be cut off)",
            41: "an attribute has no value",
            42: "an attribute appears twice in one tag",
            64: "invalid XML declaration",
            65: "a space is missing (between attributes, or after a processing instruction's name)",
            68: "a tag or attribute has no valid name",
            73: "a tag is not closed with '>'",
            76: "a closing tag does not match the opening tag",
            77: "a tag is not closed",
            85: "extra content after the end of the document",
        ]
        return known[code].map { "\($0) (parser error \(code))" } ?? "parser error \(code)"
    }
}

/// Receives one part's XML events; subclasses override ``start(_:attributes:)``,
/// ``end(_:)`` and ``text(_:)`` and throw to stop.
///
/// Element names arrive without namespace prefix (`x:row` and `row` are the same), because some
/// generators prefix the spreadsheet namespace. The first problem stops the parser; later parser
/// complaints are ignored.
class XMLPartHandler: NSObject, XMLParserDelegate {
    /// The file being read, for error messages.
    let path: String
    /// The part being parsed, for error messages.
    let part: String
    /// The parser driving this handler while a parse is under way.
    weak var parser: XMLParser?
    /// The first error: thrown by a hook, or reported by the parser.
    private(set) var failure: Error?
    /// Whether any element was seen.
    private(set) var sawRootElement = false

    init(path: String, part: String) {
        self.path = path
        self.part = part
    }

    /// Called for each start tag, with the local name.
    func start(_ name: String, attributes: [String: String]) throws {}
    /// Called for each end tag, with the local name.
    func end(_ name: String) throws {}
    /// Called for character data, possibly in several pieces.
    func text(_ text: String) throws {}

    /// An error located at the parser's current line and column.
    func invalid(_ detail: String) -> XLSXError {
        XLSXError(path: path, location: here, problem: .invalidContent(detail))
    }

    /// The parser's current position in this part.
    var here: XLSXError.Location {
        .position(part: part, line: parser?.lineNumber ?? 0, column: parser?.columnNumber ?? 0)
    }

    /// The name without its namespace prefix.
    static func localName(_ name: String) -> String {
        // The names of every cell come first, without a search.
        switch name {
        case "c", "v", "row", "is", "t", "r", "f", "si": return name
        default: break
        }
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The value of the attribute with this local name, whatever its prefix (`r:id`, `id`).
    static func attribute(_ localName: String, in attributes: [String: String]) -> String? {
        if let value = attributes[localName] { return value }
        for (key, value) in attributes where key.hasSuffix(":" + localName) {
            return value
        }
        return nil
    }

    private func stop(_ error: Error) {
        if failure == nil {
            failure = error
        }
        parser?.abortParsing()
    }

    private func run(_ body: () throws -> Void) {
        guard failure == nil else { return }
        do {
            try body()
        } catch {
            stop(error)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String]
    ) {
        sawRootElement = true
        run { try start(Self.localName(elementName), attributes: attributeDict) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        run { try end(Self.localName(elementName)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        run { try text(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        run { try text(String(decoding: CDATABlock, as: UTF8.self)) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard failure == nil else { return }
        let code = (parseError as NSError).code
        stop(XLSXError(path: path, location: here, problem: .malformedXML(XMLPartParser.describe(code))))
    }

    // The prolog scanner refuses DTDs before parsing; these are a second line of defence.

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop(XLSXError(path: path, location: .part(part), problem: .doctype))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        stop(XLSXError(path: path, location: .part(part), problem: .doctype))
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        stop(XLSXError(path: path, location: .part(part), problem: .doctype))
    }

    /// Called for any entity libxml2 does not know, such as `&nbsp;`: never resolved, so the
    /// parser reports it as undefined.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }
}
