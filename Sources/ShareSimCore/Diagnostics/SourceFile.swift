/// A scenario text held in memory, so that every diagnostic can quote the line it points at.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics: the path as the user gave it, or `<stdin>`.
    public let path: String
    public let text: String
    /// Unicode-scalar offsets at which each line starts; line 1 starts at offset 0.
    let lineStarts: [Int]
    let scalars: [Unicode.Scalar]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // One pass over the text, into an array sized up front: at most a scalar a byte.
        // Growing it by doubling copied a 50 MB file's scalars over and over.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var starts = [0]
        for s in text.unicodeScalars {
            scalars.append(s)
            if s == "\n" { starts.append(scalars.count) }
        }
        self.scalars = scalars
        self.lineStarts = starts
    }

    /// The location of a scalar offset, lines and columns counted from 1.
    public func location(at offset: Int) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(file: path, line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    /// The text of a line without its line break, for quoting under a diagnostic.
    package func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<max(start, end)])
        return String(s)
    }

    /// The text a span covers. Nearly every token and figure is ASCII, and its bytes are
    /// copied into the string at once; appending scalar by scalar was a tenth of a large
    /// file's check.
    func text(of span: SourceSpan) -> String {
        let lo = max(0, min(span.start, scalars.count)), hi = max(lo, min(span.end, scalars.count))
        let range = lo..<hi
        if scalars[range].allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: range.count) { bytes in
                for (n, k) in range.enumerated() { bytes[n] = UInt8(truncatingIfNeeded: scalars[k].value) }
                return range.count
            }
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[range])
        return String(v)
    }
}
