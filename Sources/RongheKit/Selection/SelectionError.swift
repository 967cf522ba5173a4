/// Why a selection cannot be made.
public enum SelectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The scored tree has no `selection` block.
    case noPolicy(tree: String)

    public var description: String {
        switch self {
        case .noPolicy(let tree):
            return "the indicator tree \"\(tree)\" has no selection policy; add a \"selection\" block to select demonstration enterprises"
        }
    }
}
