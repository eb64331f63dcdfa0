/// "Did you mean …?" for misspelt names: the closest known name by edit distance,
/// when it is close enough to be a plausible typo.
public enum Suggestions {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        let length = lower.unicodeScalars.count
        for c in candidates {
            let allowed = max(1, min(3, c.count / 3))
            // Lengths further apart than the allowed edits cannot match; skipping them keeps
            // a megabyte-long word from costing a megabyte-by-megabyte table.
            guard abs(c.unicodeScalars.count - length) <= allowed else { continue }
            let d = editDistance(lower, c.lowercased())
            if d <= allowed, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Edits between two words, a swap of neighbouring letters counting as one: "yaers" is
    /// one typo away from "years", as a reader sees it.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], before[j - 2] + 1)
                }
            }
            (before, prev, cur) = (prev, cur, before)
        }
        return prev[b.count]
    }
}
