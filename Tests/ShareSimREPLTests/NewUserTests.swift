import Foundation
import ShareSimCore
@testable import ShareSimREPL
import ShareSimTestSupport
import Testing

/// What a new user hit at the prompt (issue 7, item 8), each as the session answers it.
@Suite struct NewUserTests {
    let disk = SessionTests.Disk()
    let session: Session

    init() {
        let disk = self.disk
        session = Session(environment: SessionEnvironment(
            inputName: "<input>", width: 80, readFile: { try disk.read($0) }, writeFile: { disk.write($0, $1) }))
    }

    @discardableResult
    func type(_ text: String, line: Int = 1) -> Reply {
        session.execute(InputAssembler.Input(text: text, line: line))
    }

    /// The vendor rows of a table's first block, by name.
    static func rowNames(_ table: String) -> [String] {
        table.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("vendor") }.dropFirst().prefix { !$0.isEmpty }
            .map { String($0.split(separator: " ")[0]) }
    }

    @Test func showAndCompareKeepOnlyTheVendorsNamed() {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("drop event \"OFAC GL 25\"")
        type("run as b")
        let shown = type("show telecom Huawei Cisco at 2022-01,2024-01")
        #expect(Self.rowNames(shown.output) == ["Huawei", "Cisco"])
        let compared = type("compare a b Cisco ZTE")
        #expect(Self.rowNames(compared.output) == ["ZTE", "Cisco"])
        #expect(compared.output.contains("2 of 3 vendors differ"))  // ZTE sells base stations too
        // An origin names its vendors.
        #expect(Self.rowNames(type("show EU").output) == ["Ericsson", "Nokia"])
        let none = type("show Nokia --by origin")
        #expect(none.failed && none.error == "--by origin shows origins, not vendors: name EU instead of Nokia\n")
        let plot = type("plot telecom Huawei Cisco --by origin")
        #expect(plot.error.contains("'Huawei' is a vendor; --by origin draws origins: name CN"))
    }

    /// `save` after loading resolved JSON wrote `use "x.json"`, which `use` cannot read.
    @Test func savingAfterLoadingResolvedJSONWritesAFileThatLoads() throws {
        let scenario = try ScenarioLoader().load(path: Fixtures.scenarioPath("china-chip-share")).scenario
        disk.write(ResolvedJSON.encode(scenario).pretty + "\n", "chips.json")
        #expect(!type("load chips.json").failed)
        let saved = type("save again.scn")
        #expect(saved.output == "saved the resolved scenario as JSON to again.scn\n")
        let reloaded = type("load again.scn")
        #expect(!reloaded.failed, "\(reloaded.error)")
        let run = type("run")
        #expect(!run.failed && run.output.contains("China's chip share of Russian imports — installed share by vendor"))
    }

    @Test func undoSaysWhatItUndid() {
        type("load scenarios/ofac-easing.scn")
        type("vendor Newco origin RU")
        type("event \"Late\" 2025-01:\n  access Cisco in telecom to 0%")
        #expect(type("undo").output == "undid 'event \"Late\" 2025-01: …'; 1 what-if edit now\n")
        type("reset")
        #expect(type("undo").output == "undid reset; 1 what-if edit now\n")
        type("load scenarios/china-chip-share.scn")
        #expect(type("undo").output == "undid load scenarios/china-chip-share.scn; back to scenarios/ofac-easing.scn\n  with 1 what-if edit\n")
    }

    @Test func quarterlyTimelinesLabelQuartersAndInspectTellsTheTrueEnd() throws {
        let text = """
            scenario "Q"
            timeline 2021-01 to 2028-12 quarterly
            segment s lifetime 5y size 1M USD
            vendor A origin US
            vendor B origin CN
            share s 2021-01: A 50%, B 50%

            """
        let scenario = try Fixtures.resolve(text)
        #expect(scenario.timeline.label(ofStep: 31) == "2028-Q4")
        #expect(scenario.timeline.label(ofStep: 1) == "2021-Q2")
        #expect(ScenarioSummary.render(scenario).contains("timeline  2021-01 to 2028-12, 32 quarterly steps"))
        let table = TableReport(width: 80).render(try Engine.run(scenario))
        #expect(table.contains("vendor origin 2021-Q1 2023-Q1 2025-Q1 2027-Q1 2028-Q4"))
    }

    /// The REPL takes the batch commands' option spellings as well as its own words.
    @Test func batchSpellingsWorkAtThePrompt() {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("drop event \"OFAC GL 25\"")
        type("run as b")
        let batch = type("show a --at 2022-01,2024-01 --share sales --by origin")
        let words = type("show a at 2022-01,2024-01 share sales by origin")
        #expect(!batch.failed && batch.output == words.output)
        #expect(batch.output.contains("sales share by origin") && batch.output.contains("origin 2022-01 2024-01"))
        let loose = type("compare a b --tolerance 5%")
        #expect(loose.output.contains("within tolerance: no vendor differs by more than 5 points"))
        #expect(type("compare a b tolerance 0.05").output == loose.output)
        let points = type("compare a b --tolerance 5")
        #expect(points.failed && points.error.contains("--tolerance 5 would allow 500 percentage points"))
        let mc = type("montecarlo 20 --seed 3 --bands 10,90 --at 2023-01")
        #expect(!mc.failed && mc.output == type("montecarlo 20 seed 3 bands 10,90 at 2023-01").output)
    }

    /// Tab quotes a path with a space, as `load` reads it; `~` is the home directory in
    /// completion and in `load`, `save`, `export` and `chart -o`.
    @Test func pathsWithSpacesAreQuotedAndTildeIsHome() {
        let disk = self.disk
        let listing: [String: [String]] = ["/home/ana/": ["my runs"], "/home/ana/my runs/": ["a b.scn", "c.scn"], ".": ["my runs"], "my runs/": ["c.scn"]]
        let session = Session(environment: SessionEnvironment(
            inputName: "<input>", width: 80, readFile: { try disk.read($0) }, writeFile: { disk.write($0, $1) },
            listDirectory: { listing[$0.hasSuffix("/") || $0 == "." ? $0 : $0 + "/"] ?? [] }, homeDirectory: "/home/ana"))
        #expect(session.completions(line: "load my", cursor: 7).candidates == ["\"my runs/"])
        #expect(session.completions(line: "load \"my runs/", cursor: 15).candidates == ["\"my runs/c.scn\""])
        #expect(session.completions(line: "load ~/my", cursor: 9).candidates == ["\"~/my runs/"])
        #expect(session.completions(line: "load \"~/my runs/a", cursor: 18).candidates == ["\"~/my runs/a b.scn\""])

        disk.write(try! String(contentsOf: Fixtures.packageRoot.appendingPathComponent("scenarios/ofac-easing.scn"), encoding: .utf8), "/home/ana/my runs/a b.scn")
        #expect(session.execute(InputAssembler.Input(text: "load \"~/my runs/a b.scn\"", line: 1)).output.hasPrefix("loaded /home/ana/my runs/a b.scn"))
        session.execute(InputAssembler.Input(text: "run", line: 2))
        session.execute(InputAssembler.Input(text: "export csv ~/out.csv", line: 3))
        session.execute(InputAssembler.Input(text: "vendor Newco origin RU", line: 4))
        session.execute(InputAssembler.Input(text: "save ~/what-if.scn", line: 5))
        #expect(disk.files["/home/ana/out.csv"]?.hasPrefix("step,date,segment,vendor") == true)
        #expect(disk.files["/home/ana/what-if.scn"]?.contains("use \"my runs/a b.scn\"") == true)
        let chart = session.execute(InputAssembler.Input(text: "chart -o ~/shares.svg", line: 6))
        #expect(chart.output == "wrote the lines chart of run1 to /home/ana/shares.svg\n")
        #expect(disk.files["/home/ana/shares.svg"]?.hasPrefix("<svg") == true)
    }
}
