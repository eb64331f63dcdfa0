import Foundation
import Testing
@testable import LineEditor

/// Serialized because SIGINT's flag is process-wide and `readLine` clears it.
@Suite(.serialized)
struct TerminalTests {
    final class FixedCompleter: LineCompleter {
        let candidates: [String]
        private(set) var calls: [String] = []

        init(_ candidates: [String]) {
            self.candidates = candidates
        }

        func complete(line: String, cursor: Int) -> CompletionResult {
            calls.append("\(line)@\(cursor)")
            let start = line.prefix(cursor).lastIndex(of: " ").map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 0
            return CompletionResult(wordStart: start, candidates: candidates)
        }
    }

    private func makeReader(_ terminal: PseudoTerminal, history: HistoryStore? = nil,
                            completer: LineCompleter? = nil) -> LibEditLineReader {
        LibEditLineReader(programName: "sharesim-test", history: history, completer: completer,
                          input: terminal.input, output: terminal.output, error: terminal.output)
    }

    /// The test runner's threads block SIGINT, so unblock it long enough for
    /// the handler to run here, synchronously.
    private func raiseSIGINTOnThisThread() {
        var interrupt = sigset_t()
        var previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
        raise(SIGINT)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    @Test func interruptFlagIsSetBySIGINTAndTakenOnce() {
        InterruptFlag.install()
        _ = InterruptFlag.takePending()
        #expect(InterruptFlag.isPending == false)
        raiseSIGINTOnThisThread()
        #expect(InterruptFlag.isPending == true)
        #expect(InterruptFlag.takePending() == true)
        #expect(InterruptFlag.isPending == false)
        #expect(InterruptFlag.takePending() == false)
    }

    @Test func returnsTypedLineWithoutNewlineAndShowsPrompt() throws {
        let terminal = try PseudoTerminal()
        let reader = makeReader(terminal)
        terminal.type("naïve ☃\r")
        #expect(reader.readLine(prompt: "sharesim> ") == .line("naïve ☃"))
        #expect(terminal.screen().contains("sharesim> "))
    }

    @Test func emacsKeysEditTheLine() throws {
        let terminal = try PseudoTerminal()
        let reader = makeReader(terminal)
        terminal.type("world\u{1}hello \u{5}!\r")
        #expect(reader.readLine(prompt: "> ") == .line("hello world!"))
    }

    @Test func controlDOnAnEmptyLineIsEOF() throws {
        let terminal = try PseudoTerminal()
        let reader = makeReader(terminal)
        terminal.type("\u{4}")
        #expect(reader.readLine(prompt: "> ") == .eof)
    }

    @Test func tabCompletesASingleCandidateWithASpace() throws {
        let terminal = try PseudoTerminal()
        let completer = FixedCompleter(["alphabet"])
        let reader = makeReader(terminal, completer: completer)
        terminal.type("show al\tx\r")
        #expect(reader.readLine(prompt: "> ") == .line("show alphabet x"))
        #expect(completer.calls == ["show al@7"])
    }

    @Test func tabInsertsCommonPrefixThenListsCandidates() throws {
        let terminal = try PseudoTerminal()
        let reader = makeReader(terminal, completer: FixedCompleter(["alpha", "alpine"]))
        terminal.type("a\t\t\r")
        #expect(reader.readLine(prompt: "> ") == .line("alp"))
        #expect(terminal.screen().contains("\r\nalpha   alpine\r\n"))
    }

    @Test func historyLoadsAtStartAndSavesEachNewLine() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.url.appendingPathComponent("state/history"))
        try store.save(["first", "second"])
        let terminal = try PseudoTerminal()
        let reader = makeReader(terminal, history: store)

        terminal.type("\u{10}\u{10}\r")
        #expect(reader.readLine(prompt: "> ") == .line("first"))
        reader.addHistory("first")
        reader.addHistory("third")
        reader.addHistory("third")
        reader.addHistory("")
        #expect(store.load() == ["first", "second", "first", "third"])
        #expect(try directory.permissions(of: store.url) == 0o600)

        terminal.type("\u{10}\r")
        #expect(reader.readLine(prompt: "> ") == .line("third"))
    }

    @Test func staleInterruptDoesNotCancelTheNextPrompt() throws {
        InterruptFlag.install()
        raiseSIGINTOnThisThread()
        #expect(InterruptFlag.isPending == true)
        let terminal = try PseudoTerminal()
        let reader = makeReader(terminal)
        terminal.type("go\r")
        #expect(reader.readLine(prompt: "> ") == .line("go"))
        #expect(InterruptFlag.isPending == false)
    }
}
