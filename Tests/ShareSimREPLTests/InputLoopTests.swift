import LineEditor
import ShareSimCore
@testable import ShareSimREPL
import ShareSimTestSupport
import Testing

/// The REPL's input loop over a scripted line reader: prompts, blocks, Ctrl-C and how a
/// piped session ends, without a terminal.
@Suite struct InputLoopTests {
    /// Runs `lines` through a loop; what it printed, the reader (for its prompts and
    /// history) and the exit status.
    static func run(_ lines: [String], interactive: Bool, initialFile: String? = nil,
                    interrupts: [Bool] = []) -> (output: String, errors: String, reader: ScriptedLineReader, status: ShareSimCore.ExitStatus) {
        let reader = ScriptedLineReader(lines)
        let session = Session(environment: SessionEnvironment(inputName: interactive ? "<input>" : "<stdin>", piped: !interactive))
        var output = "", errors = ""
        var pending = interrupts[...]
        let loop = InputLoop(session: session, reader: reader, interactive: interactive,
                             emit: { reply, _ in output += reply.output; errors += reply.error },
                             takeInterrupt: { pending.popFirst() ?? false })
        let status = loop.run(initialFile: initialFile)
        return (output, errors, reader, status)
    }

    static let easing = Fixtures.scenarioPath("ofac-easing")

    @Test func anEventHeaderOpensABlockUnderTheContinuationPrompt() {
        let r = Self.run(["event \"Later\" 2024-01:", "  shift Huawei in telecom by +0.1", "", "diff", "undo", "quit"],
                         interactive: true, initialFile: Self.easing)
        #expect(r.reader.prompts == ["sharesim> ", "   ...> ", "   ...> ", "sharesim> ", "sharesim> ", "sharesim> "])
        #expect(r.reader.history == ["event \"Later\" 2024-01:\n  shift Huawei in telecom by +0.1", "diff", "undo", "quit"])
        #expect(r.output.contains("+ event \"Later\" 2024-01:"), "\(r.output)")
        #expect(r.status == .success)
    }

    @Test func ctrlCAtTheContinuationPromptDropsTheBlock() {
        let r = Self.run(["event \"Later\" 2024-01:", ScriptedLineReader.interrupt, "diff", "quit"], interactive: true, initialFile: Self.easing)
        #expect(r.reader.prompts == ["sharesim> ", "   ...> ", "sharesim> ", "sharesim> "])
        #expect(r.output.contains("no what-if edits"), "\(r.output)")
    }

    @Test func aPipedSessionStopsAtItsFirstErrorWith65() {
        let r = Self.run(["load \(Self.easing)", "frobnicate", "run"], interactive: false)
        #expect(r.status == .dataError)
        #expect(r.errors.hasPrefix("<stdin>:2:1: error: "), "\(r.errors)")
        #expect(r.reader.prompts == ["", ""])
    }

    @Test func pipedEditsWithNothingToShowThemRunTheScenario() {
        let r = Self.run(["drop event \"OFAC GL 25\""], interactive: false, initialFile: Self.easing)
        #expect(r.status == .success)
        #expect(r.output.contains("installed share by vendor"), "\(r.output)")
    }

    @Test func aCtrlCAfterEnterAbandonsTheRestOfThatInput() {
        // Two inputs arrive at once when a line closes a block and is itself an input.
        let r = Self.run(["event \"Later\" 2024-01:", "  shift Huawei in telecom by +0.1", "runs"], interactive: false,
                         initialFile: Self.easing, interrupts: [true])
        #expect(!r.output.contains("no runs yet"), "\(r.output)")
    }

    @Test func theLanguageSaysWhichLinesOpenABlock() {
        #expect(Parser.opensBlock("event \"OFAC GL 25\" 2022-04-07:"))
        #expect(Parser.opensBlock("EVENT \"Exit\" 2022-03:   [seed 000]  # the exit"))
        #expect(!Parser.opensBlock("event \"Exit\" 2022-03: access origin US in telecom to 0%"))
        #expect(!Parser.opensBlock("vendor Huawei origin CN # event x:"))
        #expect(!Parser.opensBlock("scenario \"event:\""))
    }
}
