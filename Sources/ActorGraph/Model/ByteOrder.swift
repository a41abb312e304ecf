#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether `self` sorts before `other` by their UTF-8 bytes: the order of actor ids everywhere in
    /// ActorGraph (the same on every platform, unlike `<` on `String`, which compares by Unicode rules).
    /// One `memcmp`, several times faster than walking both `utf8` views.
    @inline(__always)
    func utf8Precedes(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = Swift.min(pa.count, pb.count)
                if n > 0, let x = pa.baseAddress, let y = pb.baseAddress {
                    let r = memcmp(x, y, n)
                    if r != 0 { return r < 0 }
                }
                return pa.count < pb.count
            }
        }
    }

    /// The first eight UTF-8 bytes as a big-endian integer, zero-padded: when two strings' prefixes differ,
    /// comparing them gives the order of `utf8Precedes`; when they are equal, the strings must be compared.
    var utf8OrderPrefix: UInt64 {
        var key: UInt64 = 0, n = 0
        for c in utf8 {
            if n == 8 { break }
            key |= UInt64(c) << UInt64(56 - 8 * n)
            n += 1
        }
        return key
    }
}
