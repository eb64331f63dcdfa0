/// Percentile bands by the nearest-rank method (MODEL.md): of N sorted values, the P-th
/// percentile is the value of rank ⌈P/100 · N⌉ (at least 1). Ranks are computed in integer
/// arithmetic from the percentage as written, so `5` of 100,000 runs is rank 5,000 exactly.
public struct Band: Sendable, Equatable, Hashable {
    /// The percentage as written: `5`, `97.5`.
    public let text: String
    /// The percentage is `numerator / 10^decimals`.
    let numerator: UInt64
    let decimals: Int

    /// `5`, `25`, `97.5`: a percentage above 0 and at most 100, with up to 6 decimals.
    public init?(_ text: String) {
        let t = text.trimmingSpaces()
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].count <= 6), parts[0].count <= 3
        else { return nil }
        var n: UInt64 = 0
        for c in parts[0].unicodeScalars { n = n * 10 + UInt64(c.value - 48) }
        var decimals = 0
        if parts.count == 2 {
            // Trailing zeros say nothing: 50.0 is 50.
            var frac = Array(parts[1].unicodeScalars)
            while frac.last == "0" { frac.removeLast() }
            for c in frac { n = n * 10 + UInt64(c.value - 48); decimals += 1 }
        }
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        guard n > 0, n <= 100 * scale else { return nil }
        // The label drops leading zeros and a fraction of zeros: p5, p97.5.
        let whole = String(n / scale)
        let fracDigits = decimals == 0 ? "" : "." + String(String(n % scale + scale).dropFirst())
        self.text = whole + fracDigits
        self.numerator = n
        self.decimals = decimals
    }

    /// The column name: `p5`, `p97.5`.
    public var label: String { "p" + text }

    /// The nearest rank, 1-based, of this percentile among `count` values.
    public func rank(of count: Int) -> Int {
        guard count > 0 else { return 0 }
        var scale: UInt64 = 100
        for _ in 0..<decimals { scale *= 10 }
        let product = numerator.multipliedFullWidth(by: UInt64(count))
        let (q, r) = scale.dividingFullWidth(product)
        return max(1, Int(q) + (r > 0 ? 1 : 0))
    }

    /// `5,25,50,75,95`: percentages in (0, 100], increasing, each once, so that a report's
    /// columns read from low to high; else an error that quotes the offending text, says why
    /// and shows an example with `option`, the name the list was given under (`--bands`, `bands`).
    public static func parseList(_ text: String, option: String = "--bands") -> Result<[Band], Diagnostic> {
        func refusal(_ part: String, outOfOrder: Bool) -> Result<[Band], Diagnostic> {
            .failure(.error(outOfOrder
                ? "\(option) go from low to high, each once: '\(part)' comes after a band at least as high; e.g. \(option) 5,25,50,75,95"
                : "'\(part)' is not a percentile: \(option) takes percentages above 0 and at most 100, e.g. \(option) 5,25,50,75,95", at: nil))
        }
        var out: [Band] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let b = Band(String(part)) else { return refusal(String(part), outOfOrder: false) }
            if let last = out.last, !(b.percentage > last.percentage) { return refusal(String(part), outOfOrder: true) }
            out.append(b)
        }
        return out.isEmpty ? refusal(text, outOfOrder: false) : .success(out)
    }

    /// The percentage as a number, for ordering: exact enough for six decimals.
    var percentage: Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return Double(numerator) / scale
    }

    public static let defaults: [Band] = ["5", "25", "50", "75", "95"].map { Band($0)! }
}
