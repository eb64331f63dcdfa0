import ArgumentParser
import Foundation
import ShareSimCore

/// The one job of this file: turn the process's arguments into a command and its exit
/// status into the contract's exit codes (2 for usage, not ArgumentParser's 64).
do {
    var command = try ShareSim.parseAsRoot()
    do {
        try command.run()
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        FileHandle.standardError.write(Data("sharesim: internal error: \(error)\n".utf8))
        Foundation.exit(ExitStatus.internalError)
    }
} catch {
    let code = ShareSim.exitCode(for: error)
    let message = ShareSim.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(ExitStatus.usage)
}
