import Foundation

/// Where bytes meant for a path go, decided the way careful tools decide it.
public enum FileDestination: Equatable {
    /// A regular file, or a path where nothing is yet: replaced atomically. `existing` is the
    /// file being replaced, whose mode and owner the new one keeps.
    case file(path: String, existing: Attributes?)
    /// Something that is not a regular file — a FIFO, a terminal, /dev/null, /dev/full — or an
    /// open file named through /proc: written to directly. Renaming over it would swap a pipe
    /// or a device node for a plain file.
    case stream(path: String)
    /// One of the process's own descriptors: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N.
    case descriptor(Int32)

    public struct Attributes: Equatable {
        public var mode: mode_t
        public var uid: uid_t
        public var gid: gid_t
    }

    /// Follows `path` through its symlinks to what it names: a symlink itself is never
    /// replaced, the file it resolves to is (a dangling one's target is created).
    public static func of(_ path: String) throws(FileError) -> FileDestination {
        var current = path
        for _ in 0..<40 {
            if let descriptor = descriptor(named: current) { return .descriptor(descriptor) }
            var info = stat()
            var existing: Attributes?
            if stat(current, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFREG: existing = Attributes(mode: info.st_mode & 0o7777, uid: info.st_uid, gid: info.st_gid)
                case S_IFDIR: throw FileError(code: EISDIR)
                default: return .stream(path: current)
                }
            } else if errno != ENOENT {
                throw .last()
            }
            guard let target = try linkTarget(current) else { return .file(path: current, existing: existing) }
            // /proc/PID/fd/N links to an open file, which renaming over its path would leave behind.
            if current.hasPrefix("/proc/") { return .stream(path: current) }
            current = target
        }
        throw FileError(code: ELOOP)
    }

    /// Throws what writing to `path` would meet now: a directory that is not there or
    /// takes no new files, a device or pipe not open for writing. For commands that compute
    /// long before they write, so that a mistyped directory fails before the work.
    public static func checkWritable(_ path: String) throws(FileError) {
        switch try of(path) {
        case .file(let target, _):
            let directory = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
            guard access(directory.isEmpty ? "/" : directory, W_OK | X_OK) == 0 else { throw .last() }
        case .stream(let target):
            guard access(target, W_OK) == 0 else { throw .last() }
        case .descriptor:
            return
        }
    }

    /// Where the symlink at `path` points, relative targets made relative to the link's
    /// directory; nil when `path` is not a symlink (or is not there).
    static func linkTarget(_ path: String) throws(FileError) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else {
            if errno == EINVAL || errno == ENOENT { return nil }
            throw .last()
        }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard !target.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return target }
        return String(path[...slash]) + target
    }

    static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }
}

extension AtomicFileWriter {
    /// Writes `bytes` to `path`: atomically to a regular file or a new path (following
    /// symlinks, keeping the mode and, where allowed, the owner of the file replaced),
    /// directly to a pipe or a device. See `FileDestination`.
    public static func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644) throws(FileError) {
        try write(to: path, newFileMode: newFileMode) { descriptor throws(FileError) in try writeAll(bytes, to: descriptor) }
    }

    /// As `write(_:to:newFileMode:)`, with `body` writing the contents to a descriptor.
    public static func write(to path: String, newFileMode: mode_t = 0o644,
                             writing body: (Int32) throws(FileError) -> Void) throws(FileError) {
        switch try FileDestination.of(path) {
        case .file(let target, let existing):
            try replace(URL(fileURLWithPath: target), mode: existing?.mode ?? newFileMode,
                        owner: existing.map { ($0.uid, $0.gid) }, writing: body)
        case .stream(let target):
            let descriptor = open(target, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .last() }
            do throws(FileError) { try body(descriptor) } catch {
                close(descriptor)
                throw error
            }
            guard close(descriptor) == 0 || errno == EINTR else { throw .last() }
        case .descriptor(let descriptor):
            try body(descriptor)
        }
    }
}
