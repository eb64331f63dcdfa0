import ShareSimCore
import ShareSimTestSupport
import Testing

/// The human tables' one layout: dates asked for are never dropped, the default table
/// always shows the first and last date, and wide (CJK) names keep columns aligned.
@Suite struct TableLayoutTests {
    static func market(_ names: [String], steps: Int = 84) throws -> RunResult {
        try Engine.run(Fixtures.market(shares: names.map { ($0, 1 / Double(names.count)) }, steps: steps))
    }

    /// The header lines of a table (those that start with `vendor`), split into their words.
    static func headers(_ table: String) -> [[Substring]] {
        table.split(separator: "\n").filter { $0.hasPrefix("vendor") }.map { $0.split(separator: " ") }
    }

    @Test func twentyFourDatesAskedForAreAllShownInBlocks() throws {
        let r = try Self.market(["Huawei", "Cisco"])
        let steps = Array(0..<24)
        let table = TableReport(steps: steps, width: 80).render(r)
        let dates = Self.headers(table).flatMap { $0.dropFirst(2) }.map(String.init)
        #expect(dates == steps.map { r.scenario.timeline.label(ofStep: $0) })
        #expect(Self.headers(table).count == 3)
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Each block repeats the rows.
        #expect(table.components(separatedBy: "\nHuawei").count - 1 == 3)
    }

    @Test func aLongNameIsCutSoTheFirstAndLastDatesShow() throws {
        let long = "Huawei Technologies Company Limited of Shenzhen, Guangdong Province"
        let r = try Self.market([long, "Cisco"])
        for width in [40, 60, 80] {
            let table = TableReport(width: width).render(r)
            let header = try #require(Self.headers(table).first)
            #expect(header.dropFirst(2).first == "2020-01")
            #expect(header.last == "2026-12")
            #expect(table.split(separator: "\n").allSatisfy { DisplayWidthProbe.width(of: $0) <= width })
            #expect(table.contains("Huawei Tech") && table.contains("…"))
        }
        // With room, the name is whole.
        #expect(TableReport(width: 200).render(r).contains(long))
    }

    @Test func doubleWidthNamesKeepColumnsAligned() throws {
        let r = try Self.market(["华为技术", "Cisco"])
        let lines = TableReport(steps: [0, 83], width: 80).render(r).split(separator: "\n").filter { $0.contains("%") || $0.hasPrefix("vendor") }
        let widths = Set(lines.map { DisplayWidthProbe.width(of: $0) })
        #expect(widths.count == 1)
        #expect(lines[1].hasPrefix("华为技术 US"))
    }

    @Test func aLongTitleFitsTheWidth() throws {
        var scenario = Fixtures.market(shares: [("A", 0.5), ("B", 0.5)], steps: 12)
        scenario.name = "A scenario whose name goes on and on about what it assumes and why it was written"
        let table = TableReport(width: 60).render(try Engine.run(scenario))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test func compareShowsMoreThanItsFirstColumnWhenNarrow() throws {
        let a = try Self.market(["Ericsson Telecommunications", "Cisco"])
        var changed = Fixtures.market(shares: [("Ericsson Telecommunications", 0.2), ("Cisco", 0.8)], steps: 84)
        changed.segments[0].lifetime = 2
        let b = try Engine.run(changed)
        let c = try RunComparison(a, b)
        for width in [50, 60, 70] {
            let table = ComparisonReport.table(c, width: width)
            let dates = table.split(separator: "\n").filter { $0.hasPrefix("vendor") }.flatMap { $0.split(separator: " ").dropFirst(5) }
            #expect(dates.first == "2020-01")
            #expect(dates.last == "2026-12")
        }
        // Dates asked for are all shown, in blocks.
        let asked = ComparisonReport.table(c, width: 60, columns: Array(0..<12))
        let dates = asked.split(separator: "\n").filter { $0.hasPrefix("vendor") }.flatMap { $0.split(separator: " ").dropFirst(5) }
        #expect(dates.count == 12)
    }
}

/// Display width as a terminal counts it, for checks that a line fits: CJK characters take two columns.
enum DisplayWidthProbe {
    static func width(of line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }
}
