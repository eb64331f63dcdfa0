public enum Metric: String, Sendable, CaseIterable {
    case installedShare = "installed share"
    case salesShare = "sales share"
    case installed
    case sales
    case installedGrowth = "installed growth"
    case salesGrowth = "sales growth"

    public var isShare: Bool { self == .installedShare || self == .salesShare }
    public var isGrowth: Bool { self == .installedGrowth || self == .salesGrowth }
}
