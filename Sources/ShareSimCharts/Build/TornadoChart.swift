import Foundation
import ShareSimCore

/// A tornado chart of any list of (parameter, outcome at its low value, outcome at its
/// high value): what a sensitivity analysis gives, or a CSV written by hand.
public enum TornadoChart {
    /// `outcome` names what the values are ("installed share origin CN, HK in chips at 2023-01").
    public static func make(title: String, outcome: String, entries: [Tornado.Entry], base: Double?, format: ValueFormat,
                            provenance: ChartProvenance) -> Chart {
        let tornado = Tornado(entries: entries, base: base, format: format)
        let widest = tornado.entries.first.map { "\($0.parameter) moves it most, from \(format.label($0.low)) to \(format.label($0.high))" }
        return Chart(title: title, subtitle: "\(outcome): at each parameter's low and high value, the widest swing on top",
                     summary: "Tornado chart of \(NumberText.counted(entries.count, "parameter"))"
                        + (base.map { " around the base outcome \(format.label($0))" } ?? "") + (widest.map { "; \($0)." } ?? "."),
                     provenance: provenance, panels: [Panel(title: nil, content: .tornado(tornado))],
                     styleKey: [StyleKeyItem(label: "parameter at its low value", mark: .swatch(style: TornadoDrawing.lowStyle)),
                                StyleKeyItem(label: "at its high value", mark: .swatch(style: TornadoDrawing.highStyle))]
                        + (base == nil ? [] : [StyleKeyItem(label: "base outcome", mark: .line(dashed: false))]))
    }

    /// Reads `parameter,low,high` rows (a header first; an optional `base` column gives the
    /// base outcome, the same on every row). Values are in model terms: a share as a fraction.
    public static func readCSV(_ text: String, path: String) throws(Diagnostic) -> (entries: [Tornado.Entry], base: Double?) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        func location(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line, column: 1, length: 1) }
        guard let header = lines.first else {
            throw Diagnostic(.error, "'\(path)' is empty", at: nil, help: ["write a header 'parameter,low,high' and a row per parameter"])
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let p = names.firstIndex(of: "parameter"), let lo = names.firstIndex(of: "low"), let hi = names.firstIndex(of: "high") else {
            throw Diagnostic(.error, "the header must name the columns parameter, low and high", at: location(1),
                             help: ["e.g. parameter,low,high (and base, optionally)"])
        }
        let b = names.firstIndex(of: "base")
        var entries: [Tornado.Entry] = []
        var base: Double?
        for (i, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == names.count else {
                throw Diagnostic(.error, "row \(i + 1) has \(NumberText.counted(fields.count, "field")); the header has \(names.count)", at: location(i + 1),
                                 help: ["give every row the header's columns"])
            }
            func number(_ column: Int) throws(Diagnostic) -> Double {
                guard let x = Double(fields[column]), x.isFinite else {
                    throw Diagnostic(.error, "'\(fields[column])' is not a number", at: location(i + 1),
                                     help: ["write values in model terms, e.g. 0.85 for a share of 85%"])
                }
                return x
            }
            entries.append(Tornado.Entry(parameter: fields[p], low: try number(lo), high: try number(hi)))
            if let b, base == nil { base = try number(b) }
        }
        guard !entries.isEmpty else {
            throw Diagnostic(.error, "'\(path)' has a header but no parameter", at: location(1), help: ["add a row per parameter"])
        }
        return (entries, base)
    }
}
