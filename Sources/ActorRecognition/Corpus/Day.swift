/// A calendar day, `YYYY-MM-DD`, the only time resolution ActorGraph keeps.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, checking that the day exists in that month (leap years included).
    public init?(_ text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(u[i] - UInt8(ascii: "0"))
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        guard (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 0001-01-01 (proleptic Gregorian calendar).
    public var ordinal: Int {
        let y = year - 1
        var n = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { n += Day.daysIn(month: m, year: year) }
        return n + day - 1
    }

    /// The day `ordinal` days after 0001-01-01.
    public init(ordinal: Int) {
        var y = max(1, ordinal / 366)
        while Day(year: y + 1, month: 1, day: 1).ordinal <= ordinal { y += 1 }
        var m = 1
        var rest = ordinal - Day(year: y, month: 1, day: 1).ordinal
        while rest >= Day.daysIn(month: m, year: y) { rest -= Day.daysIn(month: m, year: y); m += 1 }
        self.init(year: y, month: m, day: rest + 1)
    }

    /// A day from its parts, which must form a real date.
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month) && day >= 1 && day <= Day.daysIn(month: month, year: year), "not a real day")
        (self.year, self.month, self.day) = (year, month, day)
    }
}
