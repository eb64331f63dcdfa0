import Testing
@testable import LineEditor

struct CompletionColumnsTests {
    @Test func fitsOnOneRowWhenWide() {
        #expect(CompletionColumns.format(["a", "bb", "ccc"], width: 80) == "a    bb   ccc\n")
    }

    @Test func fillsColumnByColumnLikeLs() {
        let candidates = ["aaa", "bbb", "ccc", "ddd", "eee"]
        #expect(CompletionColumns.format(candidates, width: 10) == "aaa  ddd\nbbb  eee\nccc\n")
    }

    @Test func narrowTerminalGetsOnePerLine() {
        #expect(CompletionColumns.format(["alpha", "beta"], width: 3) == "alpha\nbeta\n")
        #expect(CompletionColumns.format(["alpha", "beta"], width: 0) == "alpha\nbeta\n")
    }

    @Test func noCandidatesPrintNothing() {
        #expect(CompletionColumns.format([], width: 80) == "")
    }
}
