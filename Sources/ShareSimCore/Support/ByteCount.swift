/// A number of bytes as people write it on a command line: `1073741824`, `64M`, `1G`,
/// `512k`, `1.5G`, `2GiB`; k, M, G and T are powers of 1,024, as `ulimit` and `free` count memory.
public enum ByteCount {
    /// The bytes `text` names, or nil when it is not a size of at least 1 kB (1,024 bytes).
    public static func parse(_ text: String) -> Double? {
        var t = text.trimmingSpaces()
        for suffix in ["iB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t.removeLast(suffix.count)
            break
        }
        let scales: [Character: Double] = ["k": 0x1p10, "K": 0x1p10, "M": 0x1p20, "G": 0x1p30, "T": 0x1p40]
        var scale = 1.0
        if let last = t.last, let s = scales[last] {
            scale = s
            t.removeLast()
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Double(t) else { return nil }
        let bytes = number * scale
        return bytes.isFinite && bytes >= 1024 ? bytes.rounded(.down) : nil
    }
}
