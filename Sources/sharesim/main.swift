import ArgumentParser
import Foundation
import ShareSimCore

/// The one job of this file: turn the process's arguments into a command and its outcome
/// into the contract's exit codes (2 for usage, where ArgumentParser would use 64).
do {
    if let name = unknownHelpTopic() {
        // ArgumentParser would answer with the top-level help and success, so a typo looked like an answer.
        throw ValidationError("unknown command '\(name)'")
    }
    var command = try ShareSim.parseAsRoot()
    do {
        try command.run()
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        exitIfRequest(error)
        Output.report(.error("internal error: \(error)", at: nil, help: "this is a bug in sharesim; please report it"))
        Foundation.exit(ExitStatus.internalError.rawValue)
    }
} catch {
    exitIfRequest(error)
    reportUsageError(error)
    Foundation.exit(ExitStatus.usage.rawValue)
}

/// A command line ArgumentParser refused, said as every error is (`sharesim: error: …`,
/// with a `help:` line where a command was probably meant), then ArgumentParser's usage.
func reportUsageError(_ error: Error) {
    var lines = message(for: error).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = lines.isEmpty ? "" : lines.removeFirst()
    let text = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
    Output.report(.error(text, at: nil, help: commandHint()))
    if !lines.isEmpty { Output.err(lines.joined(separator: "\n") + "\n") }
}

/// ArgumentParser's message for `error`, its usage line folded to the help's width.
func message(for error: Error) -> String { UsageLines.fold(ShareSim.fullMessage(for: error)) }

/// Help and version requests travel as errors too; they are successes: printed, exit 0.
func exitIfRequest(_ error: Error) {
    guard ShareSim.exitCode(for: error) == .success else { return }
    Output.out(message(for: error) + "\n")
    Foundation.exit(0)
}

/// The commands' names, as a user types them.
func commandNames() -> [String] {
    // A command without a name of its own is called by its type's name (one word each).
    ShareSim.configuration.subcommands.map { $0.configuration.commandName ?? String(describing: $0).lowercased() }
}

/// The word of `sharesim help WORD` when WORD is no command.
func unknownHelpTopic() -> String? {
    let arguments = CommandLine.arguments.dropFirst()
    guard arguments.first == "help", let topic = arguments.dropFirst().first, !topic.hasPrefix("-") else { return nil }
    return commandNames().contains(topic) || topic == "help" ? nil : topic
}

/// What a first argument that is no command probably meant (or the word after `help`): a
/// misspelt command, or a scenario to run (as `python FILE` would take it).
func commandHint() -> String? {
    let arguments = CommandLine.arguments.dropFirst()
    guard let first = unknownHelpTopic() ?? arguments.first, !first.hasPrefix("-") else { return nil }
    let commands = commandNames()
    guard !commands.contains(first) else { return nil }
    if FileManager.default.fileExists(atPath: first) {
        return "to run the scenario, 'sharesim run \(first)'; to explore it, 'sharesim repl \(first)'"
    }
    return Suggestions.didYouMean(first, in: commands)
}
