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
    ///
    /// Where the system offers one, the temporary file has no name while it is written
    /// (`O_TMPFILE`), so that no signal, not even SIGKILL, can leave it behind; it is linked
    /// under a temporary name only to be renamed at once. Elsewhere it is named from the
    /// start and removed if SIGINT, SIGTERM or SIGHUP ends the process.
    public static func replace(_ url: URL, mode: mode_t, owner: (uid_t, gid_t)? = nil,
                               writing body: (Int32) throws(FileError) -> Void) throws(FileError) {
        let directory = url.deletingLastPathComponent().path
        if let descriptor = unnamedFile(in: directory) {
            defer { close(descriptor) }
            let temporaryPath = "\(directory)/.\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max))"
            try write(descriptor, mode: mode, owner: owner, body)
            try TemporaryFileCleanup.guarding(temporaryPath) { () throws(FileError) in
                guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporaryPath, AT_SYMLINK_FOLLOW) == 0 else {
                    throw FileError.last()
                }
                try rename(temporaryPath, over: url.path)
            }
            return
        }
        var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .last() }
        defer { close(descriptor) }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try TemporaryFileCleanup.guarding(temporaryPath) { () throws(FileError) in
            do throws(FileError) { try write(descriptor, mode: mode, owner: owner, body) } catch {
                unlink(temporaryPath)
                throw error
            }
            try rename(temporaryPath, over: url.path)
        }
    }

    /// Gives the temporary file its owner and mode, writes it and syncs it.
    private static func write(_ descriptor: Int32, mode: mode_t, owner: (uid_t, gid_t)?,
                              _ body: (Int32) throws(FileError) -> Void) throws(FileError) {
        // Best effort: only root may give a file away. Before the mode, which a change of owner may clear bits of.
        if let (uid, gid) = owner { _ = fchown(descriptor, uid, gid) }
        guard fchmod(descriptor, mode) == 0 else { throw FileError.last() }
        try body(descriptor)
        guard fsync(descriptor) == 0 else { throw FileError.last() }
    }

    private static func rename(_ temporaryPath: String, over path: String) throws(FileError) {
        guard Foundation.rename(temporaryPath, path) == 0 else {
            let error = FileError.last()
            unlink(temporaryPath)
            throw error
        }
    }

    /// An open file in `directory` without a name (Linux's `O_TMPFILE`), or nil where the
    /// system or its file system offers none, or no /proc to link it through.
    private static func unnamedFile(in directory: String) -> Int32? {
        #if os(Linux)
        // O_TMPFILE is a macro Swift does not import: __O_TMPFILE | O_DIRECTORY.
        let unnamed: Int32 = 0o20000000 | O_DIRECTORY
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let descriptor = open(directory.isEmpty ? "." : directory, unnamed | O_WRONLY | O_CLOEXEC, 0o600)
        return descriptor >= 0 ? descriptor : nil
        #else
        return nil
        #endif
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
