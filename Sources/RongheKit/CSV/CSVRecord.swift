/// One record of a CSV file: its fields and the physical line it starts on.
public struct CSVRecord: Sendable, Equatable, CustomStringConvertible {
    /// The fields in file order, unquoted and with `""` turned into `"`; whitespace is kept.
    ///
    /// A record has as many fields as the line has, so a short line gives fewer fields than the
    /// header: the caller decides whether a missing field is an error. An empty field is `""`.
    public var fields: [String]
    /// The 1-based physical line the record starts on.
    ///
    /// A quoted field with a line break inside makes the next record start more than one line
    /// further down; CRLF, LF and a lone CR each end one physical line.
    public var line: Int

    /// Creates a record from its fields and the line it starts on.
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// `line 3: ["a", "b"]`, for test failures and debugging.
    public var description: String { "line \(line): \(fields)" }
}
