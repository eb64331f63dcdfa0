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
    public static let magic = "sharesim-montecarlo-part 1"

    public struct Header: Sendable, Equatable, Codable {
        public var batch: MonteCarloBatch
        /// `batch.identity`, written out so a reader can compare without recomputing.
        public var identity: String
        public var shard: Int
        public var shards: Int
        public var firstRun: Int
        public var runs: Int
        /// The format the shard's command asked for: what `merge` writes unless told otherwise.
        public var format: String
        public var valueCount: Int

        public init(batch: MonteCarloBatch, shard: Int, shards: Int, format: MonteCarloReport.Format) {
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

    /// Writes a shard's values as `-o` writes any output (see `AtomicFileWriter.write`):
    /// atomically, through symlinks, directly to a pipe or a device. Streamed rather than
    /// copied into one buffer first, since a part may be gigabytes.
    public static func write(_ header: Header, samples: MonteCarloSamples, to path: String) throws(OperationError) {
        precondition(samples.cells * samples.runs == header.valueCount)
        precondition(UInt64(1).littleEndian == 1, "partial files are little-endian")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(header) else { throw refusal("cannot encode the partial file's header", status: .internalError) }
        let head = Array((magic + "\n").utf8) + Array(json) + [UInt8(ascii: "\n")]
        let values = UnsafeRawBufferPointer(start: samples.values.baseAddress, count: header.valueCount * MemoryLayout<Double>.size)
        do {
            try AtomicFileWriter.write(to: path) { descriptor throws(FileError) in
                try AtomicFileWriter.writeAll(head, to: descriptor)
                try AtomicFileWriter.writeAll(values, to: descriptor)
            }
        } catch {
            throw refusal("cannot write '\(path)': \(error.reason)", status: .cannotWrite)
        }
    }

    /// The header of a partial file and where its values start.
    public static func readHeader(_ path: String) throws(OperationError) -> (header: Header, dataOffset: Int) {
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
    public static func isComplete(_ path: String, _ expected: Header) -> Bool {
        guard let (header, offset) = try? readHeader(path),
              header.identity == expected.identity, header.batch.identity == expected.identity,
              header.shard == expected.shard, header.shards == expected.shards, header.valueCount == expected.valueCount,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue
        else { return false }
        return size == offset + expected.valueCount * MemoryLayout<Double>.size
    }

    /// The parts of one batch merged: their headers checked against each other (one batch,
    /// every shard exactly once), their values placed in run order.
    public static func merge(_ paths: [String]) throws(OperationError) -> (batch: MonteCarloBatch, format: MonteCarloReport.Format, samples: MonteCarloSamples) {
        guard !paths.isEmpty else { throw refusal("no partial results to merge") }
        var headers: [(path: String, header: Header, offset: Int)] = []
        for p in paths {
            let (h, o) = try readHeader(p)
            headers.append((p, h, o))
        }
        let first = headers[0].header
        for (p, h, _) in headers.dropFirst() where h.batch != first.batch || h.identity != first.identity || h.shards != first.shards {
            throw refusal("'\(p)' belongs to another batch than '\(headers[0].path)' (different scenario, seed, runs, dates or shard count)")
        }
        var seen: [Int: String] = [:]
        for (p, h, _) in headers {
            if let other = seen[h.shard] { throw refusal("shard \(h.shard)/\(h.shards) is given twice: '\(other)' and '\(p)'") }
            seen[h.shard] = p
        }
        let missing = (0..<first.shards).filter { seen[$0] == nil }
        if !missing.isEmpty {
            throw refusal("shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")) of the batch \(missing.count == 1 ? "is" : "are") missing")
        }
        let batch = first.batch
        let samples = MonteCarloSamples(cells: batch.cellCount, runs: batch.runs)
        for (p, h, offset) in headers.sorted(by: { $0.header.shard < $1.header.shard }) {
            let f = try open(p)
            defer { fclose(f) }
            guard fseeko(f, off_t(offset), SEEK_SET) == 0 else { throw refusal("cannot read '\(p)'") }
            for c in 0..<batch.cellCount where h.runs > 0 {
                let read = fread(samples.cell(c) + h.firstRun, MemoryLayout<Double>.size, h.runs, f)
                if read != h.runs { throw refusal("'\(p)' is incomplete: it ends before its last value") }
            }
            if fgetc(f) != EOF { throw refusal("'\(p)' has bytes after its last value") }
        }
        return (batch, MonteCarloReport.Format(rawValue: first.format) ?? .table, samples)
    }
}
