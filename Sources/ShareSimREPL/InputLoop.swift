import Foundation
import LineEditor
import ShareSimCore

/// The one input loop of the REPL, the same for a terminal, a pipe and a test script: only
/// the line reader and the reaction to errors differ (not interactive, the first error ends
/// the session with 65, as the first error of a scenario file would). What the loop needs
/// from the world (where replies go, the terminal's width, Ctrl-C) is passed in, so a test
/// drives it with a `ScriptedLineReader` and strings.
public struct InputLoop {
    public let session: Session
    public let reader: LineReader
    public let interactive: Bool
    /// Shows one reply; `input` is what produced it (nil for the end-of-input question).
    public var emit: (_ reply: Reply, _ input: String?) -> Void
    /// The terminal's width now, read before each input so output fits a resized window.
    public var width: () -> Int
    /// The terminal's height now, read with the width: `plot` fills it.
    public var height: () -> Int
    /// Takes a Ctrl-C pressed while an input ran: true abandons the rest of that input.
    public var takeInterrupt: () -> Bool
    /// Called when an input's work is done, before its reply is shown (a progress bar clears its line).
    public var workDone: () -> Void
    /// Where an interactive session keeps its journal of unsaved what-if edits (see
    /// `SessionJournal`); nil keeps none.
    public var journalDirectory: URL?

    public init(session: Session, reader: LineReader, interactive: Bool,
                emit: @escaping (_ reply: Reply, _ input: String?) -> Void,
                width: @escaping () -> Int = { 80 }, height: @escaping () -> Int = { 24 }, takeInterrupt: @escaping () -> Bool = { false },
                workDone: @escaping () -> Void = {}) {
        self.session = session
        self.reader = reader
        self.interactive = interactive
        self.emit = emit
        self.width = width
        self.height = height
        self.takeInterrupt = takeInterrupt
        self.workDone = workDone
    }

    /// Runs the session to its end: `load`s `initialFile` first, then reads inputs until
    /// the end of input or `quit`. The status is the session's exit status.
    public func run(initialFile: String?) -> ExitStatus {
        var ranSomething = false
        if let initialFile {
            // Shown as typed, quoted, so that a transcript replays it whatever the path holds.
            let load = "load \"\(initialFile)\""
            let reply = session.execute(InputAssembler.Input(text: load, line: 0))
            emit(reply, load)
            if reply.failed && !interactive { return reply.status == .success ? .dataError : reply.status }
        }
        let journal = interactive ? restoreJournal() : nil
        var journalled: [String] = []
        var assembler = InputAssembler(interactive: interactive)
        while true {
            let prompt = interactive ? (assembler.isInBlock ? Transcript.continuation : Transcript.prompt) : ""
            var inputs: [InputAssembler.Input]
            switch reader.readLine(prompt: prompt) {
            case .interrupted:
                assembler.discardBlock()
                continue
            case .line(let line):
                inputs = assembler.feed(line)
            case .eof:
                inputs = assembler.finish()
                // Piped what-if edits with nothing to show them run the scenario, as a file would.
                if !interactive && !ranSomething && session.hasUnsavedEdits {
                    inputs.append(InputAssembler.Input(text: "run", line: 0))
                }
                if inputs.isEmpty {
                    if !interactive { return .success }
                    let reply = session.requestQuit()
                    emit(reply, nil)
                    if reply.quit {
                        journal?.remove()
                        return .success
                    }
                    continue
                }
            }
            for input in inputs {
                if interactive { reader.addHistory(input.text) }
                session.width = width()
                session.height = height()
                let reply = session.execute(input)
                workDone()
                emit(reply, input.text)
                if input.text.split(separator: " ").first.map({ ["run", "show", "plot", "compare"].contains(String($0)) }) == true {
                    ranSomething = true
                }
                if reply.quit {
                    journal?.remove()
                    return .success
                }
                if let journal, let file = session.loadedPath, session.unsavedEditTexts != journalled {
                    journalled = session.unsavedEditTexts
                    journal.record(file: file, edits: journalled)
                }
                // From a pipe every error is the first error of a scenario file: exit 65 (70 stays a bug).
                if reply.failed && !interactive { return reply.status == .internalError ? .internalError : .dataError }
                // A Ctrl-C pressed any time after Enter cancels the work it met (the reader
                // already dropped any from before), then it is spent, and the rest of that
                // input is abandoned too.
                if takeInterrupt() { break }
            }
        }
    }

    /// The journal of the loaded file, after offering back the edits an earlier session on it
    /// left unsaved (it crashed, was killed or lost power).
    private func restoreJournal() -> SessionJournal? {
        guard let journalDirectory, let file = session.loadedPath else { return nil }
        let journal = SessionJournal(directory: journalDirectory, scenarioPath: file)
        let left = journal.unsavedEdits()
        guard !left.isEmpty else { return journal }
        emit(Reply(output: "a session on \(file) ended without saving \(NumberText.counted(left.count, "what-if edit"))\n"), nil)
        guard case .line(let answer) = reader.readLine(prompt: "restore them? [y/N] "), answer.lowercased().hasPrefix("y") else {
            journal.remove()
            emit(Reply(output: "discarded\n"), nil)
            return journal
        }
        for edit in left {
            emit(session.execute(InputAssembler.Input(text: edit, line: 0)), edit)
        }
        emit(Reply(output: "restored \(NumberText.counted(session.unsavedEditTexts.count, "what-if edit")); 'diff' shows them\n"), nil)
        return journal
    }
}
