import ArgumentParser
import Foundation
import ShareSimCore

struct DiagnosticOptions: ParsableArguments {
    @Option(help: "Colour diagnostics: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    var printer: DiagnosticPrinter { DiagnosticPrinter(useColor: Terminal.wantsColor(color, fd: STDERR_FILENO)) }
}

/// Loads scenarios for the batch commands and reports their problems in the one format.
struct ScenarioInput {
    let printer: DiagnosticPrinter
    let loader = ScenarioLoader(readFile: ScenarioInput.read)

    /// `-` reads standard input, shown as `<stdin>` in diagnostics.
    @Sendable static func read(_ path: String) throws -> Data {
        if path == "-" || path == "<stdin>" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "is a directory"])
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The loaded scenario, or the exit code after its diagnostics have been printed.
    func load(_ path: String) -> Result<ScenarioLoader.Loaded, ExitCode> {
        let name = path == "-" ? "<stdin>" : path
        do {
            let loaded = try loader.load(path: name)
            if !loaded.warnings.isEmpty { Output.err(printer.render(loaded.warnings, sources: loaded.sources)) }
            return .success(loaded)
        } catch {
            report(error)
            return .failure(ExitCode(error.isUnreadableFile ? ExitStatus.noInput : ExitStatus.dataError))
        }
    }

    func report(_ error: ScenarioError) {
        Output.err(printer.render(error.diagnostics, sources: error.sources))
        let errors = error.diagnostics.filter { $0.severity == .error }.count
        if errors > 1 { Output.err("\(errors) errors\n") }
    }
}

/// How a command's result is written: its form and where it goes.
struct ReportOutput: ParsableArguments {
    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: [.short, .long], help: "Write to this file instead of standard output (atomically).")
    var output: String?

    /// A table is fitted to the terminal only when it goes to one.
    var tableWidth: Int { output == nil ? Terminal.width : 80 }
}

/// Which share a report shows and whom its rows speak of.
struct ShareView: ParsableArguments {
    @Option(help: "Which share: installed or sales.")
    var share: ShareKind = .installed

    @Option(help: "Rows per vendor or per origin.")
    var by: Grouping = .vendor

    var metric: SeriesMetric { share == .installed ? .installedShare : .salesShare }
}
