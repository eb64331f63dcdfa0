import Foundation
import ShareSimCore

/// What a session needs from the world, passed in as values so tests can run a whole
/// session with strings in and strings out, without a terminal or a disk.
public struct SessionEnvironment: Sendable {
    /// The name diagnostics give typed input: `<stdin>` for pipes, `<input>` at a prompt.
    public var inputName: String
    /// Input from a pipe runs like a scenario file: every error is placed at `<stdin>:LINE:COL`.
    public var piped: Bool
    /// The terminal's width; the driver updates it before each command, so output fits a resized terminal.
    public var width: Int
    /// The terminal's height in rows; `plot` fills it, less a few rows for the prompt.
    public var height: Int
    public var color: Bool
    public var readFile: @Sendable (String) throws -> Data
    /// Writes a whole file atomically.
    package var writeFile: @Sendable (String, String) throws -> Void
    /// Seconds on a monotonic clock, for `timing on`.
    package var clock: @Sendable () -> Double
    /// Polled during long computations; true once the user pressed Ctrl-C.
    public var isCancelled: @Sendable () -> Bool
    /// Told how far a long computation got (runs done, runs in all), as the batch command is.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void
    /// File names for completion after `load`, `save`, `export`: the entries of a directory.
    package var listDirectory: @Sendable (String) -> [String]
    /// Where relative paths start, so `save` can write the overlay's `use` relative to the
    /// overlay itself.
    package var currentDirectory: String
    /// What `~` stands for in the paths of `load`, `save` and `export`, as in a shell.
    package var homeDirectory: String?

    public init(
        inputName: String = "<input>", piped: Bool = false, width: Int = 80, height: Int = 24, color: Bool = false,
        readFile: @escaping @Sendable (String) throws -> Data = ScenarioLoader.readWholeFile,
        writeFile: @escaping @Sendable (String, String) throws -> Void = { try AtomicFile.write($0, to: $1) },
        clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
        isCancelled: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
        listDirectory: @escaping @Sendable (String) -> [String] = { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] },
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        homeDirectory: String? = ProcessInfo.processInfo.environment["HOME"]
    ) {
        self.inputName = inputName
        self.piped = piped
        self.width = width
        self.height = height
        self.color = color
        self.readFile = readFile
        self.writeFile = writeFile
        self.clock = clock
        self.isCancelled = isCancelled
        self.progress = progress
        self.listDirectory = listDirectory
        self.currentDirectory = currentDirectory
        self.homeDirectory = homeDirectory
    }
}

extension SessionEnvironment {
    /// The hooks every operation the session calls is given.
    var hooks: OperationHooks { OperationHooks(isCancelled: isCancelled, progress: progress) }
}

/// What one input produced: text for standard output and for standard error, and whether
/// it failed (a piped session stops at the first failure) or asked to quit.
public struct Reply: Sendable, Equatable {
    public var output: String = ""
    public var error: String = ""
    public var failed = false
    package var quit = false
    /// What kind of failure: 2 usage, 65 scenario errors, 66 unreadable files, 73 unwritable, 70 a bug.
    /// Only the file named on the command line exits with it; from a pipe every input's error exits 65.
    public var status: ExitStatus = .success

    package init(output: String = "", error: String = "", failed: Bool = false, quit: Bool = false, status: ExitStatus = .success) {
        self.output = output
        self.error = error
        self.failed = failed
        self.quit = quit
        self.status = status
    }
}
