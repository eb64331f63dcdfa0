/// One run's figures in one block of memory, which the step loops fill and `SegmentSeries`
/// reads. One block rather than one array per figure and segment: a single allocation (on
/// huge pages when large) and a single uniqueness check when a workspace wants it back.
///
/// Written only while the workspace that made it holds the sole reference, never again once
/// a result shares it, so results may be read from any thread.
final class RunStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    /// In doubles.
    let capacity: Int
    /// The mapping's length, or nil when the block came from the ordinary allocator.
    private let mappedLength: Int?

    init(capacity: Int) {
        self.capacity = capacity
        if let block = HugePages.map(bytes: capacity * MemoryLayout<Double>.stride) {
            base = block.start.bindMemory(to: Double.self, capacity: capacity)
            mappedLength = block.length
        } else {
            base = .allocate(capacity: max(1, capacity))
            mappedLength = nil
        }
    }

    deinit {
        if let mappedLength {
            HugePages.unmap(UnsafeMutableRawPointer(base), length: mappedLength)
        } else {
            base.deallocate()
        }
    }
}
