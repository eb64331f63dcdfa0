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

    let env: SessionEnvironment
    let loader: ScenarioLoader
    var base: Base?
    var edits: [Edit] = []
    var savedEdits: [Edit] = []
    var undoStack: [Snapshot] = []
    var runs: [(name: String, result: RunResult)] = []
    var lastRun: RunResult?
    var timing = false
    var warnedAboutUnsavedEdits = false

    public init(environment: SessionEnvironment) {
        env = environment
        loader = ScenarioLoader(readFile: environment.readFile)
    }

    /// Edits typed since the last load or save.
    public var hasUnsavedEdits: Bool { edits != savedEdits }

    /// The names completion offers for the loaded scenario.
    public var scenarioForCompletion: ResolvedScenario? { try? resolve().get().scenario }
    public var runNames: [String] { runs.map(\.name) }

    /// Executes one complete input (a command, a statement, or an event block).
    public func execute(_ input: InputAssembler.Input) -> Reply {
        let words = Words.split(input.text)
        guard let first = words.first?.lowercased() else { return Reply() }
        if first.hasPrefix("#") { return Reply() }
        if let command = Commands.named(first) {
            return command.action(self, Array(words.dropFirst()), input)
        }
        if Session.statementKeywords.contains(first) {
            return applyEdit(input)
        }
        var help = "type 'help' for the commands; scenario statements (vendor, event, share …) are accepted too"
        if let near = Suggestions.closest(to: first, in: Commands.all.map(\.name) + Session.statementKeywords) {
            help = "did you mean '\(near)'?"
        }
        return .failure(DiagnosticPrinter(useColor: env.color).render(
            Diagnostic(.error, "unknown command '\(words[0])'", at: SourceLocation(file: env.inputName, line: input.line, column: 1, length: words[0].count),
                       help: [help]),
            sources: [env.inputName: SourceFile(path: env.inputName, text: String(repeating: "\n", count: input.line - 1) + input.text)]))
    }

    static let statementKeywords = Keywords.statements

    /// Ctrl-D: leave, unless there are unsaved edits and this is the first attempt.
    public func requestQuit() -> Reply {
        if hasUnsavedEdits && !warnedAboutUnsavedEdits {
            warnedAboutUnsavedEdits = true
            return Reply(error: "warning: \(edits.count) unsaved what-if edit\(edits.count == 1 ? "" : "s"); 'save FILE' keeps them. Press Ctrl-D again to leave.\n")
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

    func render(_ error: ScenarioError) -> String {
        DiagnosticPrinter(useColor: env.color).render(error.diagnostics, sources: error.sources)
    }

    func pushUndo() {
        undoStack.append(Snapshot(base: base, edits: edits))
    }
}

extension Result where Failure == ScenarioError {
    init(catching body: () throws(ScenarioError) -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}
