import Foundation

/// The values a batch keeps: `cells` per run, stored cell by cell so that each cell's runs
/// lie together for the percentiles: cell `c` of the `r`-th run at `c · runs + r`.
///
/// Most cells of a batch repeat, run for run, the same row at the previous reporting step:
/// a market at rest before any uncertain event, or settled after it. A batch writes its
/// values a block of runs at a time (`write(block:…)`) and leaves out each block of a cell
/// that repeats the cell before it; `settle` then copies those blocks in, or, where a whole
/// cell repeats, lets the cell share the earlier cell's memory. A cell's memory left out
/// this way is never touched, and fresh memory costs the kernel's zeroing of it: for 100,000
/// runs of the chip scenario at 36 steps, the 144 MB of values took more time than the runs.
package final class MonteCarloSamples: @unchecked Sendable {
    package let cells: Int
    package let runs: Int
    let base: UnsafeMutablePointer<Double>
    /// Set when the block is huge pages mapped for it (see HugePages): a large batch touches
    /// hundreds of megabytes once, and 4 KiB pages made that cost more than the runs.
    private let mapped: (start: UnsafeMutableRawPointer, length: Int)?
    /// Per cell, the cell whose memory holds its values: itself, or an earlier one it repeats.
    private var source: [Int]
    /// Per cell and block of `MonteCarlo.blockSize` runs, whether `write` left the block out
    /// because it repeats the cell `rows` before; threads mark only their own blocks.
    private let leftOut: UnsafeMutablePointer<Bool>
    private var blockCount: Int { (runs + MonteCarlo.blockSize - 1) / MonteCarlo.blockSize }

    package init(cells: Int, runs: Int) {
        self.cells = cells
        self.runs = runs
        let count = max(1, cells * runs)
        if let block = HugePages.map(bytes: count * MemoryLayout<Double>.stride) {
            mapped = block
            base = block.start.bindMemory(to: Double.self, capacity: count)
        } else {
            mapped = nil
            base = .allocate(capacity: count)
        }
        source = Array(0..<cells)
        let tiles = max(1, cells * ((runs + MonteCarlo.blockSize - 1) / MonteCarlo.blockSize))
        leftOut = .allocate(capacity: tiles)
        leftOut.initialize(repeating: false, count: tiles)
    }

    deinit {
        if let mapped { HugePages.unmap(mapped.start, length: mapped.length) } else { base.deallocate() }
        leftOut.deallocate()
    }

    /// The runs' values of one cell.
    package func cell(_ c: Int) -> UnsafeMutablePointer<Double> { base + source[c] * runs }

    /// Whether cell `c` shares the memory of an earlier cell whose values it repeats.
    func isRepeat(_ c: Int) -> Bool { source[c] != c }

    /// Every value, cell by cell; a cell that shares an earlier cell's memory gets its own copy.
    package var values: UnsafeBufferPointer<Double> {
        for c in 0..<cells where source[c] != c {
            (base + c * runs).update(from: base + source[c] * runs, count: runs)
            source[c] = c
        }
        return UnsafeBufferPointer(start: base, count: cells * runs)
    }

    /// Copies `part`'s values into runs `offset ..< offset + part.runs` of each cell.
    package func place(_ part: UnsafeBufferPointer<Double>, runs count: Int, at offset: Int) {
        precondition(part.count == cells * count && offset + count <= runs)
        for c in 0..<cells {
            (base + c * runs + offset).update(from: part.baseAddress! + c * count, count: count)
        }
    }

    /// Writes runs `start ..< start + count` (a whole block of `MonteCarlo.blockSize` runs,
    /// or the last) from `block`, which holds cell `c`'s at `c · stride`, leaving out each
    /// cell's that are the same bits as the cell `rows` before. Call `settle` once every
    /// block is written.
    func write(block: UnsafePointer<Double>, stride: Int, runs count: Int, at start: Int, rows: Int) {
        let b = start / MonteCarlo.blockSize, bytes = count * MemoryLayout<Double>.size
        for c in 0..<cells {
            let values = block + c &* stride
            if c >= rows && memcmp(values, values - rows &* stride, bytes) == 0 {
                leftOut[c &* blockCount &+ b] = true
            } else {
                (base + (c &* runs &+ start)).update(from: values, count: count)
            }
        }
    }

    /// Completes the cells `write` left blocks out of, in order, so that the cell `rows`
    /// before is complete when a cell copies from it.
    func settle(rows: Int) {
        let blocks = blockCount
        for c in Swift.min(rows, cells)..<cells {
            let marks = leftOut + c * blocks
            if (0..<blocks).allSatisfy({ marks[$0] }) {
                source[c] = source[c - rows]
                continue
            }
            for b in 0..<blocks where marks[b] {
                let start = b * MonteCarlo.blockSize, count = Swift.min(MonteCarlo.blockSize, runs - start)
                (base + c * runs + start).update(from: cell(c - rows) + start, count: count)
            }
        }
    }
}
