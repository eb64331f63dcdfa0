import Foundation
import ShareSimCore

/// An interactive what-if session: a loaded scenario, the edits typed on top of it, the
/// runs made so far and their names. Strings in, strings out; the terminal is the
/// driver's business.
public final class Session {
    /// A statement typed at the prompt, kept with the input line it came from so its
    /// diagnostics point at the right `<stdin>:LINE:COL`.
    struct Edit: Equatable {
        var text: String
        var line: Int
    }

    /// What `undo` restores.
    struct Snapshot {
        var base: Base?
        var edits: [Edit]
        /// What returning to this state takes back, as `undo` names it.
        var undoes: Step
    }

    /// A step `undo` can take back.
    enum Step {
        case load(path: String)
        case reset
        /// An edit, by its first line.
        case edit(String)
    }

    /// The loaded file: scenario text that edits layer on, or resolved JSON that cannot be edited.
    enum Base {
        case text(path: String, file: SourceFile)
        case resolved(path: String, scenario: ResolvedScenario)

        var path: String {
            switch self {
            case .text(let p, _), .resolved(let p, _): return p
            }
        }
    }

    var env: SessionEnvironment
    let loader: ScenarioLoader
    var base: Base?
    var edits: [Edit] = []
    var savedEdits: [Edit] = []
    var undoStack: [Snapshot] = []
    var runs: [(name: String, result: RunResult)] = []
    var lastRun: RunResult?
    var timing = false
    var warnedAboutUnsavedEdits = false
    /// The input being executed: errors with no place of their own are placed on it.
    var current = InputAssembler.Input(text: "", line: 0)

    public init(environment: SessionEnvironment) {
        env = environment
        loader = ScenarioLoader(readFile: environment.readFile)
    }

    /// The width output fits, read again before each command so that it follows the terminal.
    public var width: Int {
        get { env.width }
        set { env.width = newValue }
    }

    /// The rows `plot` fills, read again before each command like the width.
    public var height: Int {
        get { env.height }
        set { env.height = newValue }
    }

    /// Edits typed since the last load or save.
    package var hasUnsavedEdits: Bool { edits != savedEdits }

    /// The statements of the edits not yet saved, for the session's journal; none once saved.
    package var unsavedEditTexts: [String] { hasUnsavedEdits ? edits.map(\.text) : [] }

    /// The file loaded, which the edits are made on.
    package var loadedPath: String? { base?.path }

    /// The names completion offers for the loaded scenario.
    package var scenarioForCompletion: ResolvedScenario? { try? resolve().get().scenario }
    public var runNames: [String] { runs.map(\.name) }

    /// Executes one complete input (a command, a statement, or an event block). A Ctrl-C
    /// at any point of it cancels it and leaves the session as it was, unless it wrote a file.
    public func execute(_ input: InputAssembler.Input) -> Reply {
        current = input
        let restore = checkpoint()
        let reply = dispatch(input)
        let word = Words.split(input.text).first?.lowercased() ?? ""
        if env.isCancelled() && !Session.lastingCommands.contains(word) {
            restore()
            let command = Commands.named(word)?.name
            return Reply(error: command.map { "\($0) cancelled\n" } ?? "cancelled; the edit was not made\n")
        }
        return reply
    }

    /// Commands whose work stays done when Ctrl-C comes late: a file written is written.
    static let lastingCommands: Set = ["save", "export", "chart", "report", "quit", "exit"]

    /// Takes the session's state, and returns what puts it back.
    private func checkpoint() -> () -> Void {
        let saved = (base, edits, savedEdits, undoStack, runs, lastRun, timing, warnedAboutUnsavedEdits)
        return { [self] in
            (base, edits, savedEdits, undoStack, runs, lastRun, timing, warnedAboutUnsavedEdits) = saved
        }
    }

    /// Runs `work` off this thread while this one polls for Ctrl-C, for the phases that
    /// cannot poll themselves (drawing a table): its result, or nil once cancelled (see
    /// `ParallelWork.abandonable`).
    func cancellable<T: Sendable>(_ work: @escaping @Sendable (_ isAbandoned: @escaping @Sendable () -> Bool) -> T) -> T? {
        ParallelWork.abandonable(isCancelled: env.isCancelled, work)
    }

    private func dispatch(_ input: InputAssembler.Input) -> Reply {
        let words = Words.split(input.text)
        guard let first = words.first?.lowercased() else { return Reply() }
        if first.hasPrefix("#") { return Reply() }
        if let command = Commands.named(first) {
            if command.usage == command.name, words.count > 1 {
                return failure("'\(command.name)' takes no arguments\n  \(command.name): \(command.summary)", word: words[1], status: .usage)
            }
            return command.action(self, Array(words.dropFirst()), input)
        }
        if Session.statementKeywords.contains(first) {
            return applyEdit(input)
        }
        var help = "type 'help' for the commands; scenario statements (vendor, event, share …) are accepted too"
        if let near = Suggestions.closest(to: first, in: Commands.all.map(\.name) + Session.statementKeywords) {
            help = "did you mean '\(near)'?"
        } else if let change = Keywords.changes.contains(first) ? first : Suggestions.closest(to: first, in: Keywords.changes) {
            // A change alone at the prompt: it belongs to an event, as in a scenario file.
            help = "'\(change)' is a change and goes inside an event: event \"NAME\" DATE: then the change, indented"
        }
        return Reply(error: renderAtInput(Diagnostic(.error, "unknown command '\(words[0])'", at: nil, help: [help]), word: words[0]),
                     failed: true, status: .dataError)
    }

    static let statementKeywords = Keywords.statements

    /// Ctrl-D, or `quit` typed (`command`): leave, unless there are unsaved edits and this
    /// is the first attempt; the warning says to do again what was done. A pipe has no one
    /// to warn, so `quit` there leaves at once.
    package func requestQuit(command: String? = nil) -> Reply {
        if hasUnsavedEdits && !warnedAboutUnsavedEdits && !env.piped {
            warnedAboutUnsavedEdits = true
            let again = command.map { "'\($0)'" } ?? "Ctrl-D"
            return Reply(error: wrapped("warning: \(NumberText.counted(edits.count, "unsaved what-if edit")); 'save FILE' keeps \(edits.count == 1 ? "it" : "them"), \(again) again leaves"))
        }
        return Reply(quit: true)
    }

    // MARK: resolving

    /// The edits as a virtual file in which each statement stands on the line it was typed on.
    func editsFile(_ list: [Edit]) -> SourceFile {
        var lines: [String] = []
        for e in list {
            while lines.count < e.line - 1 { lines.append("") }
            lines.append(contentsOf: e.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        return SourceFile(path: env.inputName, text: lines.joined(separator: "\n") + "\n")
    }

    /// Why `resolve()` fails, as a command's reply: no scenario yet, or the errors of the
    /// file and the edits, so a command never blames a missing file for a broken edit.
    func unresolvedReply() -> Reply {
        guard case .failure(let error) = resolve() else { return Reply() }
        return Reply(error: render(error), failed: true, status: error.isUnreadableFile ? .noInput : .dataError)
    }

    func resolve(edits list: [Edit]? = nil) -> Result<ScenarioLoader.Loaded, ScenarioError> {
        let list = list ?? edits
        switch base {
        case .resolved(_, let scenario)?:
            return .success(ScenarioLoader.Loaded(scenario: scenario, warnings: [], sources: [:]))
        case .text(_, let file)?:
            return Result(catching: { () throws(ScenarioError) in try loader.load(layers: list.isEmpty ? [file] : [file, editsFile(list)]) })
        case nil:
            guard !list.isEmpty else {
                return .failure(ScenarioError([Diagnostic(.error, "no scenario yet", at: nil,
                                                          help: ["load one with 'load FILE', or type its statements"])], sources: [:]))
            }
            return Result(catching: { () throws(ScenarioError) in try loader.load(layers: [editsFile(list)]) })
        }
    }

    /// From a pipe, a diagnostic with no place of its own (a file that cannot be read, no
    /// scenario yet) is placed on the input that met it, at `word` or the command word.
    func render(_ error: ScenarioError, word: String? = nil) -> String {
        let printer = DiagnosticPrinter(useColor: env.color)
        guard current.line > 0 else { return printer.render(error.diagnostics, sources: error.sources) }
        return error.diagnostics.map { d in
            guard d.location == nil else { return printer.render(d, sources: error.sources) }
            guard env.piped else {
                // At a prompt a command's own problem reads as its other replies do: plain
                // lines, without the `sharesim: error:` of the command line.
                return ([d.message] + d.notes.map { "note: \($0)" } + d.help.map { "help: \($0)" }).map { wrapped($0) }.joined()
            }
            return renderAtInput(d, word: word)
        }.joined()
    }

    /// Errors in a piece of the input parsed on its own (`source` names it, as `sweep`),
    /// moved to where that piece stands in the input.
    func placed(_ error: ScenarioError, source: String, piece: Substring) -> ScenarioError {
        let offset = current.text.unicodeScalars.distance(from: current.text.startIndex, to: piece.startIndex)
        var sources = error.sources
        sources[source] = nil
        sources[env.inputName] = inputSource()
        let diagnostics = error.diagnostics.map { d in
            guard let loc = d.location, loc.file == source, loc.line == 1 else { return d }
            var moved = d
            moved.location = SourceLocation(file: env.inputName, line: current.line, column: offset + loc.column, length: loc.length)
            return moved
        }
        return ScenarioError(diagnostics, sources: sources, isUnreadableFile: error.isUnreadableFile)
    }

    /// The current input as a file in which it stands on its own line number.
    func inputSource() -> SourceFile {
        SourceFile(path: env.inputName, text: String(repeating: "\n", count: max(0, current.line - 1)) + current.text)
    }

    /// Keeps the state for `undo`, which names what it takes back with `undoing`.
    func pushUndo(undoing: Step) {
        undoStack.append(Snapshot(base: base, edits: edits, undoes: undoing))
    }
}
