/// Doubles as unsigned integers in the same order, so that a range of values can be cut into
/// bins of equal width and cut again until a bin holds one value: flipping every bit of a
/// negative number and the sign bit of a positive one orders them as `<` does. Zero's two
/// signs are one key, as `<` holds them equal.
enum OrderedKey {
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
