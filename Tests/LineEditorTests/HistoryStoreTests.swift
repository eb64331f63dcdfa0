import Foundation
import Testing
@testable import LineEditor

struct HistoryStoreTests {
    @Test func savedEntriesLoadBackInOrder() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.url.appendingPathComponent("history"))
        try store.save(["load a.share", "run", "show totals"])
        #expect(store.load() == ["load a.share", "run", "show totals"])
    }

    @Test func fileIsPrivateEvenWhenReplacingAReadableOne() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("history")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("old\n".utf8),
                                               attributes: [.posixPermissions: 0o644]))
        try HistoryStore(url: url).save(["new"])
        #expect(try directory.permissions(of: url) == 0o600)
        var info = stat()
        #expect(stat(url.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(HistoryStore(url: url).load() == ["new"])
    }

    @Test func capKeepsTheNewestEntries() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.url.appendingPathComponent("history"), limit: 3)
        try store.save(["1", "2", "3", "4", "5"])
        #expect(store.load() == ["3", "4", "5"])
    }

    @Test func defaultLimitIsOneThousand() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.url.appendingPathComponent("history"))
        try store.save((1...1005).map { "line \($0)" })
        let loaded = store.load()
        #expect(store.limit == 1000)
        #expect(loaded.count == 1000)
        #expect(loaded.first == "line 6")
        #expect(loaded.last == "line 1005")
    }

    @Test func consecutiveDuplicatesAndEmptyEntriesAreDropped() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.url.appendingPathComponent("history"))
        try store.save(["a", "a", "b", "", "b", "a", "a"])
        #expect(store.load() == ["a", "b", "a"])
    }

    @Test func entriesWithNewlinesAndBackslashesRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("history")
        let entries = ["let x =\n  1", "path\\n stays literal", "crlf\r\nend", "trailing\\", "naïve ☃"]
        try HistoryStore(url: url).save(entries)
        #expect(HistoryStore(url: url).load() == entries)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == entries.count + 1)
        #expect(lines.first == "let x =\\n  1")
    }

    @Test func createsMissingParentDirectoriesPrivately() throws {
        let directory = try TemporaryDirectory()
        let parent = directory.url.appendingPathComponent("state/sharesim", isDirectory: true)
        let store = HistoryStore(url: parent.appendingPathComponent("history"))
        try store.save(["first"])
        #expect(store.load() == ["first"])
        #expect(try directory.permissions(of: parent) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["history"])
    }

    @Test func missingFileLoadsAsEmpty() throws {
        let directory = try TemporaryDirectory()
        #expect(HistoryStore(url: directory.url.appendingPathComponent("absent")).load() == [])
    }

    @Test func handEditedFileWithCRLFAndBlankLinesLoads() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("history")
        try Data("one\r\n\ntwo\nthree".utf8).write(to: url)
        #expect(HistoryStore(url: url).load() == ["one", "two", "three"])
    }

    @Test func saveFailsWhenTheParentIsAFile() throws {
        let directory = try TemporaryDirectory()
        let blocker = directory.url.appendingPathComponent("blocker")
        try Data().write(to: blocker)
        #expect(throws: (any Error).self) {
            try HistoryStore(url: blocker.appendingPathComponent("history")).save(["x"])
        }
    }

    @Test func defaultURLPrefersXDGStateHome() {
        let url = HistoryStore.defaultURL(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"])
        #expect(url?.path == "/x/state/sharesim/history")
    }

    @Test func defaultURLFallsBackToHome() {
        #expect(HistoryStore.defaultURL(environment: ["HOME": "/home/u"])?.path
                    == "/home/u/.local/state/sharesim/history")
    }

    @Test func defaultURLIgnoresRelativeOrEmptyXDGStateHome() {
        #expect(HistoryStore.defaultURL(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"])?.path
                    == "/home/u/.local/state/sharesim/history")
        #expect(HistoryStore.defaultURL(environment: ["XDG_STATE_HOME": "", "HOME": "/home/u"])?.path
                    == "/home/u/.local/state/sharesim/history")
    }

    @Test func defaultURLIsNilWithoutAnyBase() {
        #expect(HistoryStore.defaultURL(environment: [:]) == nil)
        #expect(HistoryStore.defaultURL(environment: ["HOME": ""]) == nil)
    }
}
