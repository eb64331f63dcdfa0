import Foundation
import ShareSimTestSupport
import Testing

/// `sharesim chart` and `sharesim report` from the command line: the pictures in docs/charts
/// are golden files (the docs show what the binary draws, byte for byte), every SVG is
/// well-formed XML, and bad input is a located diagnostic with a hint.
/// After an intended change, regenerate each picture with the command `ChartCommandTests.golden` gives for it.
@Suite struct ChartCommandTests {
    static let golden: [(file: String, arguments: [String])] = [
        ("ofac-lines.svg", ["chart", "scenarios/ofac-easing.scn", "--by", "origin"]),
        ("huawei-area.svg", ["chart", "scenarios/huawei-substitution.scn", "--kind", "area"]),
        ("chips-recorded.svg", ["chart", "scenarios/china-chip-share.scn", "--by", "recorded", "--share", "sales"]),
        ("ofac-compare.svg", ["chart", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--by", "origin", "--share", "sales"]),
        ("chips-fan.svg", ["chart", "scenarios/china-chip-share.scn", "--kind", "fan", "--by", "origin", "--vendors", "CN,US",
                           "--runs", "1000", "--seed", "7"]),
        ("chips-sweep.svg", ["chart", "scenarios/china-chip-share.scn", "--kind", "sweep", "--vary", "leakage=2%..20%/19",
                             "--outcome", "sales share recorded origin CN, HK in chips at 2023-01"]),
        ("chips-heatmap.svg", ["chart", "docs/charts/chips-two-parameters.scn", "--kind", "sweep", "--vary", "leakage=2%..20%/10",
                               "--vary", "imports_lifetime=1 month..6 months/6", "--outcome", "installed share origin CN, HK in chips at 2022-06"]),
        ("chips-tornado.svg", ["chart", "docs/charts/chips-sensitivity.csv", "--kind", "tornado",
                               "--outcome", "installed share origin CN, HK in chips at 2022-06"]),
    ]

    static func docsChart(_ file: String) throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/charts/\(file)"), encoding: .utf8)
    }

    @Test(arguments: golden.map(\.file))
    func chartMatchesTheDocs(file: String) throws {
        let arguments = Self.golden.first { $0.file == file }!.arguments
        let run = try BinaryRunner.run(arguments + ["--threads", "3"])
        #expect(run.status == 0 && run.stderr == "", "\(run.stderr)")
        #expect(run.stdout == (try Self.docsChart(file)), "regenerate with: sharesim \(arguments.joined(separator: " ")) -o docs/charts/\(file)")
    }

    @Test(.enabled(if: ExternalTool.xmllint != nil, "xmllint is not installed (make test installs libxml2-utils)"))
    func everyChartIsWellFormedXML() throws {
        let paths = Self.golden.map { "docs/charts/\($0.file)" }
        let run = try BinaryRunner.run(["--noout"] + paths, executable: ExternalTool.xmllint)
        #expect(run.status == 0 && run.stderr == "", "\(run.stderr)")
        let escaped = try Fixtures.temporaryFile("escaped.scn", """
            scenario "AT&T <and> \\"Bell\\""
            timeline 2021 to 2023 yearly
            segment s lifetime 5y size 1M USD
            vendor A origin X
            vendor B origin Y
            share s 2021: A 50%, B 50%
            event "Q&A <1>" 2022:
              access B in s to 50%
            """)
        let svg = try BinaryRunner.run(["chart", escaped])
        #expect(svg.status == 0, "\(svg.stderr)")
        let file = try Fixtures.temporaryFile("escaped.svg", svg.stdout)
        #expect(try BinaryRunner.run(["--noout", file], executable: ExternalTool.xmllint).status == 0)
        #expect(svg.stdout.contains("AT&amp;T &lt;and&gt; &quot;Bell&quot;") && svg.stdout.contains("Q&amp;A &lt;1&gt;"))
    }

    @Test func theNumbersPlottedGoBesideTheChart() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-data-\(getpid()).svg").path
        let csv = svg.replacingOccurrences(of: ".svg", with: ".csv")
        let run = try BinaryRunner.run(["chart", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--by", "origin",
                                        "-o", svg, "--data", csv])
        #expect(run.status == 0 && run.stdout == "")
        let data = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(data.first == "panel,series,x,value")
        #expect(data.contains("telecom — Telecom network equipment,CN,2021-01-01,0.56"))
        #expect(data.contains("telecom — Telecom network equipment,\"CN, ofac-no-easing\",2021-01-01,0.56"))
        #expect(data.contains { $0.hasPrefix("\"difference, ofac-no-easing − ofac-easing\",US,2027-12-01,-") })
        // Every step of both runs and of their difference, four origins in telecom and three in
        // base stations, and the header.
        #expect(data.count == 1 + 3 * (4 + 3) * 84)
    }

    @Test func aChartOfAHundredVendorsOverAThousandStepsIsUnderAMegabyte() throws {
        let run = try BinaryRunner.run(["chart", "bench/hundred-vendors.scn"])
        #expect(run.status == 0)
        #expect(run.stdout.utf8.count < 1_000_000)
        #expect(run.stdout.contains(">V099</text>"))
    }

    @Test func theReportIsTheSameBytesUnlessStamped() throws {
        let a = try BinaryRunner.run(["report", "scenarios/china-chip-share.scn", "--runs", "200"])
        let b = try BinaryRunner.run(["report", "scenarios/china-chip-share.scn", "--runs", "200", "--threads", "1"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(!a.stdout.contains("generated"))
        let stamped = try BinaryRunner.run(["report", "scenarios/china-chip-share.scn", "--runs", "200", "--stamp"])
        #expect(stamped.stdout.contains(" · generated 20") && stamped.stdout.contains(" UTC</p>"))
    }

    @Test func badInputIsALocatedDiagnosticWithAHint() throws {
        let segment = try BinaryRunner.run(["chart", "scenarios/ofac-easing.scn", "--segment", "telecm"])
        #expect(segment.status == 2)
        #expect(segment.stderr == "sharesim: error: 'telecm' is no segment of OFAC easing (GL 25), April 2022\nhelp: did you mean 'telecom'?\n")
        let csv = try Fixtures.temporaryFile("swings.csv", "parameter,low,high\nleakage,0.9,high\n")
        let tornado = try BinaryRunner.run(["chart", csv, "--kind", "tornado"])
        #expect(tornado.status == 65)
        #expect(tornado.stderr.hasPrefix("\(csv):2:1: error: 'high' is not a number\n"))
        #expect(tornado.stderr.contains("help: write values in model terms, e.g. 0.85 for a share of 85%"))
        let fan = try BinaryRunner.run(["chart", "scenarios/ofac-easing.scn", "--kind", "fan"])
        #expect(fan.status == 2 && fan.stderr.contains("has no uncertain parameter"))
        let three = try BinaryRunner.run(["report", "scenarios/ofac-easing.scn", "scenarios/ofac-easing.scn", "scenarios/ofac-easing.scn"])
        #expect(three.status == 2 && three.stderr.contains("give one scenario file, or two to compare, not 3"))
        let missing = try BinaryRunner.run(["chart", "nowhere.scn"])
        #expect(missing.status == 66 && missing.stderr.hasPrefix("sharesim: error: cannot read 'nowhere.scn'"))
    }
}
