import Testing
@testable import LineEditor

struct CompletionEditTests {
    private func plan(_ line: String, cursor: Int? = nil, from start: Int, _ candidates: [String]) -> CompletionEdit {
        let cursor = cursor ?? line.count
        return CompletionEdit.plan(
            line: line, cursor: cursor, result: CompletionResult(wordStart: start, candidates: candidates))
    }

    @Test func singleCandidateIsCompletedWithASpace() {
        #expect(plan("show al", from: 5, ["alpha"]) == .insert("pha "))
    }

    @Test func directoryCandidateGetsNoSpace() {
        #expect(plan("load sr", from: 5, ["src/"]) == .insert("c/"))
    }

    @Test func fullyTypedWordJustGetsItsSpace() {
        #expect(plan("run", from: 0, ["run"]) == .insert(" "))
        #expect(plan("load src/", from: 5, ["src/"]) == CompletionEdit.none)
    }

    @Test func severalCandidatesInsertTheirCommonPrefix() {
        #expect(plan("al", from: 0, ["alphabet", "alpha", "alpine"]) == .insert("p"))
    }

    @Test func severalCandidatesWithNothingMoreToTypeAreListed() {
        #expect(plan("alp", from: 0, ["alphabet", "alpha", "alpine"]) == .list(["alphabet", "alpha", "alpine"]))
        #expect(plan("", from: 0, ["b", "a"]) == .list(["b", "a"]))
    }

    @Test func noCandidatesMeansNothingToDo() {
        #expect(plan("zz", from: 0, []) == CompletionEdit.none)
        #expect(plan("zz", from: 0, [""]) == CompletionEdit.none)
    }

    @Test func duplicateCandidatesCountOnce() {
        #expect(plan("al", from: 0, ["alpha", "alpha"]) == .insert("pha "))
    }

    @Test func candidatesThatDoNotExtendTheWordReplaceIt() {
        #expect(plan("AL", from: 0, ["alpha"]) == .replace(word: "AL", with: "alpha "))
        #expect(plan("GA", from: 0, ["gamma", "gamut"]) == .replace(word: "GA", with: "gam"))
        #expect(plan("g", from: 0, ["Gamma", "gamut"]) == .list(["Gamma", "gamut"]))
    }

    @Test func onlyTheTextBeforeTheCursorIsTheWord() {
        #expect(plan("al rest", cursor: 2, from: 0, ["alpha"]) == .insert("pha "))
    }

    @Test func outOfRangeOffsetsAreClamped() {
        #expect(plan("al", cursor: 99, from: -3, ["alpha"]) == .insert("pha "))
        #expect(plan("al", cursor: -1, from: 5, ["alpha"]) == .insert("alpha "))
    }

    @Test func offsetsCountCharactersNotBytes() {
        #expect(plan("naïve é", from: 6, ["émile"]) == .insert("mile "))
    }

    @Test func longestCommonPrefixComparesWholeCharacters() {
        #expect(CompletionEdit.longestCommonPrefix(["abc", "abd", "ab"]) == "ab")
        #expect(CompletionEdit.longestCommonPrefix(["abc", "xyz"]) == "")
        #expect(CompletionEdit.longestCommonPrefix(["solo"]) == "solo")
        #expect(CompletionEdit.longestCommonPrefix([]) == "")
        #expect(CompletionEdit.longestCommonPrefix(["e\u{301}a", "e\u{301}b", "e"]) == "")
    }
}
