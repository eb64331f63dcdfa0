/// A JSON document built in a fixed key order. Foundation's encoders either sort keys or
/// leave their order unspecified; the contracts here fix the order, and outputs must be
/// byte-identical from run to run, so documents are written by this small type.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.compact == b.compact }

    /// One line, no spaces: for hashing and for large arrays.
    public var compact: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Two-space indentation; arrays of numbers stay on one line so series remain readable.
    public var pretty: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += NumberText.json(d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            let scalarsOnly = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if indent == nil || scalarsOnly || items.isEmpty {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += indent == nil ? "," : ", " }
                    item.write(to: &out, indent: indent, level: level + 1)
                }
                out += "]"
            } else {
                let inner = String(repeating: indent!, count: level + 1)
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += inner
                    item.write(to: &out, indent: indent, level: level + 1)
                    out += i + 1 < items.count ? ",\n" : "\n"
                }
                out += String(repeating: indent!, count: level) + "]"
            }
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            guard let indent else {
                out += "{"
                for (i, (k, v)) in fields.enumerated() {
                    if i > 0 { out += "," }
                    JSONValue.writeString(k, to: &out)
                    out += ":"
                    v.write(to: &out, indent: nil, level: level + 1)
                }
                out += "}"
                return
            }
            let inner = String(repeating: indent, count: level + 1)
            out += "{\n"
            for (i, (k, v)) in fields.enumerated() {
                out += inner
                JSONValue.writeString(k, to: &out)
                out += ": "
                v.write(to: &out, indent: indent, level: level + 1)
                out += i + 1 < fields.count ? ",\n" : "\n"
            }
            out += String(repeating: indent, count: level) + "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
