import AtomicFiles
import Foundation

/// Reads scenario files from disk (or memory) into resolved scenarios: scenario text
/// through lexer, parser and resolver, or resolved JSON through its decoder. The one
/// entry point for the command line, the REPL's `load` and standard input alike.
public struct ScenarioLoader: Sendable {
    /// Reads a file's bytes; injected so tests can supply files from memory.
    public var readFile: @Sendable (String) throws -> Data

    public init(readFile: @escaping @Sendable (String) throws -> Data = ScenarioLoader.readWholeFile) {
        self.readFile = readFile
    }

    /// A file's bytes, whatever kind of file can be read: a regular file, a pipe (`<(…)`),
    /// a FIFO, /dev/stdin, /dev/null. Errors say why in the OS's words ("is a directory");
    /// a file past `ScenarioSizeLimit` is `ScenarioSizeLimit.Exceeded`.
    @Sendable public static func readWholeFile(_ path: String) throws -> Data {
        do { return try readWithinLimit { limit throws(FileError) in try WholeFileReader.read(path, limit: limit) } size: { stat(path, &$0) } } catch let error as FileError {
            throw error.asRead
        }
    }

    /// Standard input to its end.
    public static func readStandardInput() throws -> Data {
        try readWithinLimit { limit throws(FileError) in try WholeFileReader.read(descriptor: STDIN_FILENO, limit: limit) } size: { fstat(STDIN_FILENO, &$0) }
    }

    /// `read`'s bytes, or past `ScenarioSizeLimit` its refusal with the file's size where it
    /// is a regular file (`status` fills in its stat; a stream's size is not known until it ends).
    private static func readWithinLimit(_ read: (Int) throws(FileError) -> [UInt8], size status: (inout stat) -> Int32) throws -> Data {
        let limit = ScenarioSizeLimit.fromEnvironment()
        do throws(FileError) { return Data(try read(limit.bytes)) } catch {
            guard error.code == EFBIG else { throw error }
            var info = stat()
            let size = status(&info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
            throw ScenarioSizeLimit.Exceeded(size: size, limit: limit)
        }
    }

    /// A loaded scenario, its warnings and the source text needed to quote them.
    public struct Loaded: Sendable {
        public var scenario: ResolvedScenario
        public var warnings: [Diagnostic]
        public var sources: [String: SourceFile]

        public init(scenario: ResolvedScenario, warnings: [Diagnostic], sources: [String: SourceFile]) {
            self.scenario = scenario
            self.warnings = warnings
            self.sources = sources
        }
    }

    public func load(path: String) throws(ScenarioError) -> Loaded {
        try load(path: path, data: read(path))
    }

    /// A file's bytes, or the diagnostic every command gives for a file it cannot read.
    public func read(_ path: String) throws(ScenarioError) -> Data {
        do { return try readFile(path) } catch let refused as ScenarioSizeLimit.Exceeded {
            throw ScenarioError([refused.diagnostic(path: path)], sources: [:], isUnreadableFile: true)
        } catch {
            let reason = ScenarioLoader.reason(error)
            let help = reason == "is a directory" ? ["give a scenario file; 'sharesim test' takes a directory"] : []
            throw ScenarioError([Diagnostic(.error, "cannot read '\(path)': \(reason)", at: nil, help: help)], sources: [:], isUnreadableFile: true)
        }
    }

    /// Whether a file is resolved JSON rather than scenario text: by its name, or by its
    /// first character.
    public static func isResolvedJSON(path: String, data: Data) -> Bool {
        path.hasSuffix(".json") || data.first(where: { !" \n\r\t".utf8.contains($0) }) == UInt8(ascii: "{")
    }

    /// Loads bytes already read from `path`: a pipe or a FIFO can be read only once.
    public func load(path: String, data: Data) throws(ScenarioError) -> Loaded {
        if ScenarioLoader.isResolvedJSON(path: path, data: data) {
            var r = try ResolvedJSON.decode(data, path: path)
            r.provenance = []
            return Loaded(scenario: r, warnings: [], sources: [:])
        }
        let file = try ScenarioLoader.sourceFile(path: path, data: data)
        return try load(layers: [file])
    }

    /// Resolves scenario text given as layers: the file, then edits on top (the REPL's).
    public func load(layers files: [SourceFile]) throws(ScenarioError) -> Loaded {
        var diagnostics: [Diagnostic] = []
        var layers: [Resolver.Layer] = []
        var sources: [String: SourceFile] = [:]
        var omitted: [String: Int] = [:]
        for f in files {
            var parser = Parser(f)
            let statements = parser.parseFile()
            diagnostics += parser.diagnostics
            omitted[f.path, default: 0] += parser.omittedErrors
            sources[f.path] = f
            layers.append(Resolver.Layer(file: f, statements: statements, unreadable: parser.unreadable))
        }
        let reader = self
        var resolver = Resolver(loadUse: { path, from in reader.loadUse(path, relativeTo: from) },
                                readObservations: { path, from in reader.readObservations(path, relativeTo: from) })
        let scenario: ResolvedScenario
        do {
            scenario = try resolver.resolve(layers)
        } catch {
            // A statement that failed to parse often causes resolver errors later on (a vendor
            // never declared); report each place once.
            let reported = Set(diagnostics.compactMap { $0.location?.description })
            let extra = error.diagnostics.filter { d in !reported.contains(d.location?.description ?? "") }
            let limited = DiagnosticLimit.apply((diagnostics + extra).sorted(by: Resolver.byLocation), alsoOmitted: omitted)
            throw ScenarioError(limited.kept, sources: sources.merging(error.sources) { a, _ in a },
                                isUnreadableFile: error.isUnreadableFile, omittedErrors: limited.omitted)
        }
        let allSources = sources.merging(resolver.sourceFiles) { a, _ in a }
        if !diagnostics.isEmpty {
            let limited = DiagnosticLimit.apply(diagnostics, alsoOmitted: omitted)
            throw ScenarioError(limited.kept, sources: allSources, omittedErrors: limited.omitted)
        }
        return Loaded(scenario: scenario, warnings: resolver.warnings, sources: allSources)
    }

    /// Parses a `use`d file; its parse errors are reported with its own path.
    private func loadUse(_ path: String, relativeTo from: String) -> Result<(layer: Resolver.Layer, parseErrors: [Diagnostic]), ScenarioError> {
        let resolved = ScenarioLoader.path(path, relativeTo: from)
        let data: Data
        do { data = try readFile(resolved) } catch let refused as ScenarioSizeLimit.Exceeded {
            return .failure(ScenarioError([refused.diagnostic(path: resolved)], sources: [:], isUnreadableFile: true))
        } catch {
            let shown = resolved == path ? "\"\(path)\"" : "\"\(path)\" (\(resolved))"
            return .failure(ScenarioError([Diagnostic(.error, "cannot read \(shown): \(ScenarioLoader.reason(error))", at: nil,
                                                      help: [from.hasPrefix("<") || from == "-"
                                                          ? "a path used from standard input is relative to the current directory"
                                                          : "a used file's path is relative to the file that uses it"])], sources: [:],
                                          isUnreadableFile: true))
        }
        let file: SourceFile
        do { file = try ScenarioLoader.sourceFile(path: resolved, data: data) } catch {
            return .failure(error)
        }
        var parser = Parser(file)
        let statements = parser.parseFile()
        return .success((Resolver.Layer(file: file, statements: statements, unreadable: parser.unreadable), parser.diagnostics))
    }

    /// The text of an observation file that `observe from` names, relative to the file that names it.
    private func readObservations(_ path: String, relativeTo from: String) -> Result<SourceFile, ScenarioError> {
        let resolved = ScenarioLoader.path(path, relativeTo: from)
        do {
            return .success(try ScenarioLoader.sourceFile(path: resolved, data: try readFile(resolved)))
        } catch let error as ScenarioError {
            return .failure(error)
        } catch let refused as ScenarioSizeLimit.Exceeded {
            return .failure(ScenarioError([refused.diagnostic(path: resolved)], sources: [:]))
        } catch {
            let shown = resolved == path ? "\"\(path)\"" : "\"\(path)\" (\(resolved))"
            return .failure(ScenarioError([Diagnostic(.error, "cannot read \(shown): \(ScenarioLoader.reason(error))", at: nil,
                                                      help: ["an observation file's path is relative to the scenario that names it"])], sources: [:]))
        }
    }

    /// A used file's path, relative to the directory of the file that uses it. `.` and `..`
    /// are folded away, so that a cycle through `./a.scn` is seen to come back to `a.scn`.
    static func path(_ path: String, relativeTo from: String) -> String {
        var joined = path
        if !path.hasPrefix("/") {
            let dir = (from as NSString).deletingLastPathComponent
            if !dir.isEmpty, !from.hasPrefix("<") { joined = (dir as NSString).appendingPathComponent(path) }
        }
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let folded = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? "/" + folded : folded
    }

    /// Scenario text must be UTF-8 without NUL bytes; anything else is reported at the
    /// first offending byte instead of being lexed into a cascade of nonsense.
    public static func sourceFile(path: String, data: Data) throws(ScenarioError) -> SourceFile {
        let bytes = [UInt8](data)
        var line = 1, column = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var length = 1
            var valid = true
            if b == 0 { valid = false }
            else if b < 0x80 { length = 1 }
            else if b & 0xE0 == 0xC0 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0 { length = 4 }
            else { valid = false }
            if valid {
                if i + length > bytes.count { valid = false }
                else { for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false } }
            }
            if !valid {
                let loc = SourceLocation(file: path, line: line, column: column)
                let what = b == 0 ? "a NUL byte" : "a byte that is not UTF-8 (0x\(String(b, radix: 16, uppercase: true)))"
                let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                // The text decoded with replacement characters, so the line and the caret can be shown.
                let shown = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
                throw ScenarioError([.error("not a text file: \(what) at byte \(i + 1)", at: loc,
                                            help: utf16 ? "this file is UTF-16; save it as UTF-8" : "scenario files are UTF-8 text; is this the right file?")],
                                    sources: [path: shown])
            }
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SourceFile(path: path, text: text)
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return AtomicFile.reason(error)
    }
}
