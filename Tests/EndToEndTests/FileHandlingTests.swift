import Foundation
import ShareSimTestSupport
import Testing

/// What `-o` does with symlinks, pipes and devices, and what input can be read from:
/// the executable as careful tools behave. Devices are only reached through symlinks made
/// in a temporary directory, so a build that renamed over them would replace the link.
@Suite struct FileHandlingTests {
    static let scenario = "scenarios/ofac-easing.scn"
    /// What `check` says of it after its name.
    static let checked = "ok — 6 vendors, 2 segments, 24 changes, 84 months, 4 expectations, 2 observations\n"

    /// A fresh directory per test, removed afterwards.
    final class Sandbox {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-files-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func file(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
            let p = self[name]
            try text.write(toFile: p, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: p)
            return p
        }

        func link(_ name: String, to target: String) throws -> String {
            try FileManager.default.createSymbolicLink(atPath: self[name], withDestinationPath: target)
            return self[name]
        }

        func fifo(_ name: String) throws -> String {
            guard mkfifo(self[name], 0o644) == 0 else { throw POSIXError(.EEXIST) }
            return self[name]
        }

        subscript(name: String) -> String { path + "/" + name }
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    static var scenarioText: String { get throws { try contents(Fixtures.scenarioPath("ofac-easing")) } }

    /// The report written to standard output, for comparing with what `-o` wrote.
    static func expected(_ extra: [String] = []) throws -> String {
        try BinaryRunner.run(["run", scenario] + extra).stdout
    }

    /// Runs a bash script with `$SHARESIM` set to the binary, from the package root; its
    /// standard output and error together.
    static func shell(_ script: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "exec 2>&1; " + script]
        process.currentDirectoryURL = Fixtures.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["SHARESIM": BinaryRunner.binary.path, "NO_COLOR": "1"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: standard output that cannot take the output

    /// Every command's output, not only reports: a full device is a message and exit 73,
    /// never a crash; a reader that leaves early (`| head`) ends the command quietly.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
          arguments: ["check \(scenario)", "inspect \(scenario) --json", "test scenarios", "run \(scenario)"])
    func aFullStandardOutputIsAnErrorNotACrash(_ command: String) throws {
        let run = try Self.shell("\"$SHARESIM\" \(command) > /dev/full")
        #expect(run.status == 73)
        #expect(run.output == "sharesim: error: cannot write standard output: no space left on device\n")
    }

    @Test func aReaderThatLeavesEarlyEndsTheCommandQuietly() throws {
        let run = try Self.shell("\"$SHARESIM\" montecarlo scenarios/china-chip-share.scn --runs 20000 --seed 1 --format csv | head -c 10 > /dev/null; "
                                 + "echo \"status ${PIPESTATUS[0]}\"")
        #expect(run.output == "status 0\n" || run.output == "status 141\n")
    }

    // MARK: -o through symlinks, pipes and devices

    @Test func aSymlinkedOutputStaysALinkAndItsTargetIsReplaced() throws {
        let box = try Sandbox()
        let target = try box.file("target.csv", "old\n", mode: 0o640)
        let link = try box.link("link.csv", to: "target.csv")
        let run = try BinaryRunner.run(["run", Self.scenario, "--format", "csv", "-o", link])
        #expect(run.status == 0 && run.stdout == "" && run.stderr == "")
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.csv")
        #expect(try Self.contents(target) == Self.expected(["--format", "csv"]))
        #expect(Self.mode(target) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path).sorted() == ["link.csv", "target.csv"])
    }

    /// Monte Carlo parts are streamed, not written whole, but follow the same rules.
    @Test func aSymlinkedShardPartStaysALinkAndMergesAsWritten() throws {
        let box = try Sandbox()
        _ = try box.file("real.mcpart", "")
        let link = try box.link("link.mcpart", to: "real.mcpart")
        let shard = ["montecarlo", "scenarios/china-chip-share.scn", "--runs", "40", "--seed", "3", "--at", "2023-01", "--format", "csv"]
        #expect(try BinaryRunner.run(shard + ["--shard", "0/2", "-o", link]).status == 0)
        #expect(try BinaryRunner.run(shard + ["--shard", "1/2", "-o", box["second.mcpart"]]).status == 0)
        #expect(Self.kind(link) == S_IFLNK)
        let merged = try BinaryRunner.run(["merge", link, box["second.mcpart"], "--format", "csv"])
        #expect(merged.status == 0)
        #expect(merged.stdout == (try BinaryRunner.run(shard)).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path).sorted() == ["link.mcpart", "real.mcpart", "second.mcpart"])
    }

    @Test func aDanglingSymlinkedOutputCreatesItsTarget() throws {
        let box = try Sandbox()
        let link = try box.link("link.csv", to: "new.csv")
        let run = try BinaryRunner.run(["run", Self.scenario, "-o", link])
        #expect(run.status == 0)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try Self.contents(box["new.csv"]) == Self.expected())
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let box = try Sandbox()
        let out = try box.file("out.txt", "old\n", mode: 0o600)
        #expect(try BinaryRunner.run(["run", Self.scenario, "-o", out]).status == 0)
        #expect(Self.mode(out) == 0o600)
        #expect(try Self.contents(out) == Self.expected())
    }

    @Test func aFIFOOutputIsWrittenThroughAndStaysAFIFO() throws {
        let box = try Sandbox()
        let fifo = try box.fifo("out.fifo")
        // A reader, opened without waiting for a writer; the table fits in the pipe's buffer,
        // so it is read once the command has ended.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = try BinaryRunner.run(["run", Self.scenario, "-o", fifo])
        #expect(run.status == 0 && run.stderr == "")
        #expect(Self.kind(fifo) == S_IFIFO)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = Foundation.read(reader, &chunk, chunk.count)
            if n <= 0 { break }
            received += chunk[0..<n]
        }
        #expect(String(decoding: received, as: UTF8.self) == (try Self.expected()))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDeviceIsAnErrorNamingTheReason() throws {
        let box = try Sandbox()
        let link = try box.link("full", to: "/dev/full")
        let run = try BinaryRunner.run(["run", Self.scenario, "-o", link])
        #expect(run.status == 73)
        #expect(run.stderr == "sharesim: error: cannot write '\(link)': no space left on device\n")
        #expect(Self.kind(link) == S_IFLNK)
    }

    @Test func aSymlinkToStandardOutputWritesToStandardOutput() throws {
        let box = try Sandbox()
        let link = try box.link("out", to: "/dev/stdout")
        let run = try BinaryRunner.run(["run", Self.scenario, "-o", link])
        #expect(run.status == 0)
        #expect(run.stdout == (try Self.expected()))
        #expect(Self.kind(link) == S_IFLNK)
    }

    @Test func dashIsStandardOutput() throws {
        let box = try Sandbox()
        let run = try BinaryRunner.run(["run", Fixtures.scenarioPath("ofac-easing"), "--format", "csv", "-o", "-"],
                                       directory: URL(fileURLWithPath: box.path))
        #expect(run.status == 0)
        #expect(run.stdout == (try Self.expected(["--format", "csv"])))
        // A shard's partial result is a file, never standard output.
        let shard = try BinaryRunner.run(["montecarlo", Fixtures.scenarioPath("china-chip-share"), "--runs", "10", "--seed", "1",
                                          "--shard", "0/2", "-o", "-"], directory: URL(fileURLWithPath: box.path))
        #expect(shard.status == 2 && shard.stderr.contains("--shard writes a partial result file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path).isEmpty)
    }

    // MARK: an output that is an input

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let box = try Sandbox()
        let text = try Self.scenarioText
        let input = try box.file("x.scn", text)
        let run = try BinaryRunner.run(["run", input, "-o", input])
        #expect(run.status == 2 && run.stdout == "")
        #expect(run.stderr == "sharesim: error: the output '\(input)' is also an input: writing it would replace the input\nhelp: give -o another file\n")
        #expect(try Self.contents(input) == text)

        // The same file by another name: through a symlink, or as the second of several inputs.
        let alias = try box.link("alias.scn", to: "x.scn")
        let other = try BinaryRunner.run(["run", Self.scenario, input, "--format", "csv", "-o", alias])
        #expect(other.status == 2)
        #expect(other.stderr.hasPrefix("sharesim: error: the output '\(alias)' is the input '\(input)': "))
        #expect(Self.kind(alias) == S_IFLNK)
        #expect(try Self.contents(input) == text)

        let compare = try BinaryRunner.run(["compare", Self.scenario, input, "-o", input])
        #expect(compare.status == 2)
        #expect(try Self.contents(input) == text)
    }

    // MARK: reading input

    @Test func aScenarioIsReadFromAProcessSubstitution() throws {
        let run = try Self.shell("\"$SHARESIM\" run <(cat \(Self.scenario))")
        #expect(run.status == 0)
        #expect(run.output == (try Self.expected()))
    }

    /// `-` is standard input, named `<stdin>` as the REPL names it; /dev/stdin is a file like another.
    @Test(arguments: [("-", "<stdin>"), ("/dev/stdin", "/dev/stdin")])
    func aScenarioIsReadFromStandardInput(path: String, shown: String) throws {
        let run = try BinaryRunner.run(["check", path], stdin: try Self.scenarioText)
        #expect(run.status == 0)
        #expect(run.stdout == "\(shown): \(Self.checked)")
    }

    @Test func aScenarioIsReadFromAFIFO() throws {
        let box = try Sandbox()
        let fifo = try box.fifo("in.scn")
        // The writer is the script's own background job, ended by its id if it is still waiting.
        let run = try Self.shell("cat \(Self.scenario) > '\(fifo)' & \"$SHARESIM\" check '\(fifo)'; s=$?; kill $! 2>/dev/null; exit $s")
        #expect(run.status == 0)
        #expect(run.output == "\(fifo): \(Self.checked)")
    }

    /// The REPL reads a loaded file once, so a FIFO loads there too.
    @Test func theREPLLoadsAFIFO() throws {
        let box = try Sandbox()
        let fifo = try box.fifo("in.scn")
        let run = try Self.shell("cat \(Self.scenario) > '\(fifo)' & printf 'load \(fifo)\\nruns\\n' | timeout 20 \"$SHARESIM\"; "
                                 + "s=$?; kill $! 2>/dev/null; exit $s")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("loaded \(fifo):"))
        #expect(run.output.hasSuffix("no runs yet; 'run' or 'run as NAME' makes one\n"))
    }

    @Test func devNullIsAnEmptyScenario() throws {
        let run = try BinaryRunner.run(["run", "/dev/null"])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("/dev/null:1:1: error: the scenario is empty: it holds no statements\n"))
    }

    @Test func unreadableInputsKeepTheirDiagnostics() throws {
        let box = try Sandbox()
        let directory = try BinaryRunner.run(["check", box.path])
        #expect(directory.status == 66)
        #expect(directory.stderr == "sharesim: error: cannot read '\(box.path)': is a directory\nhelp: give a scenario file; 'sharesim test' takes a directory\n")
        let missing = try BinaryRunner.run(["check", box["none.scn"]])
        #expect(missing.status == 66 && missing.stderr == "sharesim: error: cannot read '\(box["none.scn"])': no such file\n")
        let compared = try BinaryRunner.run(["compare", box["none.scn"], Self.scenario])
        #expect(compared.status == 66 && compared.stderr == "sharesim: error: cannot read '\(box["none.scn"])': no such file\n")
        let binary = try box.file("bin.scn", "timeline\0\n")
        let notText = try BinaryRunner.run(["check", binary])
        #expect(notText.status == 65 && notText.stderr.contains("error: not a text file: a NUL byte at byte 9"))
        if geteuid() != 0 {
            let locked = try box.file("locked.scn", "timeline\n", mode: 0)
            let denied = try BinaryRunner.run(["check", locked])
            #expect(denied.status == 66 && denied.stderr == "sharesim: error: cannot read '\(locked)': permission denied\n")
        }
    }

    // MARK: write errors

    @Test func writeErrorsGiveTheReasonPlainly() throws {
        let box = try Sandbox()
        let directory = try BinaryRunner.run(["run", Self.scenario, "-o", box.path])
        #expect(directory.status == 73)
        #expect(directory.stderr == "sharesim: error: cannot write '\(box.path)': is a directory\n")
        let nowhere = box["no/such/dir.csv"]
        let missing = try BinaryRunner.run(["run", Self.scenario, "-o", nowhere])
        #expect(missing.status == 73)
        #expect(missing.stderr == "sharesim: error: cannot write '\(nowhere)': no such file or directory\n")
    }
}
