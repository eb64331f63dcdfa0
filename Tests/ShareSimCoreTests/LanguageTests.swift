import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        var lexer = Lexer(SourceFile(path: "t", text: text))
        return lexer.tokenize().map(\.kind)
    }

    @Test func percentagesKeepTheirSuffix() {
        #expect(kinds("45%") == [.number(45, text: "45", suffix: "%"), .end])
        #expect(kinds("0.45") == [.number(0.45, text: "0.45", suffix: ""), .end])
    }

    @Test func datesAreOneToken() {
        #expect(kinds("2022-04-07 2022-04 2022") == [.date("2022-04-07"), .date("2022-04"), .number(2022, text: "2022", suffix: ""), .end])
    }

    @Test func tagsCommentsAndIndentation() {
        #expect(kinds("a [seed 001: x] # note\n  b") == [.identifier("a"), .tag("seed 001: x"), .newline, .indent, .identifier("b"), .end])
    }

    @Test func unicodeSymbolsNormalise() {
        #expect(kinds("≤ ≥ ± +- ==") == [.symbol("<="), .symbol(">="), .symbol("±"), .symbol("±"), .symbol("="), .end])
    }

    @Test func unterminatedStringIsReportedWithItsColumn() {
        var lexer = Lexer(SourceFile(path: "t.scn", text: "scenario \"abc"))
        _ = lexer.tokenize()
        #expect(lexer.diagnostics.map(\.message) == ["unterminated string"])
        #expect(lexer.diagnostics.first?.location == ShareSimCore.SourceLocation(file: "t.scn", line: 1, column: 10, length: 4))
    }

    /// Past the bound the lexer only counts: 10,000 stray characters give a hundred recorded
    /// errors and 9,900 counted, every `$` between them still a token.
    @Test func strayCharactersPastTheBoundAreCountedNotRecorded() {
        var lexer = Lexer(SourceFile(path: "t.scn", text: String(repeating: "§$", count: 10_000)))
        let tokens = lexer.tokenize()
        #expect(lexer.diagnostics.count == DiagnosticLimit.errorsPerFile)
        #expect(lexer.omittedErrors == 10_000 - DiagnosticLimit.errorsPerFile)
        #expect(lexer.diagnostics.last?.message == "unexpected character '§'")
        #expect(lexer.diagnostics.last?.location == ShareSimCore.SourceLocation(file: "t.scn", line: 1, column: 199))
        #expect(tokens.count == 10_001)
    }

    /// Latin-1's letters start and continue names, decided without the Unicode tables as the
    /// tables decide: every scalar from U+0080 to U+00FF agrees with `isAlphabetic`.
    @Test func latinOneLettersAreNamesAndItsSignsAreNot() {
        #expect(kinds("Société ªµº") == [.identifier("Société"), .identifier("ªµº"), .end])
        for v in UInt32(0x80)..<0x100 {
            let c = Unicode.Scalar(v)!
            var lexer = Lexer(SourceFile(path: "t", text: String(Character(c))))
            let startsName = lexer.tokenize().first.map { if case .identifier = $0.kind { true } else { false } } ?? false
            #expect(startsName == c.properties.isAlphabetic, "U+\(String(v, radix: 16))")
        }
    }

    /// A run of stray characters is one error, quoting its first twenty.
    @Test func aRunOfStrayCharactersIsOneErrorQuotedShortened() {
        var lexer = Lexer(SourceFile(path: "t.scn", text: String(repeating: "§", count: 30)))
        _ = lexer.tokenize()
        #expect(lexer.diagnostics.map(\.message) == ["unexpected characters '\(String(repeating: "§", count: 20))…'"])
        #expect(lexer.diagnostics.first?.location?.length == 30)
    }
}

@Suite struct QuantityTests {
    func change(_ text: String) throws -> ChangeStatement {
        var p = Parser(SourceFile(path: "t", text: "event \"e\" 2022: \(text)"))
        let statements = p.parseFile()
        #expect(p.diagnostics.isEmpty, "\(p.diagnostics.map(\.message))")
        guard case .event(let e) = try #require(statements.first) else { Issue.record("not an event"); throw CancellationError() }
        return e.changes[0]
    }

    @Test func unitsBecomeModelValues() throws {
        #expect(try change("access Cisco to 45%").value.value == 0.45)
        #expect(try change("access Cisco to 45%").value.unit == .percent)
        #expect(try change("growth s to 3%/y").value.unit == .percentPerYear)
        #expect(try change("trend X to 0.4/y").value.unit == .plainPerYear)
        #expect(try change("shift X by -0.5").value.value == -0.5)
        #expect(try change("access X to 0 over 3 months").over?.value == 0.25)
        #expect(try change("access X to 0 over 2y").over?.value == 2)
        #expect(try change("access X to 0 over 1 quarter").over?.value == 0.25)
    }

    @Test func clausesComeInAnyOrder() throws {
        let c = try change("access origin US over 12 months to 50% in telecom for operators")
        guard case .origins(let codes) = c.vendors else { Issue.record("not an origin selector"); return }
        #expect(codes.map(\.text) == ["US"])
        #expect(c.value.value == 0.5 && c.over?.value == 1)
        #expect(c.buyers.map(\.text) == ["operators"])
        #expect(c.segments.map(\.text) == ["telecom"])
    }
}

@Suite struct ResolverTests {
    static let base = """
        timeline 2021-01 to 2022-12 monthly
        segment telecom lifetime 8y growth 3%/y size 4B USD
        buyers telecom: government 20%, operators 80%
        vendor Huawei origin CN
        vendor Cisco origin US
        vendor Ericsson origin EU
        share telecom: Huawei 60%, Cisco 10%, Ericsson 30%

        """

    @Test func datesBecomeStepsAndSelectorsBecomeVendors() throws {
        let r = try Fixtures.resolve(Self.base + """
            event "exit" 2022-04-07:
              access origin US, EU for operators in telecom to 10% over 3 months
            """)
        #expect(r.timeline.steps == 24)
        #expect(r.changes.map(\.at) == [15, 15])
        #expect(r.changes.map(\.vendor) == ["Cisco", "Ericsson"])
        #expect(r.changes.allSatisfy { $0.buyer == "operators" && $0.over == 3 && $0.value == 0.1 })
        #expect(r.changes[0].origin == ChangeOrigin(file: "test.scn", line: 9, event: "exit"))
        #expect(r.segments[0].size == 4e9 && r.segments[0].unit == "USD")
    }

    @Test func changesApplyInOrderOfStepThenAsWritten() throws {
        let r = try Fixtures.resolve(Self.base + """
            event "late" 2022-06:
              shift Huawei by 1
            event "early" 2021-03:
              shift Cisco by -1
              shift Huawei by 0.5
            """)
        #expect(r.changes.map(\.vendor) == ["Cisco", "Huawei", "Huawei"])
        #expect(r.changes.map(\.at) == [2, 2, 17])
    }

    @Test func overlayDropsAndMovesEvents() throws {
        let files = ["base.scn": Self.base + """
            event "ease" 2022-04:
              access Cisco to 50%
            event "ban" 2022-01:
              access Ericsson to 0%
            """]
        let dropped = try Fixtures.resolve("use \"base.scn\"\ndrop event \"ease\"\n", path: "over.scn", files: files)
        #expect(dropped.changes.map(\.vendor) == ["Ericsson"])
        let moved = try Fixtures.resolve("use \"base.scn\"\nmove event \"ease\" to 2021-02\n", path: "over.scn", files: files)
        #expect(moved.changes.map(\.at) == [1, 12])
    }

    @Test func overlayRedeclarationChangesTheSegment() throws {
        let r = try Fixtures.resolve("use \"base.scn\"\nsegment telecom lifetime 10y\n", path: "over.scn", files: ["base.scn": Self.base])
        #expect(r.segments[0].lifetime == 10)
        #expect(r.segments[0].growth == 0.03)
    }

    @Test func expectationsOfUsedFilesAreNotInherited() throws {
        let files = ["base.scn": Self.base + "expect share Huawei at 2021-01 = 60% ± 1%\n"]
        #expect(try Fixtures.resolve("use \"base.scn\"\n", path: "over.scn", files: files).expectations.isEmpty)
        #expect(try Fixtures.resolve(files["base.scn"]!).expectations.count == 1)
    }

    @Test func bareNumberShareIsAnErrorWithAHint() {
        let text = Fixtures.diagnostics(Self.base.replacingOccurrences(of: "Huawei 60%", with: "Huawei 60"))
        #expect(text.contains("test.scn:7:23: error: a share of 60 is not a fraction"))
        #expect(text.contains("help: did you mean 60%?"))
    }

    @Test func unknownVendorSuggestsTheClosestName() {
        let text = Fixtures.diagnostics(Self.base + "event \"x\" 2022: access Ericson to 0%\n")
        #expect(text.contains("test.scn:8:24: error: unknown vendor 'Ericson'"))
        #expect(text.contains("help: did you mean 'Ericsson'?"))
    }

    @Test func everyErrorOfAFileIsReported() {
        let text = Fixtures.diagnostics(Self.base + """
            vendr Nokia origin EU
            event "a" 2030-01:
              access Cisco to 10%
            event "b" 2022-01:
              shift Huawei by 5%
            """)
        #expect(text.contains("unknown statement 'vendr'"))
        #expect(text.contains("2030-01 is outside the timeline (2021-01 to 2022-12)"))
        #expect(text.contains("a shift is in units of utility"))
    }

    @Test func aTimelineOrSharesGivenTwiceInOneFileAreErrors() {
        let twice = Fixtures.diagnostics(Self.base + "timeline 2020-01 to 2022-12 monthly\nshare telecom: Huawei 50%, Cisco 20%, Ericsson 30%\n")
        #expect(twice.contains("test.scn:8:1: error: the timeline is declared twice"))
        #expect(twice.contains("note: first declared at test.scn:1:1"))
        #expect(twice.contains("test.scn:9:1: error: the initial shares of 'telecom' are given twice"))
        let overlay = try? Fixtures.resolve("use \"base.scn\"\ntimeline 2021-01 to 2023-12 monthly\n", path: "over.scn", files: ["base.scn": Self.base])
        #expect(overlay?.timeline.steps == 36)
    }

    @Test func anAppealBesideAShareIsAWarning() throws {
        let loader = ScenarioLoader(readFile: { _ in Data((Self.base + "appeal telecom: Cisco -2\n").utf8) })
        let loaded = try loader.load(path: "test.scn")
        #expect(loaded.warnings.map(\.message) == ["the appeal of 'Cisco' in 'telecom' is not used"])
    }

    @Test func aFileUsedTwiceIsAppliedOnce() throws {
        let files = ["base.scn": Self.base]
        let loader = ScenarioLoader(readFile: { p in
            guard let t = (files.merging(["over.scn": "use \"base.scn\"\nuse \"base.scn\"\n"]) { a, _ in a })[p] else { throw CocoaError(.fileReadNoSuchFile) }
            return Data(t.utf8)
        })
        let loaded = try loader.load(path: "over.scn")
        #expect(loaded.scenario.vendors.count == 3)
        #expect(loaded.warnings.map(\.message) == ["\"base.scn\" is already used; this use changes nothing"])
        #expect(loaded.warnings.first?.location?.line == 2)
    }

    /// A tag that ends a list sources every entry without its own; a change's tag may
    /// follow its ramp's duration.
    @Test func aTagEndingAListSourcesEachUntaggedEntry() throws {
        let s = try Fixtures.resolve("""
            timeline 2021-01 to 2021-12 monthly
            segment s lifetime 5y growth 0%/y size 1B USD
            buyers s: government 10%, operators 90% [assumption: split]
            vendor A origin US
            vendor B origin CN
            vendor C origin RU
            share s: A 60% [FACTS: X], B 30%, C 10% [assumption]
            event "E" 2021-06:
              access A in s to 50% over 3 months [seed 000]
            """)
        let tags = Dictionary(uniqueKeysWithValues: s.provenance.map { ($0.subject, $0.tag) })
        #expect(tags["buyers s government"] == "assumption: split")
        #expect(tags["buyers s operators"] == "assumption: split")
        #expect(tags["share s A"] == "FACTS: X")
        #expect(tags["share s B"] == "assumption")
        #expect(tags["share s C"] == "assumption")
        #expect(s.provenance.first { $0.subject.hasPrefix("event") }?.tag == "seed 000")
    }
}
