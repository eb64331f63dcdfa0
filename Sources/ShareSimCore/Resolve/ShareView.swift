/// Which figures a share is taken over (MODEL.md "What a run reports"): trade statistics
/// count the recorded origin, brand surveys the vendor or its origin.
public enum ShareView: String, Sendable, CaseIterable {
    case vendor, origin, channel, recorded, buyer
}
