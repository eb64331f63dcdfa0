/// Buffers a thread reuses from one selection to the next.
package final class SelectionScratch {
    private var buffers: [UnsafeMutablePointer<Double>?] = [nil, nil, nil]
    private var capacities = [0, 0, 0]

    package init() {}

    deinit { for b in buffers { b?.deallocate() } }

    /// Buffer `slot`, holding at least `count · bands` doubles.
    func buffer(_ slot: Int, _ count: Int, bands: Int) -> UnsafeMutablePointer<Double> {
        let need = max(1, count * bands)
        if capacities[slot] < need {
            buffers[slot]?.deallocate()
            buffers[slot] = .allocate(capacity: need)
            capacities[slot] = need
        }
        return buffers[slot]!
    }
}

@available(*, unavailable, message: "give each thread its own SelectionScratch")
extension SelectionScratch: Sendable {}
