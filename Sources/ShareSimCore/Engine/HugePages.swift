import Foundation

/// Large blocks of memory backed by transparent huge pages. A long run writes tens of
/// megabytes that nothing has touched before, and the first touch of each 4 KiB page costs
/// a page fault (over a microsecond on a virtual machine): more than the arithmetic of the
/// steps that fill the page. A 2 MiB page takes one fault where 4 KiB pages take 512.
enum HugePages {
    /// The huge page size of x86-64 and of arm64 with 4 KiB base pages.
    static let size = 2 << 20

    /// A zeroed block of at least `bytes`, whole huge pages aligned on a huge-page boundary;
    /// nil when the block is too small for huge pages to pay, the platform has none (the
    /// `madvise` flag is Linux's), or the mapping fails. The caller then uses ordinary memory.
    static func map(bytes: Int) -> (start: UnsafeMutableRawPointer, length: Int)? {
        #if os(Linux)
        guard bytes >= size else { return nil }
        let length = (bytes + size - 1) / size * size
        // mmap promises only 4 KiB alignment: map one huge page more, then trim both ends.
        guard let raw = mmap(nil, length + size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED else { return nil }
        let head = (size - Int(UInt(bitPattern: raw) % UInt(size))) % size
        if head > 0 { munmap(raw, head) }
        munmap(raw + head + length, size - head)
        let start = raw + head
        // Advice only: where the kernel declines, the block still works in 4 KiB pages.
        _ = madvise(start, length, MADV_HUGEPAGE)
        return (start, length)
        #else
        return nil
        #endif
    }

    /// Returns a block that `map` gave.
    static func unmap(_ start: UnsafeMutableRawPointer, length: Int) {
        #if os(Linux)
        munmap(start, length)
        #endif
    }
}
