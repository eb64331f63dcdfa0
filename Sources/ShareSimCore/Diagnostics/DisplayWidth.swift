/// How many terminal columns a character takes, so that a caret lands under the culprit
/// even after CJK text or emoji on the same line, and table columns line up after a CJK name.
///
/// Written here rather than taken from the C library: `wcwidth` answers according to the
/// process's locale, which a library must not set, and no listed package measures this.
/// The table covers the East Asian Wide and Fullwidth blocks and emoji shown as pictures;
/// anything else is one column, and combining marks are none.
enum DisplayWidth {
    static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if u.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    static func of(_ s: some Sequence<Unicode.Scalar>) -> Int {
        s.reduce(0) { $0 + of($1) }
    }

    static func of(_ s: String) -> Int { of(s.unicodeScalars) }

    /// `s` cut to `width` columns with an ellipsis when it is wider.
    static func truncated(_ s: String, to width: Int) -> String {
        guard of(s) > width, width > 0 else { return s }
        var out = "", used = 0
        for c in s {
            let w = of(c.unicodeScalars)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
