import Foundation
import ShareSimCore

/// Text for the human-readable lines: fixed widths so that the figures line up in columns.
enum Format {
    /// `best 123.4 M vendor-steps/s (12.16 ms)   median 120.1 M vendor-steps/s (12.49 ms)`
    static func throughput(_ seconds: Sample, vendorSteps: Int) -> String {
        "best " + rate(Double(vendorSteps) / seconds.best) + " (" + milliseconds(seconds.best) + ")   median "
            + rate(Double(vendorSteps) / seconds.median) + " (" + milliseconds(seconds.median) + ")"
    }

    /// `best 1,234,567 runs/s (0.81 µs/run)   median 1,200,000 runs/s (0.83 µs/run)`, for
    /// batches of `runs` runs.
    static func runRate(_ seconds: Sample, runs: Int) -> String {
        func rate(_ batch: Double) -> String {
            right(grouped(Int((Double(runs) / batch).rounded())), 10) + " runs/s ("
                + NumberText.fixed(batch / Double(runs) * 1e6, decimals: 2) + " µs/run)"
        }
        return "best " + rate(seconds.best) + "   median " + rate(seconds.median)
    }

    /// `123.4 M vendor-steps/s`
    private static func rate(_ perSecond: Double) -> String {
        right(NumberText.fixed(perSecond / 1e6, decimals: 1), 7) + " M vendor-steps/s"
    }

    /// `12.34 ms`
    static func milliseconds(_ seconds: Double) -> String {
        right(NumberText.fixed(seconds * 1e3, decimals: 2), 8) + " ms"
    }

    /// `2.2e-16`: differences span many orders of magnitude.
    static func scientific(_ x: Double) -> String { String(format: "%.1e", x) }

    /// `1,500,000`
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// A row label, padded to the label column.
    static func label(_ s: String) -> String { "  " + s.padding(toLength: 24, withPad: " ", startingAt: 0) }

    private static func right(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
