import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// `observe sales growth … : DATE to DATE RATE`: a growth rate observed over a period,
/// parsed and resolved to its two steps, checked against the run as an `expect … growth`
/// line is, and carried through the resolved JSON.
@Suite struct GrowthObservationTests {
    /// One vendor sells the whole of a market that grows 10% a year, so its sales grow so too.
    static let base = """
        timeline 2021-01 to 2023-12 monthly
        segment chips lifetime 1 month growth 10%/y size 150M USD
        vendor Intel origin US
        vendor Loongson origin CN
        share chips: Intel 80%, Loongson 20%

        """

    func resolve(_ text: String, files: [String: String] = [:]) throws -> ResolvedScenario {
        try Fixtures.resolve(Self.base + text, files: files)
    }

    @Test func aGrowthObservationResolvesToItsPeriodAndYearlyRate() throws {
        let r = try resolve("observe sales growth origin US in chips ± 2%: 2021-01 to 2023-01 10%/y, 2022-01 to 2023-06 8% [seed 002] fit\n")
        #expect(r.observations.count == 2)
        let o = r.observations[0]
        #expect(o.from == 0 && o.at == 24 && o.measure == .salesGrowth && o.view == .origin && o.keys == ["US"])
        #expect(o.value == 0.10 && o.uncertainty == 0.02 && o.role == .fit && o.source == "seed 002")
        #expect(r.observations[1].from == 12 && r.observations[1].at == 29 && r.observations[1].value == 0.08)
        #expect(o.describe(timeline: r.timeline) == "sales growth origin US in chips from 2021-01 to 2023-01")
        #expect(o.format(o.value) == "10.0%/y")
    }

    @Test func aLevelObservationHasNoStart() throws {
        let r = try resolve("observe sales share Intel: 2022-01 80%\n")
        #expect(r.observations.map(\.from) == [nil])
    }

    @Test func aCheckIsTheRateAnExpectLineReads() throws {
        let r = try resolve("""
            observe sales growth Intel ± 1%: 2021-01 to 2023-01 10%/y check
            observe sales growth Intel ± 1%: 2021-01 to 2022-01 20%/y check
            expect sales growth Intel from 2021-01 to 2023-01 = 10%/y ± 1%

            """)
        let run = try Engine.run(r)
        let verdicts = ObservationChecker.check(run)
        let expected = ExpectationChecker.check(run)[0]
        #expect(verdicts[0].found == expected.found)
        #expect(abs(verdicts[0].found - 0.10) < 0.005)
        #expect(verdicts[0].passed && !verdicts[1].passed)
        #expect(ObservationChecker.formatError(verdicts[1].error, for: verdicts[1].observation) == "-10.0 points a year")
        #expect(ObservationChecker.line(verdicts[1], timeline: r.timeline)
                    .hasPrefix("check sales growth Intel in chips from 2021-01 to 2022-01: observed 20.0%/y ± 1.0%/y, run "))
    }

    @Test func mistakesInAGrowthObservationAreExplained() {
        let cases: [(String, String)] = [
            ("observe sales growth Intel: 2022 5%", "error: expected 'to' and the date the growth rate ends"),
            ("observe sales growth Intel: 2023 to 2022 5%/y", "error: a growth rate is observed over a period; 2022 does not come after 2023"),
            ("observe sales growth Intel: 2021 to 2022 150M", "error: an observed growth rate takes a yearly rate, not 150M"),
            ("observe from \"g.csv\" sales growth in chips", "error: a growth rate is observed between two dates, which a table's one date column cannot say"),
        ]
        for (line, message) in cases {
            #expect(Fixtures.diagnostics(Self.base + line + "\n").contains(message), "\(line)")
        }
    }

    @Test func aGrowthObservationTravelsThroughTheResolvedJSON() throws {
        let r = try resolve("observe sales growth Intel ± 5%: 2021-01 to 2023-01 10%/y [seed 002] check\n")
        let json = ResolvedJSON.encode(r).pretty
        #expect(json.contains("\"from\": 0"))
        #expect(json.contains("\"measure\": \"sales_growth\""))
        let again = try ResolvedJSON.decode(Data(json.utf8), path: "again.json")
        // The JSON keeps where an observation was written to the line, not the column.
        func placed(_ o: [Observation]) -> [Observation] { o.map { var x = $0; x.location = nil; return x } }
        #expect(placed(again.observations) == placed(r.observations))
        #expect(again.observations.map { $0.location?.line } == [6])
    }

    @Test func theResolvedJSONRefusesAGrowthRateWithoutItsStart() throws {
        let r = try resolve("observe sales growth Intel ± 5%: 2021-01 to 2023-01 10%/y check\n")
        let json = ResolvedJSON.encode(r).pretty.replacingOccurrences(of: "\"from\": 0,", with: "")
        let error = #expect(throws: ScenarioError.self) { try ResolvedJSON.decode(Data(json.utf8), path: "g.json") }
        #expect(error?.diagnostics.map(\.message).contains("observations[0]: a growth rate needs 'from', the step it starts at") == true)
    }
}
