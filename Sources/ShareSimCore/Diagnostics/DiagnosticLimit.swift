/// How many errors of one file are reported. A hundred is more than anyone fixes before
/// checking again; without a bound, a generated or binary file's millions of mistakes flood
/// the terminal and take minutes to locate and print (a 5 MB line of stray characters once
/// did). The lexer and parser stop recording at the bound and only count, so that finding
/// the rest costs nothing but the count.
package enum DiagnosticLimit {
    package static let errorsPerFile = 100

    /// The first `errorsPerFile` errors of each file, in their order, and how many were left
    /// out; the last error kept of a file that had more says how many more in a note.
    /// `alsoOmitted` counts errors of a file that were found but never recorded.
    static func apply(_ diagnostics: [Diagnostic], alsoOmitted: [String: Int] = [:]) -> (kept: [Diagnostic], omitted: Int) {
        var kept: [Diagnostic] = []
        var errorsByFile: [String: Int] = [:]
        var lastKept: [String: Int] = [:]
        var omittedByFile = alsoOmitted
        for d in diagnostics {
            let file = d.location?.file ?? ""
            if d.severity == .error {
                errorsByFile[file, default: 0] += 1
                if errorsByFile[file]! > errorsPerFile {
                    omittedByFile[file, default: 0] += 1
                    continue
                }
                lastKept[file] = kept.count
            }
            kept.append(d)
        }
        for (file, count) in omittedByFile where count > 0 {
            guard let index = lastKept[file] else { continue }
            kept[index].notes.append("\(NumberText.counted(count, "more error")) in this file not shown; fix these first")
        }
        return (kept, omittedByFile.values.reduce(0, +))
    }
}
