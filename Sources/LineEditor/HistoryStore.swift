import AtomicFiles
import Foundation

/// Where REPL history persists between sessions, and the rules that keep the
/// file private, bounded and safe to rewrite after every line.
public struct HistoryStore: Sendable {
    public let url: URL
    /// Entries kept on disk, so the file cannot grow without bound.
    public let limit: Int

    /// Follows the XDG base-directory spec (history is state, not config or
    /// cache): `$XDG_STATE_HOME/sharesim/history`, else
    /// `$HOME/.local/state/sharesim/history`. `nil` when neither is usable,
    /// so callers can run without history rather than write somewhere odd.
    public static func defaultURL(environment: [String: String]) -> URL? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state, isDirectory: true)
                .appendingPathComponent("sharesim", isDirectory: true)
                .appendingPathComponent("history", isDirectory: false)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".local/state/sharesim", isDirectory: true)
                .appendingPathComponent("history", isDirectory: false)
        }
        return nil
    }

    public init(url: URL, limit: Int = 1000) {
        self.url = url
        self.limit = max(0, limit)
    }

    /// Oldest first. A missing or unreadable file is an empty history: losing
    /// recall must never stop the REPL from starting.
    public func load() -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        return normalized(HistoryFileFormat.decode(Array(data)))
    }

    /// Rewrites the whole file atomically with mode 0600 (history may hold
    /// sensitive input), creating missing parent directories with mode 0700.
    /// Keeps the newest `limit` entries and drops empty entries and
    /// consecutive duplicates.
    /// Throws a `FileError`, whose reason ("permission denied") fits a one-line warning.
    public func save(_ entries: [String]) throws(FileError) {
        try Self.createDirectories(url.deletingLastPathComponent().path)
        let contents = HistoryFileFormat.encode(normalized(entries))
        try AtomicFileWriter.replace(url, with: Array(contents.utf8), mode: 0o600)
    }

    /// `mkdir -p` with mode 0700, reporting the failing call's errno rather than a
    /// Foundation error dump.
    private static func createDirectories(_ path: String) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            var info = stat()
            if stat(prefix, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else { throw FileError(code: ENOTDIR) }
                continue
            }
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw FileError(code: errno) }
        }
    }

    private func normalized(_ entries: [String]) -> [String] {
        var kept: [String] = []
        for entry in entries where !entry.isEmpty && entry != kept.last {
            kept.append(entry)
        }
        return Array(kept.suffix(limit))
    }
}
