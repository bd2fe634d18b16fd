/// Quotations that go on after the attribution: in `"The bridge is closed," the mayor said. "It
/// will take weeks."` the second quotation is a second content fragment of the same attribution,
/// and so is a paragraph that is one quotation and nothing else right after the paragraph the
/// attribution ends ("... ," she said.¶"We will rebuild."): news style gives a quoted speaker's
/// next paragraph without a new attribution. A content that stops at a colon ending its
/// paragraph goes on in the quotation the colon introduces.
extension AttributionFinder {
    /// Patterns whose content is a quotation, so that a following quotation continues it.
    private static func isQuotePattern(_ pattern: Pattern) -> Bool {
        switch pattern {
        case .quoteTrailing, .quoteInverted, .quoteSplit, .quoteForward: true
        default: false
        }
    }

    /// `"A," the activist says. "B."`: the next sentence's quotation, when nothing else claims it,
    /// is the second fragment of the same attribution; then each following paragraph that is a
    /// single quotation nothing claims, while the attribution is the last one of its paragraph.
    func continueQuotes(_ all: inout [Candidate]) {
        let claimedSentences = Set(all.map(\.sentence))
        for n in all.indices {
            let c = all[n]
            guard c.pattern == .quoteTrailing || c.pattern == .quoteInverted, c.content.count == 1 else { continue }
            let next = c.sentence + 1
            guard next < index.sentences.count, !claimedSentences.contains(next) else { continue }
            let s = index.sentences[c.sentence]
            let t = index.sentences[next]
            guard s.upperBound == t.lowerBound, let q = index.quoteOpening(at: t.lowerBound), q.terminated else { continue }
            guard trimEnd(t.lowerBound, t.upperBound) <= q.close + 1 else { continue }
            all[n].content.append(q.open..<(q.close + 1))
        }
        continueAcrossParagraphs(&all)
    }

    /// The paragraphs after an attribution's own that are each one quotation, unclaimed.
    private func continueAcrossParagraphs(_ all: inout [Candidate]) {
        let sentences = index.sentences
        // Candidates that end the last sentence of their paragraph, with a quotation opening the
        // next one (most documents have none, and then nothing more is computed).
        var ending: [(candidate: Int, sentence: Int, last: Int)] = []
        for n in all.indices {
            let last = lastToken(of: all[n])
            guard let k = index.sentence(containing: last), k + 1 < sentences.count,
                  sentences[k].upperBound < sentences[k + 1].lowerBound,
                  index.quoteOpening(at: sentences[k + 1].lowerBound) != nil,
                  Self.isQuotePattern(all[n].pattern) || endsWithQuotation(all[n]) || endsAtColon(all[n]) else { continue }
            ending.append((n, k, last))
        }
        guard !ending.isEmpty else { return }
        // Every token some candidate covers, to tell a quotation nothing claims.
        var claimed = [Bool](repeating: false, count: tokens.count)
        for c in all {
            for r in c.cue { for i in r where i < claimed.count { claimed[i] = true } }
            for r in c.content { for i in r where i < claimed.count { claimed[i] = true } }
            if let r = c.source { for i in r where i < claimed.count { claimed[i] = true } }
        }
        for (n, first, last) in ending {
            // The last attribution of its paragraph: no other cue after this one's end there.
            let paragraphEnd = sentences[first].upperBound
            let later = all.indices.contains { m in
                m != n && (all[m].cue.first.map { $0.lowerBound > last && $0.lowerBound < paragraphEnd } ?? false)
            }
            guard !later else { continue }
            var k = first
            while k + 1 < sentences.count {
                let here = sentences[k], next = sentences[k + 1]
                // A paragraph break between them, and the next paragraph is this one sentence.
                guard here.upperBound < next.lowerBound, k + 2 == sentences.count || next.upperBound < sentences[k + 2].lowerBound,
                      let q = index.quoteOpening(at: next.lowerBound), q.terminated,
                      trimEnd(next.lowerBound, next.upperBound) <= q.close + 1,
                      !next.contains(where: { claimed[$0] }) else { break }
                all[n].content.append(q.open..<(q.close + 1))
                for i in q.open...q.close { claimed[i] = true }
                k += 1
            }
        }
    }

    /// The content's last fragment ends with a closing quotation mark (its own punctuation aside):
    /// `said Trump had "the opportunity."`, `leaders "who understand," Clinton said`.
    private func endsWithQuotation(_ c: Candidate) -> Bool {
        guard let r = c.content.last, !r.isEmpty else { return false }
        var k = r.upperBound - 1
        while k > r.lowerBound && tokens[k].kind == .punct { k -= 1 }
        if index.quoteClosing(at: k) != nil { return true }
        // The closing mark right after the content ("... together." + `”`).
        var m = r.upperBound
        while m < tokens.count && tokens[m].kind == .punct && m - r.upperBound < 3 { m += 1 }
        return index.quoteClosing(at: m) != nil
    }

    /// The content stops at a colon that ends its paragraph ("..., it was the stage itself:"):
    /// the quotation it introduces follows in the next paragraph.
    private func endsAtColon(_ c: Candidate) -> Bool {
        guard let r = c.content.last, !r.isEmpty, r.upperBound < tokens.count, tokens[r.upperBound].isPunct(":") else {
            return false
        }
        return r.upperBound + 1 == tokens.count || tokens[r.upperBound + 1].kind == .newline
    }

    private func lastToken(of c: Candidate) -> Int {
        var last = c.source.map { $0.upperBound - 1 } ?? 0
        for r in c.cue where !r.isEmpty { last = max(last, r.upperBound - 1) }
        for r in c.content where !r.isEmpty { last = max(last, r.upperBound - 1) }
        return last
    }
}
