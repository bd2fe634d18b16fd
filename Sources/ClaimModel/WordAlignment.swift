/// How one sequence of words becomes another: a longest common subsequence, read from the start,
/// the removed words of a stretch before its added ones. The review REPL's correction messages and
/// the provenance trail's wording variants both read it, so the two diffs never disagree.
public enum WordAlignment {
    public enum Step: Equatable, Sendable {
        /// `a[i]` and `b[j]` are the same word.
        case same(Int, Int)
        /// `a[i]` is gone.
        case removed(Int)
        /// `b[j]` is new.
        case added(Int)
    }

    /// Beyond this many cells (middle of `a` × middle of `b`) the table is not built: everything
    /// between the common ends counts as removed and added (a message, not a proof).
    public static let tableLimit = 250_000

    /// The steps from `a` to `b`: common ends first, then a longest common subsequence of the middle.
    public static func steps<Word: Equatable>(_ a: [Word], _ b: [Word]) -> [Step] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        var steps: [Step] = (0..<prefix).map { .same($0, $0) }
        if n * m <= tableLimit {
            // lengths[i * w + j]: the longest common subsequence of the middles' tails from i and j.
            let w = m + 1
            var lengths = [Int](repeating: 0, count: (n + 1) * w)
            if n > 0 && m > 0 {
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        lengths[i * w + j] = a[prefix + i] == b[prefix + j]
                            ? lengths[(i + 1) * w + j + 1] + 1 : max(lengths[(i + 1) * w + j], lengths[i * w + j + 1])
                    }
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n && j < m && a[prefix + i] == b[prefix + j] {
                    steps.append(.same(prefix + i, prefix + j)); i += 1; j += 1
                } else if j >= m || (i < n && lengths[(i + 1) * w + j] >= lengths[i * w + j + 1]) {
                    steps.append(.removed(prefix + i)); i += 1
                } else {
                    steps.append(.added(prefix + j)); j += 1
                }
            }
        } else {
            steps += (0..<n).map { .removed(prefix + $0) } + (0..<m).map { .added(prefix + $0) }
        }
        steps += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) }
        return steps
    }
}
