import Foundation

extension MonteCarlo {
    /// One batch's shared state: its blocks of runs (what is done, the first failure) and what each run keeps.
    final class Job: @unchecked Sendable {
        let scenario: ResolvedScenario
        let batch: MonteCarloBatch
        let runs: Range<Int>
        let sink: MonteCarloBlockSink
        let isCancelled: @Sendable () -> Bool
        let rows: [MonteCarloLayout.Row]
        let blocks: RunBlocks

        init(scenario: ResolvedScenario, batch: MonteCarloBatch, runs: Range<Int>, sink: MonteCarloBlockSink,
             isCancelled: @escaping @Sendable () -> Bool) {
            self.scenario = scenario
            self.batch = batch
            self.runs = runs
            self.sink = sink
            self.isCancelled = isCancelled
            rows = MonteCarloLayout.rows(of: scenario, by: batch.grouping)
            blocks = RunBlocks(runs: runs.count)
        }

        var runsDone: Int { blocks.runsDone }
        var wasCancelled: Bool { blocks.wasStopped }

        func work(worker: Int) {
            let planned = PlannedRuns(scenario, workspace: EngineWorkspace())
            let metric = batch.metric, rows = self.rows
            let cells = batch.cellCount, seed = batch.seed, rowCount = rows.count
            precondition(cells == batch.steps.count * rowCount)
            // Each run writes its draws straight into the plan, which every run of this thread
            // shares: the draws overwrite the same figures in every run. Where that cannot be
            // done (shares or buyer weights, which are rebalanced by scaling the others), each
            // run starts again from the scenario as resolved and is planned afresh.
            let uncertain = scenario.parameters.filter(\.isUncertain)
            let draws = uncertain.map { ($0.distribution!, $0.validRange) }
            let found = uncertain.map { planned.patches(for: $0.targets, in: scenario) }
            let patches = found.contains { $0 == nil } ? nil : UnsafeBufferPointer.copy(found.flatMap { $0! })
            defer { patches?.deallocate() }
            // Parameter p's patches are patches[patchStart[p] ..< patchStart[p + 1]].
            let patchStart = found.reduce(into: [0]) { $0.append($0.last! + ($1?.count ?? 0)) }
            // A block's values, cell by cell, then written cell by cell into the samples:
            // writing each run's figures straight into their cells would touch as many pages
            // per run as there are cells. The cells lie a cache line more than a block apart:
            // at a power of two apart, those a run writes would all fall in a few cache sets.
            let blockSize = MonteCarlo.blockSize, cellStride = blockSize + 8
            let block = UnsafeMutablePointer<Double>.allocate(capacity: max(1, cells * cellStride))
            defer { block.deallocate() }
            // Row e sums the figures of members rowMembers[rowStart[e] ..< rowStart[e + 1]]. The
            // run loop reads these lists through bare pointers: no retain, no uniqueness check.
            let rowFigures = rows.map { planned.figures(segment: $0.segment) }
            let rowStart = rows.reduce(into: [0]) { $0.append($0.last! + $1.members.count) }
            let rowMembers = UnsafeBufferPointer.copy(rows.flatMap(\.members)), steps = UnsafeBufferPointer.copy(batch.steps)
            defer { rowMembers.deallocate(); steps.deallocate() }
            // The channel, recorded-origin and buyer views read each group's and channel's
            // figures, which a run keeps only when asked: such a run is made into a result
            // whose figures are read as `run` reads them, row by row.
            let grouping = batch.grouping, sumsVendors = MonteCarloLayout.sumsVendors(grouping)
            let rowSegments = rows.map { [scenario.segments[$0.segment].id] }
            while let start = blocks.take() {
                let end = min(start + blockSize, runs.count)
                for r in start..<end {
                    if r & 63 == 0, isCancelled() {
                        blocks.stop()
                        return
                    }
                    let run = runs.lowerBound + r
                    var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(truncatingIfNeeded: run))
                    if let patches {
                        for p in 0..<draws.count {
                            let value = draws[p].0.draw(&rng, within: draws[p].1)
                            planned.set(UnsafeBufferPointer(rebasing: patches[patchStart[p]..<patchStart[p + 1]]), to: value)
                        }
                    } else {
                        var s = scenario
                        do {
                            try s.draw(&rng)
                        } catch {
                            blocks.fail(run, error)
                            return
                        }
                        planned.replan(s)
                    }
                    // Cell (step i, row e) is i·rows + e.
                    let column = block + (r - start)
                    do {
                        if sumsVendors {
                            let figures = try planned.run()
                            for e in 0..<rowCount {
                                let members = UnsafeBufferPointer(rebasing: rowMembers[rowStart[e]..<rowStart[e + 1]])
                                rowFigures[e].sum(metric, in: figures, members: members, at: steps,
                                                  into: column + e &* cellStride, stride: rowCount &* cellStride)
                            }
                        } else {
                            let result = try planned.detailedResult(of: scenario)
                            for e in 0..<rowCount {
                                for i in 0..<steps.count {
                                    column[(i &* rowCount &+ e) &* cellStride] = result.value(
                                        of: metric.measure, view: grouping, keys: [rows[e].name], buyer: rows[e].buyer,
                                        segments: rowSegments[e], step: steps[i])
                                }
                            }
                        }
                    } catch {
                        blocks.stop()
                        return
                    }
                    // Draws near a distribution's extreme can carry a run past what a number
                    // holds, which the resolver's check of the nominal values cannot see. A
                    // step's figures feed the next, so a nan anywhere shows at the last kept step.
                    let last = column + (steps.count &- 1) &* rowCount &* cellStride
                    for e in 0..<rowCount where !last[e &* cellStride].isFinite {
                        blocks.fail(run, MonteCarlo.overflow(scenario, seed: seed, run: run))
                        return
                    }
                }
                sink.accept(block: block, stride: cellStride, runs: end - start, at: start, rows: rowCount, worker: worker)
                blocks.finished(end - start)
            }
        }
    }
}
