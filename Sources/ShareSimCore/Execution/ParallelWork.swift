import Foundation

/// Runs independent jobs on several threads and collects their results by index, so that
/// what comes out does not depend on the number of threads or on which thread ran what.
public enum ParallelWork {
    /// The number of threads to use by default: every core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for `i` in `0..<count`, on up to `threads` threads; results in index order.
    /// Jobs are handed out one at a time, so slow ones do not hold up a thread's share.
    /// With one thread (or one job) everything runs on the calling thread.
    public static func map<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        map(count: count, threads: threads, worker: {}) { _, i in body(i) }
    }

    /// As `map(count:threads:_:)`, with something each thread makes once and hands to every
    /// job it runs: an engine workspace, so that runs reuse its memory instead of allocating
    /// their own. It never leaves the thread that made it.
    static func map<T: Sendable, Worker>(count: Int, threads: Int, worker makeWorker: @Sendable () -> Worker,
                                         _ body: @Sendable (inout Worker, Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var worker = makeWorker()
            return (0..<count).map { body(&worker, $0) }
        }
        let slots = ResultSlots<T>(count: count)
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var worker = makeWorker()
            while let i = next.take(below: count) {
                slots.store(body(&worker, i), at: i)
            }
        }
        return slots.collect()
    }
}

/// Hands out job indices; a lock makes each index go to exactly one worker.
private final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// One slot per job. Each slot is written by exactly one worker, and read only after
/// `concurrentPerform` has returned, so no slot is touched by two threads at once.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }

    func store(_ value: T, at i: Int) { buffer[i] = value }

    func collect() -> [T] { (0..<count).map { buffer[$0]! } }
}
