import CInterrupt

/// Ctrl-C as a polled flag rather than process death, so the prompt can discard
/// a line and long computations can cancel cleanly at a point of their choosing.
public enum InterruptFlag {
    /// Routes SIGINT to the flag (without SA_RESTART, so a blocked terminal read
    /// returns). Idempotent; `LibEditLineReader` calls it for you.
    package static func install() {
        interrupt_flag_install()
    }

    /// Consumes a pending Ctrl-C, so one keypress cancels exactly one thing.
    public static func takePending() -> Bool {
        interrupt_flag_take() != 0
    }

    /// Peeks without consuming, for cancellation checks deep inside a computation.
    public static var isPending: Bool {
        interrupt_flag_pending() != 0
    }
}
