import AtomicFiles
import Foundation

/// The largest scenario file read, 16 MiB unless `SHARESIM_MAX_SCENARIO_MIB` says otherwise.
/// Bundled scenarios are a few KB and the bench's largest a few MB, while a generated 45 MB
/// file of 400,000 events takes seconds and over a gigabyte of memory to check: a file past
/// the limit is refused before it is read (a regular file by its size, a pipe or a device
/// such as /dev/zero as soon as that much has come), so a wrong file costs nothing. The
/// variable, not an option, raises it because every command and the REPL's `load` and
/// `use` read scenarios through the one loader.
package struct ScenarioSizeLimit: Sendable, Equatable {
    package static let variable = "SHARESIM_MAX_SCENARIO_MIB"
    package static let defaultMiB = 16
    /// What the variable may raise the limit to: the reader's own stop.
    package static let largestMiB = WholeFileReader.limit >> 20

    package var mebibytes: Int
    /// The variable's value when it is not a whole number from 1 to `largestMiB`; the
    /// default limit holds then, and the refusal says why.
    package var ignoredSetting: String?

    package var bytes: Int { mebibytes << 20 }

    package init(mebibytes: Int = ScenarioSizeLimit.defaultMiB, ignoredSetting: String? = nil) {
        self.mebibytes = mebibytes
        self.ignoredSetting = ignoredSetting
    }

    /// The limit set by the environment of this process.
    package static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ScenarioSizeLimit {
        guard let setting = environment[variable] else { return ScenarioSizeLimit() }
        let trimmed = setting.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed), value >= 1, value <= largestMiB else { return ScenarioSizeLimit(ignoredSetting: setting) }
        return ScenarioSizeLimit(mebibytes: value)
    }

    /// A file past the limit: its size when it is a regular file, nil when it was a stream
    /// that ran on past the limit.
    package struct Exceeded: Error, Sendable, LocalizedError {
        package var size: Int?
        package var limit: ScenarioSizeLimit

        package init(size: Int?, limit: ScenarioSizeLimit) {
            self.size = size
            self.limit = limit
        }

        /// What follows "cannot read 'PATH': " where a file other than a scenario is read
        /// through the same reader (a transcript, run output to compare).
        package var errorDescription: String? {
            "larger than \(limit.mebibytes) MiB; is this the right file? (\(ScenarioSizeLimit.variable) raises the limit)"
        }

        /// The refusal, located at the file's start (no byte of it was looked at), with the
        /// setting that lets it through.
        package func diagnostic(path: String) -> Diagnostic {
            let limitText = "\(limit.mebibytes) MiB"
            let what = size.map { "'\(path)' is \(Self.megabytes($0))" } ?? "'\(path)' is larger than \(limitText)"
            var help: [String] = []
            if let ignored = limit.ignoredSetting {
                help.append("\(ScenarioSizeLimit.variable)='\(ignored)' is not a whole number of MiB from 1 to \(ScenarioSizeLimit.largestMiB); the limit stays \(limitText)")
            }
            if let size, (size + (1 << 20) - 1) >> 20 <= ScenarioSizeLimit.largestMiB {
                help.append("if it is the right file, raise the limit (in MiB) in the environment: \(ScenarioSizeLimit.variable)=\((size + (1 << 20) - 1) >> 20)")
            } else if size == nil {
                help.append("is this the right file? A larger scenario is read with \(ScenarioSizeLimit.variable) set to its size in MiB")
            }
            return Diagnostic(.error, "\(what); scenarios larger than \(limitText) are refused unread",
                              at: SourceLocation(file: path, line: 1, column: 1), help: help)
        }

        /// `45.4 MB`: the size as a file manager shows it.
        private static func megabytes(_ size: Int) -> String {
            String(format: "%.1f MB", Double(size) / 1_000_000)
        }
    }
}
