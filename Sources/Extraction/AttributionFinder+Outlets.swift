/// The news outlet of an attribution: a source that is an outlet (`Reuters reported`), a hearer
/// (`told Reuters`, `told us` for the publisher), or an outlet named near the cue (`speaking to
/// the Associated Press`, `in an interview with CNN`).
extension AttributionFinder {
    func outlet(named source: Range<Int>) -> String? {
        if let m = lexicons.outlets.match(tokens, at: source.lowerBound, limit: source.upperBound),
           m.range.upperBound == source.upperBound || m.range.upperBound + 1 == source.upperBound {
            return m.name
        }
        return nil
    }

    /// The outlet a hearer names: "told Reuters", "told us" (the publisher), "told Newsweek".
    func outlet(recipient r: Range<Int>) -> String? {
        guard !r.isEmpty else { return nil }
        if r.count == 1, key(r.lowerBound) == Keys.us || key(r.lowerBound) == Keys.me { return publisherName }
        if let m = lexicons.outlets.match(tokens, at: r.lowerBound, limit: r.upperBound) { return m.name }
        if matchesPublisher(at: r.lowerBound, limit: r.upperBound) { return publisherName }
        return nil
    }

    /// "speaking to the Associated Press", "in an interview with CNN", "told Newsweek" inside `r`.
    func outlet(in r: Range<Int>) -> String? {
        var i = r.lowerBound
        while i + 1 < r.upperBound {
            let k = key(i)
            if k == Keys.to || k == Keys.with || k == Keys.told || k == Keys.telling {
                if let m = lexicons.outlets.match(tokens, at: i + 1, limit: r.upperBound) { return m.name }
                if matchesPublisher(at: i + 1, limit: r.upperBound) { return publisherName }
                if k == Keys.told || k == Keys.telling, key(i + 1) == Keys.us || key(i + 1) == Keys.me {
                    return publisherName
                }
            }
            i += 1
        }
        return nil
    }

    func matchesPublisher(at i: Int, limit: Int) -> Bool {
        guard !publisherKeys.isEmpty else { return false }
        var k = i
        if k < limit && key(k) == Keys.the { k += 1 }
        guard k + publisherKeys.count <= limit else { return false }
        for (n, pk) in publisherKeys.enumerated() where key(k + n) != pk { return false }
        return true
    }
}
