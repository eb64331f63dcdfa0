import Foundation

/// Runs a program to completion with stdout sent to /dev/null, through posix_spawn and wait4
/// directly: Foundation's Process waits through a run loop, whose latency would land in the
/// figures. Stderr stays attached so that a failing run explains itself. Gives the child's
/// resource use, whose `ru_maxrss` is its peak resident size (kilobytes on Linux).
@discardableResult
func spawnQuietly(_ argv: [String]) throws(BenchError) -> rusage {
    #if canImport(Darwin)
    var actions: posix_spawn_file_actions_t? = nil
    let environment = _NSGetEnviron().pointee
    #else
    var actions = posix_spawn_file_actions_t()
    let environment = environ
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var pid: pid_t = 0
    let started = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environment)
    guard started == 0 else {
        throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(started)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    guard status == 0 else {
        throw BenchError("\(argv.joined(separator: " ")) failed (wait status \(status))")
    }
    return usage
}
