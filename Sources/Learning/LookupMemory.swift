#if os(Linux)
import Glibc
#endif

/// Memory for a read-mostly table looked up at random (the cue detector's buckets, the net's
/// rows): 64-byte aligned, so a bucket or a row is one cache line, and from 2 MiB on, on 2 MiB
/// boundaries with Linux asked for huge pages, since lookups random over megabytes of 4 KiB pages
/// mostly missed the TLB too. Read as a collection of its elements.
final class LookupMemory<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    static var hugePage: Int { 1 << 21 }

    /// Allocated, not yet initialised: the convenience inits fill it.
    private init(allocating count: Int) {
        self.count = count
        let bytes = Swift.max(1, count * MemoryLayout<Element>.stride)
        let huge = bytes >= Self.hugePage
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: huge ? Self.hugePage : Swift.max(64, MemoryLayout<Element>.alignment))
        #if os(Linux)
        // Advice only: without transparent huge pages the table works the same on small pages.
        if huge { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
        #endif
        base = raw.bindMemory(to: Element.self, capacity: count)
    }

    convenience init(count: Int, repeating value: Element) {
        self.init(allocating: count)
        base.initialize(repeating: value, count: count)
    }

    /// A copy of `elements`.
    convenience init(_ elements: [Element]) {
        self.init(allocating: elements.count)
        _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: elements)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

// Written only while its owner is built, read-only afterwards: safe to share between threads when
// its elements are.
extension LookupMemory: @unchecked Sendable where Element: Sendable {}

extension LookupMemory: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(position: Int) -> Element { base[position] }
}
