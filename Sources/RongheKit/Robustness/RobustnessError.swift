/// Why a robustness analysis cannot run.
public enum RobustnessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting is out of range; `expected` says what is allowed.
    case invalidSetting(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalidSetting(let name, let value, let expected):
            return "the robustness setting \(name) is \(value); expected \(expected)"
        }
    }
}
