import Foundation

/// One relationship from a part's `.rels` file.
struct PackageRelationship: Equatable {
    /// The `Id`, such as `rId1`.
    let id: String
    /// The `Type` URI.
    let type: String
    /// The `Target` as written.
    let target: String
    /// Whether `TargetMode="External"`: a URL, not a part.
    let isExternal: Bool

    /// Whether the type URI ends in this name (`officeDocument`, `worksheet`, …), so the
    /// transitional and strict namespaces both match.
    func hasType(_ name: String) -> Bool {
        type.hasSuffix("/" + name)
    }
}

/// The relationships of one source part, read from its `_rels/*.rels` part, with targets
/// resolved to part names inside the package.
///
/// A target is never used as a file path: it is resolved against the source part's folder into a
/// part name, and one that climbs above the package root is an error.
struct PackageRelationships {
    /// The part the relationships belong to; "" for the package itself.
    let source: String
    /// The `.rels` part they were read from.
    let part: String
    /// The relationships in document order.
    let relationships: [PackageRelationship]

    /// The `.rels` part name for a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`,
    /// "" (the package) → `_rels/.rels`.
    static func relationshipsPart(for source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "_rels/\(source).rels" }
        return "\(source[..<slash])/_rels/\(source[source.index(after: slash)...]).rels"
    }

    /// Reads the relationships of `source`, or returns `nil` if it has no `.rels` part.
    static func load(for source: String, from archive: ZipArchive) throws -> PackageRelationships? {
        let part = relationshipsPart(for: source)
        guard archive.entry(named: part) != nil else { return nil }
        let handler = RelationshipsHandler(path: archive.path, part: part)
        try XMLPartParser.parse(part: part, of: archive, with: handler)
        return PackageRelationships(source: source, part: part, relationships: handler.relationships)
    }

    /// The first relationship of a type.
    func first(ofType name: String) -> PackageRelationship? {
        relationships.first { $0.hasType(name) }
    }

    /// The relationship with an id.
    func relationship(withID id: String) -> PackageRelationship? {
        relationships.first { $0.id == id }
    }

    /// The part name a relationship's target designates.
    ///
    /// - Throws: ``XLSXError`` at this `.rels` part if the target is external or leaves the package.
    func resolve(_ relationship: PackageRelationship, path: String) throws -> String {
        let error = { (problem: XLSXError.Problem) in XLSXError(path: path, location: .part(part), problem: problem) }
        if relationship.isExternal {
            throw error(.externalTarget(id: relationship.id, target: relationship.target))
        }
        guard let resolved = Self.resolve(relationship.target, from: source) else {
            throw error(.targetOutsidePackage(id: relationship.id, target: relationship.target))
        }
        return resolved
    }

    /// Resolves `target` against the folder of `source`; `nil` if it climbs above the root or is
    /// empty. Absolute targets (`/xl/workbook.xml`) start at the package root.
    static func resolve(_ target: String, from source: String) -> String? {
        var text = target.replacingOccurrences(of: "\\", with: "/")
        if let cut = text.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            text = String(text[..<cut])
        }
        text = text.removingPercentEncoding ?? text
        guard !text.isEmpty else { return nil }
        var segments: [Substring] = []
        if !text.hasPrefix("/") {
            segments = source.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return nil }
        return segments.joined(separator: "/")
    }
}

/// Collects `<Relationship>` elements.
private final class RelationshipsHandler: XMLPartHandler {
    var relationships: [PackageRelationship] = []

    override func start(_ name: String, attributes: [String: String]) throws {
        guard name == "Relationship" else { return }
        guard let id = attributes["Id"], let target = attributes["Target"] else {
            throw invalid("a relationship has no Id or Target")
        }
        relationships.append(
            PackageRelationship(
                id: id, type: attributes["Type"] ?? "", target: target,
                isExternal: attributes["TargetMode"]?.lowercased() == "external"))
    }
}
