/// A one-line progress bar on standard error, redrawn when its percentage changes: what the
/// batch command and the REPL show while an operation reports progress (`OperationHooks`).
///
/// Unchecked Sendable: the hooks call `show` only on the thread that runs the operation,
/// the one that made the bar, so its state is never touched by two threads.
final class ProgressBar: @unchecked Sendable {
    private var lastDrawn = -1

    func show(_ done: Int, of total: Int) {
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let percent = total > 0 ? done * 100 / total : 100
        guard percent != lastDrawn || done == total else { return }
        lastDrawn = percent
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Output.err("\r\(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)% [\(bar)] \(done)/\(total) runs")
    }

    /// Clears the bar's line, if it drew one, so the result starts on a clean line.
    func finish() {
        guard lastDrawn >= 0 else { return }
        Output.err("\r\u{1B}[K")
        lastDrawn = -1
    }
}
