import ArgumentParser
import Foundation
import ShareSimCore
import ShareSimREPL

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay session transcripts and report the first line that differs.",
        discussion: """
            A transcript holds lines typed after 'sharesim> ' and the output expected after each \
            ('sharesim repl --record FILE' writes one). Lines starting 'time: ' are not compared.

            A line '# width N' before a prompt replays what follows at the terminal width N \
            (the recording writes it); without one, 80.

            Example:
              sharesim replay Tests/Transcripts/*.txt
            """)

    @Argument(help: "Transcript files.")
    var files: [String]

    @Flag(help: "Rewrite each transcript's expected output with what the session prints now.")
    var update = false

    func run() throws {
        var failed = 0
        for file in files {
            let data: Data
            do { data = try ScenarioInput.readData(file) } catch {
                throw Output.fail("cannot read '\(file)': \(AtomicFile.reason(error))", status: ExitStatus.noInput)
            }
            let entries = Transcript.parse(String(decoding: data, as: UTF8.self))
            guard !entries.isEmpty else {
                failed += 1
                Output.report(.error("no '\(Transcript.prompt)' lines; not a transcript", at: SourceLocation(file: file, line: 1, column: 1),
                                     help: "record one with 'sharesim repl --record FILE'"))
                continue
            }
            let session = Session(environment: SessionEnvironment(inputName: "<input>", width: Transcript.defaultWidth, color: false))
            if update {
                let text = entries.map { Transcript.format($0, reply: Transcript.execute($0, in: session)) }.joined()
                try Output.deliver(text, to: file)
                Output.out("updated \(file) (\(NumberText.counted(entries.count, "input")))\n")
                continue
            }
            if let m = Transcript.replay(entries, in: session) {
                failed += 1
                Output.out("FAIL \(file):\(m.line): after '\(m.input.split(separator: "\n").first ?? "")'\n  expected: \(m.expected)\n  actual:   \(m.actual)\n")
            } else {
                Output.out("ok   \(file) (\(NumberText.counted(entries.count, "input")))\n")
            }
        }
        Output.out("\(files.count - failed) passed, \(failed) failed\n")
        if failed > 0 { throw ExitCode(ExitStatus.expectationFailed) }
    }
}
