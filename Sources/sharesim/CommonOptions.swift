import AtomicFiles
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

    /// Standard input can be read once; a second `-` would find it empty.
    static func checkStandardInputOnce(_ paths: [String]) throws {
        if paths.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("'-' (standard input) can be given only once: it is read to its end the first time")
        }
    }

    /// `-` reads standard input, shown as `<stdin>` in diagnostics. Any file that can be
    /// read is: a pipe (`<(…)`), a FIFO, /dev/stdin, /dev/null as well as a regular file.
    @Sendable static func read(_ path: String) throws -> Data {
        if path == "-" || path == "<stdin>" { return try ScenarioLoader.readStandardInput() }
        return try ScenarioLoader.readWholeFile(path)
    }

    /// Like `read`, for files that are not scenarios (run output to compare, transcripts):
    /// `ScenarioSizeLimit` guards against checking a wrong, huge scenario, while run output
    /// of a long scenario is rightly tens of megabytes. Only the reader's own limit holds.
    static func readData(_ path: String) throws -> Data {
        do throws(FileError) {
            if path == "-" || path == "<stdin>" { return Data(try WholeFileReader.read(descriptor: STDIN_FILENO)) }
            return Data(try WholeFileReader.read(path))
        } catch {
            throw error.asRead
        }
    }

    /// How messages name an input given on the command line: `-` is `<stdin>`.
    static func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The loaded scenario, or the exit code after its diagnostics have been printed.
    func load(_ path: String) -> Result<ScenarioLoader.Loaded, ExitCode> {
        do {
            let loaded = try loader.load(path: Self.name(path))
            if !loaded.warnings.isEmpty { Output.err(printer.render(loaded.warnings, sources: loaded.sources)) }
            return .success(loaded)
        } catch {
            report(error)
            return .failure(ExitCode(error.isUnreadableFile ? ExitStatus.noInput : ExitStatus.dataError))
        }
    }

    /// Loads and runs each file, named as multi-run output names them; every file's problems
    /// are printed before the worst exit code is thrown.
    func runAll(_ files: [String]) throws -> [(name: String, loaded: ScenarioLoader.Loaded, result: RunResult)] {
        var runs: [(name: String, loaded: ScenarioLoader.Loaded, result: RunResult)] = []
        var failure: ExitCode?
        for (file, name) in zip(files, RunName.distinct(files)) {
            switch load(file) {
            case .failure(let code): failure = ExitCode(max(failure?.rawValue ?? 0, code.rawValue))
            case .success(let loaded):
                do { runs.append((name, loaded, try RunRequest(scenario: loaded.scenario).perform().result)) } catch { throw exitCode(for: error) }
            }
        }
        if let failure { throw failure }
        return runs
    }

    /// Performs an operation with Ctrl-C to stop it and, on a terminal, a progress bar on
    /// standard error; a refusal is said and becomes the exit code. The bar is cleared
    /// before the refusal or "interrupted" is said, so that starts on a line of its own.
    func perform<T>(_ operation: (OperationHooks) throws(OperationError) -> T) throws -> T {
        let bar = Terminal.isTerminal(STDERR_FILENO) ? ProgressBar() : nil
        do {
            defer { bar?.finish() }
            return try operation(.interruptible { bar?.show($0, of: $1) })
        } catch {
            throw exitCode(for: error)
        }
    }

    /// The exit code of a command whose operation gave no result, after saying why.
    func exitCode(for error: OperationError, sources: [String: SourceFile] = [:]) -> ExitCode {
        switch error {
        case .cancelled:
            Output.err("sharesim: interrupted\n")
            return ExitCode(ExitStatus.interrupted)
        case .refused(let error, let status, _):
            report(ScenarioError(error.diagnostics, sources: error.sources.merging(sources) { own, _ in own }))
            return ExitCode(status)
        }
    }

    func report(_ error: ScenarioError) {
        Output.err(printer.render(error.diagnostics, sources: error.sources))
        if error.errorCount > 1 { Output.err("\(error.errorCount) errors\n") }
    }
}

/// How a command's result is written: its form and where it goes.
struct ReportOutput: ParsableArguments {
    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: [.short, .long], help: ReportOutput.outputHelp)
    var output: String?

    /// `-o -` is standard output too.
    var toStandardOutput: Bool { Self.isStandardOutput(output) }

    /// A table is fitted to the terminal only when it goes to one.
    var tableWidth: Int { Self.tableWidth(output: output) }

    static func isStandardOutput(_ output: String?) -> Bool { output == nil || output == "-" }

    /// The width of a table written to `output`, for commands with an `-o` of their own.
    static func tableWidth(output: String?) -> Int { isStandardOutput(output) ? Terminal.width : 80 }

    static let outputHelp: ArgumentHelp = "Write to this file instead of standard output ('-'): atomically, through a symlink to its file; directly to a pipe or device."

    func refuse(overwriting inputs: [String]) throws { try Self.refuse(output, overwriting: inputs) }

    /// Refuses, as a usage error, an output file that is one of `inputs` (the same file,
    /// whatever the path): the report would replace the scenario it came from; and, with
    /// exit 73, an output that could not be written (a missing directory), before any work.
    static func refuse(_ output: String?, overwriting inputs: [String], option: String = "-o") throws {
        try Output.checkWritable(output)
        guard let output, output != "-", let written = regularFile(output) else { return }
        for input in inputs where input != "-" {
            // Compare's FILE#RUN names the file before the '#'.
            let read = regularFile(input) ?? input.lastIndex(of: "#").flatMap { regularFile(String(input[..<$0])) }
            guard read == written else { continue }
            let same = input == output ? "is also an input" : "is the input '\(input)'"
throw Output.fail("the output '\(output)' \(same): writing it would replace the input", help: "give \(option) another file", status: ExitStatus.usage)
        }
    }

    /// Device and inode of the regular file `path` names, symlinks followed.
    private static func regularFile(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}

/// Which share a report shows and whom its rows speak of.
struct ShareOptions: ParsableArguments {
    @Option(help: "Which share: installed or sales.")
    var share: ShareKind = .installed

    @Option(help: "Rows per vendor, origin (brand origin), channel, recorded (the origin customs records) or buyer (vendors within each buyer group).")
    var by: Grouping = .vendor

    var metric: SeriesMetric { share == .installed ? .installedShare : .salesShare }
}

/// `--threads N`, shared by the commands that spread runs over cores.
struct ThreadOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Threads to run on (default: every core); the output is the same on any number.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
    }

    /// The threads to use: as given, else every core.
    var count: Int { threads ?? ParallelWork.defaultThreads }
}
