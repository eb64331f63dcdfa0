import Foundation
import ShareSimCore

/// What the fuzzer does with one input, and what `make test` does again with every input of
/// the corpus: load it as `sharesim check` does (scenario text, or resolved JSON when it
/// starts with `{`) and render whatever it reports. Kept free of anything but Foundation and
/// ShareSimCore so that `make fuzz` compiles this same file into the libFuzzer target.
public enum LoaderFuzzing {
    /// The name an input is loaded under; a `use` of any other file finds none, so that a
    /// fuzzed input never reads the machine's files (`use "/dev/stdin"` would wait forever).
    public static let inputName = "fuzz.scn"

    /// What came of one input: the rendered diagnostics, and whether it loaded.
    public struct Outcome: Sendable {
        public var loaded: Bool
        public var rendered: String
        /// Diagnostics without a place in the text (a bug for anything but an unreadable file).
        public var unlocated: Int
    }

    public static func check(_ bytes: [UInt8], name: String = inputName) -> Outcome {
        let data = Data(bytes)
        let loader = ScenarioLoader(readFile: { path in
            guard path == name else { throw CocoaError(.fileReadNoSuchFile) }
            return data
        })
        let printer = DiagnosticPrinter(useColor: false)
        do {
            let loaded = try loader.load(path: name, data: data)
            return Outcome(loaded: true, rendered: printer.render(loaded.warnings, sources: loaded.sources), unlocated: 0)
        } catch {
            return Outcome(loaded: false, rendered: printer.render(error.diagnostics, sources: error.sources),
                           unlocated: error.diagnostics.filter { $0.location == nil }.count)
        }
    }
}
