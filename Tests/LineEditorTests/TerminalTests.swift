import Foundation
import Testing
@testable import LineEditor
import ShareSimCore

/// Serialized because SIGINT's flag (`InterruptFlag`, in ShareSimCore) is process-wide and `readLine` clears it.
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

    /// Runs `body` with an editor on a fresh pseudo-terminal, keeping the
    /// terminal open until the editor (which restores its modes) is gone.
    private func withReader(history: HistoryStore? = nil, completer: LineCompleter? = nil,
                            _ body: (PseudoTerminal, LibEditLineReader) throws -> Void) throws {
        let terminal = try PseudoTerminal()
        try withExtendedLifetime(terminal) {
            let reader = LibEditLineReader(programName: "sharesim-test", history: history, completer: completer,
                                           input: terminal.input, output: terminal.output, error: terminal.output)
            try body(terminal, reader)
        }
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
        try withReader { terminal, reader in
            terminal.type("naïve ☃\r")
            #expect(reader.readLine(prompt: "sharesim> ") == .line("naïve ☃"))
            #expect(terminal.screen().contains("sharesim> "))
        }
    }

    @Test func emacsKeysEditTheLine() throws {
        try withReader { terminal, reader in
            terminal.type("world\u{1}hello \u{5}!\r")
            #expect(reader.readLine(prompt: "> ") == .line("hello world!"))
        }
    }

    @Test func controlDOnAnEmptyLineIsEOF() throws {
        try withReader { terminal, reader in
            terminal.type("\u{4}")
            #expect(reader.readLine(prompt: "> ") == .eof)
        }
    }

    @Test func tabCompletesASingleCandidateWithASpace() throws {
        let completer = FixedCompleter(["alphabet"])
        try withReader(completer: completer) { terminal, reader in
            terminal.type("show al\tx\r")
            #expect(reader.readLine(prompt: "> ") == .line("show alphabet x"))
        }
        #expect(completer.calls == ["show al@7"])
    }

    @Test func tabInsertsCommonPrefixThenListsCandidates() throws {
        try withReader(completer: FixedCompleter(["alpha", "alpine"])) { terminal, reader in
            terminal.type("a\t\t\r")
            #expect(reader.readLine(prompt: "> ") == .line("alp"))
            #expect(terminal.screen().contains("\r\nalpha   alpine\r\n"))
        }
    }

    @Test func historyLoadsAtStartAndSavesEachNewLine() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.url.appendingPathComponent("state/history"))
        try store.save(["first", "second"])
        try withReader(history: store) { terminal, reader in
            terminal.type("\u{10}\u{10}\r")
            #expect(reader.readLine(prompt: "> ") == .line("first"))
            reader.addHistory("first")
            reader.addHistory("third")
            reader.addHistory("third")
            reader.addHistory("")
            #expect(store.load() == ["first", "second", "first", "third"])

            terminal.type("\u{10}\r")
            #expect(reader.readLine(prompt: "> ") == .line("third"))
        }
        #expect(try directory.permissions(of: store.url) == 0o600)
    }

    @Test func historySaveFailureIsReportedOnceAndDoesNotStopTheSession() throws {
        let directory = try TemporaryDirectory()
        let blocker = directory.url.appendingPathComponent("blocker")
        try Data().write(to: blocker)
        try withReader(history: HistoryStore(url: blocker.appendingPathComponent("history"))) { terminal, reader in
            reader.addHistory("one")
            reader.addHistory("two")
            let warnings = terminal.screen().components(separatedBy: "sharesim-test: cannot save history to ")
            #expect(warnings.count == 2)
            terminal.type("\u{10}\r")
            #expect(reader.readLine(prompt: "> ") == .line("two"))
        }
    }

    /// A key pressed the moment the prompt appears must reach the editor, not the terminal's
    /// own line handling (which turns Ctrl-D into a NUL the editor ignores). The output is
    /// kept full, so the prompt cannot be drawn until the test reads the screen; by then the
    /// terminal must already be out of canonical mode.
    @Test func theEditorTakesTheTerminalBeforeDrawingThePrompt() throws {
        try withReader { terminal, reader in
            #expect(terminal.isCanonical)
            terminal.fillOutput()
            let result = ReadResultBox()
            let done = DispatchSemaphore(value: 0)
            let unchecked = UncheckedReader(reader: reader)
            DispatchQueue.global().async {
                result.value = unchecked.reader.readLine(prompt: "> ")
                done.signal()
            }
            var waited = 0
            while terminal.isCanonical && waited < 500 {
                usleep(10_000)
                waited += 1
            }
            #expect(!terminal.isCanonical, "the prompt was drawn while the terminal was still canonical")
            terminal.type("x\r")
            while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut { _ = terminal.screen() }
            #expect(result.value == .line("x"))
        }
    }

    @Test func staleInterruptDoesNotCancelTheNextPrompt() throws {
        InterruptFlag.install()
        raiseSIGINTOnThisThread()
        #expect(InterruptFlag.isPending == true)
        try withReader { terminal, reader in
            terminal.type("go\r")
            #expect(reader.readLine(prompt: "> ") == .line("go"))
            #expect(InterruptFlag.isPending == false)
        }
    }
}

/// The reader, handed to the one thread that reads with it while the test waits.
private struct UncheckedReader: @unchecked Sendable {
    let reader: LibEditLineReader
}

/// What that thread read, looked at only after it signalled.
private final class ReadResultBox: @unchecked Sendable {
    var value: LineReadResult?
}
