import Foundation
import ShareSimCore

/// Paths and helpers shared by the test targets.
public enum Fixtures {
    /// The package root, found from this file's place in the tree.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let bundledScenarios = ["ofac-easing", "ofac-no-easing", "huawei-substitution", "china-chip-share", "chips-brand-only",
                                                 "software-substitution"]

    /// The chip scenario before routes (one origin per vendor, one leakage with a closed-form
    /// answer), kept for the tests of calibrate and sweep: `Tests/Fixtures/chips-one-origin.scn`.
    public static let oneOriginChips = "Tests/Fixtures/chips-one-origin.scn"
    /// A flow market whose fit observations were read off a run with us_access 7% and
    /// eu_access 35%, with one check held out: calibrate's fit to observations recovers them.
    public static let observedChips = "Tests/Fixtures/observed-chips.scn"

    public static func scenarioPath(_ name: String) -> String {
        packageRoot.appendingPathComponent("scenarios/\(name).scn").path
    }

    /// Loads scenario text given in memory, as if it were a file called `path`.
    public static func resolve(_ text: String, path: String = "test.scn", files: [String: String] = [:]) throws(ScenarioError) -> ResolvedScenario {
        let all = files.merging([path: text]) { a, _ in a }
        let loader = ScenarioLoader(readFile: { p in
            guard let t = all[p] else { throw CocoaError(.fileReadNoSuchFile) }
            return Data(t.utf8)
        })
        return try loader.load(path: path).scenario
    }

    /// The diagnostics a text produces, rendered without colour.
    public static func diagnostics(_ text: String, path: String = "test.scn", files: [String: String] = [:]) -> String {
        do {
            _ = try resolve(text, path: path, files: files)
            return ""
        } catch {
            return DiagnosticPrinter().render(error.diagnostics, sources: error.sources)
        }
    }

    /// Writes a file in this process's own temporary directory and returns its path.
    public static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Parses the run-output CSV into rows keyed by "step|segment|vendor".
    public static func csvRows(_ csv: String) -> [String: [String: String]] {
        var lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            rows["\(row["step"]!)|\(row["segment"]!)|\(row["vendor"]!)"] = row
        }
        return rows
    }

    /// A minimal scenario for invariant tests: two or more vendors in one segment.
    public static func market(
        shares: [(String, Double)], lifetime: Double = 5, growth: Double = 0, steps: Int = 60, step: StepKind = .month,
        buyers: [BuyerGroup] = [BuyerGroup(id: "all", weight: 1)], changes: [Change] = []
    ) -> ResolvedScenario {
        ResolvedScenario(
            name: "test", timeline: Timeline(start: CalendarMonth(year: 2020, month: 1), step: step, steps: steps),
            vendors: shares.enumerated().map { Vendor(id: $1.0, origin: $0 % 2 == 0 ? "US" : "CN") },
            segments: [Segment(id: "s", lifetime: lifetime, growth: growth, size: 100, buyers: buyers,
                               initial: Dictionary(uniqueKeysWithValues: shares))],
            changes: changes)
    }
}
