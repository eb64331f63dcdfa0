import Foundation
import ShareSimCore
@testable import ShareSimREPL
import ShareSimTestSupport
import Testing

/// The session's view of v2 statements: completion of channels, help on `channel` and
/// `observe`, `explain` and `sources` for routes and observations.
@Suite struct SessionChannelTests {
    static let scenario = """
        timeline 2021-01 to 2023-12 monthly
        segment chips lifetime 1 month size 150M USD
        vendor Intel origin US
        vendor Loongson origin CN
        channel "HK intermediaries" records HK   [seed 003]
        share chips: Intel 70%, Loongson 30%
        event "Controls" 2022-03:
          access Intel to 10%
          access Intel via "HK intermediaries" to 40% until 2023-01
        observe sales share recorded origin CN, HK: 2023 85% [seed 003]

        """

    let session: Session

    init() {
        session = Session(environment: SessionEnvironment(
            inputName: "<input>", width: 100,
            readFile: { p in
                guard p == "chips.scn" else { throw CocoaError(.fileReadNoSuchFile) }
                return Data(Self.scenario.utf8)
            }, writeFile: { _, _ in }))
        _ = session.execute(InputAssembler.Input(text: "load chips.scn", line: 1))
    }

    func type(_ text: String) -> Reply { session.execute(InputAssembler.Input(text: text, line: 1)) }

    @Test func completionOffersChannelsAfterVia() {
        #expect(session.completions(line: "access Intel via ", cursor: 17).candidates == ["direct", "\"HK intermediaries\""])
        #expect(session.completions(line: "expect sales share recorded ", cursor: 28).candidates == ["origin"])
    }

    @Test func helpShowsChannelAndObserve() {
        #expect(type("help channel").output.contains("example: channel \"HK intermediaries\" records HK"))
        #expect(type("help observe").output.contains("example: observe sales share recorded origin CN, HK in chips"))
        #expect(type("help friction").output.contains("example: friction origin US via \"HK intermediaries\" in chips markup 8%"))
        #expect(type("help access").output.contains("'to' sets, 'by' adds, 'times' scales"))
    }

    @Test func explainAChannelListsItsDeclarationAndChanges() {
        let out = type("explain \"HK intermediaries\"").output
        #expect(out.contains("channel HK intermediaries records = HK  set at chips.scn:5 (loaded file)  [seed 003]"))
        #expect(out.contains("2022-03 access Intel via \"HK intermediaries\" in chips → 40.0% until 2023-01"))
        #expect(!out.contains("→ 10.0%"))
    }

    @Test func explainAnOriginListsWhatIsObservedOfIt() {
        let out = type("explain HK").output
        #expect(out.hasPrefix("observed (fit) sales share recorded origin CN, HK in chips at 2023-01 = 85.0%  [seed 003]"))
        #expect(out.contains("(chips.scn:10)"))
    }

    /// One check observation: "1 check passed", not "1 checks passed".
    @Test func aRunCountsItsChecksInTheSingular() {
        _ = type("observe sales share Loongson in chips ± 1%: 2021 30% [seed 003] check")
        let out = type("run").output
        #expect(out.contains("\nobserve: 1 check passed, 0 failed\n"))
    }

    @Test func sourcesListChannelsAndObservations() {
        let out = type("sources seed").output
        #expect(out.contains("channel HK intermediaries records"))
        #expect(out.contains("observe sales share recorded origin CN, HK in chips at 2023"))
    }
}
