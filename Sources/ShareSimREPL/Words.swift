/// Splits a command line into words: white space separates, double quotes group
/// (`drop event "OFAC GL 25"` is three words).
enum Words {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var hasWord = false
        for ch in line {
            if ch == "\"" {
                inQuotes.toggle()
                hasWord = true
            } else if !inQuotes && (ch == " " || ch == "\t") {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(ch)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}

extension Words {
    /// Where `word` stands on the first line of `input`: the 1-based column (in Unicode
    /// scalars, as diagnostics count) of its first occurrence that starts a word or a list
    /// item, preferring one after the command word. Nil when it is not there.
    static func column(of word: String, in input: String) -> Int? {
        let text = Array(input.unicodeScalars.prefix { $0 != "\n" })
        let needle = Array(word.unicodeScalars)
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        let boundaries: Set<Unicode.Scalar> = [" ", "\t", "\"", ",", "="]
        let starts = (0...(text.count - needle.count)).filter { start in
            (start == 0 || boundaries.contains(text[start - 1])) && text[start..<(start + needle.count)].elementsEqual(needle)
        }
        return (starts.first { $0 > 0 } ?? starts.first).map { $0 + 1 }
    }
}

extension Words {
    /// A name as a statement takes it: in double quotes when it holds a space (`"HK intermediaries"`).
    static func quotedIfNeeded(_ name: String) -> String {
        name.contains(" ") || name.contains("\t") ? "\"\(name)\"" : name
    }
}
