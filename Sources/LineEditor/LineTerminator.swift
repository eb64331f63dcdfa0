/// Readers return lines without their terminator, whichever convention the
/// source used.
enum LineTerminator {
    /// Removes one trailing "\n" or "\r\n". Works on scalars because Swift
    /// treats "\r\n" as a single Character.
    static func strip(_ line: String) -> String {
        var scalars = line.unicodeScalars
        guard scalars.last == "\n" else { return line }
        scalars.removeLast()
        if scalars.last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
