import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// `RunComparison`: differences, first divergence, largest difference, mismatched shapes.
@Suite struct ComparisonTests {
    static let base = """
        scenario "Base"
        timeline 2021-01 to 2022-12 monthly
        segment telecom lifetime 4y growth 0%/y size 100M USD
        vendor Huawei origin CN
        vendor ZTE origin CN
        vendor Cisco origin US
        share telecom: Huawei 40%, ZTE 20%, Cisco 40%

        """

    func run(_ text: String) throws -> RunResult { try Engine.run(try Fixtures.resolve(text)) }

    func table(_ series: [String: [Double]], origins: [String: String] = [:], dates: Int = 4) -> ShareTable {
        let rows = series.keys.sorted().map { name in
            EntitySeriesFixture.make(name: name, origin: origins[name] ?? "XX", installedShare: series[name]!)
        }
        return ShareTable(name: "t", dates: (0..<dates).map { "2020-0\($0 + 1)-01" },
                          segments: [ShareTable.SegmentRows(id: "s", rows: rows)], grouping: .vendor)
    }

    @Test func identicalRunsDoNotDiverge() throws {
        let a = try run(Self.base), b = try run(Self.base)
        let c = try RunComparison(a, b)
        #expect(c.isWithinTolerance)
        #expect(c.rows.count == 3)
        #expect(c.rows.allSatisfy { $0.firstDivergence == nil && $0.maxAbsDifference == 0 && $0.presence == .both })
        #expect(c.dates.count == 24 && c.dateNote == nil)
        #expect(ComparisonReport.verdict(c).hasPrefix("identical"))
    }

    @Test func aKnownShiftGivesItsFirstStepAndMaximum() throws {
        let a = table(["V": [0.5, 0.5, 0.5, 0.5]])
        let b = table(["V": [0.5, 0.5, 0.53, 0.49]])
        let c = try RunComparison(a, b)
        let row = c.rows[0]
        #expect(row.firstDivergence == 2)
        #expect(row.maxAt == 2)
        #expect(row.maxAbsDifference == 0.53 - 0.5)
        #expect(row.difference == [0, 0, 0.53 - 0.5, 0.49 - 0.5])
        #expect(!c.isWithinTolerance)
        // The tolerance is strict: only |B − A| above it diverges.
        #expect(try RunComparison(a, b, tolerance: 0.02).rows[0].firstDivergence == 2)
        #expect(try RunComparison(a, b, tolerance: 0.0101).rows[0].firstDivergence == 2)
        let loose = try RunComparison(a, b, tolerance: 0.05)
        #expect(loose.isWithinTolerance && loose.rows[0].firstDivergence == nil && loose.rows[0].maxAbsDifference == 0.53 - 0.5)
    }

    /// A share that stays put carries rounding noise; the largest difference is reported
    /// where it is first reached within a billionth, not where the noise peaks.
    @Test func theLargestDifferenceIsWhereItIsFirstReachedDespiteNoise() throws {
        let nothing = table(["V": [0, 0, 0, 0]])
        let steady = try RunComparison(table(["V": [0.16, 0.16, 0.16000000000000003, 0.1]]), nothing)
        #expect(steady.rows[0].maxAt == 0 && steady.rows[0].differenceAtMax == -0.16)
        #expect(steady.rows[0].maxAbsDifference == 0.16000000000000003)
        // A real rise, however small, still counts.
        let rising = try RunComparison(table(["V": [0.16, 0.1600001, 0.16, 0.16]]), nothing)
        #expect(rising.rows[0].maxAt == 1)
        // Between rows alike: the first row that reaches the largest.
        let two = try RunComparison(table(["A": [0.2, 0, 0, 0], "B": [0, 0.20000000000000004, 0, 0]]), table(["A": [0, 0, 0, 0], "B": [0, 0, 0, 0]]))
        #expect(two.largest?.name == "A")
        #expect(try RunComparison(table(["A": [0.2, 0, 0, 0], "B": [0, 0.2001, 0, 0]]), table(["A": [0, 0, 0, 0], "B": [0, 0, 0, 0]])).largest?.name == "B")
    }

    /// The same world run by the engine's short path (`StepLoop`) and by its full one
    /// (`GroupStepLoop`, which a run's per-group details come from) rounds differently, by
    /// about 1e-15; compare counts that as equal, in every metric, and still sees a real
    /// difference of a millionth of a point.
    @Test func theTwoStepLoopsRoundingDifferentlyCompareAsEqual() throws {
        let world = Self.base.replacingOccurrences(of: "size 100M USD\n", with: "size 100M USD\nbuyers telecom: government 20%, operators 80%\n")
            + "event \"Exit\" 2021-06: access Cisco to 10% over 3 months\n"
        let short = try run(world), full = short.detailed()
        let raw = (0..<24).map { k in (0..<3).map { j in
            full.segments[0].value(.salesShare, step: k, member: j) - short.segments[0].value(.salesShare, step: k, member: j)
        } }.joined()
        #expect(raw.contains { $0 != 0 } && raw.allSatisfy { abs($0) < 1e-13 })
        for metric in SeriesMetric.allCases {
            let c = try RunComparison(short, full, metric: metric)
            #expect(c.isWithinTolerance, "\(metric)")
            #expect(c.rows.allSatisfy { $0.maxAbsDifference == 0 && $0.difference.allSatisfy { $0 == 0 } }, "\(metric)")
            #expect(ComparisonReport.verdict(c).hasPrefix("identical: no vendor differs"), "\(metric)")
        }
        let nudged = table(["V": [0.3, 0.3 + 1e-8, 0.3, 0.3]])
        #expect(try RunComparison(table(["V": [0.3, 0.3, 0.3, 0.3]]), nudged).rows[0].firstDivergence == 1)
    }

    /// The verdict agrees in number with its counts.
    @Test func theVerdictIsSingularForOneRowOrDate() throws {
        let one = try RunComparison(table(["A": [0.5, 0.5, 0.5, 0.5], "B": [0.5, 0.5, 0.5, 0.5]]),
                                    table(["A": [0.5, 0.6, 0.5, 0.5], "B": [0.5, 0.5, 0.5, 0.5]]))
        #expect(ComparisonReport.verdict(one).hasPrefix("over tolerance: 1 of 2 vendors differs by more than 0\n"))
        let alone = try RunComparison(table(["A": [0.5]], dates: 1), table(["A": [0.6]], dates: 1))
        #expect(ComparisonReport.verdict(alone).hasPrefix("over tolerance: 1 of 1 vendor differs by more than 0\n"))
        let same = try RunComparison(table(["A": [0.5]], dates: 1), table(["A": [0.5]], dates: 1))
        #expect(ComparisonReport.verdict(same) == "identical: no vendor differs at the one date")
    }

    @Test func anEventDivergesTheStepAfterItInInstalledShare() throws {
        let a = try run(Self.base)
        let b = try run(Self.base + "event \"Exit\" 2022-03: access Cisco to 10%\n")
        let installed = try RunComparison(a, b, metric: .installedShare)
        let sales = try RunComparison(a, b, metric: .salesShare)
        // March 2022 is step 14; the installed base moves from the start of step 15.
        for row in installed.rows { #expect(row.firstDivergence == 15) }
        for row in sales.rows { #expect(row.firstDivergence == 14) }
        let cisco = installed.rows.first { $0.name == "Cisco" }!
        #expect(cisco.maxAt == 23 && cisco.differenceAtMax < 0)
        let last: Double = b.segments[0].value(.installedShare, step: 23, member: 2) - a.segments[0].value(.installedShare, step: 23, member: 2)
        #expect(cisco.maxAbsDifference == abs(last))
        #expect(installed.largest?.name == "Cisco")
        let byOrigin = try RunComparison(a, b, grouping: .origin)
        #expect(byOrigin.rows.map(\.name) == ["CN", "US"])
    }

    @Test func vendorsInOnlyOneRunAreReportedAgainstZero() throws {
        let a = try run(Self.base)
        let other = Self.base.replacingOccurrences(of: "vendor ZTE origin CN", with: "vendor Nokia origin EU")
            .replacingOccurrences(of: "ZTE 20%", with: "Nokia 20%")
        let b = try run(other)
        let c = try RunComparison(a, b)
        #expect(c.rows.map(\.name) == ["Huawei", "ZTE", "Cisco", "Nokia"])
        #expect(c.onlyInA.map(\.name) == ["ZTE"] && c.onlyInB.map(\.name) == ["Nokia"])
        let zte = c.rows[1]
        #expect(zte.b.allSatisfy { $0 == 0 } && zte.firstDivergence == 0 && zte.maxAbsDifference == 0.2)
        #expect(ComparisonReport.table(c).contains("* only in A: ZTE"))
    }

    @Test func differentTimelinesCompareAtTheirCommonDates() throws {
        let a = try run(Self.base)
        let b = try run(Self.base.replacingOccurrences(of: "timeline 2021-01 to 2022-12 monthly", with: "timeline 2022-01 to 2023-12 quarterly"))
        let c = try RunComparison(a, b)
        #expect(c.dates == ["2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01"])
        #expect(c.stepsA == [12, 15, 18, 21] && c.stepsB == [0, 1, 2, 3])
        #expect(c.dateNote?.contains("compared at the 4 dates both have") == true)
        let later = try run(Self.base.replacingOccurrences(of: "timeline 2021-01 to 2022-12", with: "timeline 2030-01 to 2030-12"))
        #expect(throws: OperationError.self) { try RunComparison(a, later) }
    }

    @Test func runOutputReadsBackToTheSameFigures() throws {
        let r = try run(Self.base + "event \"Exit\" 2022-03: access Cisco to 10% over 3 months\n")
        for grouping in [Grouping.vendor, .origin, .channel, .recorded] {
            let csv = CSVReport.render([("x", r)], grouping: grouping)
            #expect(ShareTable.looksLikeRunCSV(csv[...]))
            let back = try ShareTable.readCSV(csv, path: "x.csv")
            let direct = ShareTable(r, grouping: grouping)
            #expect(back.dates == direct.dates && back.grouping == grouping)
            for (x, y) in zip(back.segments[0].rows, direct.segments[0].rows) {
                #expect(x.name == y.name && x.origin == y.origin)
                for m in SeriesMetric.allCases { #expect(x.values(m) == y.values(m)) }
            }
        }
        // Read back by vendor and summed per origin, the bits agree with a run by origin.
        let vendorCSV = try ShareTable.readCSV(CSVReport.render([("x", r)], grouping: .vendor), path: "x.csv")
        let c = try RunComparison(vendorCSV, ShareTable(r, grouping: .origin), grouping: .origin)
        #expect(c.rows.allSatisfy { $0.maxAbsDifference == 0 })
    }

    @Test func aFileOfSeveralRunsNeedsOneNamed() throws {
        let r = try run(Self.base)
        let csv = CSVReport.render([("one", r), ("two", r)], grouping: .vendor)
        #expect(throws: ScenarioError.self) { try ShareTable.readCSV(csv, path: "both.csv") }
        let two = try ShareTable.readCSV(csv, path: "both.csv", run: "two")
        #expect(two.dates.count == 24)
        do {
            _ = try ShareTable.readCSV(csv, path: "both.csv", run: "tow")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics[0].help == ["did you mean 'two'?"])
        }
    }

    /// A file of one run has no `run` column, so no name to pick: the help said "its runs
    /// are: " with nothing after it.
    @Test func aFileOfOneRunHasNoNameToPick() throws {
        let csv = CSVReport.render([("one", try run(Self.base))], grouping: .vendor)
        do {
            _ = try ShareTable.readCSV(csv, path: "one.csv", run: "x")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["'one.csv' holds one unnamed run (it has no 'run' column)"])
            #expect(error.diagnostics[0].help == ["name the file without '#x': one.csv"])
        }
        // A header with a run column and no rows: no runs to list, and no rows is the problem.
        do {
            _ = try ShareTable.readCSV(CSVReport.header(grouping: .vendor, withRun: true) + "\n", path: "empty.csv", run: "x")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["'empty.csv' has a header but no rows"])
        }
    }

    @Test func malformedRunOutputIsALocatedError() {
        let csv = "step,date,segment,vendor,origin,installed_share,sales_share,installed,sales\n0,2020-01-01,s,A,US,0.5,zero,1,1\n"
        do {
            _ = try ShareTable.readCSV(csv, path: "bad.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics[0].location?.description == "bad.csv:2:1")
            #expect(error.diagnostics[0].message == "'zero' in column sales_share is not a number")
        }
    }

    @Test func originTablesCannotBeComparedByVendor() throws {
        let r = try run(Self.base)
        let byOrigin = ShareTable(r, grouping: .origin)
        #expect(throws: OperationError.self) { try RunComparison(byOrigin, byOrigin, grouping: .vendor) }
        #expect(try RunComparison(byOrigin, byOrigin, grouping: .origin).isWithinTolerance)
    }

    /// The note, the "only in" lines and the verdict break between words to fit the width,
    /// rather than leaving the terminal to break them mid-word.
    @Test func messageLinesFitTheWidth() throws {
        let a = try run(Self.base)
        let b = try run(Self.base.replacingOccurrences(of: "timeline 2021-01 to 2022-12 monthly", with: "timeline 2021-01 to 2022-06 monthly")
            + "event \"Exit\" 2021-03: access Cisco to 10%\n")
        let table = ComparisonReport.table(try RunComparison(a, b), width: 50)
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 50 }, "\(table)")
        #expect(table.contains("""
            installed share by vendor: B − A in percentage
              points; tolerance 0
            note: the timelines differ (A: 2021-01 to 2022-12,
              24 steps; B: 2021-01 to 2022-06, 18 steps);
              compared at the 18 dates both have

            """))
        #expect(table.hasSuffix("""
            over tolerance: 3 of 3 vendors differ by more than
              0
            first to differ: Huawei in telecom at 2021-04
            largest difference: Cisco in telecom, -9.14 points
              at 2022-06

            """))
    }

    /// The date columns are `run`'s: every k-th anniversary, evenly spaced, then the last
    /// step (they were rounded picks: 2021, 2023, 2026, 2027-12).
    @Test func columnsAreChosenAsRunChoosesThem() throws {
        let timeline = Timeline(start: CalendarMonth(year: 2021, month: 1), step: .month, steps: 84)
        /// One vendor at the given months of the timeline, its share growing with `scale`.
        func table(_ steps: [Int], scale: Double = 0.001) throws -> ShareTable {
            let rows = steps.enumerated().map { "\($0),\(timeline.month(ofStep: $1).text)-01,s,V,XX,\(Double($1) * scale),0,0,0\n" }
            return try ShareTable.readCSV(CSVReport.header(grouping: .vendor, withRun: false) + "\n" + rows.joined(), path: "t.csv")
        }
        let monthly = Array(0..<84)
        let c = try RunComparison(try table(monthly), try table(monthly, scale: 0.002))
        func header(_ c: RunComparison, width: Int) -> String {
            String(ComparisonReport.table(c, width: width).split(separator: "\n").first { $0.hasPrefix("vendor") }!.dropFirst(41))
        }
        #expect(header(c, width: 77) == "  2021-01  2024-01  2027-01  2027-12")
        #expect(header(c, width: 86) == "  2021-01  2023-01  2025-01  2027-01  2027-12")
        #expect(header(c, width: 113) == "  2021-01  2022-01  2023-01  2024-01  2025-01  2026-01  2027-01  2027-12")
        // Dates in common with a quarterly run from 2022: every fourth is an anniversary.
        let quarterly = Array(Swift.stride(from: 12, to: 84, by: 3))
        #expect(header(try RunComparison(try table(monthly), try table(quarterly, scale: 0.002)), width: 68) == "  2022-01  2025-01  2027-10")
    }

    @Test func reportsAreStableAndMachineReadable() throws {
        let a = try run(Self.base)
        let b = try run(Self.base + "event \"Exit\" 2022-03: access Cisco to 10%\n")
        let c = try RunComparison(a, b, tolerance: 0.001)
        let csv = ComparisonReport.csv(c)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "step,date,segment,vendor,origin,present,a,b,difference")
        #expect(lines.count == 1 + 24 * 3)
        #expect(lines[1] == "0,2021-01-01,telecom,Huawei,CN,both,0.4,0.4,0.0")
        let json = ComparisonReport.json(c)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "sharesim-comparison")
        #expect(object?["within_tolerance"] as? Bool == false)
        let table = ComparisonReport.table(c, width: 100)
        #expect(table.contains("tolerance 0.1 points"))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(ComparisonReport.table(c, width: 100) == table)
    }
}

/// `EntitySeries` for hand-made tables.
enum EntitySeriesFixture {
    static func make(name: String, origin: String, installedShare: [Double]) -> EntitySeries {
        let csv = "step,date,segment,vendor,origin,installed_share,sales_share,installed,sales\n"
            + installedShare.enumerated().map { "\($0),2020-0\($0 + 1)-01,s,\(name),\(origin),\(NumberText.csv($1)),0,0,0\n" }.joined()
        return try! ShareTable.readCSV(csv, path: "fixture.csv").segments[0].rows[0]
    }
}
