/// SplitMix64 (Steele, Lea, Flood 2014), as in Vigna's reference `splitmix64.c`.
package struct SplitMix64: Sendable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// SplitMix64's output function: spreads a seed's bits so that seeds 1 and 2 start
    /// streams as far apart as any two.
    @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
