import ShareSimCore
import ShareSimTestSupport
import Testing

/// `param` statements, figures written as names or distributions, and `setting(_:to:)`.
@Suite struct ParameterTests {
    static let base = """
        timeline 2021-01 to 2023-12 monthly
        segment chips lifetime 1 month size 150M USD
        vendor A origin CN
        vendor B origin US
        vendor C origin EU
        share chips: A 30%, B 40%, C 30%

        """

    @Test func aNamedParameterSetsEveryFigureThatUsesIt() throws {
        let s = try Fixtures.resolve(Self.base + """
            param leakage = 6.5% [assumption]
            event "Controls" 2022-03:
              access origin US, EU in chips to leakage over 3 months
            """)
        let p = try #require(s.parameters.first)
        #expect(s.parameters.count == 1)
        #expect(p.name == "leakage")
        #expect(p.nominal == 0.065)
        #expect(p.distribution == nil)
        #expect(p.validRange == 0...1)
        #expect(p.targets == [.change(index: 0), .change(index: 1)])
        #expect(s.changes.map(\.value) == [0.065, 0.065])
        #expect(p.location.line == 7 && p.location.column == 7)
    }

    @Test func aParameterRunsExactlyLikeTheNumberItNames() throws {
        let named = try Fixtures.resolve(Self.base + """
            param leakage ~ triangular(3%, 6.5%, 10%)
            event "Controls" 2022-03:
              access origin US, EU in chips to leakage over 3 months
            """)
        let written = try Fixtures.resolve(Self.base + """
            event "Controls" 2022-03:
              access origin US, EU in chips to 6.5% over 3 months
            """)
        #expect(named.parameters[0].nominal == 0.065)
        #expect(named.changes.map(\.value) == written.changes.map(\.value))
        #expect(named.changes.map(\.at) == written.changes.map(\.at))
        let a = try Engine.run(named), b = try Engine.run(written)
        #expect(a.segments[0].values(.installedShare, member: 2) == b.segments[0].values(.installedShare, member: 2))
    }

    @Test func distributionsAndTheirNominalValues() throws {
        let s = try Fixtures.resolve(Self.base + """
            param u ~ uniform(3%, 10%)
            param t ~ triangular(3%, 6.5%, 10%)
            param n ~ normal(6.5%, 1.5%)
            param o ~ oneof(5%, 6.5%, 8%)
            event "Controls" 2022-03:
              access A to u
              access B to t
              access C to n
              access A to o
            """)
        #expect(s.parameters.map(\.distribution) == [.uniform(0.03, 0.1), .triangular(0.03, 0.065, 0.1),
                                                     .normal(mean: 0.065, sd: 0.015), .oneOf([0.05, 0.065, 0.08])])
        #expect(s.parameters.map(\.nominal) == [0.065, 0.065, 0.065, 0.05])
    }

    @Test func inlineDistributionsAreAnonymousParametersAfterTheNamedOnes() throws {
        let s = try Fixtures.resolve(Self.base.replacingOccurrences(of: "lifetime 1 month", with: "lifetime uniform(1y, 3y) growth normal(2%, 1%)") + """
            param leakage = 6.5%
            event "Controls" 2022-03:
              access origin US in chips to uniform(3%, 10%)
              access origin EU in chips to uniform(3%, 10%)
            """)
        #expect(s.parameters.map(\.name) == ["leakage", "chips lifetime", "chips growth", "\"Controls\" access", "\"Controls\" access #2"])
        #expect(s.parameters[1].targets == [.lifetime(segment: 0)])
        #expect(s.parameters[1].nominal == 2)
        #expect(s.parameters[1].validRange.lowerBound > 0)
        #expect(s.parameters[2].validRange.lowerBound == -1)
        #expect(s.segments[0].lifetime == 2 && s.segments[0].growth == 0.02)
        #expect(s.parameters[3].targets == [.change(index: 0)])
    }

    @Test func sharesBuyersAppealAndSize() throws {
        let s = try Fixtures.resolve("""
            timeline 2021-01 to 2023-12 monthly
            param gov = 20%
            param bshare = 40%
            param newcomer = -4
            param market = 4B
            segment telecom lifetime 8y size market USD
            buyers telecom: government gov, operators 80%
            vendor A origin CN
            vendor B origin US
            vendor N origin IN
            share telecom: A 60%, B bshare, N 0%
            appeal telecom: N newcomer
            """)
        #expect(s.segments[0].size == 4e9 && s.segments[0].unit == "USD")
        #expect(s.parameters.map(\.targets) == [[.buyerWeight(segment: 0, buyer: 0)], [.initialShare(segment: 0, vendor: "B")],
                                                [.appeal(segment: 0, vendor: "N")], [.size(segment: 0)]])
        #expect(s.parameters[3].validRange.upperBound == 1e18)
    }

    @Test func aLaterLayerRedeclaresAParameter() throws {
        let base = Self.base + """
            param leakage = 6.5%
            event "Controls" 2022-03:
              access origin US in chips to leakage
            """
        let s = try Fixtures.resolve("use \"base.scn\"\nparam leakage ~ uniform(5%, 9%)\n", path: "variant.scn", files: ["base.scn": base])
        #expect(s.parameters.count == 1)
        #expect(s.parameters[0].distribution == .uniform(0.05, 0.09))
        #expect(s.changes[0].value == 0.07)
    }

    // MARK: diagnostics

    @Test func declaredTwiceInOneFileIsAnError() {
        let d = Fixtures.diagnostics(Self.base + "param x = 5%\nparam x = 6%\n")
        #expect(d.contains("test.scn:8:7: error: parameter 'x' is declared twice"))
        #expect(d.contains("note: first declared at test.scn:7:7"))
    }

    @Test func unknownParameterSuggestsTheNearestName() {
        let d = Fixtures.diagnostics(Self.base + """
            param leakage = 6.5%
            event "Controls" 2022-03:
              access origin US in chips to leakge
            """)
        #expect(d.contains("test.scn:9:32: error: unknown parameter 'leakge'"))
        #expect(d.contains("help: did you mean 'leakage'?"))
    }

    @Test func unitsAreCheckedWhereTheParameterIsUsed() {
        let d = Fixtures.diagnostics(Self.base + """
            param life = 8y
            param leakage ~ uniform(3%, 8y)
            event "Controls" 2022-03:
              access origin US in chips to life
              access origin EU in chips to leakage
            """)
        #expect(d.contains("test.scn:10:32: error: access takes a percentage or a fraction, not 8y"))
        #expect(d.contains("note: 'life' is 8y, declared at test.scn:7:7"))
        #expect(d.contains("test.scn:11:32: error: access takes a percentage or a fraction, not 8y"))
        #expect(d.contains("note: 'leakage' is uniform(3%, 8y), declared at test.scn:8:7"))
    }

    @Test func aDistributionMustFitWhereItIsUsed() {
        let d = Fixtures.diagnostics(Self.base + """
            event "Controls" 2022-03:
              access origin US in chips to uniform(3%, 120%)
            """)
        #expect(d.contains("error: access must lie between 0% and 100%, not 120%"))
    }

    @Test(arguments: [
        ("uniform(10%, 3%)", "uniform(10%, 3%): the low end 10% is not below the high end 3%", "help: write uniform(3%, 10%)"),
        ("uniform(3%)", "uniform takes two numbers (low, high), not 1", "help: uniform(LOW, HIGH)"),
        ("triangular(3%, 12%, 10%)", "the mode 12% lies outside 3% to 10%", "help: triangular(LOW, MODE, HIGH)"),
        ("normal(6.5%, -1%)", "the standard deviation must be above zero, not -1%", "help: normal(MEAN, SD)"),
        ("oneof()", "oneof takes at least one number, not 0", "help: oneof(A, B, …)"),
        ("unifrom(3%, 10%)", "unknown distribution 'unifrom'", "help: did you mean 'uniform'?"),
        ("uniform(3%, 10%", "expected ')' to close uniform(…), found end of line", "help: uniform(LOW, HIGH)"),
    ])
    func badDistributionArguments(written: String, message: String, help: String) {
        let d = Fixtures.diagnostics(Self.base + "param x ~ \(written)\n")
        #expect(d.contains("error: ") && d.contains(message), "\(d)")
        #expect(d.contains(help), "\(d)")
    }

    @Test func aDistributionAfterEqualsAndAKeywordAsNameAreErrors() {
        #expect(Fixtures.diagnostics(Self.base + "param x = uniform(3%, 10%)\n").contains("error: a distribution is written with '~', not '='"))
        #expect(Fixtures.diagnostics(Self.base + "param over = 3%\n").contains("error: 'over' cannot name a parameter: it is a keyword"))
        #expect(Fixtures.diagnostics(Self.base + "param x 3%\n").contains("error: expected '=' or '~' after the parameter's name, found '3%'"))
    }

    @Test func aParameterThatFailedToParseIsNotReportedUnknownToo() {
        let d = Fixtures.diagnostics(Self.base + """
            param leakage ~ uniform(10%, 3%)
            event "Controls" 2022-03:
              access origin US in chips to leakage
            """)
        #expect(!d.contains("unknown parameter"))
    }

    @Test func uncertainSharesMustLeaveRoomForTheOthers() {
        let all = Fixtures.diagnostics("""
            timeline 2021-01 to 2023-12 monthly
            segment chips lifetime 1 month
            vendor A origin CN
            vendor B origin US
            share chips: A uniform(20%, 40%), B 70%
            """)
        #expect(all.contains("error: shares of 'chips' sum to 100.0%") == false)
        #expect(all == "")
        let none = Fixtures.diagnostics("""
            timeline 2021-01 to 2023-12 monthly
            param a ~ uniform(40%, 60%)
            param b = 50%
            segment chips lifetime 1 month
            vendor A origin CN
            vendor B origin US
            share chips: A a, B b
            """)
        #expect(none.contains("error: every one of the shares of 'chips' is a parameter, and some are uncertain"))
        let over = Fixtures.diagnostics(Self.base.replacingOccurrences(of: "B 40%, C 30%", with: "B uniform(30%, 50%), C normal(30%, 5%)"))
        #expect(over.contains("error: the uncertain shares of 'chips' can reach 150.0% together, over 100%"))
    }

    // MARK: setting

    @Test func settingAParameterChangesEveryFigureItSets() throws {
        let s = try Fixtures.resolve(Self.base + """
            param leakage ~ uniform(3%, 10%)
            event "Controls" 2022-03:
              access origin US, EU in chips to leakage over 3 months
            """)
        let t = try s.setting("leakage", to: 0.04)
        #expect(t.changes.map(\.value) == [0.04, 0.04])
        #expect(t.parameters[0].nominal == 0.04)
        #expect(t.segments == s.segments)
        #expect(try s.setting("leakage", to: 0.065) == s)
    }

    @Test func settingOutsideTheValidRangeOrAnUnknownNameThrows() throws {
        let s = try Fixtures.resolve(Self.base.replacingOccurrences(of: "lifetime 1 month", with: "lifetime life") + """
            param leakage = 6.5%
            param life = 1 month
            event "Controls" 2022-03:
              access origin US, EU in chips to leakage
            """)
        #expect(throws: Diagnostic.self) { try s.setting("leakage", to: 1.5) }
        #expect(throws: Diagnostic.self) { try s.setting("life", to: 0) }
        #expect(throws: Diagnostic.self) { try s.setting("leakage", to: .nan) }
        do {
            _ = try s.setting("leakge", to: 0.05)
            Issue.record("no error")
        } catch {
            #expect(error.message == "unknown parameter 'leakge'")
            #expect(error.help == ["did you mean 'leakage'?"])
        }
        #expect(try s.setting("life", to: 2).segments[0].lifetime == 2)
    }

    @Test func settingAShareRebalancesTheSharesNoParameterSets() throws {
        let s = try Fixtures.resolve(Self.base.replacingOccurrences(of: "B 40%", with: "B b") + "param b = 40%\n")
        let t = try s.setting("b", to: 0.6)
        #expect(t.segments[0].initial["B"] == 0.6)
        #expect(abs(t.segments[0].initial["A"]! - 0.2) < 1e-15 && abs(t.segments[0].initial["C"]! - 0.2) < 1e-15)
        #expect(throws: Diagnostic.self) { try s.setting("b", to: 1.0).setting("b", to: 0.5) }
        let full = try s.setting("b", to: 1.0)
        #expect(full.segments[0].initial["A"] == 0 && full.segments[0].initial["C"] == 0)
    }

    @Test func settingABuyerWeightRebalancesTheOtherGroups() throws {
        let s = try Fixtures.resolve(Self.base + "param gov = 20%\nbuyers chips: government gov, operators 50%, enterprise 30%\n")
        let t = try s.setting("gov", to: 0.6)
        #expect(t.segments[0].buyers.map(\.weight) == [0.6, 0.25, 0.15])
    }

    /// A sweep or a calibration may try any value in the valid range; one that would carry
    /// the run past what a number holds is refused, as the same figure written in the file is.
    @Test func settingAGrowthSoLargeTheRunWouldOverflowIsRefused() throws {
        let s = try Fixtures.resolve(Self.base + "param boom = 3%\nevent \"Boom\" 2022:\n  growth chips to boom\n")
        #expect(try s.setting("boom", to: 10).changes[0].value == 10)
        do {
            _ = try s.setting("boom", to: 1e200)
            Issue.record("a growth of 1e200 a year must be refused")
        } catch {
            #expect(error.message == "with parameter 'boom' set to 1e+200, segment 'chips' grows past 1e+300 by 2023-06: "
                    + "a growth of 1e+202%/y from a size of 150M is more than the model can compute with")
            #expect(error.location?.line == 7)
        }
    }

    @Test func theChipScenarioHasAnUncertainLeakageWithTheCalibratedNominal() throws {
        let s = try ScenarioLoader().load(path: Fixtures.scenarioPath("china-chip-share")).scenario
        let leakage = try #require(s.parameters.first { $0.name == "leakage" })
        #expect(abs(leakage.nominal - 0.0731) < 1e-12)
        #expect(leakage.distribution != nil)
        #expect(leakage.targets.count == 3)
    }
}
