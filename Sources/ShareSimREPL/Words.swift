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
