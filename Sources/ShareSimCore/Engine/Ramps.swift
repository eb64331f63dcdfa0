/// A change as the step loop applies it: from step `at` on, the entries it sets ramp over
/// `over` steps to `to`, to their value plus `to` or to their value times `to`, as
/// `operation` says, clamped to `lower...upper`. An entry is an index into the segment's
/// parameter vector (see `ParameterLayout`).
struct RampEvent: BitwiseCopyable {
    /// `ChangeOperation`, as a plain value the step loop can copy.
    enum Operation: UInt8, BitwiseCopyable { case to, by, times }
    /// A change that ends (`until`) saves each entry's value before it starts; its ending,
    /// a second event on the same entries, ramps back to the saved values.
    enum Role: UInt8, BitwiseCopyable { case plain, saves, restores }

    var at: Int
    var to: Double
    var operation: Operation
    var lower: Double, upper: Double
    /// At least 1.
    var over: Int
    /// Its entries' place in the plan's entry list.
    var firstEntry: Int, entryCount: Int
    /// The index of the scenario change it comes from, so that a parameter setting that
    /// change's `to` finds its event after the sort (see `PlanPatch`).
    var change: Int
    var role: Role

    init(at: Int, to: Double, operation: ChangeOperation, range: ClosedRange<Double>, over: Int, firstEntry: Int,
         entryCount: Int, change: Int, role: Role) {
        self.at = at
        self.to = to
        self.operation = switch operation {
        case .to: .to
        case .by: .by
        case .times: .times
        }
        lower = range.lowerBound
        upper = range.upperBound
        self.over = over
        self.firstEntry = firstEntry
        self.entryCount = entryCount
        self.change = change
        self.role = role
    }
}

/// The ramp running on one parameter entry, and its place in the list of running ramps.
struct RampState: BitwiseCopyable {
    var at = 0, over = 1
    var from = 0.0, to = 0.0
    /// Index in the running list, or -1 when no ramp runs on the entry.
    var slot = -1
    /// The step the last change on the entry started at, -1 before any: a second change
    /// starting at the same step takes the first one's target as its base (MODEL.md's tie rule).
    var started = -1
}

/// MODEL.md's ramps, applied step by step to the current parameter values. Laid out as
/// per-step arrays before the loop, they cost memory (and page faults) in proportion to
/// steps × changed series, and a copy of every changed series at every step; this does work
/// only for the ramps running at a step. The values are the same: a change due at step `k`
/// starts from the value in effect at `k − 1` (the default when `k ≤ 0`), which is still
/// the current value when its ramp is registered, and each value is MODEL.md's expression
/// `p + (x − p)·(i+1)/n` evaluated as written.
struct Ramps {
    let events: UnsafePointer<RampEvent>
    let eventCount: Int
    let entries: UnsafePointer<Int>
    /// Parallel to `entries`: the value each entry had before a change that ends started.
    let saved: UnsafeMutablePointer<Double>
    /// One per parameter entry.
    let states: UnsafeMutablePointer<RampState>
    /// The entries whose ramp runs, in no particular order: each ramp writes its own entry.
    let running: UnsafeMutablePointer<Int>
    private var runningCount = 0
    private var next = 0

    init(events: UnsafePointer<RampEvent>, eventCount: Int, entries: UnsafePointer<Int>, saved: UnsafeMutablePointer<Double>,
         states: UnsafeMutablePointer<RampState>, parameterCount: Int, running: UnsafeMutablePointer<Int>) {
        self.events = events
        self.eventCount = eventCount
        self.entries = entries
        self.saved = saved
        self.states = states
        self.running = running
        states.initialize(repeating: RampState(), count: parameterCount)
    }

    /// Whether anything may move at step `k`: a change starts or a ramp runs.
    @inline(__always) func isActive(at k: Int) -> Bool {
        runningCount > 0 || (next < eventCount && events[next].at <= k)
    }

    /// Starts the changes due at step `k` (in order, so that the later of two on one entry
    /// wins) and writes every running ramp's value for step `k` into `values`. Calls
    /// `moved` with each entry whose value changed.
    @inline(__always) mutating func advance(to k: Int, values: UnsafeMutablePointer<Double>, moved: (Int) -> Void) {
        while next < eventCount && events[next].at <= k {
            let event = events[next]
            for i in event.firstEntry..<event.firstEntry + event.entryCount {
                let e = entries[i]
                if states[e].slot < 0 {
                    states[e].slot = runningCount
                    running[runningCount] = e
                    runningCount += 1
                }
                // `values[e]` is still the value in effect at step k − 1: the ramp starts from it.
                let p = values[e], q = states[e].started == k ? states[e].to : p
                let target: Double
                switch event.role {
                case .restores: target = saved[i]
                case .saves, .plain:
                    if event.role == .saves { saved[i] = p }
                    switch event.operation {
                    case .to: target = event.to
                    case .by: target = q + event.to
                    case .times: target = q * event.to
                    }
                }
                states[e].at = event.at
                states[e].over = event.over
                states[e].from = p
                states[e].to = min(max(target, event.lower), event.upper)
                states[e].started = k
            }
            next += 1
        }
        var r = 0
        while r < runningCount {
            let e = running[r], ramp = states[e]
            let i = k - ramp.at, n = ramp.over, p = ramp.from, x = ramp.to
            let value = i < n - 1 ? p + (x - p) * Double(i + 1) / Double(n) : x
            if value != values[e] { moved(e) }
            values[e] = value
            if i < n - 1 {
                r += 1
            } else {
                // Done: the value stays `x` until another change starts on the entry.
                states[e].slot = -1
                runningCount -= 1
                if r < runningCount {
                    running[r] = running[runningCount]
                    states[running[r]].slot = r
                }
            }
        }
    }
}
