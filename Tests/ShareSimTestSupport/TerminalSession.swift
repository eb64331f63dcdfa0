import Foundation

/// The built `sharesim` on a real pseudo-terminal, for the few tests that must see what a
/// person at a terminal sees: util-linux `script` allocates the terminal and makes it the
/// program's controlling terminal, so keystrokes (Tab, arrows, Ctrl-C, Ctrl-D) reach the
/// line editor and the terminal driver exactly as typed.
public final class TerminalSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()

    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var screen: String
        public var description: String { "timed out waiting for \(waitingFor.debugDescription); \(TerminalSession.ending(screen))" }
    }

    /// The end of a screen on one line, escapes shown: a failure report stays one line,
    /// so a CI log that keeps only its last lines still shows what the person would have seen.
    public static func ending(_ screen: String) -> String {
        "the screen ends \(String(screen.suffix(600)).debugDescription)"
    }

    /// `ending(screen)`: what a failing check about this session reports.
    public var screenEnding: String { Self.ending(screen) }

    /// With `teeTo`, standard output goes through `tee FILE` to the terminal, as in
    /// `sharesim repl | tee log`: standard input is the terminal, standard output a pipe.
    public init(arguments: [String], environment: [String: String], directory: URL = Fixtures.packageRoot, teeTo: String? = nil) throws {
        // `script` runs its command through $SHELL, or /bin/sh when SHELL is unset (as on CI).
        // `exec` makes the program the terminal's foreground process itself: a shell left
        // waiting in between (dash is) would die of the Ctrl-C meant for the program.
        let program = ([BinaryRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let command = teeTo.map { "\(program) | tee '\($0)'" } ?? "exec " + program
        // setsid keeps `script` out of the test runner's process group, so a signal sent to
        // that group (a test of Ctrl-C elsewhere) cannot end this session.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--wait", "/usr/bin/script", "-qfec", command, "/dev/null"]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env["COLUMNS"] = "100"
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.lock()
            self.buffer.append(chunk)
            self.lock.unlock()
        }
        try process.run()
    }

    /// Everything the program drew so far, escape sequences included.
    public var screen: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    public func type(_ keys: String) {
        type(bytes: Array(keys.utf8))
    }

    /// Bytes as a terminal would pass them on, whether or not they are UTF-8.
    public func type(bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    /// Waits until `text` appears after `offset` characters of the screen; a generous limit
    /// guards against a hang, it does not measure speed.
    @discardableResult
    public func waitFor(_ text: String, after offset: Int = 0, limit: Double = 60) throws -> Int {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            let s = screen
            if let r = s.dropFirst(offset).range(of: text) { return s.distance(from: s.startIndex, to: r.upperBound) }
            usleep(20_000)
        }
        throw Timeout(waitingFor: text, screen: screen)
    }

    /// Types `keys`, waits for `reply` after `offset`, then for the next prompt, and returns
    /// where that prompt ends. Typing only once a prompt is drawn matters: keys that arrive
    /// while the program is busy meet the terminal's own line handling, not the editor.
    @discardableResult
    public func enter(_ keys: String, expecting reply: String, after offset: Int, prompt: String = "sharesim> ") throws -> Int {
        type(keys)
        let replied = try waitFor(reply, after: offset)
        return try waitFor(prompt, after: replied)
    }

    /// Sends `signal` to the program itself (not to `script` around it), found among the
    /// session's descendants in /proc: a crash or a `kill -9` as the person would suffer it.
    public func killProgram(signal: Int32 = SIGKILL) {
        var parents: [Int32: Int32] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[pid] = parent }
        }
        for (pid, _) in parents {
            var ancestor = parents[pid]
            while let a = ancestor, a != process.processIdentifier, a > 1 { ancestor = parents[a] }
            let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
            if ancestor == process.processIdentifier, exe == BinaryRunner.binary.resolvingSymlinksInPath().path { kill(pid, signal) }
        }
    }

    /// Waits for the program to end and returns its exit status.
    public func waitForExit(limit: Double = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            throw Timeout(waitingFor: "exit", screen: screen)
        }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
