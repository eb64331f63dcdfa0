import Foundation

/// Reads a whole file of any kind that can be read — a regular file, a pipe, a FIFO,
/// /dev/stdin, /dev/null — in chunks until its end. (Foundation's `Data(contentsOf:)`
/// refuses everything but regular files, with "permission denied".)
public enum WholeFileReader {
    /// More than any scenario or run output, and a stop for /dev/zero.
    public static let limit = 1 << 30

    public static func read(_ path: String, limit: Int = limit) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last() }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, limit: limit)
    }

    /// Reads from `descriptor`'s position to its end; the caller closes it.
    public static func read(descriptor: Int32, limit: Int = limit) throws(FileError) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .last() }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileError(code: EISDIR) }
        // A regular file says its size: one past the limit is refused before a byte is read.
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit { throw tooLarge(limit) }
        var bytes: [UInt8] = []
        if info.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(info.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .last()
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw tooLarge(limit) }
            bytes += chunk[0..<count]
        }
    }

    /// EFBIG, the error of a file past `limit`.
    private static func tooLarge(_ limit: Int) -> FileError {
        let size = limit % (1 << 30) == 0 ? "\(limit >> 30) GiB" : limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return FileError(code: EFBIG, reason: "larger than \(size); is this the right file?")
    }
}
