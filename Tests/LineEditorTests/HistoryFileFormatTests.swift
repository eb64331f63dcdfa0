import Testing
@testable import LineEditor

struct HistoryFileFormatTests {
    @Test func escapesBackslashNewlineAndCarriageReturn() {
        #expect(HistoryFileFormat.escape("a\\b\nc\rd") == "a\\\\b\\nc\\rd")
    }

    @Test func unescapeKeepsUnknownAndTrailingEscapesLiterally() {
        #expect(HistoryFileFormat.unescape("tab\\there\\") == "tab\\there\\")
        #expect(HistoryFileFormat.unescape("a\\\\n") == "a\\n")
    }

    @Test func encodeWritesOneLinePerEntry() {
        #expect(HistoryFileFormat.encode(["x\ny", "z"]) == "x\\ny\nz\n")
    }

    @Test func decodeReplacesInvalidUTF8() {
        #expect(HistoryFileFormat.decode([0x61, 0xFF, 0x0A]) == ["a\u{FFFD}"])
    }
}
