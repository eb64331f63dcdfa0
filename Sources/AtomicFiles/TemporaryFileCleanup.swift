import Foundation

/// Removes the named temporary file of a replacement in progress when SIGINT, SIGTERM or
/// SIGHUP is about to end the process (their default action), so that a Ctrl-C, a `kill` or
/// a closed terminal during a 100 MB `run -o` leaves nothing beside the destination. Where
/// the system offers an unnamed temporary file (`O_TMPFILE`) a file has a name only for the
/// moment between its link and its rename; this covers that moment, and the whole write
/// where no unnamed file can be made.
///
/// A signal handler may only touch plain memory and async-signal-safe calls, so the path
/// and the handlers it replaced live in memory allocated once, and one replacement at a time
/// is guarded (a lock serializes concurrent ones, which only share the disk anyway).
enum TemporaryFileCleanup {
    #if canImport(Glibc)
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    /// The dispositions the guard replaced, in the order of `signals`.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 3)
    private static let lock = NSLock()

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        let index = signal == SIGINT ? 0 : signal == SIGTERM ? 1 : 2
        let old = TemporaryFileCleanup.previous[index]
        switch unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) {
        case 0:
            // The default action ends the process: remove the file, then let it.
            unlink(TemporaryFileCleanup.path)
            var restore = old
            sigaction(signal, &restore, nil)
            raise(signal)
        case 1:
            return
        default:
            // A handler of the program's own (Ctrl-C's flag): it decides, and the writer
            // goes on to finish or remove the file itself.
            old.__sigaction_handler.sa_handler?(signal)
        }
    }

    /// Runs `body` with `temporaryPath` removed should one of the signals end the process.
    static func guarding<T>(_ temporaryPath: String, _ body: () throws(FileError) -> T) throws(FileError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let bytes = Array(temporaryPath.utf8CString.prefix(Int(PATH_MAX)))
        bytes.withUnsafeBufferPointer { path.update(from: $0.baseAddress!, count: $0.count) }
        path[bytes.count - 1] = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        for (i, signal) in signals.enumerated() { sigaction(signal, &action, previous + i) }
        defer {
            for (i, signal) in signals.enumerated() { sigaction(signal, previous + i, nil) }
        }
        return try body()
    }
    #else
    static func guarding<T>(_ temporaryPath: String, _ body: () throws(FileError) -> T) throws(FileError) -> T {
        try body()
    }
    #endif
}
