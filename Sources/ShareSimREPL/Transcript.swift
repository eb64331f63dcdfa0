/// Sessions as tests: a transcript is what a person saw, the lines typed after the prompt
/// and what followed each. `replay` runs the inputs again and compares.
///
/// Tables fit the terminal, so a transcript keeps the width it was recorded at: a line
/// `# width N` just before a prompt sets it from that input on. Without one, 80.
public enum Transcript {
    public static let prompt = "sharesim> "
    package static let continuation = "   ...> "
    public static let defaultWidth = 80
    private static let widthPrefix = "# width "
    /// Stands before the `load` of the file named on the command line (`sharesim repl
    /// FILE`): that load is no typed line, so the lines typed after it count from 1 as
    /// the session counted them, and errors replay at the same `<input>:LINE:COL`.
    package static let commandLineMark = "# the file named on the command line"

    /// The line that sets the width for the inputs after it.
    public static func widthLine(_ width: Int) -> String { widthPrefix + String(width) + "\n" }

    public struct Entry: Sendable, Equatable {
        public var input: String
        /// The transcript line the input starts on, for reporting a mismatch.
        public var line: Int
        /// The input's line as the session counted typed lines, for its diagnostics.
        package var inputLine: Int
        public var expected: [String]
        /// The terminal's width when it was typed.
        public var width = Transcript.defaultWidth
        /// Whether a `# width` line stands just before it.
        package var declaresWidth = false
        /// Whether it is the load of the file named on the command line (see `commandLineMark`).
        public var fromCommandLine = false
    }

    public struct Mismatch: Sendable, Equatable {
        public var line: Int
        public var input: String
        public var expected: String
        public var actual: String

        package init(line: Int, input: String, expected: String, actual: String) {
            self.line = line
            self.input = input
            self.expected = expected
            self.actual = actual
        }
    }

    public static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var typed = 0
        var width = defaultWidth
        var declared = false
        var fromCommandLine = false
        let isPrompt = { (line: String) in line.hasPrefix(prompt) || line == prompt.trimmingCharacters(in: [" "]) }
        // Whether an input starts at line i: a prompt, or the mark and then a prompt.
        func inputStarts(at i: Int) -> Bool {
            i < lines.count && (isPrompt(lines[i]) || (lines[i] == commandLineMark && i + 1 < lines.count && isPrompt(lines[i + 1])))
        }
        for (i, line) in lines.enumerated() {
            if line.hasPrefix(widthPrefix), let w = Int(line.dropFirst(widthPrefix.count)), w > 0, inputStarts(at: i + 1) {
                width = w
                declared = true
            } else if line == commandLineMark, entries.isEmpty, inputStarts(at: i + 1) {
                fromCommandLine = true
            } else if isPrompt(line) {
                if !fromCommandLine { typed += 1 }
                entries.append(Entry(input: String(line.dropFirst(prompt.count)), line: i + 1, inputLine: fromCommandLine ? 0 : typed,
                                     expected: [], width: width, declaresWidth: declared, fromCommandLine: fromCommandLine))
                declared = false
                fromCommandLine = false
            } else if line.hasPrefix(continuation), !entries.isEmpty, entries[entries.count - 1].expected.isEmpty {
                typed += 1
                entries[entries.count - 1].input += "\n" + line.dropFirst(continuation.count)
            } else if !entries.isEmpty {
                entries[entries.count - 1].expected.append(line)
            }
        }
        return entries
    }

    /// One exchange as the terminal showed it.
    /// Without colour: a transcript recorded on a colour terminal replays (uncoloured) alike.
    public static func format(input: String, reply: Reply, fromCommandLine: Bool = false) -> String {
        let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false)
        var out = (fromCommandLine ? commandLineMark + "\n" : "") + prompt + inputLines[0] + "\n"
        for l in inputLines.dropFirst() { out += continuation + l + "\n" }
        return out + withoutColour(reply.output + reply.error)
    }

    /// `text` without the SGR escapes (`ESC [ … m`) that colour diagnostics.
    static func withoutColour(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "\u{1B}", scalars.first == "[" {
                while let e = scalars.popFirst(), e != "m" {}
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// An entry with the reply it gets now, as `replay --update` writes it back.
    public static func format(_ entry: Entry, reply: Reply) -> String {
        (entry.declaresWidth ? widthLine(entry.width) : "") + format(input: entry.input, reply: reply, fromCommandLine: entry.fromCommandLine)
    }

    /// Runs one entry as it was typed: on its line, at its width.
    public static func execute(_ entry: Entry, in session: Session) -> Reply {
        session.width = entry.width
        return session.execute(InputAssembler.Input(text: entry.input, line: entry.inputLine))
    }

    /// Replays entries in a fresh session; the first mismatch, or nil when all agree.
    /// Lines starting with `time:` are not compared: they measure, they do not describe.
    public static func replay(_ entries: [Entry], in session: Session) -> Mismatch? {
        for e in entries {
            let reply = execute(e, in: session)
            let actual = comparable((reply.output + reply.error).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            let expected = comparable(e.expected)
            if actual != expected {
                let i = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
                return Mismatch(line: e.line + 1 + i, input: e.input, expected: i < expected.count ? expected[i] : "(nothing)",
                                actual: i < actual.count ? actual[i] : "(nothing)")
            }
        }
        return nil
    }

    private static func comparable(_ lines: [String]) -> [String] {
        var out = lines.filter { !$0.hasPrefix("time: ") }
        while out.last == "" { out.removeLast() }
        return out
    }
}
