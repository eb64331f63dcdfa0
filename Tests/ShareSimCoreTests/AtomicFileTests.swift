import AtomicFiles
import Foundation
import ShareSimCore
import Testing

/// Where `AtomicFile.write` puts bytes when the path is a chain of symlinks, and how
/// file errors read. (Pipes and devices are covered end to end in FileHandlingTests.)
@Suite struct AtomicFileTests {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
    }

    func link(_ name: String, _ target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + name, withDestinationPath: target)
    }

    func contents(_ name: String) throws -> String { try String(contentsOfFile: root + "/" + name, encoding: .utf8) }

    /// An unnamed temporary file (Linux's O_TMPFILE): while the contents are written nothing
    /// is beside the destination, so a kill at that moment, even SIGKILL, leaves nothing.
    @Test func whileTheContentsAreWrittenTheTemporaryFileHasNoName() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        nonisolated(unsafe) var seen: [String] = []
        try AtomicFileWriter.write(to: root + "/sub/out.csv") { descriptor throws(FileError) in
            seen = (try? FileManager.default.contentsOfDirectory(atPath: root + "/sub")) ?? ["unreadable"]
            try AtomicFileWriter.writeAll(Array("a,b\n".utf8), to: descriptor)
        }
        #expect(seen == [])
        #expect(try contents("sub/out.csv") == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/sub") == ["out.csv"])
    }

    @Test func aChainOfRelativeLinksIsFollowedFromEachLinksDirectory() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "old".write(toFile: root + "/target.txt", atomically: false, encoding: .utf8)
        try link("sub/inner", "../target.txt")
        try link("outer", "sub/inner")
        try AtomicFile.write("new", to: root + "/outer")
        #expect(try contents("target.txt") == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/outer") == "sub/inner")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/sub/inner") == "../target.txt")
    }

    @Test func aLoopOfLinksIsAnErrorAndChangesNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try link("a", "b")
        try link("b", "a")
        #expect {
            try AtomicFile.write("new", to: root + "/a")
        } throws: { error in
            AtomicFile.reason(error) == "too many levels of symbolic links"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["a", "b", "sub"])
    }

    @Test func readErrorsSayWhyInPlainWords() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, reason) in [(root + "/sub", "is a directory"), (root + "/none.scn", "no such file")] {
            #expect {
                _ = try ScenarioLoader.readWholeFile(path)
            } throws: { error in
                AtomicFile.reason(error) == reason && error.localizedDescription == reason
            }
        }
        // Foundation's own errors lose their boilerplate too.
        do { _ = try Data(contentsOf: URL(fileURLWithPath: root + "/none")) } catch {
            #expect(AtomicFile.reason(error) == "no such file or directory")
        }
    }
}
