/// The path an overlay's `use` line names its used file by. `use` paths are relative to the
/// file that says `use`, so the overlay and the file it uses can move together. Worked out
/// on the paths' text alone (no file need exist yet, and the REPL's tests use a disk of
/// their own), for the REPL's `save` and `calibrate --write` alike.
public enum OverlayPath {
    /// `used` as seen from the directory of `overlay`, each relative to `directory` unless
    /// absolute. Two paths with nothing but the root in common (`/tmp` and `/home`) keep the
    /// used file's absolute path.
    public static func relative(from overlay: String, to used: String, in directory: String) -> String {
        let overlayDir = absolute(overlay, in: directory).split(separator: "/").dropLast()
        let usedParts = absolute(used, in: directory).split(separator: "/")
        var common = 0
        while common < overlayDir.count, common < usedParts.count - 1, overlayDir[overlayDir.startIndex + common] == usedParts[common] { common += 1 }
        if common == 0 { return absolute(used, in: directory) }
        let ups = Array(repeating: "..", count: overlayDir.count - common)
        return (ups + usedParts[common...].map(String.init)).joined(separator: "/")
    }

    static func absolute(_ path: String, in directory: String) -> String {
        standardized(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// Without `.` parts and with each `..` taking the part before it away.
    public static func standardized(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") where p != "." {
            if p == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(p) }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
