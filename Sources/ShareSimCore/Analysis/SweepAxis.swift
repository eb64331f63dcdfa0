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
    public static let defaultCount = 11
    /// The most values one axis may take.
    public static let maxCount = 100_000

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

/// Values written on the command line in the scenario language's notation.
public enum ValueText {
    /// One value alone, e.g. a `--tolerance`: `0.5%`, `0.005`.
    public static func parse(_ text: String, source: String) throws(ScenarioError) -> Quantity {
        let file = SourceFile(path: source, text: text)
        return try quantity(file: file, from: 0, to: text.unicodeScalars.count, what: "a value")
    }

    /// A value in the unit of `unit`, for tables: `3.8%`, `0.45/y`, `0.125`.
    public static func label(_ v: Double, like unit: Quantity.Unit) -> String {
        func short(_ d: Double) -> String {
            var s = NumberText.fixed(d, decimals: 6)
            while s.contains("."), s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s == "-0" ? "0" : s
        }
        switch unit {
        case .percent, .markup: return short(v * 100) + "%"
        case .points: return short(v * 100) + " points"
        case .percentPerYear: return short(v * 100) + "%/y"
        case .plainPerYear: return short(v) + "/y"
        case .years: return short(v) + "y"
        case .amount: return NumberText.amount(v)
        case .plain: return short(v)
        }
    }

    /// What the parser divides a number by for a unit: 100 for percentages.
    static func scale(_ unit: Quantity.Unit) -> Double {
        switch unit {
        case .percent, .percentPerYear: return 100
        default: return 1
        }
    }

    /// `x` to 12 significant digits, so that 4.000000000000001 is 4.
    static func roundedDecimal(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.12g", x)) ?? x
    }

    static func sameUnit(_ a: Quantity.Unit, _ b: Quantity.Unit) -> Bool {
        switch (a, b) {
        case (.amount, .amount): return true
        default: return a == b
        }
    }

    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    /// Parses the scalars `from..<to` of a one-line text as a quantity, with diagnostics
    /// located in the whole text (their columns shifted to where the part stands).
    static func quantity(file: SourceFile, from: Int, to: Int, what: String) throws(ScenarioError) -> Quantity {
        let scalars = Array(file.text.unicodeScalars)
        let sources = [file.path: file]
        let partScalars = scalars[min(from, scalars.count)..<min(max(from, to), scalars.count)]
        let leading = partScalars.prefix { $0 == " " }.count
        let start = from + leading
        var view = String.UnicodeScalarView()
        view.append(contentsOf: partScalars.dropFirst(leading))
        let part = String(view)
        guard !part.trimmingSpaces().isEmpty else {
            throw ScenarioError([Diagnostic(.error, "\(what) is missing", at: SourceLocation(file: file.path, line: 1, column: from + 1),
                                            help: ["values read 2%, 0.45, 0.5/y, 4B"])], sources: sources)
        }
        var parser = Parser(SourceFile(path: file.path, text: part))
        var q: Quantity?
        do {
            q = try parser.parseQuantity(context: "for \(what)")
            try parser.expectEndOfStatement()
        } catch {}
        if !parser.diagnostics.isEmpty || q == nil {
            throw ScenarioError(parser.diagnostics.map { d in
                var d = d
                d.location?.column += start
                return d
            }, sources: sources)
        }
        var out = q!
        out.text = out.text.trimmingSpaces()
        out.location.column += start
        return out
    }
}
