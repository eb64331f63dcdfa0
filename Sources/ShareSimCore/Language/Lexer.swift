/// Turns scenario text into tokens. It never fails: text it cannot read becomes a
/// diagnostic and lexing goes on, so one pass reports every problem in a file.
package struct Lexer {
    private let s: [Unicode.Scalar]
    private var i = 0
    private let file: SourceFile
    package private(set) var diagnostics: [Diagnostic] = []
    /// Errors found past `DiagnosticLimit.errorsPerFile`, counted but not recorded.
    package private(set) var omittedErrors = 0

    package init(_ file: SourceFile) {
        self.file = file
        self.s = file.scalars
    }

    package mutating func tokenize() -> [Token] {
        var out: [Token] = []
        // Sized up front for a token every four scalars (about what a scenario has), the array
        // is seldom copied as it grows, which took a tenth of a large file's check.
        out.reserveCapacity(s.count / 4 + 1)
        var atLineStart = true
        while i < s.count {
            let c = s[i]
            if atLineStart {
                atLineStart = false
                let start = i
                while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
                if i > start, i < s.count, s[i] != "\n", s[i] != "#", s[i] != "\r" {
                    out.append(Token(kind: .indent, span: SourceSpan(start, i)))
                }
                continue
            }
            if c == "\n" {
                out.append(Token(kind: .newline, span: SourceSpan(i, i + 1)))
                i += 1
                atLineStart = true
            } else if c == " " || c == "\t" || c == "\r" {
                i += 1
            } else if c == "#" {
                while i < s.count, s[i] != "\n" { i += 1 }
            } else if c == "\"" || c == "\u{201C}" {
                out.append(lexString())
            } else if c == "'", let close = closingQuote(after: i) {
                out.append(lexSingleQuoted(to: close))
            } else if c == "[" {
                out.append(lexTag())
            } else if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
                out.append(lexNumberOrDate())
            } else if isIdentStart(c) {
                out.append(lexIdentifier())
            } else if let sym = lexSymbol() {
                out.append(sym)
            } else {
                // A run of stray characters is one mistake, not one per character.
                let start = i
                i += 1
                while i < s.count, !startsToken(at: i) { i += 1 }
                let scalars = s, run = start..<i
                report(Lexer.strayMessage(scalars[run.prefix(20)], count: run.count), at: start, length: run.count, help: Lexer.hint(for: c))
            }
        }
        out.append(Token(kind: .end, span: SourceSpan(s.count, s.count)))
        return out
    }

    private mutating func lexString() -> Token {
        let start = i
        let close: Unicode.Scalar = s[i] == "\u{201C}" ? "\u{201D}" : "\""
        i += 1
        var value = String.UnicodeScalarView()
        while i < s.count, s[i] != close, s[i] != "\n" {
            if s[i] == "\\", i + 1 < s.count, s[i + 1] == "\"" || s[i + 1] == "\\" {
                i += 1
            }
            value.append(s[i])
            i += 1
        }
        if i < s.count, s[i] == close {
            i += 1
        } else {
            report("unterminated string", at: start, length: i - start, help: "close it with '\"' on the same line")
        }
        return Token(kind: .string(String(value)), span: SourceSpan(start, i))
    }

    /// The offset of the `'` that closes a single-quoted string on the same line, if any.
    private func closingQuote(after start: Int) -> Int? {
        var j = start + 1
        while j < s.count, s[j] != "\n" {
            if s[j] == "'" { return j > start + 1 ? j : nil }
            j += 1
        }
        return nil
    }

    /// `'OFAC GL 25'`: an error, but read as the string it was meant to be, so the rest of
    /// the statement is checked instead of failing on the quote.
    private mutating func lexSingleQuoted(to close: Int) -> Token {
        let start = i
        var value = String.UnicodeScalarView()
        value.append(contentsOf: s[start + 1..<close])
        i = close + 1
        report("strings are written in double quotes", at: start, length: i - start, help: "write \"\(String(value))\"")
        return Token(kind: .string(String(value)), span: SourceSpan(start, i))
    }

    private mutating func lexTag() -> Token {
        let start = i
        i += 1
        while i < s.count, s[i] != "]", s[i] != "\n" { i += 1 }
        let value = text(start + 1..<i)
        if i < s.count, s[i] == "]" {
            i += 1
        } else {
            report("unterminated source tag", at: start, length: i - start, help: "close the tag with ']' on the same line, e.g. [seed 003]")
        }
        return Token(kind: .tag(value.trimmingSpaces()), span: SourceSpan(start, i))
    }

    private mutating func lexNumberOrDate() -> Token {
        let start = i
        if let date = lexDate() { return date }
        var text = String.UnicodeScalarView()
        while i < s.count, isDigit(s[i]) || s[i] == "_" {
            if s[i] != "_" { text.append(s[i]) }
            i += 1
        }
        if i < s.count, s[i] == ".", i + 1 < s.count, isDigit(s[i + 1]) {
            text.append(s[i]); i += 1
            while i < s.count, isDigit(s[i]) { text.append(s[i]); i += 1 }
        }
        if i + 1 < s.count, s[i] == "e" || s[i] == "E",
            isDigit(s[i + 1]) || ((s[i + 1] == "-" || s[i + 1] == "+") && i + 2 < s.count && isDigit(s[i + 2]))
        {
            text.append(s[i]); i += 1
            text.append(s[i]); i += 1
            while i < s.count, isDigit(s[i]) { text.append(s[i]); i += 1 }
        }
        var suffix = String.UnicodeScalarView()
        while i < s.count, isLetter(s[i]) || s[i] == "%" {
            suffix.append(s[i]); i += 1
        }
        let t = String(text)
        let value = Double(t) ?? .infinity
        if !value.isFinite {
            report("number too large: \(t)", at: start, length: i - start, help: "numbers must be finite; write money with k, M or B (e.g. 4B)")
        }
        // The value stays infinite so that the parser drops the statement instead of reading a 0.
        return Token(kind: .number(value, text: t, suffix: String(suffix)), span: SourceSpan(start, i))
    }

    /// `YYYY-MM` or `YYYY-MM-DD`; anything else starting with digits is a number.
    private mutating func lexDate() -> Token? {
        func digits(_ from: Int, _ n: Int) -> Bool {
            guard from + n <= s.count else { return false }
            return (from..<from + n).allSatisfy { isDigit(s[$0]) }
        }
        let start = i
        guard digits(start, 4), start + 7 <= s.count, s[start + 4] == "-", digits(start + 5, 2) else { return nil }
        var end = start + 7
        if end + 3 <= s.count, s[end] == "-", digits(end + 1, 2) { end += 3 }
        if end < s.count, isDigit(s[end]) || isLetter(s[end]) { return nil }
        i = end
        return Token(kind: .date(text(start..<end)), span: SourceSpan(start, end))
    }

    private mutating func lexIdentifier() -> Token {
        let start = i
        while i < s.count {
            let c = s[i]
            if isIdentStart(c) || isDigit(c) {
                i += 1
            } else if (c == "-" || c == "." || c == "&") && i + 1 < s.count && (isIdentStart(s[i + 1]) || isDigit(s[i + 1])) {
                i += 1
            } else {
                break
            }
        }
        return Token(kind: .identifier(text(start..<i)), span: SourceSpan(start, i))
    }

    private static let symbols: [String] = ["<=", ">=", "==", "!=", "+-", "≤", "≥", "±", "<", ">", "=", ":", ",", "/", "-", "+", "$", "*", "(", ")", ";", "~"]
    /// The symbols' scalars, made once: matching is tried at every stray character, and
    /// building arrays there made a 5 MB line of them take minutes.
    private static let symbolScalars: [[Unicode.Scalar]] = symbols.map { Array($0.unicodeScalars) }
    /// Each symbol as its token holds it: `≤` is `<=`.
    private static let symbolTokens: [String] = symbols.map(normalized)

    /// For each ASCII scalar, the symbols that start with it, longest first; then those that
    /// start with any other scalar. Indexed, not hashed: it is asked at every stray character.
    private static let symbolsByASCIIStart: [[Int]] = (0..<128).map { v in symbolScalars.indices.filter { symbolScalars[$0][0].value == v } }
    private static let symbolsWithOtherStarts: [Int] = symbolScalars.indices.filter { !symbolScalars[$0][0].isASCII }

    /// Which of `symbols` starts at offset `j`, longest first, if one does.
    private func symbol(at j: Int) -> Int? {
        let c = s[j]
        for k in c.isASCII ? Lexer.symbolsByASCIIStart[Int(c.value)] : Lexer.symbolsWithOtherStarts {
            let scalars = Lexer.symbolScalars[k]
            var n = 0
            while n < scalars.count, j + n < s.count, s[j + n] == scalars[n] { n += 1 }
            if n == scalars.count { return k }
        }
        return nil
    }

    private mutating func lexSymbol() -> Token? {
        guard let k = symbol(at: i) else { return nil }
        let start = i
        i += Lexer.symbolScalars[k].count
        return Token(kind: .symbol(Lexer.symbolTokens[k]), span: SourceSpan(start, i))
    }

    /// Whether some token, white space or comment starts at an offset: where a run of
    /// stray characters ends.
    private func startsToken(at j: Int) -> Bool {
        let c = s[j]
        switch c {
        case " ", "\t", "\r", "\n", "#", "\"", "[", "\u{201C}": return true
        default: if isDigit(c) || isIdentStart(c) { return true }
        }
        if c == "'" { return closingQuote(after: j) != nil }
        return symbol(at: j) != nil
    }

    private static func normalized(_ sym: String) -> String {
        switch sym {
        case "≤": return "<="
        case "≥": return ">="
        case "+-": return "±"
        case "==": return "="
        default: return sym
        }
    }

    /// Records an error, or past `DiagnosticLimit.errorsPerFile` only counts it: the message
    /// and help are built only for an error that is recorded, so that a file of millions of
    /// mistakes costs the count and no more (a 5 MB line of stray characters took seconds).
    private mutating func report(_ message: @autoclosure () -> String, at offset: Int, length: Int = 1, help: @autoclosure () -> String? = nil) {
        guard diagnostics.count < DiagnosticLimit.errorsPerFile else {
            omittedErrors += 1
            return
        }
        var loc = file.location(at: offset)
        loc.length = length
        diagnostics.append(.error(message(), at: loc, help: help()))
    }

    /// The text of the scalars in `range`.
    private func text(_ range: Range<Int>) -> String {
        file.text(of: SourceSpan(range.lowerBound, range.upperBound))
    }

    /// "unexpected characters '…'" for a run of `count` stray characters that starts with `first`.
    private static func strayMessage(_ first: ArraySlice<Unicode.Scalar>, count: Int) -> String {
        var quoted = String.UnicodeScalarView()
        for c in first { quoted.append(contentsOf: printable(c).unicodeScalars) }
        let text = String(quoted) + (count > first.count ? "…" : "")
        return count == 1 ? "unexpected character '\(text)'" : "unexpected characters '\(text)'"
    }

    private static func hint(for c: Unicode.Scalar) -> String? {
        switch c {
        case "'": return "strings are written in double quotes: \"OFAC GL 25\""
        case "%": return "a percent sign goes right after its number: 45%"
        case "\0": return "this looks like a binary file, not a scenario"
        case "{": return "to run resolved JSON, give a file whose name ends in .json"
        default: return nil
        }
    }

    private static func printable(_ c: Unicode.Scalar) -> String {
        c.value < 0x20 || c.value == 0x7F ? String.escaped(c.value) : String(c)
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
    /// ASCII, nearly every character of a scenario, and Latin-1 are decided without the
    /// Unicode tables. Latin-1's letters: ª, µ, º and U+00C0 to U+00FF but × and ÷.
    private func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        if c.value < 0x100 { return c == "ª" || c == "µ" || c == "º" || (c >= "À" && c != "×" && c != "÷") }
        return c.properties.isAlphabetic
    }
}

extension String {
    /// `\u{0007}`-style text for a control character, so diagnostics never print raw control codes.
    static func escaped(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let zeros = String(repeating: "0", count: Swift.max(0, 4 - hex.count))
        return "\\u{\(zeros)\(hex)}"
    }

    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" { scalars = scalars.dropFirst() }
        while let l = scalars.last, l == " " || l == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
