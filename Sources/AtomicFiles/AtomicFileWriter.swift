import Foundation

/// Replaces a file so that readers, and a session killed mid-write, see either
/// the old contents or the new, never a torn file.
public enum AtomicFileWriter {
    /// Writes a temporary file beside `url` (rename is only atomic within one
    /// file system), gives it `mode`, syncs it, then renames it over `url`.
    public static func replace(_ url: URL, with bytes: [UInt8], mode: mode_t) throws {
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw currentError() }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw currentError() }
            try writeAll(bytes, to: descriptor)
            guard fsync(descriptor) == 0 else { throw currentError() }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, url.path) == 0 else {
            let error = currentError()
            unlink(temporaryPath)
            throw error
        }
    }

    /// Loops because write() may be partial, and may fail with EINTR since the
    /// SIGINT handler deliberately does not restart system calls.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw currentError()
                }
                offset += written
            }
        }
    }

    private static func currentError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
