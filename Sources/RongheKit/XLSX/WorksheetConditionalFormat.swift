/// A format that Excel applies to cells depending on their values.
///
/// Apply with ``Worksheet/addConditionalFormat(_:to:)``. Data bars and colour scales shade a
/// range by value (such as a score column in a ranked report); cell-value and formula rules give
/// matching cells a ``CellStyle`` (only its font colour, bold, italic, underline, fill, borders
/// and number format take effect, as in Excel).
public enum ConditionalFormat: Hashable, Sendable {
    /// A bar in each cell proportional to its value.
    case dataBar(DataBar)
    /// A fill from one colour at the lowest value to another at the highest.
    case twoColorScale(minimum: XLSXColor, maximum: XLSXColor)
    /// A fill through three colours, with the middle one at the 50th percentile.
    case threeColorScale(minimum: XLSXColor, midpoint: XLSXColor, maximum: XLSXColor)
    /// `style` for cells whose value meets the comparison.
    case cellValue(Comparison, style: CellStyle)
    /// `style` for cells where the formula, written for the range's first cell, is true:
    /// `=$C2<60` on `A2:F100` styles whole rows whose C is below 60.
    case formula(String, style: CellStyle)

    /// Where a data bar or colour scale starts or ends.
    public enum ScaleBound: Hashable, Sendable {
        /// The lowest (or highest) value in the range.
        case automatic
        /// A fixed number, such as 0 or 100 for scores.
        case number(Double)
        /// A percentage 0...100 of the way from the lowest to the highest value.
        case percent(Double)
        /// A percentile 0...100 of the values.
        case percentile(Double)
    }

    /// A data bar's appearance and scale.
    public struct DataBar: Hashable, Sendable {
        /// The bar colour.
        public var color: XLSXColor
        /// Where an empty bar is.
        public var minimum: ScaleBound
        /// Where a full bar is.
        public var maximum: ScaleBound
        /// A solid bar rather than a gradient.
        public var isSolid: Bool
        /// Hides the numbers, leaving only the bars.
        public var hidesValues: Bool

        /// Creates a data bar; by default a gradient bar scaled from the lowest to the highest value.
        public init(
            color: XLSXColor = .blue, minimum: ScaleBound = .automatic, maximum: ScaleBound = .automatic,
            isSolid: Bool = false, hidesValues: Bool = false
        ) {
            self.color = color
            self.minimum = minimum
            self.maximum = maximum
            self.isSolid = isSolid
            self.hidesValues = hidesValues
        }
    }

    /// A comparison of a cell's value with one or two numbers.
    public enum Comparison: Hashable, Sendable {
        /// Within the bounds, inclusive.
        case between(Double, Double)
        /// Outside the bounds.
        case notBetween(Double, Double)
        /// Equal to the value.
        case equalTo(Double)
        /// Not equal to the value.
        case notEqualTo(Double)
        /// Greater than the value.
        case greaterThan(Double)
        /// Less than the value.
        case lessThan(Double)
        /// Greater than or equal to the value.
        case greaterThanOrEqualTo(Double)
        /// Less than or equal to the value.
        case lessThanOrEqualTo(Double)

        var values: [Double] {
            switch self {
            case let .between(low, high), let .notBetween(low, high): [low, high]
            case let .equalTo(value), let .notEqualTo(value), let .greaterThan(value), let .lessThan(value),
                let .greaterThanOrEqualTo(value), let .lessThanOrEqualTo(value):
                [value]
            }
        }
    }

    /// Explains why the format cannot be written, or returns `nil`.
    func problem() -> String? {
        switch self {
        case let .dataBar(bar):
            return boundProblem(bar.minimum) ?? boundProblem(bar.maximum)
        case .twoColorScale, .threeColorScale:
            return nil
        case let .cellValue(comparison, style):
            if let bad = comparison.values.first(where: { !$0.isFinite }) {
                return "conditional format value \(bad) must be finite"
            }
            return style.problem()
        case let .formula(formula, style):
            let body = formula.hasPrefix("=") ? formula.dropFirst() : Substring(formula)
            if body.allSatisfy(\.isWhitespace) { return "conditional format formula is empty" }
            if formula.utf16.count > Formula.maximumLength {
                return "conditional format formula of \(formula.utf16.count) characters is longer than Excel's \(Formula.maximumLength)"
            }
            return style.problem()
        }
    }

    private func boundProblem(_ bound: ScaleBound) -> String? {
        switch bound {
        case .automatic:
            return nil
        case let .number(value):
            return value.isFinite ? nil : "data bar bound \(value) must be finite"
        case let .percent(value), let .percentile(value):
            return (0...100).contains(value) ? nil : "data bar bound \(value) must be within 0...100"
        }
    }
}
