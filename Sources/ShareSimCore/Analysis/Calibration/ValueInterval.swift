/// A closed interval written `LOW..HIGH`, as calibration brackets are: `--in 0%..20%`.
/// Calibration speaks of it as written: in its unit, at its place on the command line.
public struct ValueInterval: Sendable, Equatable {
    public var low: Double
    public var high: Double
    package var lowText: String
    package var highText: String
    public var unit: Quantity.Unit
    /// Where it was written; nil for one that was not (a parameter's valid range).
    public var location: SourceLocation?

    /// A range that was not written, its ends shown in `unit`.
    public init(_ range: ClosedRange<Double>, unit: Quantity.Unit) {
        self.init(low: range.lowerBound, high: range.upperBound, lowText: ValueText.label(range.lowerBound, like: unit),
                  highText: ValueText.label(range.upperBound, like: unit), unit: unit, location: nil)
    }

    init(low: Double, high: Double, lowText: String, highText: String, unit: Quantity.Unit, location: SourceLocation?) {
        self.low = low
        self.high = high
        self.lowText = lowText
        self.highText = highText
        self.unit = unit
        self.location = location
    }

    public var range: ClosedRange<Double> { low...high }
    public var text: String { lowText + ".." + highText }

    public static func parse(_ text: String, source: String = "--in") throws(ScenarioError) -> ValueInterval {
        let file = SourceFile(path: source, text: text)
        let scalars = Array(text.unicodeScalars)
        let whole = SourceLocation(file: source, line: 1, column: 1, length: max(1, scalars.count))
        guard let dots = ValueText.find([".", "."], in: scalars) else {
            throw ScenarioError([Diagnostic(.error, "expected LOW..HIGH", at: whole, help: ["e.g. 0%..20%"])], sources: [source: file])
        }
        let lo = try ValueText.quantity(file: file, from: 0, to: dots, what: "the interval's low end")
        let hi = try ValueText.quantity(file: file, from: dots + 2, to: scalars.count, what: "the interval's high end")
        guard ValueText.sameUnit(lo.unit, hi.unit) else {
            throw ScenarioError([Diagnostic(.error, "the interval's ends are in different units: \(lo.text) and \(hi.text)", at: hi.location,
                                            help: ["write both ends alike, e.g. 0%..20%"])], sources: [source: file])
        }
        guard lo.value < hi.value else {
            throw ScenarioError([Diagnostic(.error, "the interval is empty: \(lo.text) is not below \(hi.text)", at: hi.location,
                                            help: ["write the low end first"])], sources: [source: file])
        }
        return ValueInterval(low: lo.value, high: hi.value, lowText: lo.text, highText: hi.text, unit: lo.unit, location: whole)
    }
}
