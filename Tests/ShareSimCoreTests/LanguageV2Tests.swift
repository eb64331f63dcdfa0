import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// The v2 statements, each parsed and resolved to the values the engine receives: channels
/// and `via`, `friction` and markups, `to`/`by`/`times`, `until`, `observe`, and selectors
/// in every view.
@Suite struct LanguageV2Tests {
    static let base = """
        timeline 2021-01 to 2023-12 monthly
        segment chips lifetime 1 month size 150M USD
        buyers chips: government 20%, firms 80%
        vendor Intel origin US
        vendor Infineon origin EU
        vendor Loongson origin CN
        channel "HK intermediaries" records HK   [seed 003]
        channel parallel
        share chips: Intel 50%, Infineon 30%, Loongson 20%

        """

    func resolve(_ text: String, files: [String: String] = [:]) throws -> ResolvedScenario {
        try Fixtures.resolve(Self.base + text, files: files)
    }

    @Test func channelsAreDeclaredInOrderWithWhatTheyRecord() throws {
        let r = try resolve("")
        #expect(r.channels == [Channel(id: "HK intermediaries", records: "HK"), Channel(id: "parallel", records: nil)])
        #expect(r.provenance.contains { $0.subject == "channel HK intermediaries records" && $0.value == "HK" && $0.tag == "seed 003" })
    }

    @Test func viaNamesTheRouteOfAnAccessChange() throws {
        let r = try resolve("""
            event "Controls" 2022-03:
              access origin US via "HK intermediaries" in chips to 40% over 3 months
              access Intel, Infineon to 5%
            """)
        #expect(r.changes.map(\.channel) == ["HK intermediaries", nil, nil])
        #expect(r.changes.map(\.vendor) == ["Intel", "Intel", "Infineon"])
        #expect(r.changes[0].operation == .to && r.changes[0].value == 0.4 && r.changes[0].over == 3 && r.changes[0].at == 14)
    }

    @Test func viaTakesSeveralRoutesAndDirect() throws {
        let r = try resolve("""
            event "Open" 2022-03:
              access Intel via direct, parallel for firms to 50%
            """)
        #expect(r.changes.map(\.channel) == [nil, "parallel"])
        #expect(r.changes.allSatisfy { $0.buyer == "firms" })
    }

    @Test func aMarkupIsAFrictionOfMinusLnOnePlusTheMarkup() throws {
        let r = try resolve("""
            event "Routes" 2022-03:
              friction Intel via parallel markup 8%
              friction Infineon via "HK intermediaries" to -0.3
              friction Loongson via parallel by markup 5%
            """)
        #expect(r.changes.map(\.field) == [.friction, .friction, .friction])
        #expect(abs(r.changes[0].value - -log(1.08)) < 1e-15 && r.changes[0].operation == .to)
        #expect(r.changes[1].value == -0.3)
        #expect(abs(r.changes[2].value - -log(1.05)) < 1e-15 && r.changes[2].operation == .by)
    }

    @Test func byAddsPointsOrUtilityAndTimesScales() throws {
        let r = try resolve("""
            event "Easing" 2022-04:
              access Intel for government by +40 points
              access Infineon times 0.5 over 6 months
              shift Loongson by -0.2
              trend Loongson by 0.1/y
              growth chips by -2 points
            """)
        #expect(r.changes.map(\.operation) == [.by, .times, .by, .by, .by])
        #expect(r.changes.map(\.value) == [0.4, 0.5, -0.2, 0.1, -0.02])
        #expect(r.changes[1].over == 6)
    }

    @Test func untilOnAnEventEndsEveryChangeWithoutItsOwn() throws {
        let r = try resolve("""
            event "Price war" 2022-01 until 2022-12:
              shift Loongson by +0.2
              shift Intel by -0.1 until 2022-06
              access Infineon to 50% until 2030-01
            """)
        #expect(r.changes.map(\.until) == [23, 17, nil])
    }

    @Test func aMovedEventKeepsItsLength() throws {
        let files = ["base.scn": Self.base + "event \"War\" 2022-01 until 2022-12:\n  shift Loongson by +0.2 until 2022-03\n"]
        let r = try Fixtures.resolve("use \"base.scn\"\nmove event \"War\" to 2023-01\n", path: "over.scn", files: files)
        #expect(r.changes.map(\.at) == [24])
        #expect(r.changes.map(\.until) == [26])
    }

    @Test func anInlineObservationResolvesToItsViewKeysAndRole() throws {
        let r = try resolve("""
            observe sales share recorded origin CN, HK in chips ± 3%: 2021-06 27%, 2023 85% ± 2% [seed 003] check
            observe installed share Intel for government: 2022 40%
            observe sales via direct, parallel: 2022-01 100M
            """)
        #expect(r.observations.count == 4)
        let o = r.observations[0]
        #expect(o.at == 5 && o.segment == "chips" && o.measure == .salesShare && o.view == .recorded && o.keys == ["CN", "HK"])
        #expect(o.value == 0.27 && o.uncertainty == 0.03 && o.role == .check && o.source == "seed 003")
        #expect(r.observations[1].at == 24 && r.observations[1].value == 0.85 && r.observations[1].uncertainty == 0.02)
        let b = r.observations[2]
        #expect(b.view == .buyer && b.buyer == "government" && b.keys == ["Intel"] && b.role == .fit && b.uncertainty == nil)
        #expect(r.observations[3].view == .channel && r.observations[3].keys == ["direct", "parallel"] && r.observations[3].value == 1e8)
    }

    @Test func observationsFromATidyCSVFile() throws {
        let csv = """
            date,Intel,origin EU,"recorded origin CN, HK"
            2021-01,50%,30%,20%
            2022-06,,10%,0.8

            """
        let r = try resolve("observe from \"obs.csv\" sales share in chips ± 2% [FACTS: customs] check\n", files: ["obs.csv": csv])
        #expect(r.observations.map(\.at) == [0, 0, 0, 17, 17])
        #expect(r.observations.map(\.view) == [.vendor, .origin, .recorded, .origin, .recorded])
        #expect(r.observations.map(\.keys) == [["Intel"], ["EU"], ["CN", "HK"], ["EU"], ["CN", "HK"]])
        #expect(r.observations.map(\.value) == [0.5, 0.3, 0.2, 0.1, 0.8])
        #expect(r.observations.allSatisfy { $0.role == .check && $0.uncertainty == 0.02 && $0.source == "FACTS: customs" })
        #expect(r.observations[4].location == ShareSimCore.SourceLocation(file: "obs.csv", line: 3, column: 14, length: 3))
    }

    @Test func expectationsSelectEveryView() throws {
        let r = try resolve("""
            expect sales share recorded origin CN, HK in chips at 2021-01 = 20% ± 1%
            expect sales share Intel for government at 2021-01 = 50% ± 1%
            expect installed share via parallel at 2021-01 = 0% ± 1%
            expect installed share origin US, EU at 2021-01 = 80% ± 1%
            expect sales share Intel, Loongson at 2021-01 = 70% ± 1%
            """)
        #expect(r.expectations.map(\.view) == [.recorded, .buyer, .channel, .origin, .vendor])
        #expect(r.expectations.map(\.keys) == [["CN", "HK"], ["Intel"], ["parallel"], ["US", "EU"], ["Intel", "Loongson"]])
        #expect(r.expectations[1].buyer == "government")
    }

    @Test func pointsAreOnlyForPercentages() {
        let text = Fixtures.diagnostics(Self.base + "event \"x\" 2022: shift Intel by +40 points\n")
        #expect(text.contains("test.scn:10:32: error: a shift is not a percentage: '+40 points' adds percentage points"))
        let ambiguous = Fixtures.diagnostics(Self.base + "event \"x\" 2022: access Intel by 40%\n")
        #expect(ambiguous.contains("error: 'by 40%' on access is ambiguous"))
        #expect(ambiguous.contains("help: to add percentage points write 'by +40 points'; to scale write 'times 1.4'"))
    }

    @Test func anUnknownChannelSuggestsTheClosest() {
        let text = Fixtures.diagnostics(Self.base + "event \"x\" 2022: access Intel via paralel to 10%\n")
        #expect(text.contains("test.scn:10:34: error: unknown channel 'paralel'"))
        #expect(text.contains("help: did you mean 'parallel'?"))
    }

    @Test func viaOnAShiftIsRefused() {
        let text = Fixtures.diagnostics(Self.base + "event \"x\" 2022: shift Intel via parallel by -1\n")
        #expect(text.contains("error: only access and friction differ by channel; shift is the brand's, whatever the route"))
    }

    @Test func untilBeforeTheStartIsRefused() {
        let text = Fixtures.diagnostics(Self.base + "event \"x\" 2022-06 until 2022-01: shift Intel by -1\n")
        #expect(text.contains("test.scn:10:25: error: the change ends (until 2022-01) before it starts (2022-06)"))
    }

    @Test func timesOnAClosedChannelIsAWarning() throws {
        let loader = ScenarioLoader(readFile: { _ in Data((Self.base + "event \"x\" 2022: access Intel via parallel times 2\n").utf8) })
        let loaded = try loader.load(path: "test.scn")
        #expect(loaded.warnings.map(\.message) == ["'times' does nothing here: the access of 'Intel' via 'parallel' is still 0, its default"])
    }

    @Test func aCheckObservationNeedsAnUncertainty() {
        let text = Fixtures.diagnostics(Self.base + "observe sales share Intel: 2022 40% check\n")
        #expect(text.contains("error: a check observation needs an uncertainty"))
    }

    @Test func pointsMayBeGluedOrWrittenOut() throws {
        let r = try resolve("event \"x\" 2022: access Intel by +40pp\nevent \"y\" 2022-02: access Intel by -10 pts\n")
        #expect(r.changes.map(\.value) == [0.4, -0.1])
    }

    @Test func mistakesInTheNewClausesAreEachExplained() {
        let cases: [(String, String)] = [
            ("event \"x\" 2022: access Intel times 50%", "error: 'times' takes a plain factor, not 50%"),
            ("event \"x\" 2022: access Intel by 1.5", "error: access cannot move by more than 100 points, not 1.5"),
            ("event \"x\" 2022: shift Intel markup 8%", "error: only a friction can be written as a markup"),
            ("event \"x\" 2022: access Intel to +40 points", "error: points measure a change of a percentage, not access"),
            ("event \"x\" 2022: friction Intel via parallel markup -100%", "error: a markup must be above -100%, not -100%"),
            ("channel direct records US", "error: 'direct' is every brand's own route; it is always there and is not declared"),
            ("channel parallel", "error: channel 'parallel' is declared twice"),
            ("observe sales growth Intel: 2022 5%", "error: expected 'to' and the date the growth rate ends"),
            ("observe sales share Intel 2022 5%", "error: expected ':' before the observed values, found '2022'"),
            ("observe sales share recorded origin RU: 2022 5%", "error: nothing is recorded as origin 'RU': no vendor has it and no channel records it"),
            ("expect sales share via parallel for government at 2022 < 5%", "error: a buyer group's figures are kept by vendor"),
        ]
        for (line, message) in cases {
            #expect(Fixtures.diagnostics(Self.base + line + "\n").contains(message), "\(line)")
        }
    }

    @Test func anOutcomeMeasuresAnyView() throws {
        let r = try resolve("")
        let outcome = try ScenarioOutcome.parse("sales share recorded origin CN, HK in chips at 2022-06", in: r)
        #expect(outcome.expectation.view == .recorded && outcome.expectation.keys == ["CN", "HK"] && outcome.step == 17)
    }
}
