import AtomicFiles
import Foundation

/// Partial results of a sharded Monte Carlo batch (`--shard I/N`), and their merge.
///
/// Shard `I` of `N` (counted from 0) owns the contiguous runs `⌊R·I/N⌋ ..< ⌊R·(I+1)/N⌋`.
/// Its file is a first line `sharesim-montecarlo-part 1`, a second line holding the header
/// as JSON (the batch, the shard, the format asked for), then the kept values as raw
/// little-endian doubles, cell by cell, the shard's runs in order within each cell. Laid
/// side by side in shard order they are the values one machine keeps, so the merge computes
/// the same percentiles and renders the same bytes.
public enum MonteCarloShard {
    package static let magic = "sharesim-montecarlo-part 1"

    public struct Header: Sendable, Equatable, Codable {
        public var batch: MonteCarloBatch
        /// `batch.identity`, written out so a reader can compare without recomputing.
        package var identity: String
        public var shard: Int
        public var shards: Int
        package var firstRun: Int
        public var runs: Int
        /// The format the shard's command asked for: what `merge` writes unless told otherwise.
        public var format: String
        package var valueCount: Int

        package init(batch: MonteCarloBatch, shard: Int, shards: Int, format: MonteCarloReport.Format) {
            self.batch = batch
            identity = batch.identity
            self.shard = shard
            self.shards = shards
            let range = MonteCarloBatch.runs(ofShard: shard, of: shards, total: batch.runs)
            firstRun = range.lowerBound
            runs = range.count
            self.format = format.rawValue
            valueCount = batch.cellCount * range.count
        }
    }

    /// A partial file that cannot be used, said as every refusal is: by default bad content
    /// (exit 65); `.noInput` for a file that cannot be read at all, `.cannotWrite` for one
    /// that cannot be written.
    private static func refusal(_ description: String, status: ExitStatus = .dataError) -> OperationError {
        .refused(description, status: status)
    }

    /// Runs the shard and writes its values as `-o` writes any output (see
    /// `AtomicFileWriter.write`): atomically, through symlinks, directly to a pipe or a device.
    /// The values go out cell by cell, and cells are a date's rows one after another, so a
    /// shard too large for `memory` is run once per group of dates that fits (runs are the
    /// same every time), each group's values written before the next is run.
    static func write(_ header: Header, scenario: ResolvedScenario, threads: Int, memory: Double, to path: String,
                      progress: @escaping (Int, Int) -> Void, isCancelled: @escaping @Sendable () -> Bool) throws(OperationError) {
        precondition(UInt64(1).littleEndian == 1, "partial files are little-endian")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(header) else { throw refusal("cannot encode the partial file's header", status: .internalError) }
        let head = Array((magic + "\n").utf8) + Array(json) + [UInt8(ascii: "\n")]
        let batch = header.batch, runs = header.firstRun..<(header.firstRun + header.runs)
        let perDate = Double(max(1, batch.entities.count)) * Double(max(1, runs.count)) * 8
        let datesPerPass = max(1, min(batch.steps.count, Int(0.8 * memory / perDate)))
        let groups = Swift.stride(from: 0, to: batch.steps.count, by: datesPerPass).map { $0..<min($0 + datesPerPass, batch.steps.count) }
        var failure: OperationError?
        do throws(FileError) {
            try AtomicFileWriter.write(to: path) { descriptor throws(FileError) in
                try AtomicFileWriter.writeAll(head, to: descriptor)
                for (g, dates) in groups.enumerated() {
                    let samples: MonteCarloSamples
                    do throws(OperationError) {
                        samples = try MonteCarlo.simulate(scenario, batch: batch.keeping(dates: dates), runs: runs, threads: threads,
                                                          progress: { progress(g * runs.count + $0, groups.count * runs.count) },
                                                          isCancelled: isCancelled)
                    } catch {
                        failure = error
                        throw FileError(code: ECANCELED)
                    }
                    let values = samples.values
                    try AtomicFileWriter.writeAll(UnsafeRawBufferPointer(values), to: descriptor)
                }
            }
        } catch {
            throw failure ?? refusal("cannot write '\(path)': \(error.reason)", status: .cannotWrite)
        }
    }

    /// The header of a partial file and where its values start.
    package static func readHeader(_ path: String) throws(OperationError) -> (header: Header, dataOffset: Int) {
        let f = try open(path)
        defer { fclose(f) }
        var lines: [[UInt8]] = [[], []]
        var offset = 0
        for i in 0..<2 {
            while true {
                let c = fgetc(f)
                if c == EOF { throw refusal("'\(path)' is not a sharesim partial result (it ends early)") }
                offset += 1
                if c == 10 { break }
                lines[i].append(UInt8(c))
                if i == 0 && lines[0].count > magic.utf8.count { break }
                if lines[i].count > 64 << 20 { throw refusal("'\(path)' has a header over 64 MB") }
            }
            if i == 0 && String(decoding: lines[0], as: UTF8.self) != magic {
                throw refusal("'\(path)' is not a sharesim partial result: it does not start with '\(magic)'")
            }
        }
        do {
            let header = try JSONDecoder().decode(Header.self, from: Data(lines[1]))
            guard header.shards >= 1, (0..<header.shards).contains(header.shard), header.runs >= 0,
                  header.valueCount == header.batch.cellCount * header.runs,
                  MonteCarloBatch.runs(ofShard: header.shard, of: header.shards, total: header.batch.runs)
                    == header.firstRun..<(header.firstRun + header.runs)
            else { throw refusal("'\(path)' has an inconsistent header") }
            return (header, offset)
        } catch let failure as OperationError {
            throw failure
        } catch {
            throw refusal("'\(path)' has an unreadable header: \(error)")
        }
    }

    /// A partial file opened for reading, or why it cannot be, in the words every command
    /// uses for a file it cannot read ("no such file", "is a directory").
    private static func open(_ path: String) throws(OperationError) -> UnsafeMutablePointer<FILE> {
        var info = stat()
        guard let f = fopen(path, "rb") else { throw refusal("cannot read '\(path)': \(FileError.last().asRead.reason)", status: .noInput) }
        if fstat(fileno(f), &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            fclose(f)
            throw refusal("cannot read '\(path)': \(FileError(code: EISDIR).reason)", status: .noInput)
        }
        return f
    }

    /// Whether `path` already holds this shard's complete result: the same batch, the same
    /// shard, and every value present. A rerun of a shard skips it then.
    package static func isComplete(_ path: String, _ expected: Header) -> Bool {
        guard let (header, offset) = try? readHeader(path),
              header.identity == expected.identity, header.batch.identity == expected.identity,
              header.shard == expected.shard, header.shards == expected.shards, header.valueCount == expected.valueCount,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue
        else { return false }
        return size == offset + expected.valueCount * MemoryLayout<Double>.size
    }

    /// A checked partial file: its header, where its values start, and a descriptor open on it.
    final class Part: @unchecked Sendable {
        let path: String
        let header: Header
        let offset: Int
        let descriptor: Int32

        init(path: String, header: Header, offset: Int, descriptor: Int32) {
            self.path = path
            self.header = header
            self.offset = offset
            self.descriptor = descriptor
        }

        deinit { close(descriptor) }
    }

    /// The parts of one batch, checked against each other (one batch, every shard exactly
    /// once, every value present) and sorted by shard, so that each cell's values read
    /// from them in turn are the batch's in run order.
    static func parts(_ paths: [String]) throws(OperationError) -> (batch: MonteCarloBatch, format: MonteCarloReport.Format, parts: [Part]) {
        guard !paths.isEmpty else { throw refusal("no partial results to merge") }
        var parts: [Part] = []
        for p in paths {
            let (h, o) = try readHeader(p)
            let f = try open(p)
            let descriptor = dup(fileno(f))
            fclose(f)
            parts.append(Part(path: p, header: h, offset: o, descriptor: descriptor))
        }
        let first = parts[0].header
        // A part records its view; parts of different views are named as such, the most
        // likely mistake (one shard run with another --by), not as another batch in general.
        for part in parts.dropFirst() where part.header.batch.grouping != first.batch.grouping {
            throw refusal("'\(part.path)' holds bands by \(part.header.batch.grouping.title) and '\(parts[0].path)' by "
                          + "\(first.batch.grouping.title): every shard of a batch is run with the same --by")
        }
        for part in parts.dropFirst() where part.header.batch != first.batch || part.header.identity != first.identity || part.header.shards != first.shards {
            throw refusal("'\(part.path)' belongs to another batch than '\(parts[0].path)' (different scenario, seed, runs, dates or shard count)")
        }
        var seen: [Int: String] = [:]
        for part in parts {
            if let other = seen[part.header.shard] { throw refusal("shard \(part.header.shard)/\(part.header.shards) is given twice: '\(other)' and '\(part.path)'") }
            seen[part.header.shard] = part.path
        }
        let missing = (0..<first.shards).filter { seen[$0] == nil }
        if !missing.isEmpty {
            throw refusal("shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")) of the batch \(missing.count == 1 ? "is" : "are") missing")
        }
        for part in parts {
            var info = stat()
            guard fstat(part.descriptor, &info) == 0 else { throw refusal("cannot read '\(part.path)'") }
            let size = Int(info.st_size), expected = part.offset + part.header.valueCount * MemoryLayout<Double>.size
            if size < expected { throw refusal("'\(part.path)' is incomplete: it ends before its last value") }
            if size > expected { throw refusal("'\(part.path)' has bytes after its last value") }
        }
        return (first.batch, MonteCarloReport.Format(rawValue: first.format) ?? .table, parts.sorted { $0.header.shard < $1.header.shard })
    }

    /// Cell `cell`'s values of every part, in run order, into `buffer` (room for the batch's runs).
    static func read(cell: Int, of parts: [Part], into buffer: UnsafeMutablePointer<Double>) throws(OperationError) {
        for part in parts where part.header.runs > 0 {
            let bytes = part.header.runs * MemoryLayout<Double>.size
            var done = 0
            while done < bytes {
                let n = pread(part.descriptor, UnsafeMutableRawPointer(buffer + part.header.firstRun) + done, bytes - done,
                              off_t(part.offset + cell * bytes + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw refusal("cannot read '\(part.path)': \(FileError.last().asRead.reason)", status: .noInput) }
                done += n
            }
        }
    }

    /// The bands of a sharded batch, a cell at a time: each thread holds one cell's values of
    /// every run, never every cell's, so the merge needs no more memory than one date and row.
    static func bands(of parts: [Part], batch: MonteCarloBatch, threads: Int,
                      isCancelled: @escaping @Sendable () -> Bool) throws(OperationError) -> [Double] {
        let ranks = batch.bands.map { $0.rank(of: batch.runs) }
        let cells: [Result<[Double], OperationError>?] = ParallelWork.map(count: batch.cellCount, threads: threads,
                                                                    worker: { (UnsafeMutablePointer<Double>.allocate(capacity: max(1, batch.runs)), SelectionScratch()) }) { worker, c in
            if isCancelled() { return nil }
            do throws(OperationError) {
                try read(cell: c, of: parts, into: worker.0)
                return .success(Percentile.select(worker.0, count: batch.runs, ranks: ranks, scratch: worker.1))
            } catch {
                return .failure(error)
            }
        }
        var out: [Double] = []
        for cell in cells {
            switch cell {
            case nil: throw .cancelled
            case .failure(let failure): throw failure
            case .success(let values): out += values
            }
        }
        return out
    }
}
