extension UnsafeBufferPointer {
    /// A copy of `values` in memory the caller deallocates.
    static func copy(_ values: [Element]) -> UnsafeBufferPointer<Element> {
        let copy = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(1, values.count))
        _ = copy.initialize(from: values)
        return UnsafeBufferPointer(rebasing: copy[0..<values.count])
    }
}
