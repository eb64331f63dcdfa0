import ArgumentParser
import Foundation
import LineEditor
import ShareSimCore
import ShareSimREPL

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open an interactive what-if session (the default when no command is given).",
        discussion: """
            On a terminal: line editing, history in $XDG_STATE_HOME/sharesim/history, Tab completion.

            From a pipe: no prompt; input runs like a scenario file: the first error exits 65 at <stdin>:LINE:COL.

            Examples:
              sharesim repl scenarios/ofac-easing.scn
              sharesim repl --record session.txt
              sharesim < my-what-if.txt
            """)

    @Argument(help: "A scenario file to load first.")
    var file: String?

    @Option(help: "Write a transcript of the session to this file, for 'sharesim replay'.")
    var record: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let interactive = Terminal.isTerminal(STDIN_FILENO)
        var recorder: TranscriptRecorder?
        if let record {
            do { recorder = try TranscriptRecorder(path: record) } catch {
                throw Output.fail("cannot write '\(record)': \(AtomicFile.reason(error))", status: ExitStatus.cannotWrite)
            }
        }
        let loop = REPLLoop(interactive: interactive, color: Terminal.wantsColor(diagnostics.color, fd: STDOUT_FILENO), recorder: recorder)
        let status = loop.run(initialFile: file)
        if status != .success { throw ExitCode(status) }
    }
}
