import ShareSimCore

/// Groups typed lines into whole inputs. An event header ending in `:` opens a block (the
/// language says which lines do: `Parser.opensBlock`); its indented lines follow under a
/// continuation prompt. At a terminal an empty line closes
/// the block; from a pipe, as in a file, the next line that is not indented closes it.
public struct InputAssembler: Sendable {
    /// One complete input and the line it started on, for diagnostics.
    public struct Input: Sendable, Equatable {
        public var text: String
        public var line: Int
        public init(text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    public let interactive: Bool
    private var pending: [String] = []
    private var pendingLine = 0
    private var lineNumber = 0

    package init(interactive: Bool) { self.interactive = interactive }

    /// True while a block is open: the prompt should be the continuation prompt.
    package var isInBlock: Bool { !pending.isEmpty }

    /// Takes one line; returns the inputs it completes (none, one, or a closed block and then this line).
    package mutating func feed(_ line: String) -> [Input] {
        lineNumber += 1
        var ready: [Input] = []
        if !pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: [" ", "\t"])
            let indented = line.first == " " || line.first == "\t"
            if trimmed.isEmpty {
                if interactive { ready.append(closeBlock()) } else { pending.append(line) }
                return ready
            }
            if indented || trimmed.hasPrefix("#") {
                pending.append(line)
                return ready
            }
            ready.append(closeBlock())
        }
        if Parser.opensBlock(line) {
            pending = [line]
            pendingLine = lineNumber
            return ready
        }
        ready.append(Input(text: line, line: lineNumber))
        return ready
    }

    /// Ctrl-C at a continuation prompt: the open block is dropped; line numbers go on.
    package mutating func discardBlock() {
        pending = []
    }

    /// At the end of input, whatever block is still open.
    public mutating func finish() -> [Input] {
        pending.isEmpty ? [] : [closeBlock()]
    }

    private mutating func closeBlock() -> Input {
        while let last = pending.last, last.trimmingCharacters(in: [" ", "\t"]).isEmpty { pending.removeLast() }
        let input = Input(text: pending.joined(separator: "\n"), line: pendingLine)
        pending = []
        return input
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
