import AtomicFiles
import Foundation

/// Writes a file so that it is either entirely there or not changed at all (see
/// `AtomicFileWriter`): an interrupted save never leaves a half-written scenario or report.
/// A file that exists keeps its permissions.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        try AtomicFileWriter.replace(URL(fileURLWithPath: path), with: Array(text.utf8), mode: mode)
    }
}
