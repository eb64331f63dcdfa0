import Foundation
import Testing
import LineEditor

struct PlainLineReaderTests {
    /// Reads all of `text` through a FILE* made by fmemopen.
    private func readAll(_ text: [UInt8]) -> [LineReadResult] {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(text.count, 1), alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyMemory(from: text, byteCount: text.count)
        guard let file = fmemopen(buffer, text.count, "r") else { return [] }
        defer { fclose(file) }
        let reader = PlainLineReader(input: file)
        var results: [LineReadResult] = []
        repeat {
            results.append(reader.readLine(prompt: "ignored> "))
        } while results.last != .eof && results.count < 20
        return results
    }

    @Test func stripsLFAndCRLFAndKeepsAFinalUnterminatedLine() {
        #expect(readAll(Array("one\ntwo\r\nthree".utf8)) == [.line("one"), .line("two"), .line("three"), .eof])
    }

    @Test func keepsEmptyLinesAndInnerCarriageReturns() {
        #expect(readAll(Array("\na\rb\n\n".utf8)) == [.line(""), .line("a\rb"), .line(""), .eof])
    }

    @Test func emptyInputIsImmediateEOF() {
        #expect(readAll([]) == [.eof])
    }

    @Test func replacesInvalidUTF8AndKeepsValidUnicode() {
        #expect(readAll([0x61, 0xFF, 0x0A] + Array("é☃\n".utf8)) == [.line("a\u{FFFD}"), .line("é☃"), .eof])
    }

    @Test func readsFromAPipeUntilTheWriterCloses() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let message = Array("piped line\nsecond\n".utf8)
        #expect(write(descriptors[1], message, message.count) == message.count)
        close(descriptors[1])
        let file = try #require(fdopen(descriptors[0], "r"))
        defer { fclose(file) }
        let reader = PlainLineReader(input: file)
        #expect(reader.readLine(prompt: "> ") == .line("piped line"))
        #expect(reader.readLine(prompt: "> ") == .line("second"))
        #expect(reader.readLine(prompt: "> ") == .eof)
    }
}
