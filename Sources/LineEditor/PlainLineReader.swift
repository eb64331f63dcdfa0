import CLibEdit
import Foundation

/// Reads lines from a pipe or file: no prompt (it would pollute the output a
/// script captures) and no history (nobody will press the up arrow).
public final class PlainLineReader: LineReader {
    private let input: UnsafeMutablePointer<FILE>

    /// `input` stays owned by the caller and must outlive the reader.
    public init(input: UnsafeMutablePointer<FILE> = clibedit_standard_input()) {
        self.input = input
    }

    /// Bytes that are not UTF-8 are replaced rather than failing the line.
    /// A read cut short by Ctrl-C is `.interrupted`, like at a terminal.
    public func readLine(prompt: String) -> LineReadResult {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let length = getline(&buffer, &capacity, input)
        guard length >= 0, let buffer else {
            let interrupted = ferror(input) != 0 && errno == EINTR
            clearerr(input)
            return interrupted ? .interrupted : .eof
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        return .line(LineTerminator.strip(String(decoding: bytes, as: UTF8.self)))
    }

    public func addHistory(_ line: String) {}
}
