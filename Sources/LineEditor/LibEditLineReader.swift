import AtomicFiles
import CInterrupt
import CLibEdit
import Foundation

/// An interactive terminal prompt: emacs-style editing of UTF-8 text, Tab
/// completion, Ctrl-C to abandon a line, and history that survives sessions.
///
/// Use it only when standard input is a terminal; give pipes a `PlainLineReader`.
public final class LibEditLineReader: LineReader {
    let editor: OpaquePointer?
    private let programName: String
    private let store: HistoryStore?
    let completer: LineCompleter?
    private let output: UnsafeMutablePointer<FILE>
    private let errorOutput: UnsafeMutablePointer<FILE>
    /// Stands in if libedit cannot start, so the session still works unedited.
    private let fallback: PlainLineReader
    private var lastEntry: String?
    /// Lines not yet on disk because a save failed; retried on the next add
    /// and on deinit. Normally empty, since every add is saved at once.
    private var unsaved: [String] = []
    private var reportedSaveFailure = false

    /// Loads `history` so the up arrow reaches lines from earlier sessions, and
    /// installs the SIGINT flag handler that turns Ctrl-C into `.interrupted`.
    public convenience init(programName: String, history: HistoryStore?, completer: LineCompleter?) {
        self.init(
            programName: programName, history: history, completer: completer,
            input: clibedit_standard_input(), output: clibedit_terminal_output(),
            error: clibedit_standard_error())
    }

    /// Takes the streams explicitly so tests can drive the editor through a pseudo-terminal.
    init(
        programName: String, history: HistoryStore?, completer: LineCompleter?,
        input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, error: UnsafeMutablePointer<FILE>
    ) {
        Self.adoptEnvironmentCharacterSet()
        interrupt_flag_install()
        self.programName = programName
        self.store = history
        self.completer = completer
        self.output = output
        self.errorOutput = error
        self.fallback = PlainLineReader(input: input)
        self.editor = clibedit_create(programName, input, output, error)
        guard let editor else { return }
        clibedit_history_set_size(editor, Int32(clamping: history?.limit ?? 1000))
        for entry in history?.load() ?? [] {
            clibedit_history_enter(editor, entry)
            lastEntry = entry
        }
        if completer != nil {
            clibedit_set_completion(editor, { _, context in
                guard let context else { return CLIBEDIT_COMPLETION_ERROR }
                return Unmanaged<LibEditLineReader>.fromOpaque(context).takeUnretainedValue().completeWordAtCursor()
            }, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    deinit {
        saveUnsaved()
        clibedit_destroy(editor)
    }

    /// A Ctrl-C left over from before this prompt is discarded, so it cannot
    /// cancel a line the user has not typed yet. On `.interrupted` and `.eof`
    /// the reader has already moved to a fresh line, so the caller's next
    /// output starts cleanly.
    public func readLine(prompt: String) -> LineReadResult {
        guard let editor else {
            write(prompt)
            return fallback.readLine(prompt: prompt)
        }
        _ = interrupt_flag_take()
        clibedit_set_prompt(editor, prompt)
        var count: Int32 = 0
        let raw = clibedit_gets(editor, &count)
        let readError = errno
        let interrupted = interrupt_flag_take() != 0
        guard let raw, count > 0 else {
            if interrupted || (count < 0 && readError == EINTR) {
                write(interrupted ? "^C\n" : "\n")
                return .interrupted
            }
            write("\n")
            return .eof
        }
        if interrupted {
            return .interrupted
        }
        let bytes = UnsafeRawBufferPointer(start: raw, count: Int(count))
        return .line(LineTerminator.strip(String(decoding: bytes, as: UTF8.self)))
    }

    /// Empty lines and repeats of the previous entry are skipped. The history
    /// file is rewritten at once (merged with what other sessions saved), so a
    /// killed session loses nothing.
    public func addHistory(_ line: String) {
        guard !line.isEmpty, line != lastEntry else { return }
        lastEntry = line
        if let editor {
            clibedit_history_enter(editor, line)
        }
        guard store != nil else { return }
        unsaved.append(line)
        saveUnsaved()
    }

    private func saveUnsaved() {
        guard let store, !unsaved.isEmpty else { return }
        do {
            try store.save(store.load() + unsaved)
            unsaved.removeAll()
        } catch {
            guard !reportedSaveFailure else { return }
            reportedSaveFailure = true
            write("\(programName): cannot save history to \(store.url.path): \(error.reason)\n", to: errorOutput)
        }
    }

    private func write(_ text: String, to stream: UnsafeMutablePointer<FILE>? = nil) {
        let stream = stream ?? output
        fputs(text, stream)
        fflush(stream)
    }

    /// libedit decodes keystrokes with the C library's LC_CTYPE; done once per process.
    private static let environmentCharacterSet: Void = clibedit_use_environment_ctype()

    private static func adoptEnvironmentCharacterSet() {
        environmentCharacterSet
    }
}
