/// Why an operation gave no result: the one error every front door throws, so that each
/// front end has one place that turns it into text and an exit status.
public enum OperationError: Error, Sendable {
    /// The hooks said to stop (Ctrl-C); nothing was written.
    case cancelled
    /// The request cannot be carried out, and the diagnostics say why. `status` is the exit
    /// status it calls for (`ExitStatus.usage` for what the request asked, `dataError` for
    /// what a run met, `noInput` and `cannotWrite` for files). `part` is the index of the
    /// request's part at fault where there is one (a sweep's axis, a calibration's bounds),
    /// so that a front end can point at how the user wrote it.
    case refused(ScenarioError, status: ExitStatus, part: Int? = nil)

    /// What the diagnostics of a refusal say; none for a cancellation.
    public var diagnostics: [Diagnostic] {
        guard case .refused(let error, _, _) = self else { return [] }
        return error.diagnostics
    }

    /// A request the scenario cannot honour (an unknown parameter, a value out of range): a
    /// usage error, pointing at the request's `part` where one is at fault.
    static func invalid(_ diagnostic: Diagnostic, part: Int? = nil) -> OperationError {
        .refused(ScenarioError([diagnostic], sources: [:]), status: ExitStatus.usage, part: part)
    }

    /// The same error, naming the request's `part` at fault unless it names one already.
    func about(part: Int) -> OperationError {
        guard case .refused(let error, let status, nil) = self else { return self }
        return .refused(error, status: status, part: part)
    }

    /// The same error, its diagnostics quoting `sources` (the scenario's files), which the
    /// analysis that found it did not have.
    func quoting(_ sources: [String: SourceFile]) -> OperationError {
        guard case .refused(let error, let status, let part) = self else { return self }
        return .refused(ScenarioError(error.diagnostics, sources: error.sources.merging(sources) { own, _ in own },
                                      isUnreadableFile: error.isUnreadableFile), status: status, part: part)
    }

    /// The same error, each diagnostic's message after `context` (what was being done).
    func saying(_ context: String) -> OperationError {
        guard case .refused(let error, let status, let part) = self else { return self }
        let said = error.diagnostics.map { d in
            var d = d
            d.message = context + d.message
            return d
        }
        return .refused(ScenarioError(said, sources: error.sources, isUnreadableFile: error.isUnreadableFile), status: status, part: part)
    }

    /// A refusal of one diagnostic without a place in any file.
    static func refused(_ message: String, help: [String] = [], notes: [String] = [], status: ExitStatus, part: Int? = nil) -> OperationError {
        .refused(ScenarioError([Diagnostic(.error, message, at: nil, notes: notes, help: help)], sources: [:]), status: status, part: part)
    }
}
