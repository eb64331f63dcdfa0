import ShareSimCore
import ShareSimTestSupport
import Testing

/// Run output read back: `ShareTable.readCSV` is the exact inverse of `CSVReport`, whatever
/// the names hold (the reader split the text into lines before it looked at quotes, so a
/// name with a line break in it could not be read back).
@Suite struct RunCSVRoundTripTests {
    /// Names with every character the writer quotes: a comma, a quote, and line breaks of each kind.
    static let awkwardNames = ["Huawei, Ltd", "the \"big\" one", "two\nlines", "windows\r\nbreak", "old mac\rbreak", "Domestic"]

    @Test func everyNameAndFigureReadsBackExactly() throws {
        let scenario = Fixtures.market(shares: Self.awkwardNames.enumerated().map { ($1, Double($0 + 1) / 21) }, steps: 14)
        let result = try Engine.run(scenario)
        for grouping in [Grouping.vendor, .origin] {
            let csv = CSVReport.render([("x", result)], grouping: grouping)
            let back = try ShareTable.readCSV(csv, path: "x.csv")
            let direct = ShareTable(result, grouping: grouping)
            #expect(back.dates == direct.dates)
            #expect(back.segments.map(\.id) == direct.segments.map(\.id))
            #expect(back.segments[0].rows.map(\.name) == direct.segments[0].rows.map(\.name))
            #expect(back.segments[0].rows.map(\.origin) == direct.segments[0].rows.map(\.origin))
            for (x, y) in zip(back.segments[0].rows, direct.segments[0].rows) {
                for m in SeriesMetric.allCases { #expect(x.values(m) == y.values(m)) }
            }
        }
    }

    @Test func severalNamedRunsWithAwkwardNamesReadBack() throws {
        let result = try Engine.run(Fixtures.market(shares: [("a\nb", 0.5), ("c,d", 0.5)], steps: 3))
        let csv = CSVReport.render([("first, \"one\"", result), ("second\nrun", result)], grouping: .vendor)
        let back = try ShareTable.readCSV(csv, path: "both.csv", run: "second\nrun")
        #expect(back.segments[0].rows.map(\.name) == ["a\nb", "c,d"])
        #expect(back.dates.count == 3)
    }

    /// A bad row after a record that spans lines is placed on the line it starts on.
    @Test func aRowAfterAMultiLineNameIsPlacedOnItsOwnLine() {
        let csv = CSVReport.header(grouping: .vendor, withRun: false) + "\n"
            + "0,2020-01-01,s,\"two\nlines\",US,0.5,0.5,1,1\n"
            + "0,2020-01-01,s,B,US,0.5,half,1,1\n"
        let d = firstError(reading: csv, path: "bad.csv")
        #expect(d?.location?.description == "bad.csv:4:1")
        #expect(d?.message == "'half' in column sales_share is not a number")
    }

    @Test func anOpenQuoteIsReportedWhereItOpens() {
        let csv = CSVReport.header(grouping: .vendor, withRun: false) + "\n0,2020-01-01,s,\"open,US,0.5,0.5,1,1\n"
        let d = firstError(reading: csv, path: "open.csv")
        #expect(d?.location?.description == "open.csv:2:16")
        #expect(d?.message == "unterminated quoted field")
    }

    private func firstError(reading csv: String, path: String) -> Diagnostic? {
        do {
            _ = try ShareTable.readCSV(csv, path: path)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }
}
