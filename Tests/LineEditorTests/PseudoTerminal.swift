import Foundation

/// A pseudo-terminal whose slave side stands in for the user's terminal, so
/// tests can type keystrokes at a real libedit and read what it drew.
final class PseudoTerminal {
    let master: Int32
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    struct Failure: Error {}

    init() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw Failure() }
        self.master = master
        guard let input = fdopen(slave, "r"), let output = fdopen(dup(slave), "w") else { throw Failure() }
        self.input = input
        self.output = output
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        fclose(input)
        fclose(output)
        close(master)
    }

    /// Keystrokes must reach libedit byte by byte, whatever mode it last left
    /// the terminal in: in canonical mode the line discipline would hold them
    /// until Return and turn Ctrl-D into end-of-file.
    func type(_ keys: String) {
        var modes = termios()
        tcgetattr(fileno(input), &modes)
        modes.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(fileno(input), TCSANOW, &modes)
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Fills the terminal's output until a further write would wait, so that whatever the
    /// program draws next stays blocked until the test reads the screen.
    func fillOutput() {
        let fd = fileno(output)
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        let filler = [UInt8](repeating: UInt8(ascii: "."), count: 4096)
        while filler.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        _ = fcntl(fd, F_SETFL, flags)
    }

    /// Whether the terminal is in canonical (line-at-a-time) mode, the kernel's own editing.
    var isCanonical: Bool {
        var modes = termios()
        tcgetattr(fileno(input), &modes)
        return modes.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Everything drawn so far, with the terminal's CRLF line ends.
    func screen() -> String {
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &chunk, chunk.count)
            guard count > 0 else { break }
            collected += chunk[..<count]
        }
        return String(decoding: collected, as: UTF8.self)
    }
}
