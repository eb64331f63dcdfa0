import Foundation

/// One swept parameter and the values it takes: `--vary leakage=2%..20%/10`.
///
/// Values are written as in the scenario language (`2%` is 0.02, `0.5/y` is 0.5 a year),
/// as a range `FROM..TO/COUNT` (COUNT evenly spaced values, both ends included; 11 when
/// `/COUNT` is left out) or as a list `V1,V2,V3`.
public struct SweepAxis: Sendable, Equatable {
    public var name: String
    /// In model terms, in the order given.
    public var values: [Double]
    /// How each value is shown: the text written for listed values and range ends, the
    /// value in the range's unit for the values in between.
    public var labels: [String]

    public init(name: String, values: [Double], labels: [String]? = nil) {
        self.name = name
        self.values = values
        self.labels = labels ?? values.map { $0.description }
    }

    /// The number of values a range takes when `/COUNT` is left out.
    package static let defaultCount = 11
    /// The most values one axis may take.
    package static let maxCount = 100_000

    /// Parses `NAME=FROM..TO[/COUNT]` or `NAME=V1,V2,…`; `source` names it in diagnostics.
    public static func parse(_ spec: String, source: String = "--vary") throws(ScenarioError) -> SweepAxis {
        let file = SourceFile(path: source, text: spec)
        func fail(_ message: String, at column: Int, length: Int = 1, help: String) -> ScenarioError {
            ScenarioError([Diagnostic(.error, message, at: SourceLocation(file: source, line: 1, column: column, length: length), help: [help])],
                          sources: [source: file])
        }
        let scalars = Array(spec.unicodeScalars)
        guard let eq = scalars.firstIndex(of: "=") else {
            throw fail("expected NAME=FROM..TO[/COUNT]", at: 1, length: max(1, scalars.count),
                       help: "e.g. --vary leakage=2%..20%/10 (10 values from 2% to 20%)")
        }
        let name = String(String.UnicodeScalarView(scalars[..<eq])).trimmingSpaces()
        guard !name.isEmpty else {
            throw fail("the parameter's name is missing before '='", at: eq + 1, help: "e.g. --vary leakage=2%..20%/10")
        }
        let valueStart = eq + 1
        let rest = Array(scalars[valueStart...])
        if let dots = ValueText.find([".", "."], in: rest) {
            // FROM..TO[/COUNT]
            var toEnd = rest.count
            var count = defaultCount
            if let slash = rest.lastIndex(of: "/"), slash > dots {
                let countText = String(String.UnicodeScalarView(rest[(slash + 1)...])).trimmingSpaces()
                if let n = Int(countText) {
                    guard n >= 2, n <= maxCount else {
                        throw fail("a range takes from 2 to \(maxCount) values, not \(n)", at: valueStart + slash + 2,
                                   length: max(1, rest.count - slash - 1), help: "the number after '/' is how many values, both ends included")
                    }
                    count = n
                    toEnd = slash
                }
            }
            let lo = try ValueText.quantity(file: file, from: valueStart, to: valueStart + dots, what: "the range's first value")
            let hi = try ValueText.quantity(file: file, from: valueStart + dots + 2, to: valueStart + toEnd, what: "the range's last value")
            guard ValueText.sameUnit(lo.unit, hi.unit) else {
                throw ScenarioError([Diagnostic(.error, "the range's ends are in different units: \(lo.text) and \(hi.text)", at: hi.location,
                                                help: ["write both ends alike, e.g. 2%..20%"])], sources: [source: file])
            }
            // The values in between are spaced in the unit written and rounded to 12 significant
            // digits, then converted as the parser converts: 2%..20%/10 runs 4% as 4/100, the
            // very value `4%` in a scenario gives.
            let scale = ValueText.scale(lo.unit)
            let loU = lo.value * scale, hiU = hi.value * scale
            var values: [Double] = []
            for i in 0..<count {
                if i == 0 { values.append(lo.value); continue }
                if i == count - 1 { values.append(hi.value); continue }
                let x = loU + (hiU - loU) * Double(i) / Double(count - 1)
                values.append(ValueText.roundedDecimal(x) / scale)
            }
            let labels = values.enumerated().map { i, v in
                i == 0 ? lo.text : i == count - 1 ? hi.text : ValueText.label(v, like: lo.unit)
            }
            return SweepAxis(name: name, values: values, labels: labels)
        }
        // V1,V2,…
        var values: [Double] = [], labels: [String] = []
        var start = 0
        var firstUnit: Quantity.Unit?
        for i in 0...rest.count where i == rest.count || rest[i] == "," {
            let q = try ValueText.quantity(file: file, from: valueStart + start, to: valueStart + i, what: "a value")
            if let u = firstUnit, !ValueText.sameUnit(u, q.unit) {
                throw ScenarioError([Diagnostic(.error, "the values are in different units", at: q.location,
                                                help: ["write every value alike, e.g. 2%,5%,10%"])], sources: [source: file])
            }
            firstUnit = firstUnit ?? q.unit
            values.append(q.value)
            labels.append(q.text)
            start = i + 1
        }
        return SweepAxis(name: name, values: values, labels: labels)
    }
}
