import Foundation
import ShareSimCore
import Testing

/// Malformed inputs and the diagnostics each must produce (see Malformed/README.md), then
/// inputs no one would write on purpose: huge, deep, binary or mutated at random. Nothing
/// may crash or hang, and every problem must be reported at a place in the text.
///
/// To regenerate the `.expected` files after a deliberate change to a message, run with
/// `SHARESIM_UPDATE_MALFORMED=1` and read every changed file before committing it.
@Suite struct MalformedInputTests {
    /// Where a case's input comes from.
    enum Input: Sendable {
        /// A file in Malformed/, by its name.
        case file(String)
        /// Bytes made here (binary, huge or deep inputs), loaded as if from a file of that name.
        case bytes(String, [UInt8])
        /// A path that names a directory.
        case directory
        /// A path that names nothing.
        case missing(String)

        var path: String {
            switch self {
            case .file(let name), .bytes(let name, _), .missing(let name): return name
            case .directory: return "a-directory"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: Input
        var isUnreadableFile = false
        /// The input loads, with the warnings its `.expected` holds.
        var loadsWithWarnings = false
        var testDescription: String { name }
    }

    static let catalogue: [Case] = fileCases + fuzzingFindings + generatedCases + [
        Case(name: "directory-as-file", input: .directory, isUnreadableFile: true),
        Case(name: "missing-file", input: .missing("does-not-exist.scn"), isUnreadableFile: true),
    ]

    /// Cases whose input is Malformed/NAME.scn or NAME.json.
    static let fileCases: [Case] = [
        "unknown-vendor.scn", "shares-not-100.scn", "share-without-percent.scn", "share-over-100.scn",
        "date-outside-timeline.scn", "duplicate-vendor.scn", "duplicate-segment.scn", "duplicate-event.scn",
        "cyclic-use-a.scn", "self-use-dot-path.scn", "use-missing-file.scn", "use-of-broken-file.scn",
        "unterminated-string.scn", "single-quotes.scn", "empty.scn", "only-comments.scn", "number-too-large.scn",
        "negative-lifetime.scn", "unknown-keyword.scn", "unknown-segment.scn", "unknown-origin.scn",
        "unknown-buyer-group.scn", "unknown-step.scn", "unknown-unit.scn", "invalid-month.scn", "invalid-day.scn",
        "year-as-exponent.scn", "timeline-backwards.scn", "missing-timeline.scn", "event-without-changes.scn",
        "change-without-value.scn", "zero-share-no-appeal.scn", "change-outside-event.scn",
        "expect-equal-without-tolerance.scn", "growth-without-unit.scn", "lifetime-without-unit.scn",
        "shift-in-percent.scn", "buyers-not-100.scn", "drop-unknown-event.scn", "unexpected-indentation.scn",
        "unterminated-tag.scn", "trailing-garbage.scn", "crlf-line-endings.scn", "non-ascii-columns.scn",
        "several-errors.scn", "huge-ramp.scn", "no-follow-on-after-a-broken-segment.scn",
        "overflow-growth.scn", "overflow-long-timeline.scn", "overflow-growth-change.scn", "growth-boom-ends.scn",
        "json-syntax-error.json", "json-trailing-comma.json", "json-number-too-large.json", "json-wrong-format.json",
        "json-wrong-type.json", "json-missing-key.json", "json-shares-not-one.json", "json-unknown-vendor-in-change.json",
        "json-unknown-field.json", "json-change-after-timeline.json", "scenario-text-named-json.json",
        "json-buyer-on-shift.json", "json-over-not-whole.json", "overlay-timeline-leaves-shares-behind.scn",
        "overflow-json.json", "overflow-utility.json", "json-negative-steps.json",
        "json-unknown-channel.json", "json-two-operations.json", "json-channel-on-shift.json", "json-until-before-at.json",
        "unknown-channel.scn", "via-on-shift.scn", "points-on-shift.scn", "until-before-start.scn", "times-on-closed-channel.scn",
        "observe-csv-missing-date.scn", "observe-csv-unknown-column.scn", "observe-csv-bad-cells.scn",
        "observe-csv-duplicate-date.scn", "observe-share-outside-range.scn",
    ].map { file in
        let name = String(file.prefix { $0 != "." })
        // A used file that cannot be read makes the scenario unreadable (exit 66), though
        // the diagnostic still points at the `use` line.
        return Case(name: name, input: .file(file), isUnreadableFile: name == "use-missing-file",
                    loadsWithWarnings: name == "times-on-closed-channel")
    }

    /// Inputs `make fuzz` found (kept by Fuzz/keep-findings as `found-by-fuzzing-*`): each is a
    /// case from the moment it is kept, and fails until it is fixed and its `.expected` written.
    static let fuzzingFindings: [Case] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix("found-by-fuzzing-") && !$0.hasSuffix(".expected") }.sorted().map { file in
            Case(name: String(file.prefix { $0 != "." }), input: .file(file))
        }
    }()

    /// Files in Malformed/ that are no case of their own: used by a case, or a fuzzing seed.
    static let helperFiles: Set<String> = [
        "cyclic-use-b.scn", "use-of-broken-file-base.scn", "ofac-easing.scn", "README.md",
        "observe-csv-missing-date.csv", "observe-csv-unknown-column.csv", "observe-csv-bad-cells.csv",
        "observe-csv-duplicate-date.csv", "observe-share-outside-range.csv",
    ]

    /// Inputs better made than committed: binary, or too large to read in a diff.
    static let generatedCases: [Case] = {
        func text(_ s: String) -> [UInt8] { Array(s.utf8) }
        var random = Random(seed: 7)
        return [
            Case(name: "binary-nul-bytes", input: .bytes("binary-nul-bytes.scn", text("scenario \"NUL\"\ntimeline 2021") + [0, 0, 0] + text("-01 to 2023-12 monthly\n"))),
            Case(name: "binary-invalid-utf8", input: .bytes("binary-invalid-utf8.scn", text("vendor Huawei origin CN\nvendor Cisco") + [0xC3, 0x28] + text(" origin US\n"))),
            Case(name: "binary-utf16", input: .bytes("binary-utf16.scn", [0xFF, 0xFE] + "scenario \"UTF-16\"\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            Case(name: "binary-random", input: .bytes("binary-random.scn", (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) })),
            Case(name: "control-characters", input: .bytes("control-characters.scn", text("scenario \"Bell\"\u{07}\ntimeline 2021-01 to 2023-12 monthly \u{1B}[31m\n\u{01}\u{02}\u{03}\n"))),
            Case(name: "json-deep-nesting", input: .bytes("json-deep-nesting.json", text(String(repeating: "[", count: 100_000)))),
            Case(name: "deep-parentheses", input: .bytes("deep-parentheses.scn", text(String(repeating: "(", count: 100_000) + "\n"))),
            Case(name: "long-line", input: .bytes("long-line.scn", text("scenario \"Long line\"\nvendor " + String(repeating: "A", count: 1_000_000) + " origin\n"))),
            Case(name: "long-garbage-run", input: .bytes("long-garbage-run.scn", text("scenario \"Garbage\" " + String(repeating: "@", count: 200_000) + "\n"))),
            Case(name: "many-errors", input: .bytes("many-errors.scn", text("scenario \"Many\"\n" + (0..<300).map { "vendro V\($0) origin US\n" }.joined()))),
            Case(name: "megabyte-name", input: .bytes("megabyte-name.scn", text("""
                scenario "Long name"
                timeline 2021-01 to 2022-12 monthly
                segment s lifetime 8y
                vendor A origin US
                share s 2021-01: \(String(repeating: "B", count: 1_000_000)) 100%

                """))),
        ]
    }()

    static let directory: URL = Bundle.module.url(forResource: "Malformed", withExtension: nil)!

    /// Reads `use`d and named files from Malformed/ by their base name, and generated bytes from memory.
    static func loader(for input: Input) -> ScenarioLoader {
        ScenarioLoader(readFile: { path in
            switch input {
            case .bytes(let name, let bytes) where path == name: return Data(bytes)
            case .directory where path == input.path: return try Data(contentsOf: directory)
            default: return try Data(contentsOf: directory.appendingPathComponent((path as NSString).lastPathComponent))
            }
        })
    }

    /// The diagnostics as `sharesim check` prints them (without its "N errors" line), or
    /// nothing for an input that loads.
    static func check(_ input: Input) -> (rendered: String, error: ScenarioError?) {
        let printer = DiagnosticPrinter(useColor: false)
        do {
            let loaded = try loader(for: input).load(path: input.path)
            return (printer.render(loaded.warnings, sources: loaded.sources), nil)
        } catch {
            return (printer.render(error.diagnostics, sources: error.sources), error)
        }
    }

    /// The time limit only turns a hang into a failure; speed is measured by `make bench`
    /// (a wall-clock bound here failed on a loaded machine, not on slow code).
    @Test(.timeLimit(.minutes(2)), arguments: catalogue)
    func reportsTheExpectedDiagnostics(_ c: Case) throws {
        let (rendered, error) = Self.check(c.input)

        let expected: String
        if ProcessInfo.processInfo.environment["SHARESIM_UPDATE_MALFORMED"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Malformed/\(c.name).expected")
            try rendered.write(to: source, atomically: true, encoding: .utf8)
            expected = rendered
        } else {
            expected = try String(contentsOf: Self.directory.appendingPathComponent("\(c.name).expected"), encoding: .utf8)
        }
        #expect(rendered == expected)

        #expect((error?.isUnreadableFile ?? false) == c.isUnreadableFile)
        if expected.isEmpty || c.loadsWithWarnings {
            #expect(error == nil, "an input whose .expected is empty or only warnings must load")
            return
        }
        let e = try #require(error, "a malformed input must not load")
        #expect(!e.diagnostics.isEmpty)
        if case .file = c.input { Self.expectLocated(e) }
    }

    /// Every diagnostic points at a line and column of a file whose text it can quote.
    static func expectLocated(_ e: ScenarioError, _ context: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for d in e.diagnostics {
            guard let loc = d.location else {
                Issue.record("no location: \(d.message) \(context)", sourceLocation: sourceLocation)
                continue
            }
            #expect(loc.line >= 1 && loc.column >= 1, "\(loc.description): \(d.message) \(context)", sourceLocation: sourceLocation)
            #expect(e.sources[loc.file] != nil, "no source to quote for \(loc.description) \(context)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyFileInMalformedBelongsToACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
        var known = Self.helperFiles
        for c in Self.catalogue {
            known.insert("\(c.name).expected")
            if case .file(let name) = c.input { known.insert(name) }
        }
        #expect(Set(files).subtracting(known).sorted() == [])
        #expect(Set(Self.catalogue.map(\.name)).count == Self.catalogue.count, "case names are unique")
    }

    // MARK: large inputs: no golden text, but they must finish quickly and be reported in place

    static let stress: [(String, String)] = {
        var random = Random(seed: 42)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789 %:,.-+/=<>[]\"'#()$*;\t@!?{}")
        let garbage = (0..<10_000).map { _ in
            String((0..<Int(random.next() % 80)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }.joined(separator: "\n")
        var statements = "scenario \"Many\"\ntimeline 2021-01 to 2023-12 monthly\nsegment s lifetime 8y\n"
        for i in 0..<10_000 {
            statements += ["vendor V\(i % 3000) origin O\(i % 7)", "share s: V\(i) 1%, W 99%", "event \"E\(i % 2000)\" 2022-0\(1 + i % 9):",
                           "  access V\(i) in s to 10% over \(i) months", "expect sales share V\(i) at 2030 = 5"][i % 5] + "\n"
        }
        let keywords = (0..<10_000).map { i in ["vendro", "segmnt", "evnt", "timelin"][i % 4] + " x\(i)" }.joined(separator: "\n")
        return [("10k-lines-of-garbage", garbage), ("10k-statements-with-errors", statements), ("10k-misspelt-keywords", keywords)]
    }()

    /// As above, the time limit is a guard against hangs, not a speed test.
    @Test(.timeLimit(.minutes(2)), arguments: stress.map(\.0))
    func largeMalformedInputIsReportedBounded(_ name: String) throws {
        let text = try #require(Self.stress.first { $0.0 == name }?.1)
        let (rendered, error) = Self.check(.bytes("\(name).scn", Array(text.utf8)))
        let e = try #require(error)
        #expect(!e.diagnostics.isEmpty)
        Self.expectLocated(e)
        #expect(rendered.utf8.count < 400 * e.diagnostics.count + 1000, "every diagnostic quotes a bounded excerpt")
    }

    // MARK: fuzzing: mutated scenarios load or are reported, never crash

    static let seeds = ["ofac-easing.scn", "several-errors.scn", "non-ascii-columns.scn", "json-shares-not-one.json"]

    @Test(.timeLimit(.minutes(2)), arguments: seeds)
    func mutatedInputsNeverCrash(seed: String) throws {
        let original = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(seed)))
        var random = Random(seed: UInt64(seed.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        let ext = seed.hasSuffix(".json") ? "json" : "scn"
        for round in 0..<150 {
            let mutated = Self.mutate(original, round: round, random: &random)
            let (_, error) = Self.check(.bytes("fuzz-\(round).\(ext)", mutated))
            guard let error else { continue }
            #expect(!error.diagnostics.isEmpty, "round \(round) of \(seed) failed without a diagnostic")
            #expect(!error.isUnreadableFile)
            Self.expectLocated(error, "(round \(round) of \(seed))")
        }
    }

    /// Insertions that tend to break things: units, quotes, brackets, huge numbers, bad dates.
    static let splices = ["%", "\"", "'", "[", "]", "\n  ", "\n", ":", ",", "-", "1e400", "9e99", "2022-13", "0000-00-00",
                          " over 1e18 years", " to ", "use \"ofac-easing.scn\"\n", "\u{0}", "\u{FEFF}", "é", "🚪", "\r", "\t"]

    static func mutate(_ bytes: [UInt8], round: Int, random: inout Random) -> [UInt8] {
        var b = bytes
        for _ in 0...(random.next() % 4) {
            let at = b.isEmpty ? 0 : Int(random.next() % UInt64(b.count))
            switch random.next() % 7 {
            case 0: if !b.isEmpty { b[at] = UInt8(truncatingIfNeeded: random.next()) }
            case 1: if !b.isEmpty { b[at] ^= 1 << UInt8(random.next() % 8) }
            case 2: b = Array(b.prefix(at))
            case 3: b.insert(contentsOf: Array(splices[Int(random.next() % UInt64(splices.count))].utf8), at: at)
            case 4: b.removeSubrange(at..<min(b.count, at + Int(random.next() % 40)))
            default:
                var lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
                guard lines.count > 1 else { continue }
                let i = Int(random.next() % UInt64(lines.count)), j = Int(random.next() % UInt64(lines.count))
                if random.next() % 2 == 0 { lines.swapAt(i, j) } else { lines.insert(lines[i], at: j) }
                b = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            }
        }
        return b
    }
}

extension MalformedInputTests {
    /// SplitMix64: a small deterministic generator, so that every run fuzzes the same inputs.
    struct Random {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
