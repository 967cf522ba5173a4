/// Why a batch cannot be scored.
public enum ScoringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two surveys in the batch belong to the same enterprise; the caller must pick one.
    case duplicateEnterprise(uscc: String)

    public var description: String {
        switch self {
        case .duplicateEnterprise(let uscc):
            return "the batch holds two surveys of enterprise \(uscc); score one survey per enterprise"
        }
    }
}
