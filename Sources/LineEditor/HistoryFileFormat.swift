/// One entry per line, with backslash escapes, so multi-line entries survive a
/// line-oriented file and the file stays readable and hand-editable.
enum HistoryFileFormat {
    static func encode(_ entries: [String]) -> String {
        entries.map { escape($0) + "\n" }.joined()
    }

    /// Lenient: tolerates CRLF line ends and unknown escapes, because the file
    /// may have been edited by hand.
    static func decode(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            let content = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            return content.isEmpty ? nil : unescape(String(decoding: content, as: UTF8.self))
        }
    }

    static func escape(_ entry: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    static func unescape(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingBackslash = false
        for scalar in line.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                switch scalar {
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "\\": result.append("\\")
                default: result.append(contentsOf: ["\\", scalar])
                }
            } else if scalar == "\\" {
                pendingBackslash = true
            } else {
                result.append(scalar)
            }
        }
        if pendingBackslash {
            result.append("\\")
        }
        return String(result)
    }
}
