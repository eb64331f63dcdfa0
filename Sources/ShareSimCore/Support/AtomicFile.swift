import AtomicFiles
import Foundation

/// Writes a file so that it is either entirely there or not changed at all (see
/// `AtomicFileWriter`): an interrupted save never leaves a half-written scenario or report.
/// A file that exists keeps its permissions; a symlink stays a link (the file it points
/// to is replaced); a pipe or a device is written to directly.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try AtomicFileWriter.write(Array(text.utf8), to: path)
    }

    /// Throws what writing `path` would meet now (a missing directory, say), so that a
    /// long computation is not wasted on an output it cannot write. See `FileDestination`.
    public static func checkWritable(_ path: String) throws {
        try FileDestination.checkWritable(path)
    }

    /// Writes all of `text` to an open descriptor (standard output), reporting a failure
    /// (a full disk, a closed pipe) instead of crashing as `FileHandle.write` does.
    public static func write(_ text: String, toDescriptor descriptor: Int32) throws {
        try AtomicFileWriter.writeAll(Array(text.utf8), to: descriptor)
    }

    /// Why a file could not be read or written, in the OS's words, lowercased:
    /// "is a directory", not "The operation could not be completed. Is a directory".
    public static func reason(_ error: Error) -> String {
        if let error = error as? FileError { return error.reason }
        let ns = error as NSError
        // On Linux Foundation's errors wrap a `POSIXError`, which `as? NSError` does not match.
        let posix = ns.domain == NSPOSIXErrorDomain ? ns : (ns.userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
        if let posix, posix.domain == NSPOSIXErrorDomain { return FileError(code: Int32(posix.code)).reason }
        return ns.localizedDescription
    }
}
