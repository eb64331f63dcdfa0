import ArgumentParser
import Foundation
import ShareSimCore

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a scenario as the engine sees it, resolved.",
        discussion: """
            With --json, prints the resolved-scenario contract that 'sharesim run' also accepts.

            Example:
              sharesim inspect scenarios/ofac-easing.scn --json > easing.json
            """)

    @Argument(help: "The scenario file (.scn or resolved .json); '-' reads standard input.")
    var file: String

    @Flag(help: "Print the resolved scenario as JSON.")
    var json = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let loaded = try ScenarioInput(printer: diagnostics.printer).load(file).get()
        Output.out(json ? ResolvedJSON.encode(loaded.scenario).pretty + "\n" : ScenarioSummary.render(loaded.scenario))
    }
}
