/// Sessions as tests: a transcript is what a person saw, the lines typed after the prompt
/// and what followed each. `replay` runs the inputs again and compares.
public enum Transcript {
    public static let prompt = "sharesim> "
    public static let continuation = "   ...> "

    public struct Entry: Sendable, Equatable {
        public var input: String
        /// The transcript line the input starts on, for reporting a mismatch.
        public var line: Int
        /// The input's line as the session counted typed lines, for its diagnostics.
        public var inputLine: Int
        public var expected: [String]
    }

    public struct Mismatch: Sendable, Equatable {
        public var line: Int
        public var input: String
        public var expected: String
        public var actual: String

        public init(line: Int, input: String, expected: String, actual: String) {
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
        for (i, line) in lines.enumerated() {
            if line.hasPrefix(prompt) || line == prompt.trimmingCharacters(in: [" "]) {
                typed += 1
                entries.append(Entry(input: String(line.dropFirst(prompt.count)), line: i + 1, inputLine: typed, expected: []))
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
    public static func format(input: String, reply: Reply) -> String {
        let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false)
        var out = prompt + inputLines[0] + "\n"
        for l in inputLines.dropFirst() { out += continuation + l + "\n" }
        return out + reply.output + reply.error
    }

    /// Replays entries in a fresh session; the first mismatch, or nil when all agree.
    /// Lines starting with `time:` are not compared: they measure, they do not describe.
    public static func replay(_ entries: [Entry], in session: Session) -> Mismatch? {
        for e in entries {
            let reply = session.execute(InputAssembler.Input(text: e.input, line: e.inputLine))
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
