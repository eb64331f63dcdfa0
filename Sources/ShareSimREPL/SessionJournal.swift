import AtomicFiles
import Foundation
import ShareSimCore

/// An interactive session's unsaved what-if edits, on disk as each is made, so that a crash,
/// a `kill -9` or a power cut loses none of them: the next `sharesim repl` on the same file
/// offers them back. One journal per scenario file, under the state directory beside the
/// history (`$XDG_STATE_HOME/sharesim/`), readable by its owner only, since edits may hold
/// figures the analyst has not published; removed once the edits are saved or the session
/// is left on purpose.
package struct SessionJournal: Sendable {
    package let url: URL

    /// The journal of sessions on `scenarioPath`, named after its absolute path.
    package init(directory: URL, scenarioPath: String) {
        let absolute = URL(fileURLWithPath: scenarioPath).standardizedFileURL.path
        url = directory.appendingPathComponent("session-\(SHA256.hex(absolute).prefix(16)).json")
    }

    private struct Contents: Codable {
        var file: String
        var edits: [String]
    }

    /// Writes the unsaved edits (atomically, mode 0600), or removes the journal when none
    /// are left. A journal that cannot be written is no reason to stop the session.
    package func record(file: String, edits: [String]) {
        guard !edits.isEmpty else { return remove() }
        guard let data = try? JSONEncoder().encode(Contents(file: file, edits: edits)) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? AtomicFileWriter.write(Array(data), to: url.path, newFileMode: 0o600)
    }

    /// The edits a session on this file left unsaved when it ended without leaving.
    package func unsavedEdits() -> [String] {
        guard let data = try? Data(contentsOf: url), let contents = try? JSONDecoder().decode(Contents.self, from: data) else { return [] }
        return contents.edits
    }

    package func remove() {
        unlink(url.path)
    }
}
