import ArgumentParser
import ShareSimCore

struct ShareSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharesim",
        abstract: "Simulate vendors' market shares under trade policy scenarios.",
        discussion: """
            Write a scenario (a market, its vendors, their shares and dated policy events), run it, \
            and read each vendor's share over time. See docs/language.md for the scenario language.

            Examples:
              sharesim run scenarios/ofac-easing.scn
              sharesim run scenarios/ofac-easing.scn --format csv -o easing.csv
              sharesim test scenarios
            """,
        version: JSONReport.toolVersion,
        subcommands: [Repl.self, Run.self, Check.self, Inspect.self, TestCommand.self, Replay.self, MonteCarloCommand.self, MergeCommand.self,
                      Compare.self, SweepCommand.self, Calibrate.self, ChartCommand.self, ReportCommand.self, SensitivityCommand.self])

    /// No command at all opens a session, as `sqlite3` and `psql` do.
    func run() throws {
        let session = try Repl.parse([])
        try session.run()
    }
}

extension ExitCode {
    /// The process ends with one of the contract's statuses.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
