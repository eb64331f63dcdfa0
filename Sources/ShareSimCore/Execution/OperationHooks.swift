/// What every long operation takes from its caller, the same for all of them: how to learn
/// that it should stop, and where to say how far it got. The command line polls Ctrl-C and
/// draws a bar on standard error; the REPL does the same at its prompt; a test passes
/// closures of its own. An operation never decides how progress looks.
public struct OperationHooks: Sendable {
    /// Polled between units of work (runs, steps); once true the operation stops and throws
    /// `OperationError.cancelled`, leaving nothing half-done behind.
    public var isCancelled: @Sendable () -> Bool
    /// Called on the caller's thread, about ten times a second, with the runs done and the
    /// runs in all; not called for work too short to need it.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void

    public init(isCancelled: @escaping @Sendable () -> Bool = { false },
                progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) {
        self.isCancelled = isCancelled
        self.progress = progress
    }

    /// Never cancelled, no progress shown.
    public static let none = OperationHooks()

    /// Cancelled by Ctrl-C: installs the handler that turns SIGINT into `InterruptFlag`.
    public static func interruptible(progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> OperationHooks {
        InterruptFlag.install()
        return OperationHooks(isCancelled: { InterruptFlag.isPending }, progress: progress)
    }
}
