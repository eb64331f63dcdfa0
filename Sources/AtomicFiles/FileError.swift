import Foundation

/// A file operation that failed, with the reason in the OS's words, lowercased ("is a
/// directory", "no space left on device"): what follows "cannot write 'PATH': " in a
/// message, without Foundation's "The operation could not be completed." around it.
public struct FileError: Error, Equatable, CustomStringConvertible, LocalizedError, CustomNSError {
    /// The `errno` value.
    public let code: Int32
    public let reason: String

    public init(code: Int32, reason: String? = nil) {
        self.code = code
        self.reason = reason ?? String(cString: strerror(code)).lowercased()
    }

    /// The error of the system call that just failed; call it before anything can change `errno`.
    public static func last() -> FileError { FileError(code: errno) }

    /// This error as a failed read reports it, in the words every command uses: a missing
    /// file is "no such file" (the message names the file, so strerror's "or directory" only puzzles).
    public var asRead: FileError { code == ENOENT ? FileError(code: ENOENT, reason: "no such file") : self }

    public var description: String { reason }
    public var errorDescription: String? { reason }
    public static var errorDomain: String { NSPOSIXErrorDomain }
    public var errorCode: Int { Int(code) }
    /// Bridged to `NSError`, the POSIX domain would bring back Foundation's own wording.
    public var errorUserInfo: [String: Any] { [NSLocalizedDescriptionKey: reason] }
}
