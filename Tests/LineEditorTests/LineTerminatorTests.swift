import Testing
@testable import LineEditor

struct LineTerminatorTests {
    @Test func removesExactlyOneTerminator() {
        #expect(LineTerminator.strip("a\n") == "a")
        #expect(LineTerminator.strip("a\r\n") == "a")
        #expect(LineTerminator.strip("a\n\n") == "a\n")
        #expect(LineTerminator.strip("a\r") == "a\r")
        #expect(LineTerminator.strip("") == "")
    }
}
