import Foundation
import LineEditor
import ShareSimCore
import ShareSimREPL

/// The REPL on this process's terminal or pipe: the line reader, the history file, the
/// progress bar and the transcript around the library's `InputLoop`.
struct REPLLoop {
    let interactive: Bool
    let color: Bool
    let recorder: TranscriptRecorder?

    func run(initialFile: String?) -> ExitStatus {
        // A long command shows its progress as the batch command does, where someone can see it.
        let bar = interactive && Terminal.isTerminal(STDERR_FILENO) ? ProgressBar() : nil
        let environment = SessionEnvironment(
            inputName: interactive ? "<input>" : "<stdin>", piped: !interactive, width: Terminal.width, height: Terminal.height, color: color,
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
        // The first input shown is the load of the file named on the command line, if there is one.
        var commandLineLoad = initialFile != nil
        var loop = InputLoop(
            session: session, reader: reader, interactive: interactive,
            emit: { reply, input in
                Output.out(reply.output)
                Output.err(reply.error)
                if let input {
                    recorder?.append(Transcript.format(input: input, reply: reply, fromCommandLine: commandLineLoad), width: session.width)
                    commandLineLoad = false
                }
            },
            width: { Terminal.width }, height: { Terminal.height }, takeInterrupt: { InterruptFlag.takePending() }, workDone: { bar?.finish() })
        loop.journalDirectory = HistoryStore.defaultURL(environment: ProcessInfo.processInfo.environment)?.deletingLastPathComponent()
        return loop.run(initialFile: initialFile)
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
            Output.report(Diagnostic(.warning, "cannot write the transcript '\(path)': \(AtomicFile.reason(error)); the session goes on unrecorded", at: nil))
        }
    }
}
