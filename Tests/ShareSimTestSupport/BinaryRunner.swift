import Foundation

/// Runs the built `sharesim` executable the way a user would, for end-to-end tests:
/// arguments in; standard output, standard error and the exit status out.
public enum BinaryRunner {
    public struct Output: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// `SHARESIM_BIN` when set (CI points it at the release build), else the debug build.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SHARESIM_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/sharesim")
    }

    /// Runs `sharesim`, or with `executable` another program (xmllint, chromium) the tests check output with.
    public static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                           directory: URL = Fixtures.packageRoot, executable: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                       status: process.terminationStatus)
    }
}

/// Programs outside the package that tests use when the machine has them.
public enum ExternalTool {
    /// The first of `names` found on PATH.
    public static func find(_ names: String...) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    public static let xmllint = find("xmllint")
    public static let chromium = find("chromium", "chromium-browser")
}
