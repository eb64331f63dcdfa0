import ArgumentParser
import Foundation
import ShareSimCore

/// The one job of this file: turn the process's arguments into a command and its outcome
/// into the contract's exit codes (2 for usage, where ArgumentParser would use 64).
do {
    var command = try ShareSim.parseAsRoot()
    do {
        try command.run()
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        // Help and version requests travel as errors too; they are successes.
        if ShareSim.exitCode(for: error) == .success {
            print(ShareSim.fullMessage(for: error))
            Foundation.exit(0)
        }
        FileHandle.standardError.write(Data("sharesim: internal error: \(error)\n".utf8))
        Foundation.exit(ExitStatus.internalError)
    }
} catch {
    if ShareSim.exitCode(for: error) == .success {
        print(ShareSim.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((ShareSim.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(ExitStatus.usage)
}
