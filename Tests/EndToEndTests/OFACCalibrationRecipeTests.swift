import Foundation
import ShareSimTestSupport
import Testing

/// `ofac-easing.scn` writes the `calibrate` command that found its two fitted figures, the values
/// and intervals it printed, and the rounded values the file uses. These tests run that command,
/// taken from the file itself, so a change to the scenario, the engine or the fit that moves a
/// fitted number fails here until the file is brought up to date.
@Suite struct OFACCalibrationRecipeTests {
    static let path = "scenarios/ofac-easing.scn"

    static func scenarioText() throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The command as the file's comment gives it, split into arguments, `sharesim` left out.
    static func statedCommand(in text: String) throws -> [String] {
        let line = try #require(text.split(separator: "\n").first { $0.contains("sharesim calibrate \(path) --fit") })
        let words = line.split(separator: " ").map(String.init)
        let start = try #require(words.firstIndex(of: "sharesim"))
        return Array(words[(start + 1)...])
    }

    /// Every number in `text` written as a percentage (`10.706659%`), as written and as a fraction.
    static func percentages(in text: Substring) -> [(written: String, value: Double)] {
        text.matches(of: /(\d+(?:\.\d+)?)%/).compactMap { m in Double(m.output.1).map { (String(m.output.1), $0 / 100) } }
    }

    /// Whether `value` rounds to `written` at the number of decimals `written` has.
    static func rounds(_ value: Double, to written: String) -> Bool {
        let decimals = written.split(separator: ".").dropFirst().first?.count ?? 0
        return String(format: "%.\(decimals)f", value * 100) == written
    }

    @Test func theStatedCommandReproducesTheFileParametersAndItsComment() throws {
        let text = try Self.scenarioText()
        let command = try Self.statedCommand(in: text)
        #expect(command == ["calibrate", Self.path, "--fit", "government_buyers", "--fit", "west_basestations_each"])
        let run = try BinaryRunner.run(command + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["converged"] as? Bool == true)
        let fitted = try #require(doc["parameters"] as? [[String: Any]])
        #expect(fitted.count == 2)
        // The comment before the command: each value and its 95% interval, in the order fitted.
        let comment = try #require(text.split(separator: "\n").first { $0.contains("(95% interval") })
        let stated = Self.percentages(in: comment).filter { $0.written != "95" }
        #expect(stated.count == 6, "value, low and high for each parameter: \(comment)")
        for (i, parameter) in fitted.enumerated() {
            let name = try #require(parameter["name"] as? String)
            let value = try #require(parameter["value"] as? Double)
            let interval = try #require(parameter["interval"] as? [String: Any])
            let low = try #require(interval["low"] as? Double), high = try #require(interval["high"] as? Double)
            // `param NAME = X%`: the fitted value to the digits the file writes.
            let declaration = try #require(text.split(separator: "\n").first { $0.hasPrefix("param \(name) = ") })
            let used = try #require(Self.percentages(in: declaration).first)
            #expect(Self.rounds(value, to: used.written), "param \(name) = \(used.written)% but the fit gives \(value)")
            guard stated.count == 6 else { continue }
            let (v, l, h) = (stated[3 * i], stated[3 * i + 1], stated[3 * i + 2])
            #expect(Self.rounds(value, to: v.written), "\(name): the comment says \(v.written)%, the fit gives \(value)")
            #expect(Self.rounds(low, to: l.written) && Self.rounds(high, to: h.written),
                    "\(name): the comment says \(l.written)%..\(h.written)%, the fit gives \(low)..\(high)")
        }
        // Fitted, the file's run meets both observations (the fit is exact: two for two).
        let residuals = try #require(doc["fit"] as? [[String: Any]]).compactMap { $0["residual"] as? Double }
        #expect(residuals.count == 2 && residuals.allSatisfy { abs($0) < 1e-9 })
    }

    /// `ofac-no-easing.scn` is the same world: it inherits the fitted figures, so both files
    /// resolve to the same segments (buyer weights and initial shares), only their events differ.
    @Test func theWorldWithoutTheEasingKeepsTheFittedFigures() throws {
        func segments(_ file: String) throws -> String {
            let run = try BinaryRunner.run(["inspect", file, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let data = try JSONSerialization.data(withJSONObject: try #require(doc["segments"]), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let easing = try segments(Self.path)
        #expect(easing.contains("\"weight\":0.1071"))
        #expect(try segments("scenarios/ofac-no-easing.scn") == easing)
    }
}
