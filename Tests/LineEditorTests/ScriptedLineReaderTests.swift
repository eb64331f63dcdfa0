import Testing
import LineEditor

struct ScriptedLineReaderTests {
    @Test func returnsEachLineThenEOFForever() {
        let reader = ScriptedLineReader(["load a", "run"])
        #expect(reader.readLine(prompt: "> ") == .line("load a"))
        #expect(reader.readLine(prompt: "> ") == .line("run"))
        #expect(reader.readLine(prompt: "> ") == .eof)
        #expect(reader.readLine(prompt: "> ") == .eof)
    }

    @Test func controlCLineIsAnInterrupt() {
        let reader = ScriptedLineReader(["half typed", "\u{3}", "after"])
        #expect(reader.readLine(prompt: "a> ") == .line("half typed"))
        #expect(reader.readLine(prompt: "b> ") == .interrupted)
        #expect(reader.readLine(prompt: "c> ") == .line("after"))
        #expect(ScriptedLineReader.interrupt == "\u{3}")
    }

    @Test func recordsEveryPromptIncludingTheOneAnsweredWithEOF() {
        let reader = ScriptedLineReader(["x"])
        _ = reader.readLine(prompt: "sharesim> ")
        _ = reader.readLine(prompt: "...> ")
        #expect(reader.prompts == ["sharesim> ", "...> "])
    }

    @Test func recordsHistoryExactlyAsOffered() {
        let reader = ScriptedLineReader([])
        reader.addHistory("run")
        reader.addHistory("run")
        reader.addHistory("")
        #expect(reader.history == ["run", "run", ""])
    }
}
