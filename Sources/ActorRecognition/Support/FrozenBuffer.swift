/// An array frozen into memory allocated once, so hot loops can hold a plain buffer pointer to it: no
/// bounds checks in release builds, no reference counting and no uniqueness checks per access.
///
/// The buffer is never written after `init`, which is what makes sharing it between threads safe.
final class FrozenBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    private let allocation: UnsafeMutableBufferPointer<Element>

    init(_ elements: [Element]) {
        allocation = .allocate(capacity: max(1, elements.count))
        _ = allocation.initialize(from: elements)
        buffer = UnsafeBufferPointer(start: allocation.baseAddress, count: elements.count)
    }

    deinit { allocation.deallocate() }

    var count: Int { buffer.count }
}
