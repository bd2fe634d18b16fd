import ClaimModel
import Extraction

/// Where a model loses gold attributions on labelled documents, in the model's own terms: was the
/// gold cue never an anchor, did no reading of its anchor fit, did the model drop a fitting reading
/// or pick the wrong one? Tells which part (anchors, readings, scorer) to work on next.
public struct ErrorBreakdown: Sendable, Equatable {
    /// Gold attributions with a content the model can see (at least one token).
    public var gold = 0
    /// Matched by a kept reading (cue, source and content overlap theirs).
    public var found = 0
    /// No anchor's cue overlaps the gold cue: neither the rules nor the learned cues proposed it.
    public var neverProposed = 0
    /// An anchor on the gold cue, but none of its readings overlaps the gold source, cue and content.
    public var noFittingReading = 0
    /// A fitting reading existed; its anchor's best reading scored below the threshold.
    public var belowThreshold = 0
    /// A fitting reading existed and its anchor kept a reading, but the kept one does not fit.
    public var wrongReading = 0
    /// The anchor's reading was dropped because a better-scoring one claimed its content.
    public var lostToOverlap = 0
    /// Kept readings whose content overlaps no gold content.
    public var spurious = 0
    /// Kept readings in all.
    public var kept = 0
    /// Over the found ones: the summed token F1 of the kept reading's content and source, and of the
    /// best fitting reading any anchor on that cue offered (what perfect choices would reach).
    public var contentF1 = 0.0, sourceF1 = 0.0, bestContentF1 = 0.0, bestSourceF1 = 0.0
    /// The commonest gold cues (lowercased words) never proposed, most frequent first.
    public var neverProposedCues: [CueCount] = []
    /// Found and kept by kind of cue (`RulesExtractor.cueKind(ofCue:)`), in `RulesExtractor.cueKinds`
    /// order: where the model is strong and where it is not.
    public var byCueKind: [KindCount] = []
    /// The "no fitting reading" cases by shape (which role no reading reached, and how the gold's
    /// role lies: "source: possessive", "content: before the cue", …), most frequent first.
    public var noFittingShapes: [CueCount] = []

    public struct CueCount: Sendable, Equatable {
        public var cue: String
        public var count: Int
    }

    /// One kind of cue: its gold attributions, how many of them were found and where the others
    /// were lost (as the breakdown's own counts), the kept readings of that kind and how many of
    /// those fit a gold attribution (cue, source and content overlap).
    public struct KindCount: Sendable, Equatable {
        public var kind: String
        public var gold = 0, found = 0
        public var neverProposed = 0, noFittingReading = 0, belowThreshold = 0, wrongReading = 0, lostToOverlap = 0
        public var kept = 0, keptFitting = 0
        /// Gold attributions whose cue is rare as a cue in the training gold (every word of it
        /// headed a gold cue in under `ErrorBreakdown.rareCueRate` of its training occurrences, or
        /// never occurred there; a gold attribution without a cue counts too), and how many of those
        /// were found: the part of a kind the words of its cue give the model little to go on.
        public var rareCue = 0, rareFound = 0

        public init(kind: String) { self.kind = kind }
    }

    public init() {}

    /// Below this share of its training occurrences as a gold cue word, a cue word is rare.
    public static let rareCueRate = 0.2
}

extension AttributionModel {
    /// The error breakdown of this model on `data` (see `ErrorBreakdown`); `top` cues are listed.
    public func errorBreakdown(_ data: [LabeledDocument], top: Int = 30) throws(LearningError) -> ErrorBreakdown {
        let rules: RulesExtractor
        do { rules = try RulesExtractor() } catch { throw .rulesUnavailable(reason: "\(error)") }
        var b = ErrorBreakdown()
        var cues: [String: Int] = [:]
        var shapes: [String: Int] = [:]
        var kinds = RulesExtractor.cueKinds.map { ErrorBreakdown.KindCount(kind: $0) }
        func kindIndex(_ cue: some Sequence<Int>, _ text: TokenizedText) -> Int {
            rules.cueKindIndex(ofWords: cue.sorted().map { text.tokens[$0].lower })
        }
        for labeled in data {
            let doc = PreparedDocument(labeled, rules: rules, base: options.base)
            let decoder = Decoder(model: self, text: doc.text)
            let choices = decoder.choose(proposals: doc.proposals)
            let kept = decoder.decode(choices, proposals: doc.proposals)
            let keptAnchors = Set(kept.map(\.anchor))
            for r in kept {
                let content = Set(r.content.flatMap { $0 })
                if !doc.gold.contains(where: { !$0.content.isDisjoint(with: content) }) { b.spurious += 1 }
                let k = kindIndex(r.cue.joined(), doc.text)
                kinds[k].kept += 1
                if doc.gold.contains(where: { doc.fits(r.cue, r.source, r.content, gold: $0) }) { kinds[k].keptFitting += 1 }
            }
            for g in doc.gold {
                let kind = kindIndex(g.cue, doc.text)
                kinds[kind].gold += 1
                let rare = lexicon.isRareCue(g.cue.map { doc.text.tokens[$0].lower })
                if rare { kinds[kind].rareCue += 1 }
                let onCue = choices.anchors.indices.filter {
                    PreparedDocument.overlaps(Set(choices.anchors[$0].cue.flatMap { $0 }), g.cue)
                }
                var bestContent = 0.0, bestSource = 0.0
                var fitting: [Int] = []
                for a in onCue {
                    for v in choices.anchors[a].variants where doc.fits(choices.anchors[a].cue, v.source, v.content, gold: g) {
                        if !fitting.contains(a) { fitting.append(a) }
                        let c = PreparedDocument.tokenF1(Set(v.content.flatMap { $0 }), g.content)
                        let s = PreparedDocument.tokenF1(Set(v.source.flatMap { $0 }), g.source)
                        if c + s > bestContent + bestSource { bestContent = c; bestSource = s }
                    }
                }
                if let r = kept.first(where: { doc.fits($0.cue, $0.source, $0.content, gold: g) }) {
                    kinds[kind].found += 1
                    if rare { kinds[kind].rareFound += 1 }
                    let content = PreparedDocument.tokenF1(Set(r.content.flatMap { $0 }), g.content)
                    let source = PreparedDocument.tokenF1(Set(r.source.flatMap { $0 }), g.source)
                    b.contentF1 += content
                    b.sourceF1 += source
                    b.bestContentF1 += max(bestContent, content)
                    b.bestSourceF1 += max(bestSource, source)
                } else if onCue.isEmpty {
                    kinds[kind].neverProposed += 1
                    let words = g.cue.sorted().map { doc.text.tokens[$0].lower }.joined(separator: " ")
                    cues[words.isEmpty ? "(no cue)" : words, default: 0] += 1
                } else if fitting.isEmpty {
                    kinds[kind].noFittingReading += 1
                    let shape = Self.noFitShape(g, variants: onCue.flatMap { choices.anchors[$0].variants },
                                           cue: onCue.flatMap { choices.anchors[$0].cue }, text: doc.text)
                    shapes[shape, default: 0] += 1
                } else if fitting.contains(where: keptAnchors.contains) {
                    kinds[kind].wrongReading += 1
                } else if fitting.contains(where: { (choices.best[$0]?.score ?? -.infinity) > threshold }) {
                    kinds[kind].lostToOverlap += 1
                } else {
                    kinds[kind].belowThreshold += 1
                }
            }
        }
        b.neverProposedCues = cues.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(top).map { ErrorBreakdown.CueCount(cue: $0.key, count: $0.value) }
        b.byCueKind = kinds
        // The totals are the kinds' sums (each gold attribution and kept reading has one kind).
        func total(_ count: KeyPath<ErrorBreakdown.KindCount, Int>) -> Int { kinds.reduce(0) { $0 + $1[keyPath: count] } }
        (b.gold, b.found, b.kept) = (total(\.gold), total(\.found), total(\.kept))
        (b.neverProposed, b.noFittingReading, b.belowThreshold) = (total(\.neverProposed), total(\.noFittingReading), total(\.belowThreshold))
        (b.wrongReading, b.lostToOverlap) = (total(\.wrongReading), total(\.lostToOverlap))
        b.noFittingShapes = shapes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ErrorBreakdown.CueCount(cue: $0.key, count: $0.value) }
        return b
    }

    /// Why no reading of the anchors on gold `g`'s cue fits it: the role no reading overlaps
    /// ("both" when neither source nor content is reached; "split" when each is reached, by
    /// different readings) and how the gold's span of that role lies against the cue.
    static func noFitShape(_ g: PreparedDocument.GoldReading, variants: [Variant], cue: [Range<Int>], text: TokenizedText) -> String {
        let contentHit = variants.contains { v in v.content.contains { r in r.contains(where: g.content.contains) } }
        let sourceHit = variants.contains { PreparedDocument.overlaps(Set($0.source.flatMap { $0 }), g.source) }
        if contentHit && sourceHit { return "split: source and content in different readings" }
        let cueTokens = g.cue.isEmpty ? Set(cue.flatMap { $0 }) : g.cue
        let cueFirst = cueTokens.min() ?? 0, cueLast = cueTokens.max() ?? 0
        let cueSentence = text.tokens[cueFirst].sentence
        if !contentHit {
            let lo = g.content.min() ?? 0, hi = g.content.max() ?? 0
            let prefix = sourceHit ? "content" : "both"
            if text.tokens[lo].sentence != text.tokens[hi].sentence { return "\(prefix): across sentences" }
            if text.tokens[lo].sentence != cueSentence { return "\(prefix): another sentence" }
            if hi < cueFirst { return "\(prefix): before the cue" }
            if lo > cueLast { return "\(prefix): after the cue" }
            return "\(prefix): around the cue"
        }
        guard let lo = g.source.min(), let hi = g.source.max() else { return "source: gold has none" }
        if text.tokens[lo].sentence != cueSentence { return "source: another sentence" }
        if lo > cueLast { return "source: after the cue" }
        if g.cue.contains(where: { text.tokens[$0].lower == "according" }) { return "source: according to" }
        if hi + 2 < text.tokens.count, text.tokens[hi + 1].lower == "'", text.tokens[hi + 2].lower == "s" {
            return "source: possessive"
        }
        if lo == hi, CandidateBuilder.pronouns.contains(text.tokens[lo].lower) { return "source: pronoun" }
        if lo < cueFirst, hi > cueLast { return "source: around the cue" }
        return cueFirst - hi > 4 ? "source: far before the cue" : "source: right before the cue"
    }
}

extension CueLexicon {
    /// Whether every word of a cue (auxiliaries aside) headed a gold cue in under
    /// `ErrorBreakdown.rareCueRate` of its training occurrences; a cue of auxiliaries only is
    /// judged by all its words.
    func isRareCue(_ words: [String]) -> Bool {
        let content = words.filter { !Self.auxiliaries.contains($0) }
        return (content.isEmpty ? words : content).allSatisfy { rate($0) < ErrorBreakdown.rareCueRate }
    }
}

extension PreparedDocument {
    /// Whether a reading's cue, source and content (token ranges) all overlap gold `g`'s.
    func fits(_ cue: [Range<Int>], _ source: [Range<Int>], _ content: [Range<Int>], gold g: GoldReading) -> Bool {
        quality(cue: Set(cue.joined()), source: Set(source.joined()), content: Set(content.joined()), gold: g) != nil
    }
}
