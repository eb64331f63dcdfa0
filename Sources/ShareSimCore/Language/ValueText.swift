import Foundation

/// Values written on the command line in the scenario language's notation.
package enum ValueText {
    /// One value alone, e.g. a `--tolerance`: `0.5%`, `0.005`.
    package static func parse(_ text: String, source: String) throws(ScenarioError) -> Quantity {
        let file = SourceFile(path: source, text: text)
        return try quantity(file: file, from: 0, to: text.unicodeScalars.count, what: "a value")
    }

    /// A value in the unit of `unit`, for tables: `3.8%`, `0.45/y`, `0.125`.
    package static func label(_ v: Double, like unit: Quantity.Unit) -> String {
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
