import Foundation
import ShareSimCore

/// What a session needs from the world, passed in as values so tests can run a whole
/// session with strings in and strings out, without a terminal or a disk.
public struct SessionEnvironment: Sendable {
    /// The name diagnostics give typed input: `<stdin>` for pipes, `<input>` at a prompt.
    public var inputName: String
    public var width: Int
    public var color: Bool
    public var readFile: @Sendable (String) throws -> Data
    /// Writes a whole file atomically.
    public var writeFile: @Sendable (String, String) throws -> Void
    /// Seconds on a monotonic clock, for `timing on`.
    public var clock: @Sendable () -> Double
    /// Polled during long computations; true once the user pressed Ctrl-C.
    public var isCancelled: @Sendable () -> Bool
    /// File names for completion after `load`, `save`, `export`: the entries of a directory.
    public var listDirectory: @Sendable (String) -> [String]

    public init(
        inputName: String = "<input>", width: Int = 80, color: Bool = false,
        readFile: @escaping @Sendable (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: $0)) },
        writeFile: @escaping @Sendable (String, String) throws -> Void = { try AtomicFile.write($0, to: $1) },
        clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
        isCancelled: @escaping @Sendable () -> Bool = { false },
        listDirectory: @escaping @Sendable (String) -> [String] = { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
    ) {
        self.inputName = inputName
        self.width = width
        self.color = color
        self.readFile = readFile
        self.writeFile = writeFile
        self.clock = clock
        self.isCancelled = isCancelled
        self.listDirectory = listDirectory
    }
}

/// What one input produced: text for standard output and for standard error, and whether
/// it failed (a piped session stops at the first failure) or asked to quit.
public struct Reply: Sendable, Equatable {
    public var output: String = ""
    public var error: String = ""
    public var failed = false
    public var quit = false
    /// The exit status a failure maps to: 65 for scenario errors, 66 for unreadable files, 1 for failed expectations.
    public var status: Int32 = 0

    public init(output: String = "", error: String = "", failed: Bool = false, quit: Bool = false, status: Int32 = 0) {
        self.output = output
        self.error = error
        self.failed = failed
        self.quit = quit
        self.status = status
    }

    static func failure(_ message: String, status: Int32 = 65) -> Reply {
        Reply(error: message.hasSuffix("\n") ? message : message + "\n", failed: true, status: status)
    }
}
