import Foundation
import LineEditor
import ShareSimCore
import ShareSimREPL

/// The one input loop of the REPL: the same for a terminal and a pipe, only the line
/// reader and the reaction to errors differ (a pipe stops at the first, exit 65).
struct REPLLoop {
    let interactive: Bool
    let color: Bool
    let recorder: TranscriptRecorder?

    func run(initialFile: String?) -> Int32 {
        // A long command shows its progress as the batch command does, where someone can see it.
        let bar = interactive && Terminal.isTerminal(STDERR_FILENO) ? ProgressBar() : nil
        let environment = SessionEnvironment(
            inputName: interactive ? "<input>" : "<stdin>", piped: !interactive, width: Terminal.width, color: color,
            isCancelled: { InterruptFlag.isPending }, progress: { done, total in bar?.show(done, of: total) })
        let session = Session(environment: environment)
        let reader: LineReader
        if interactive {
            let history = HistoryStore.defaultURL(environment: ProcessInfo.processInfo.environment).map { HistoryStore(url: $0) }
            reader = LibEditLineReader(programName: "sharesim", history: history, completer: SessionCompleter(session: session))
            Output.out("sharesim \(JSONReport.toolVersion) — 'help' lists the commands, Ctrl-D leaves\n")
        } else {
            reader = PlainLineReader()
        }
        var ranSomething = false
        if let initialFile {
            let reply = session.execute(InputAssembler.Input(text: "load \"\(initialFile)\"", line: 0))
            emit(reply, input: "load \(initialFile)", session: session)
            if reply.failed && !interactive { return reply.status == 0 ? 65 : reply.status }
        }
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
                if !interactive && !ranSomething && session.hasUnsavedEdits {
                    inputs.append(InputAssembler.Input(text: "run", line: 0))
                }
                if inputs.isEmpty {
                    if !interactive { return 0 }
                    let reply = session.requestQuit()
                    emit(reply, input: nil, session: session)
                    if reply.quit { return 0 }
                    continue
                }
            }
            for input in inputs {
                if interactive { reader.addHistory(input.text) }
                session.width = Terminal.width
                let reply = session.execute(input)
                bar?.finish()
                emit(reply, input: input.text, session: session)
                if input.text.split(separator: " ").first.map({ ["run", "show", "plot", "compare"].contains(String($0)) }) == true {
                    ranSomething = true
                }
                if reply.quit { return 0 }
                // From a pipe every error is the first error of a scenario file: exit 65 (70 stays a bug).
                if reply.failed && !interactive { return reply.status == ExitStatus.internalError ? reply.status : ExitStatus.dataError }
                // A Ctrl-C pressed any time after Enter cancels the work it met (the reader
                // already dropped any from before), then it is spent, and the rest of that
                // input is abandoned too.
                if InterruptFlag.takePending() { break }
            }
        }
    }

    private func emit(_ reply: Reply, input: String?, session: Session) {
        Output.out(reply.output)
        Output.err(reply.error)
        if let input { recorder?.append(Transcript.format(input: input, reply: reply), width: session.width) }
    }
}

/// Adapts the session's completion to the line editor's protocol.
final class SessionCompleter: LineCompleter {
    let session: Session
    init(session: Session) { self.session = session }
    func complete(line: String, cursor: Int) -> CompletionResult {
        let (start, candidates) = session.completions(line: line, cursor: cursor)
        return CompletionResult(wordStart: start, candidates: candidates)
    }
}

/// Appends each exchange to the transcript as it happens, so a session that ends abruptly
/// still leaves everything before it on disk. Each time the terminal's width differs from
/// the width the transcript is at, a `# width N` line says so, for `replay`.
final class TranscriptRecorder {
    private let descriptor: Int32
    private var width = Transcript.defaultWidth
    /// Set once a write fails (a full disk): said once, and the session goes on.
    private var failed = false
    private let path: String

    init(path: String) throws {
        // Opened with truncation, so a file left by an earlier recording starts empty.
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.path = path
    }

    deinit { close(descriptor) }

    func append(_ text: String, width: Int) {
        let line = width != self.width ? Transcript.widthLine(width) : ""
        self.width = width
        guard !failed else { return }
        do { try AtomicFile.write(line + text, toDescriptor: descriptor) } catch {
            failed = true
            Output.err("sharesim: warning: cannot write the transcript '\(path)': \(AtomicFile.reason(error)); the session goes on unrecorded\n")
        }
    }
}
