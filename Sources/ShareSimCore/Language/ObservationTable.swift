/// A tidy CSV file of observations (`date,Huawei,origin US` then one row per date), read
/// with the place of every cell so that each mistake in it is reported at its line and
/// column. Written by hand because neither listed CSV package (SwiftCSV, CSV.swift) says
/// where a field was written, and every diagnostic needs that.
struct ObservationTable {
    /// A field's text, without its quotes, and the offset in the file where that text starts.
    struct Cell {
        var text: String
        var offset: Int
    }

    /// The rows that hold anything, the header first; blank lines are skipped.
    var rows: [[Cell]] = []
    var diagnostics: [Diagnostic] = []

    /// RFC 4180: fields separated by commas, a field in double quotes may hold commas,
    /// line breaks and `""` for a quote; lines end in `\n` or `\r\n`.
    init(_ file: SourceFile) {
        let s = file.scalars
        var i = 0
        var row: [Cell] = []
        var rowHasText = false
        while i <= s.count {
            // One field, starting at i.
            var text = String.UnicodeScalarView()
            var start = i
            if i < s.count, s[i] == "\"" {
                let quote = i
                i += 1
                start = i
                var closed = false
                while i < s.count {
                    if s[i] == "\"" {
                        if i + 1 < s.count, s[i + 1] == "\"" { text.append("\""); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    text.append(s[i])
                    i += 1
                }
                if !closed {
                    var loc = file.location(at: quote)
                    loc.length = 1
                    diagnostics.append(.error("unterminated quoted field", at: loc, help: "close it with '\"'"))
                    return
                }
                while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\r" { i += 1 }
                rowHasText = true
            } else {
                while i < s.count, s[i] != ",", s[i] != "\n" {
                    text.append(s[i])
                    i += 1
                }
                // Spaces around a field are not part of it: `date, Huawei` names `Huawei`.
                let raw = String(text)
                let trimmed = raw.trimmingSpaces().trimmingSuffix("\r").trimmingSpaces()
                start += raw.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
                text = trimmed.unicodeScalars
                if !trimmed.isEmpty { rowHasText = true }
            }
            row.append(Cell(text: String(text), offset: start))
            if i < s.count, s[i] == "," {
                i += 1
                continue
            }
            if rowHasText { rows.append(row) }
            row = []
            rowHasText = false
            if i < s.count, s[i] != "\n" {
                var loc = file.location(at: i)
                loc.length = 1
                diagnostics.append(.error("unexpected text after a quoted field", at: loc, help: "a quoted field ends at its closing '\"'; put a comma after it"))
                return
            }
            i += 1
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

extension Parser {
    /// A parser over one cell of a file, whose tokens keep the cell's place in that file: the
    /// cell's text, preceded by as many line breaks and spaces as put it there.
    init(cell: ObservationTable.Cell, of file: SourceFile) {
        let at = file.location(at: cell.offset)
        let text = String(repeating: "\n", count: at.line - 1) + String(repeating: " ", count: at.column - 1) + cell.text
        self.init(SourceFile(path: file.path, text: text))
        while true {
            switch peek.kind {
            case .newline, .indent: advance()
            default: return
            }
        }
    }

    /// Reports anything left in a cell after what it should hold.
    mutating func expectEndOfCell(help: String) throws {
        if case .end = peek.kind { return }
        throw fail("unexpected \(peek.display) in this cell", at: peek, help: help)
    }
}
