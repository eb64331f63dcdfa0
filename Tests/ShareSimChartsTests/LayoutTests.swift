import Foundation
@testable import ShareSimCharts
import ShareSimCore
import Testing

@Suite struct NiceTicksTests {
    @Test func sharesGetRoundSteps() {
        let t = NiceTicks(covering: 0, 0.644, target: 6)
        #expect(t.step == 0.1 && t.lower == 0 && t.upper == 0.7)
        #expect(t.values.map { ValueFormat.percent.tick($0, step: t.step) } == ["0%", "10%", "20%", "30%", "40%", "50%", "60%", "70%"])
        let small = NiceTicks(covering: 0, 0.07, target: 5)
        #expect(small.step == 0.01 && small.upper == 0.07 && small.values.count == 8)
        #expect(NiceTicks(covering: 0, 0.9, target: 4).values == [0, 0.25, 0.5, 0.75, 1])
        #expect(ValueFormat.percent.tick(0.025, step: 0.025) == "2.5%")
    }

    @Test func differencesSpanZeroInPoints() {
        let t = NiceTicks(covering: -0.011, 0.009, target: 4)
        #expect(t.lower < 0 && t.upper > 0)
        #expect(t.values.contains(0))
        #expect(ValueFormat.points.tick(0.01, step: 0.01) == "+1 pp" && ValueFormat.points.tick(-0.005, step: 0.005) == "-0.5 pp")
    }

    @Test func aFlatSeriesStillGetsASpan() {
        let t = NiceTicks(covering: 0.3, 0.3, target: 5)
        #expect(t.lower < 0.3 && t.upper > 0.3)
    }
}

@Suite struct TimeTicksTests {
    let monthly = Timeline(start: CalendarMonth(year: 2021, month: 1), step: .month, steps: 84)

    @Test func longSpansTickEveryYear() {
        let t = TimeTicks(monthly, first: 0, last: 83, maxTicks: 10)
        #expect(t.ticks.map(\.label) == ["2021", "2022", "2023", "2024", "2025", "2026", "2027"])
        #expect(t.ticks.map(\.step) == [0, 12, 24, 36, 48, 60, 72])
    }

    @Test func fewerTicksSkipToRoundYears() {
        let t = TimeTicks(monthly, first: 0, last: 83, maxTicks: 4)
        #expect(t.ticks.map(\.label) == ["2022", "2024", "2026"])
    }

    @Test func shortSpansTickMonthsAndNameTheYearOnce() {
        let t = TimeTicks(monthly, first: 12, last: 23, maxTicks: 5)
        #expect(t.ticks.map(\.label) == ["Jan 2022", "Apr", "Jul", "Oct"])
        #expect(t.ticks.first?.step == 12)
    }

    @Test func yearlyTimelinesTickAtTheirSteps() {
        let yearly = Timeline(start: CalendarMonth(year: 2014, month: 1), step: .year, steps: 10)
        let t = TimeTicks(yearly, first: 0, last: 9, maxTicks: 12)
        #expect(t.ticks.first == TimeTicks.Tick(step: 0, label: "2014") && t.ticks.last == TimeTicks.Tick(step: 9, label: "2023"))
    }
}

@Suite struct LabelPlacerTests {
    @Test func overlappingLabelsMoveApartInOrder() {
        let p = LabelPlacer(wanted: [100, 102, 50, 101], size: 15, range: 0...300).place()
        let byPosition = p.positions.indices.sorted { p.positions[$0] < p.positions[$1] }
        #expect(byPosition == [2, 0, 3, 1])
        let sorted = p.positions.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b - a >= 15 - 1e-9) }
        #expect(p.positions[2] == 50 && p.fits)
        #expect(p.largestMove < 20)
    }

    @Test func labelsStayInTheRange() {
        let p = LabelPlacer(wanted: [299, 299, 299], size: 15, range: 0...300).place()
        #expect(p.positions.allSatisfy { $0 <= 300 - 7.5 + 1e-9 })
        #expect(!LabelPlacer(wanted: Array(repeating: 10, count: 30), size: 15, range: 0...300).place().fits)
    }
}

@Suite struct PointThinningTests {
    @Test func aStraightLineKeepsItsEnds() {
        let points = (0..<1000).map { (x: Double($0), y: 2 * Double($0) + 1) }
        let thin = PointThinning.thin(points)
        #expect(thin.count == 2)
        #expect(thin.first! == (0, 1) && thin.last! == (999, 1999))
    }

    /// Every dropped point lies within half a pixel of the line drawn through those kept
    /// (its distance to the segment that spans it, across the segment).
    @Test func droppedPointsLieWithinHalfAPixel() {
        let points: [(x: Double, y: Double)] = (0..<2000).map { i in
            let t = Double(i)
            return (x: t * 0.4, y: 200 + 150 * sin(t / 150))
        }
        let thin = PointThinning.thin(points)
        #expect(thin.count < 200)
        var segment = 0
        for p in points {
            while thin[segment + 1].x < p.x { segment += 1 }
            let a = thin[segment], b = thin[segment + 1]
            let dx: Double = b.x - a.x, dy: Double = b.y - a.y
            let distance: Double = abs(dy * (p.x - a.x) - dx * (p.y - a.y)) / (dx * dx + dy * dy).squareRoot()
            #expect(distance <= 0.5 + 1e-9)
        }
    }
}

@Suite struct SVGWriterTests {
    @Test func textIsEscapedAndNumbersAreShort() {
        var svg = SVGWriter()
        svg.element("text", [("x", SVGWriter.number(12.0)), ("y", SVGWriter.number(-0.04))], text: "AT&T <\"Bell\">")
        #expect(svg.text == "<text x=\"12\" y=\"0\">AT&amp;T &lt;&quot;Bell&quot;&gt;</text>\n")
        #expect(SVGWriter.number(3.14159) == "3.1" && SVGWriter.number(-2.25) == "-2.3")
    }

    @Test func paletteNeighboursDifferInColourAndDash() {
        for i in 0..<31 {
            #expect(Palette.color(i) != Palette.color(i + 1))
            #expect(Palette.dash(i) != Palette.dash(i + 1))
        }
        #expect(Palette.colors.count == 8)
    }
}
