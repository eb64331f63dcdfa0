import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

@Suite struct ReportTests {
    static func run() throws -> RunResult {
        try Engine.run(Fixtures.market(shares: [("A", 0.75), ("B", 0.25)], steps: 3, step: .quarter))
    }

    @Test func csvFollowsTheContract() throws {
        let csv = CSVReport.render([("x", try Self.run())], grouping: .vendor)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "step,date,segment,vendor,origin,installed_share,sales_share,installed,sales")
        #expect(lines[1] == "0,2020-01-01,s,A,US,0.75,0.75,75.0,3.7499999999999996")
        #expect(lines[4] == "1,2020-04-01,s,B,CN,0.25,0.25000000000000006,25.0,1.25")
        #expect(lines.count == 7)
    }

    @Test func severalRunsGetARunColumn() throws {
        let r = try Self.run()
        let csv = CSVReport.render([("one", r), ("two", r)], grouping: .origin)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "run,step,date,segment,origin,installed_share,sales_share,installed,sales")
        #expect(lines[1].hasPrefix("one,0,2020-01-01,s,US,"))
        #expect(lines.last!.hasPrefix("two,2,2020-07-01,s,CN,"))
    }

    @Test func numbersReadBackToTheSameDouble() {
        for d in [0.1, 1.0 / 3, 9.357622968839284e-14, 4e9, 123456.789, 1e-300] {
            #expect(Double(NumberText.csv(d)) == d)
        }
    }

    /// Tables read single figures through `rows`; they must be the bits `entities` holds.
    @Test func rowsReadTheSameFiguresAsEntities() throws {
        for name in Fixtures.bundledScenarios {
            let r = try Engine.run(try ScenarioLoader().load(path: Fixtures.scenarioPath(name)).scenario)
            for s in r.segments.indices {
                for grouping in Grouping.allCases {
                    let rows = r.rows(segment: s, by: grouping), entities = r.entities(segment: s, by: grouping)
                    #expect(rows.map(\.name) == entities.map(\.name) && rows.map(\.origin) == entities.map(\.origin))
                    for (row, entity) in zip(rows, entities) {
                        for metric in SeriesMetric.allCases {
                            let read = (0..<r.steps).map { r.value(metric, of: row, segment: s, step: $0).bitPattern }
                            #expect(read == entity.values(metric).map(\.bitPattern), "\(name) \(row.name) \(metric)")
                        }
                    }
                }
            }
        }
    }

    /// A table too narrow for every year shows every k-th year and the last step: evenly
    /// spaced columns, never rounded picks such as 2021, 2023, 2025, 2026.
    @Test func narrowTablesSpreadTheirYearsEvenly() {
        let monthly = Timeline(start: CalendarMonth(year: 2021, month: 1), step: .month, steps: 84)
        let years = { (steps: [Int]) in steps.map { monthly.month(ofStep: $0).text } }
        #expect(years(TableReport.spread(steps: 84, count: 8, timeline: monthly))
                == ["2021-01", "2022-01", "2023-01", "2024-01", "2025-01", "2026-01", "2027-01", "2027-12"])
        #expect(years(TableReport.spread(steps: 84, count: 5, timeline: monthly)) == ["2021-01", "2023-01", "2025-01", "2027-01", "2027-12"])
        #expect(years(TableReport.spread(steps: 84, count: 3, timeline: monthly)) == ["2021-01", "2025-01", "2027-12"])
        let tenYears = Timeline(start: CalendarMonth(year: 2014, month: 1), step: .month, steps: 120)
        let picked = TableReport.spread(steps: 120, count: 8, timeline: tenYears)
        let gaps = zip(picked, picked.dropFirst().dropLast()).map { $1 - $0 }
        #expect(Set(gaps).count == 1 && picked.last == 119 && picked.count <= 8)
    }

    /// A year or two has too few year starts to show a change: its columns are steps spaced
    /// evenly instead, as close together as fit.
    @Test func shortTimelinesSpreadTheirSteps() {
        let year = Timeline(start: CalendarMonth(year: 2022, month: 1), step: .month, steps: 12)
        let months = { (steps: [Int]) in steps.map { year.month(ofStep: $0).text } }
        #expect(months(TableReport.spread(steps: 12, count: 8, timeline: year))
                == ["2022-01", "2022-03", "2022-05", "2022-07", "2022-09", "2022-11", "2022-12"])
        #expect(TableReport.spread(steps: 12, count: 12, timeline: year) == Array(0..<12))
        let twoYears = Timeline(start: CalendarMonth(year: 2022, month: 1), step: .month, steps: 24)
        #expect(TableReport.spread(steps: 24, count: 8, timeline: twoYears) == [0, 4, 8, 12, 16, 20, 23])
        let quarters = Timeline(start: CalendarMonth(year: 2022, month: 1), step: .quarter, steps: 6)
        #expect(TableReport.spread(steps: 6, count: 8, timeline: quarters) == Array(0..<6))
    }

    @Test func byteSizesReadAsDisksGiveThem() {
        #expect(NumberText.bytes(512) == "512 B")
        #expect(NumberText.bytes(920_920_000) == "921 MB")
        #expect(NumberText.bytes(25_280_000_000) == "25.3 GB")
        #expect(NumberText.bytes(4e13) == "40 TB")
        #expect(NumberText.bytes(2_000) == "2 kB")
    }

    @Test func jsonCarriesMetaAndSeries() throws {
        let json = JSONReport.encode(try Self.run(), grouping: .vendor).pretty
        #expect(json.contains("\"scenario_sha256\": \""))
        #expect(json.contains("\"installed_share\": [0.75, 0.75, 0.75]"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "sharesim-run")
    }

    @Test func tableFitsEightyColumns() throws {
        let sc = try ScenarioLoader().load(path: Fixtures.scenarioPath("huawei-substitution")).scenario
        let table = TableReport(width: 80).render(try Engine.run(sc))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(table.contains("Huawei   CN        8.0%"))
    }

    @Test func sha256MeetsTheStandardsVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite struct ExpectationTests {
    @Test func bundledScenariosPassTheirOwnExpectations() throws {
        for name in Fixtures.bundledScenarios {
            let sc = try ScenarioLoader().load(path: Fixtures.scenarioPath(name)).scenario
            let outcomes = ExpectationChecker.check(try Engine.run(sc))
            #expect(!outcomes.isEmpty)
            let failed = outcomes.filter { !$0.passed }.map(\.expectation.text)
            #expect(failed.isEmpty, "\(name): \(failed)")
        }
    }

    /// The bundled scenarios are the project's example of sourcing: every figure says where
    /// it came from, or that it is an assumption.
    @Test func everyFigureOfTheBundledScenariosHasASource() throws {
        for name in Fixtures.bundledScenarios {
            let sc = try ScenarioLoader().load(path: Fixtures.scenarioPath(name)).scenario
            #expect(!sc.provenance.isEmpty)
            let untagged = sc.provenance.filter { $0.tag == nil }.map { "\($0.subject) at \($0.location)" }
            #expect(untagged.isEmpty, "\(name): \(untagged)")
        }
    }

    @Test func aFailedExpectationReportsTheValueFound() throws {
        let sc = try Fixtures.resolve(ResolverTests.base + "expect share Huawei at 2021-06 <= 50%\n")
        let outcome = try #require(ExpectationChecker.check(try Engine.run(sc)).first)
        #expect(!outcome.passed)
        #expect(abs(outcome.found - 0.6) < 1e-12)
        let d = ExpectationChecker.diagnostic(outcome, timeline: sc.timeline)
        #expect(d.message == "expectation failed: found 60.0% at 2021-06")
        #expect(d.location?.line == 8)
    }

    /// Tables label a yearly step by its year; a failed expectation names its step the same way.
    @Test func aFailedExpectationOnAYearlyTimelineNamesTheYear() throws {
        let sc = try Fixtures.resolve("""
            timeline 2020 to 2025 yearly
            segment s lifetime 2y size 100M USD
            vendor A origin US
            vendor B origin CN
            share s: A 60%, B 40%
            event "Ban" 2022:
              access A in s to 0%
            expect installed share A in s from 2020 to 2025 >= 50%

            """)
        let outcome = try #require(ExpectationChecker.check(try Engine.run(sc)).first)
        let d = ExpectationChecker.diagnostic(outcome, timeline: sc.timeline)
        #expect(d.message == "expectation failed: found 30.0% at 2023")
    }

    @Test func growthIsTheYearlyRateBetweenTwoDates() throws {
        let sc = try Fixtures.resolve(ResolverTests.base + "expect sales growth all from 2021-01 to 2022-01 = 3%/y ± 0.001%\n")
        let outcomes = ExpectationChecker.check(try Engine.run(sc))
        #expect(outcomes.count == 1 && outcomes.allSatisfy(\.passed))
    }
}
