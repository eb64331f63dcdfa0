import ShareSimCore
import ShareSimTestSupport
import Testing

/// Hints that answer the mistake made (issue 7, item 8h): each was a hint that repeated
/// the mistake (`write e.g. 2my`) or spoke of something else.
@Suite struct HintTests {
    static let head = """
        scenario "H"
        timeline 2021-01 to 2023-12 monthly
        vendor A origin US
        vendor B origin CN

        """

    static func help(_ text: String) -> [String] {
        Fixtures.diagnostics(head + text).split(separator: "\n").filter { $0.hasPrefix("help: ") }.map { String($0.dropFirst(6)) }
    }

    @Test func aRampOfTwoMillionIsAskedToBeMonths() {
        let help = Self.help("segment s lifetime 5y size 1M USD\nshare s: A 50%, B 50%\nevent \"e\" 2022-01:\n  access A in s to 10% over 2m\n")
        #expect(help == ["2m is 2 million: write 2 months (or 2mo)"])
    }

    @Test func aLifetimeInPercentIsTurnedIntoYears() {
        #expect(Self.help("segment s lifetime 8% size 1M USD\nshare s: A 50%, B 50%\n")
            == ["a lifetime is a time: 8% of the base replaced a year is a lifetime of 12.5y"])
    }

    @Test func aScaleInWordsIsWrittenAsItsLetter() {
        let out = Fixtures.diagnostics(Self.head + "segment s lifetime 5y size 1.3 billion RUB\nshare s: A 50%, B 50%\n")
        #expect(out.contains("test.scn:5:32: error: 'billion' is written B: 1.3B"))
        #expect(out.contains("help: amounts are scaled with k, M, B or T: size 1.3B RUB"))
    }

    @Test func aNameOfSeveralWordsIsToBeQuoted() {
        #expect(Self.help("vendor Big Corp origin US\nsegment s lifetime 5y size 1M USD\nshare s: A 50%, B 50%\n")
            == ["a name of several words is quoted: vendor \"Big Corp\" origin …"])
    }
}
