/// How fast an analyst reviews, from the times of their verdicts in the log (`progress`).
///
/// Time per claim is the median gap between consecutive verdicts (confirm, reject, add, as
/// written, undone ones included: they took the analyst's time too; the caller leaves out bulk
/// acceptances, which are not one look per claim); a gap over `breakLimit` is a
/// pause, not work, and is left out. Claims per hour is 3,600 s over that median. The median keeps
/// one long look at a hard claim from skewing the figure.
public struct ReviewPace: Sendable, Equatable {
    /// Gaps longer than this (seconds) are pauses.
    public static let breakLimit = 600.0

    /// The gaps counted, in seconds.
    public let gaps: [Double]

    /// `times`: the log's `created_at` of each verdict, oldest first (ISO 8601, UTC, as the store
    /// writes them); times that do not parse are skipped.
    public init(verdictTimes times: [String]) {
        let seconds = times.compactMap(Self.seconds)
        var gaps: [Double] = []
        for (a, b) in zip(seconds, seconds.dropFirst()) where b >= a && b - a <= Self.breakLimit { gaps.append(b - a) }
        self.gaps = gaps
    }

    /// The median gap, nil before two verdicts close enough in time.
    public var secondsPerClaim: Double? {
        guard !gaps.isEmpty else { return nil }
        let sorted = gaps.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// 3,600 s over the median gap; nil when there is no gap, or it is zero.
    public var claimsPerHour: Double? {
        guard let s = secondsPerClaim, s > 0 else { return nil }
        return 3600 / s
    }

    /// Seconds since 1970 of `2026-11-25T10:00:00.000Z` (fraction optional; `Z` or `+00:00`).
    static func seconds(_ text: String) -> Double? {
        let s = Array(text.utf8)
        guard s.count >= 19, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"), s[10] == UInt8(ascii: "T"),
              s[13] == UInt8(ascii: ":"), s[16] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard s[i] >= 48 && s[i] <= 57 else { return nil }
                n = n * 10 + Int(s[i] - 48)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month) else { return nil }
        var fraction = 0.0
        var i = 19
        if i < s.count, s[i] == UInt8(ascii: ".") {
            var scale = 0.1
            i += 1
            while i < s.count, s[i] >= 48, s[i] <= 57 {
                fraction += Double(s[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
    }
}
