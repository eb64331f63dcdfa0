/// How numbers are written in machine-readable output: the shortest text that reads back
/// to the same Double (Swift's `description` is such a shortest round-trip form).
public enum NumberText {
    public static func csv(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d == 0 ? "0.0" : d.description
    }

    /// JSON has no NaN or infinity; they never arise from a valid run but must not corrupt a file.
    public static func json(_ d: Double) -> String {
        d.isFinite ? (d == 0 ? "0.0" : d.description) : "null"
    }

    /// `45.0%` for tables and messages.
    public static func percent(_ d: Double, decimals: Int = 1) -> String {
        fixed(d * 100, decimals: decimals) + "%"
    }

    /// A fixed number of decimals, written without Foundation's locale-dependent formatting.
    public static func fixed(_ d: Double, decimals: Int) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(d) * scale).rounded()
        if scaled >= 9e15 { return d.description }
        let n = Int(scaled)
        let whole = n / Int(scale), frac = n % Int(scale)
        let sign = d < 0 && n != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(pad(frac, decimals))"
    }

    /// `1 run`, `3 runs`: a count with its noun, for messages.
    public static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A size in bytes for messages: `920 MB`, `25.3 GB`, decimal units as disks and `free -h --si` give.
    public static func bytes(_ d: Double) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = d, unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        var s = fixed(value, decimals: value < 100 && unit > 0 ? 1 : 0)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s + " " + units[unit]
    }

    /// `4B`, `1.32B`, `392M`: amounts for people.
    public static func amount(_ d: Double) -> String {
        let a = abs(d)
        let (scale, suffix): (Double, String) = a >= 1e12 ? (1e12, "T") : a >= 1e9 ? (1e9, "B") : a >= 1e6 ? (1e6, "M") : a >= 1e3 ? (1e3, "k") : (1, "")
        var s = fixed(d / scale, decimals: 2)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + suffix
    }
}
