/// The statement keywords, for completion and for "did you mean" on a misspelt one.
public enum Keywords {
    public static let statements = ["scenario", "timeline", "segment", "buyers", "vendor", "share", "appeal", "event", "drop", "move", "use", "expect", "param", "channel", "observe"]
    public static let changes = ["access", "friction", "shift", "trend", "growth"]
}
