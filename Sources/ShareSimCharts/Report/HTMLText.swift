/// Escaping and encoding for the HTML report, written out because Foundation's
/// percent-encoding is not promised to give the same bytes on every platform.
enum HTMLText {
    static func escape(_ s: String) -> String { SVGWriter.escape(s) }

    /// A `data:` URL of UTF-8 text: every byte but the unreserved ones percent-encoded.
    static func dataURL(_ text: String, type: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = Array("data:\(type);charset=utf-8,".utf8)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ","):
                bytes.append(b)
            default:
                bytes += [UInt8(ascii: "%"), digits[Int(b >> 4)], digits[Int(b & 15)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A part of a scenario's header comment: prose, or lines to keep as written.
    enum CommentBlock: Equatable {
        case paragraph(String)
        /// Lines indented beyond the one space after `#`, such as the commands that run the
        /// file: joined into prose they would read as a sentence of flags and paths.
        case code([String])
    }

    /// The comment lines a scenario file opens with (its question), `#` and one space
    /// removed: paragraphs split at empty comment lines, indented lines kept line by line.
    static func headerComment(_ text: String) -> [CommentBlock] {
        var blocks: [CommentBlock] = []
        var prose: [String] = [], code: [String] = []
        func flush() {
            if !prose.isEmpty { blocks.append(.paragraph(prose.joined(separator: " "))); prose = [] }
            if !code.isEmpty { blocks.append(.code(code)); code = [] }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.drop { $0 == " " || $0 == "\t" }
            guard t.hasPrefix("#") else { break }
            let afterHash = t.dropFirst()
            let body = afterHash.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces()
            let indented = afterHash.hasPrefix("  ") || afterHash.hasPrefix("\t") || afterHash.hasPrefix(" \t")
            if body.isEmpty {
                flush()
            } else if indented {
                if !prose.isEmpty { flush() }
                code.append(body)
            } else {
                if !code.isEmpty { flush() }
                prose.append(body)
            }
        }
        flush()
        return blocks
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
