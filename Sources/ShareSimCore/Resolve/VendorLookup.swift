/// A scenario's vendors by id (with their place in declaration order) and by origin, made
/// once so that each change's selector is looked up, not searched for.
struct VendorLookup {
    var ids: [String]
    var positions: [String: Int] = [:]
    var byOrigin: [String: [String]] = [:]

    init(_ vendors: [Vendor]) {
        ids = vendors.map(\.id)
        for (i, v) in vendors.enumerated() {
            positions[v.id] = i
            byOrigin[v.origin, default: []].append(v.id)
        }
    }
}
