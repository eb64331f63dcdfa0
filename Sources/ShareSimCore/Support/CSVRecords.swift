/// The records of RFC 4180 CSV text, each with the line it starts on: the exact inverse
/// of `CSVReport.csvField`, so a quoted field keeps its commas, doubled quotes, and line
/// breaks (`\n`, `\r\n` or `\r`, byte for byte).
///
/// Written here rather than taken from CSV.swift or SwiftCSV, the listed CSV packages:
/// neither says on which line a record starts, which a located diagnostic about a bad
/// row needs once a quoted field spans lines, and both read fields the writer never
/// writes (a quote inside an unquoted field) without saying so.
struct CSVRecords {
    struct Record {
        /// The 1-based line the record starts on.
        var line: Int
        var fields: [String]
    }

    /// Where the text stops being CSV.
    struct Malformed: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// Every record of `text`; a final line break ends the last record rather than starting
    /// an empty one, and an empty line is a record of one empty field.
    static func parse(_ text: String) throws(Malformed) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, column = 1
        var recordLine = 1
        var quoteOpened: (line: Int, column: Int)?
        var afterClosingQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()

        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = ""
            afterClosingQuote = false
        }

        while let c = pending {
            pending = scalars.next()
            if quoteOpened != nil {
                if c == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                        column += 2
                        continue
                    }
                    quoteOpened = nil
                    afterClosingQuote = true
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" || (c == "\r" && pending != "\n") { line += 1; column = 0 }
                }
                column += 1
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
                afterClosingQuote = false
            case "\r", "\n":
                if c == "\r", pending == "\n" { pending = scalars.next() }
                endRecord()
                line += 1
                column = 0
                recordLine = line
            case "\"" where field.isEmpty && !afterClosingQuote:
                quoteOpened = (line, column)
            default:
                if afterClosingQuote || c == "\"" {
                    throw Malformed(message: c == "\"" ? "a quote inside an unquoted field" : "text after a closing quote",
                                    line: line, column: column)
                }
                field.unicodeScalars.append(c)
            }
            column += 1
        }
        if let opened = quoteOpened {
            throw Malformed(message: "unterminated quoted field", line: opened.line, column: opened.column)
        }
        if !field.isEmpty || !fields.isEmpty || afterClosingQuote { endRecord() }
        return records
    }
}
