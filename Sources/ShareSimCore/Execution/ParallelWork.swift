import Foundation

/// The one way work runs in parallel: independent jobs on several threads, their results
/// collected by index, so that what comes out does not depend on the number of threads or
/// on which thread ran what. Sweeps, calibrations and Monte Carlo batches all go through it.
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
        forEach(workers: workers) { _ in
            var worker = makeWorker()
            while let i = next.take(below: count) {
                slots.store(body(&worker, i), at: i)
            }
        }
        return slots.collect()
    }
}

extension ParallelWork {
    /// `body(w)` for each worker `w` in `0..<workers`, all at once, the calling thread among
    /// them; returns when every one has.
    static func forEach(workers: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: max(1, workers), execute: body)
    }

    /// `body(w)` for each worker `w` in `0..<workers` on threads of their own, while the
    /// calling thread calls `poll` about ten times a second (to report progress); returns
    /// when every worker has.
    static func run(workers: Int, polling poll: () -> Void, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for w in 0..<max(1, workers) {
            group.enter()
            DispatchQueue.global().async {
                body(w)
                group.leave()
            }
        }
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut { poll() }
    }
}

extension ParallelWork {
    /// Runs `work` on another thread while the calling thread polls `isCancelled`: its
    /// result, or nil once cancelled, for work that cannot poll for itself (drawing a table).
    /// `work` gets a check that turns true once it is abandoned and stays true after the
    /// caller has spent the cancellation (a REPL's Ctrl-C), so a long run stops at its next
    /// check instead of computing on, unseen, while the person works at the next prompt.
    package static func abandonable<T: Sendable>(isCancelled: @escaping @Sendable () -> Bool,
                                                 _ work: @escaping @Sendable (_ isAbandoned: @escaping @Sendable () -> Bool) -> T) -> T? {
        let slot = Slot<T>()
        let abandoned = Abandonment()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            slot.value = work { abandoned.isSet || isCancelled() }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if isCancelled() {
                abandoned.set()
                return nil
            }
        }
        return slot.value
    }
}

/// Where abandonable work leaves its result; read only after the work has signalled.
private final class Slot<T>: @unchecked Sendable {
    var value: T?
}

/// Set once by the thread that stopped waiting, read by the work it left behind.
private final class Abandonment: @unchecked Sendable {
    private let lock = NSLock()
    private var abandoned = false
    var isSet: Bool { lock.withLock { abandoned } }
    func set() { lock.withLock { abandoned = true } }
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
