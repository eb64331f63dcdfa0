import Foundation
import ShareSimTestSupport
import Testing

/// The charts and the report in a real browser: headless Chromium opens a report and a
/// page holding each chart kind, its DOM holds the SVGs and their labels, and a screenshot
/// is not blank. Four browser starts in all (each takes about a second). `make test`
/// installs Chromium from Debian's packages when it is missing.
@Suite(.enabled(if: ExternalTool.chromium != nil, "chromium is not installed (make test installs it from Debian's packages)"))
struct BrowserTests {
    /// Headless Chromium with `arguments`, stopped by `timeout` should it hang. Each start has
    /// a profile of its own: two browsers on one profile lock each other out (exit 21).
    static func chromium(_ arguments: [String]) throws -> BinaryRunner.Output {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return try BinaryRunner.run(["60", ExternalTool.chromium!.path, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                     "--user-data-dir=\(home.path)/profile"] + arguments,
                                    environment: ["HOME": home.path], executable: ExternalTool.find("timeout"))
    }

    /// A screenshot's PNG: a blank page compresses to a few kilobytes, a chart does not.
    static func screenshot(_ page: String, height: Int) throws -> Int {
        let png = page + ".png"
        let run = try chromium(["--screenshot=\(png)", "--window-size=1000,\(height)", "file://\(page)"])
        #expect(run.status == 0, "\(run.stderr)")
        return (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    }

    @Test func everyChartKindRendersWithItsLabels() throws {
        var svgs: [String] = []
        for (_, arguments) in ChartCommandTests.golden {
            let run = try BinaryRunner.run(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            svgs.append(run.stdout)
        }
        let page = try Fixtures.temporaryFile("gallery.html", "<!DOCTYPE html><html><body>\n" + svgs.joined(separator: "\n") + "</body></html>\n")
        let dom = try Self.chromium(["--dump-dom", "file://\(page)"])
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.components(separatedBy: "<svg").count - 1 == ChartCommandTests.golden.count)
        for label in ["Western vendors leave", "first divergence: CN, 2022-04", "not confidence intervals", "leakage",
                      "imports_lifetime (1 to 6 months)", "Huawei–Sberbank cloud partnership", "1 month"] {
            #expect(dom.stdout.contains(label), "the DOM lacks \(label)")
        }
        let blank = try Fixtures.temporaryFile("blank.html", "<!DOCTYPE html><html><body></body></html>\n")
        let empty = try Self.screenshot(blank, height: 700)
        let drawn = try Self.screenshot(page, height: 700)
        #expect(drawn > 4 * max(empty, 1), "a screenshot of the charts is \(drawn) bytes, of a blank page \(empty)")
    }

    @Test func theReportOpensWithItsChartsAndSections() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-report-\(getpid()).html").path
        defer { for file in [path, path + ".png"] { try? FileManager.default.removeItem(atPath: file) } }
        let run = try BinaryRunner.run(["report", "scenarios/china-chip-share.scn", "--by", "origin", "--runs", "300", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        let dom = try Self.chromium(["--dump-dom", "file://\(path)"])
        #expect(dom.status == 0, "\(dom.stderr)")
        // The chips by origin, the fan, and the two shares the evidence is in: sales by origin and by recorded origin.
        #expect(dom.stdout.components(separatedBy: "<svg").count - 1 == 4)
        for label in ["The question", "Export controls after the invasion", "Expectations", "Sources", "parameter leakage", "Download the plotted numbers",
                      "sales share by recorded origin"] {
            #expect(dom.stdout.contains(label), "the report's DOM lacks \(label)")
        }
        #expect(try Self.screenshot(path, height: 900) > 20_000)
    }
}
