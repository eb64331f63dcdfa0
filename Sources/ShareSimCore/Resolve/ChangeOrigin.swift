/// Where a change was written, and by which event.
public struct ChangeOrigin: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var event: String?
    package init(file: String, line: Int, event: String? = nil) {
        self.file = file
        self.line = line
        self.event = event
    }
}
