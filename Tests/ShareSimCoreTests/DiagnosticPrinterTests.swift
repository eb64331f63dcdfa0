import ShareSimCore
import Testing

/// The caret sits under the culprit as a terminal draws the line: wide characters take two
/// columns, combining marks none, tabs stay tabs.
@Suite struct DiagnosticPrinterTests {
    func caretLine(_ line: String, column: Int, length: Int) -> String {
        let source = SourceFile(path: "s.scn", text: line + "\n")
        let d = Diagnostic(.error, "unknown vendor", at: SourceLocation(file: "s.scn", line: 1, column: column, length: length))
        let lines = DiagnosticPrinter().render(d, sources: ["s.scn": source]).split(separator: "\n")
        return String(lines[2].dropFirst(5))
    }

    @Test func asciiLineGetsOneMarkPerCharacter() {
        #expect(caretLine("vendor Nokiaa", column: 8, length: 6) == "       ^~~~~~")
    }

    @Test func wideCharactersBeforeTheCulpritCountTwoColumns() {
        // "华为 " is 3 characters but 5 columns.
        #expect(caretLine("华为 Nokiaa", column: 4, length: 6) == "     ^~~~~~")
    }

    @Test func aWideCulpritIsUnderlinedAcrossItsWidth() {
        #expect(caretLine("vendor 华为", column: 8, length: 2) == "       ^~~~")
    }

    @Test func combiningMarksAndEmojiAreMeasuredAsDrawn() {
        // "e\u{301}" draws as one column, "😀" as two.
        #expect(caretLine("e\u{301} 😀 x", column: 6, length: 1) == "     ^")
    }

    @Test func tabsAreKeptSoTheCaretFollowsTheTerminalsTabStops() {
        #expect(caretLine("\tx", column: 2, length: 1) == "\t^")
    }

    @Test func aCaretPastTheEndOfTheLineIsOneMark() {
        #expect(caretLine("abc", column: 4, length: 3) == "   ^")
    }
}
