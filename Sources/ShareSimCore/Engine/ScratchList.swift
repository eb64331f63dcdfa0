/// A growable list of plain values that a workspace keeps from run to run. The step loop
/// reads it through a bare pointer: unlike an Array, reaching the elements takes no closure,
/// no reference counting and no uniqueness check. Emptying it keeps its memory, so a run no
/// larger than an earlier one allocates nothing.
///
/// It does not own its memory the way a value does: copies share it. Only `EngineWorkspace`
/// holds these lists, and frees them when it goes.
struct ScratchList<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity = 16

    init() { base = .allocate(capacity: capacity) }

    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    mutating func removeAll() { count = 0 }

    mutating func append(_ x: Element) {
        if count == capacity { reserve(2 * capacity) }
        (base + count).initialize(to: x)
        count += 1
    }

    /// Makes the list `n` long and returns its start. Elements past the old count are
    /// unspecified until written.
    mutating func resize(_ n: Int) -> UnsafeMutablePointer<Element> {
        if n > capacity { reserve(n) }
        count = n
        return base
    }

    func deallocate() { base.deallocate() }

    private mutating func reserve(_ n: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: n)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = n
    }
}
