import Foundation
import ShareSimCore
import ShareSimREPL
import ShareSimTestSupport
import Testing

/// The session with strings in and strings out: no terminal, files in memory.
@Suite struct SessionTests {
    /// A session whose disk is a dictionary, so saves can be inspected.
    final class Disk: @unchecked Sendable {
        var files: [String: String] = [:]
        let lock = NSLock()
        func read(_ p: String) throws -> Data {
            lock.lock(); defer { lock.unlock() }
            if let t = files[p] { return Data(t.utf8) }
            return try Data(contentsOf: URL(fileURLWithPath: Fixtures.packageRoot.appendingPathComponent(p).path))
        }
        func write(_ text: String, _ p: String) {
            lock.lock(); defer { lock.unlock() }
            files[p] = text
        }
    }

    let disk = Disk()
    var session: Session

    init() {
        let disk = self.disk
        session = Session(environment: SessionEnvironment(
            inputName: "<input>", width: 80, readFile: { try disk.read($0) }, writeFile: { disk.write($0, $1) }))
    }

    @discardableResult
    func type(_ text: String, line: Int = 1) -> Reply {
        session.execute(InputAssembler.Input(text: text, line: line))
    }

    @Test func loadRunAndShow() {
        #expect(type("load scenarios/ofac-easing.scn").output
                == "loaded scenarios/ofac-easing.scn: OFAC easing (GL 25), April 2022 — 6 vendors, 1 segment, 3 events, 2021-01 to 2027-12\n")
        let run = type("run as base")
        #expect(run.output.hasPrefix("base: OFAC easing (GL 25), April 2022 — installed share by vendor\n"))
        #expect(run.output.contains("expect: 4 passed, 0 failed"))
        let show = type("show at 2022-12 --share sales --by origin")
        #expect(show.output.contains("RU       24.6%"))
        #expect(session.runNames == ["base"])
    }

    @Test func whatIfEditsAreCheckedAndUndoable() {
        type("load scenarios/ofac-easing.scn")
        #expect(!session.hasUnsavedEdits)
        let bad = type("share telecom: Huawei 45", line: 2)
        #expect(bad.failed && bad.status == 65)
        #expect(bad.error.contains("<input>:2:23: error: a share of 45 is not a fraction"))
        #expect(!session.hasUnsavedEdits)
        #expect(type("drop event \"OFAC GL 25\"", line: 3).error == "")
        #expect(session.hasUnsavedEdits)
        #expect(type("diff").output == "what-if edits against scenarios/ofac-easing.scn:\n+ drop event \"OFAC GL 25\"\nchanges: 10 in the file, 8 with the edits\n")
        #expect(type("undo").output == "undone; 0 what-if edits now\n")
        #expect(!session.hasUnsavedEdits)
    }

    @Test func quittingWarnsOnceAboutUnsavedEdits() {
        type("load scenarios/ofac-easing.scn")
        type("vendor Newco origin RU")
        let first = session.requestQuit()
        #expect(!first.quit && first.error.contains("1 unsaved what-if edit"))
        #expect(session.requestQuit().quit)
    }

    @Test func saveWritesAnOverlayThatLoadsBack() {
        type("load scenarios/ofac-easing.scn")
        type("move event \"OFAC GL 25\" to 2023-04-07")
        #expect(type("save scenarios/ofac-easing.scn").failed)
        #expect(type("save out/late.scn").output == "saved 1 what-if edit to out/late.scn\n")
        #expect(disk.files["out/late.scn"] == "# What-if edits saved from a sharesim session.\nuse \"../scenarios/ofac-easing.scn\"\n\nmove event \"OFAC GL 25\" to 2023-04-07\n")
        #expect(!session.hasUnsavedEdits)
    }

    @Test func eventBlocksReplaceTheLoadedEvent() {
        type("load scenarios/ofac-easing.scn")
        type("run as base")
        #expect(type("event \"Western vendors leave\" 2022-03:\n  access origin US, EU in telecom to 5%", line: 3).error == "")
        type("run as half")
        let compare = type("compare base half at 2023-01 --by origin --share sales")
        #expect(compare.output.hasPrefix("A  base\nB  half\nsales share by origin: B − A in percentage points; tolerance 0\n"))
        #expect(compare.output.contains("EU       2022-03    -1.93  2022-03    -1.73"))
    }

    @Test func unknownCommandSuggests() {
        let r = type("lod scenarios/ofac-easing.scn", line: 7)
        #expect(r.failed)
        #expect(r.error.hasPrefix("<input>:7:1: error: unknown command 'lod'\n"))
        #expect(r.error.contains("help: did you mean 'load'?"))
    }

    @Test func completionOffersCommandsNamesAndEvents() {
        type("load scenarios/ofac-easing.scn")
        #expect(session.completions(line: "ex", cursor: 2).candidates == ["export", "explain", "expect"])
        #expect(session.completions(line: "explain Cis", cursor: 11).candidates == ["Cisco"])
        #expect(session.completions(line: "drop event \"OF", cursor: 14).candidates == ["\"OFAC GL 25\""])
        #expect(session.completions(line: "show --by o", cursor: 11).candidates == ["origin"])
    }

    @Test func helpCoversEveryCommandWithAnExample() {
        let all = type("help").output
        #expect(all.split(separator: "\n").allSatisfy { $0.count <= 80 })
        for name in ["load", "run", "runs", "show", "compare", "drop", "undo", "reset", "diff", "save", "export", "plot", "sources", "explain", "timing", "help", "quit"] {
            #expect(all.contains("  \(name) "), "\(name) missing from help")
            #expect(type("help \(name)").output.contains("example: "), "\(name) has no example")
        }
    }

    @Test func plotFitsTheWidth() {
        type("load scenarios/china-chip-share.scn")
        type("run")
        let chart = type("plot --by origin").output
        #expect(chart.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(chart.contains("● CN   ○ HK   ◆ US   ■ EU   ▲ AS"))
    }
}

@Suite struct InputAssemblerTests {
    @Test func terminalBlocksCloseOnAnEmptyLine() {
        var a = InputAssembler(interactive: true)
        #expect(a.feed("event \"X\" 2022:").isEmpty)
        #expect(a.isInBlock)
        #expect(a.feed("  access A to 0%").isEmpty)
        #expect(a.feed("") == [.init(text: "event \"X\" 2022:\n  access A to 0%", line: 1)])
    }

    @Test func discardingABlockKeepsCountingLines() {
        var a = InputAssembler(interactive: true)
        _ = a.feed("event \"X\" 2022:")
        a.discardBlock()
        #expect(!a.isInBlock)
        #expect(a.feed("runs") == [.init(text: "runs", line: 2)])
    }

    @Test func pipedBlocksCloseOnTheNextUnindentedLine() {
        var a = InputAssembler(interactive: false)
        _ = a.feed("event \"X\" 2022: # comment")
        _ = a.feed("  access A to 0%")
        _ = a.feed("")
        #expect(a.feed("run") == [.init(text: "event \"X\" 2022: # comment\n  access A to 0%", line: 1), .init(text: "run", line: 4)])
    }
}

@Suite struct TranscriptTests {
    @Test func parsesPromptsContinuationsAndOutput() {
        let entries = Transcript.parse("sharesim> event \"X\" 2022:\n   ...>   access A to 0%\nsharesim> runs\nno runs yet\n")
        #expect(entries.map(\.input) == ["event \"X\" 2022:\n  access A to 0%", "runs"])
        #expect(entries[1].expected == ["no runs yet"])
        #expect(entries[1].line == 3)
        #expect(entries[1].inputLine == 3)
    }

    @Test func reportsTheFirstMismatchWithItsLine() {
        let entries = Transcript.parse("sharesim> runs\nno runs at all\n")
        let m = Transcript.replay(entries, in: Session(environment: SessionEnvironment()))
        #expect(m == Transcript.Mismatch(line: 2, input: "runs", expected: "no runs at all", actual: "no runs yet; 'run' or 'run as NAME' makes one"))
    }
}
