/// Where each value of a JSON document was written, so that problems in resolved JSON point
/// at their line and column instead of the top of the file. Foundation's decoder reports a
/// syntax error without saying where it is, so this reader also finds the first one.
struct JSONSourceMap {
    /// The span of the value at each path, written as coding paths are in messages:
    /// `segments[0].initial.Cisco`; the whole document is at "".
    private(set) var spans: [String: SourceSpan] = [:]
    /// The first syntax error and where it is, if the text is not JSON.
    private(set) var syntaxError: (message: String, offset: Int)?

    private let s: [Unicode.Scalar]
    private var i = 0

    /// Foundation's decoder refuses documents nested deeper than this; so does this reader,
    /// which also keeps its recursion bounded.
    static let maxDepth = 512

    private struct Failure: Error {
        var message: String
        var offset: Int
    }

    init(_ file: SourceFile) {
        s = file.scalars
        do throws(Failure) {
            skipSpace()
            try value(path: "", depth: 0)
            skipSpace()
            if i < s.count { throw Failure(message: "unexpected \(shown(i)) after the end of the document", offset: i) }
        } catch {
            syntaxError = (error.message, error.offset)
        }
    }

    private var next: Unicode.Scalar? { i < s.count ? s[i] : nil }

    private mutating func skipSpace() {
        while let c = next, c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1 }
    }

    private func shown(_ j: Int) -> String {
        guard j < s.count else { return "end of file" }
        let c = s[j]
        return c.value < 0x20 || c.value == 0x7F ? "character \(String.escaped(c.value))" : "'\(c)'"
    }

    private mutating func value(path: String, depth: Int) throws(Failure) {
        guard depth < JSONSourceMap.maxDepth else {
            throw Failure(message: "the document is nested more than \(JSONSourceMap.maxDepth) levels deep", offset: i)
        }
        let start = i
        switch next {
        case "{":
            i += 1
            skipSpace()
            if next == "}" { i += 1; break }
            while true {
                guard next == "\"" else {
                    throw Failure(message: "expected a key in double quotes, found \(shown(i))", offset: i)
                }
                let key = try string()
                skipSpace()
                guard next == ":" else { throw Failure(message: "expected ':' after the key \"\(key)\", found \(shown(i))", offset: i) }
                i += 1
                skipSpace()
                try value(path: path.isEmpty ? key : path + "." + key, depth: depth + 1)
                let end = i
                skipSpace()
                if next == "}" { i += 1; break }
                // Shown where the comma is missing, at the end of the value, not on the next line.
                guard next == "," else { throw Failure(message: "expected ',' or '}' after the value of \"\(key)\"", offset: end) }
                let comma = i
                i += 1
                skipSpace()
                if next == "}" { throw Failure(message: "JSON allows no comma before '}'", offset: comma) }
            }
        case "[":
            i += 1
            skipSpace()
            if next == "]" { i += 1; break }
            var n = 0
            while true {
                try value(path: "\(path)[\(n)]", depth: depth + 1)
                n += 1
                let end = i
                skipSpace()
                if next == "]" { i += 1; break }
                guard next == "," else { throw Failure(message: "expected ',' or ']' after an array element", offset: end) }
                let comma = i
                i += 1
                skipSpace()
                if next == "]" { throw Failure(message: "JSON allows no comma before ']'", offset: comma) }
            }
        case "\"":
            _ = try string()
        case let c? where c == "-" || ("0"..."9").contains(c):
            try number()
        default:
            for word in ["true", "false", "null"] where s[i...].starts(with: word.unicodeScalars) {
                i += word.unicodeScalars.count
                spans[path] = SourceSpan(start, i)
                return
            }
            throw Failure(message: "expected a value (an object, array, string, number, true, false or null), found \(shown(i))", offset: i)
        }
        spans[path] = SourceSpan(start, i)
    }

    private mutating func string() throws(Failure) -> String {
        let start = i
        i += 1
        var out = String.UnicodeScalarView()
        while let c = next, c != "\"" {
            if c == "\n" || c.value < 0x20 {
                throw Failure(message: c == "\n" ? "unterminated string" : "a control character inside a string", offset: c == "\n" ? start : i)
            }
            if c == "\\" {
                i += 1
                guard let e = next, "\"\\/bfnrtu".unicodeScalars.contains(e) else {
                    throw Failure(message: "unknown escape '\\\(next.map { String($0) } ?? "")' in a string", offset: i - 1)
                }
            }
            out.append(s[i])
            i += 1
        }
        guard next == "\"" else { throw Failure(message: "unterminated string", offset: start) }
        i += 1
        return String(out)
    }

    private mutating func number() throws(Failure) {
        let start = i
        if next == "-" { i += 1 }
        while let c = next, ("0"..."9").contains(c) || c == "." || c == "e" || c == "E" || c == "+" || c == "-" { i += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[start..<i])
        guard let d = Double(String(text)), text.last.map({ ("0"..."9").contains($0) }) == true else {
            throw Failure(message: "'\(String(text))' is not a number", offset: start)
        }
        guard d.isFinite else { throw Failure(message: "the number \(String(text)) is too large", offset: start) }
    }
}
