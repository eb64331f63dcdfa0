import Foundation

/// Replaces a file so that readers, and a session killed mid-write, see either
/// the old contents or the new, never a torn file.
public enum AtomicFileWriter {
    /// Writes a temporary file beside `url` (rename is only atomic within one
    /// file system), gives it `mode` (and `owner`, where the process may), syncs it,
    /// then renames it over `url`.
    public static func replace(_ url: URL, with bytes: [UInt8], mode: mode_t, owner: (uid_t, gid_t)? = nil) throws(FileError) {
        try replace(url, mode: mode, owner: owner) { descriptor throws(FileError) in try writeAll(bytes, to: descriptor) }
    }

    /// As `replace(_:with:mode:owner:)`, with `body` writing the contents to the temporary
    /// file's descriptor: for contents too large to hold twice (a Monte Carlo part).
    public static func replace(_ url: URL, mode: mode_t, owner: (uid_t, gid_t)? = nil,
                               writing body: (Int32) throws(FileError) -> Void) throws(FileError) {
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .last() }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FileError) {
            defer { close(descriptor) }
            // Best effort: only root may give a file away. Before the mode, which a change of owner may clear bits of.
            if let (uid, gid) = owner { _ = fchown(descriptor, uid, gid) }
            guard fchmod(descriptor, mode) == 0 else { throw FileError.last() }
            try body(descriptor)
            guard fsync(descriptor) == 0 else { throw FileError.last() }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, url.path) == 0 else {
            let error = FileError.last()
            unlink(temporaryPath)
            throw error
        }
    }

    /// Loops because write() may be partial, and may fail with EINTR since the
    /// SIGINT handler deliberately does not restart system calls.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(FileError) {
        let failure: FileError? = bytes.withUnsafeBytes { buffer in
            do throws(FileError) { try writeAll(buffer, to: descriptor) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws(FileError) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .last()
            }
            offset += written
        }
    }
}
