import ClaimModel
import Extraction
import Foundation

/// One token of a document as the model sees it: a maximal run of word scalars (letters, digits,
/// `_`) or one other non-blank scalar, the same tokens the scorer counts (so a span chosen in
/// tokens is a span scored in tokens).
struct ModelToken: Sendable {
    /// Unicode-scalar offsets into the document's text.
    var start: Int
    var end: Int
    /// Lowercased, typographic apostrophes folded.
    var lower: String
    var isWord: Bool
    var isNumber: Bool
    var capitalized: Bool
    var allCaps: Bool
    var isQuote: Bool
    /// A line break separates it from the token before.
    var newlineBefore: Bool
    /// Inside a quotation (after an opening mark, before its close, within the paragraph).
    var quoted: Bool
    /// The sentence it belongs to.
    var sentence: Int
}

/// A document's tokens and sentences, built once per document for candidates and features.
struct TokenizedText: Sendable {
    let tokens: [ModelToken]
    /// Token ranges of the sentences, in order, covering every token.
    let sentences: [Range<Int>]
    /// Every token's `lower` as UTF-8, one after the other: token `t`'s bytes lie between
    /// `lowerStarts[t]` and `lowerStarts[t + 1]`. Features hash these bytes (no String is touched).
    let lowerBytes: [UInt8]
    let lowerStarts: [Int32]
    /// FNV-1a of every token's `lower` (its bytes above), hashed once here: the cue detector's
    /// word values and the lexicon's lookups read them instead of hashing the bytes again.
    let wordHashes: [UInt64]

    init(_ text: String, sentenceSpans: [Span]) {
        self.init(scalars: Array(text.unicodeScalars), sentenceSpans: sentenceSpans)
    }

    /// The tokens of a text given as its Unicode scalars (the rules extractor's, decoded once).
    init(scalars: [Unicode.Scalar], sentenceSpans: [Span]) {
        var tokens: [ModelToken] = []
        tokens.reserveCapacity(scalars.count / 4 + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 16)
        var starts: [Int32] = [0]
        starts.reserveCapacity(scalars.count / 4 + 2)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(scalars.count / 4 + 1)
        var i = 0
        var sawNewline = false
        var inQuote = false
        while i < scalars.count {
            let s = scalars[i]
            if s.value < 128 ? (s == " " || s == "\n" || s == "\t" || s == "\r" || s.value == 0x0B || s.value == 0x0C)
                : s.properties.isWhitespace {
                if s == "\n" || s == "\r" || s == "\u{2029}" {
                    sawNewline = true
                    inQuote = false
                }
                i += 1
                continue
            }
            var j = i + 1
            if Self.isWordScalar(s) {
                while j < scalars.count {
                    if Self.isWordScalar(scalars[j]) {
                        j += 1
                    } else if scalars[j].value >= 0x300, let end = Self.composingMarks(scalars, at: j) {
                        j = end
                    } else {
                        break
                    }
                }
            }
            var letters = 0, upper = 0, digits = 0
            // A scalar at or above U+0300 may be (or compose with) a combining mark: only then can
            // the token's NFC form differ from its scalars (everything below is NFC-stable).
            var mayDecompose = false
            let first = bytes.count
            for k in i..<j {
                let c = scalars[k]
                if c.value < 128 {
                    let v = c.value
                    if v >= 65 && v <= 90 {
                        letters += 1
                        upper += 1
                        bytes.append(UInt8(v + 32))
                    } else {
                        if v >= 97 && v <= 122 { letters += 1 } else if v >= 48 && v <= 57 { digits += 1 }
                        bytes.append(UInt8(v))
                    }
                    continue
                }
                // General punctuation (curly quotes, dashes, ellipsis: one-scalar tokens) is NFC
                // as it stands; normalising every quote mark was a tenth of tokenising.
                if c.value >= 0x300 && !(0x2010...0x205F).contains(c.value) { mayDecompose = true }
                let p = c.properties
                if p.isAlphabetic { letters += 1 }
                if p.isUppercase { upper += 1 }
                if p.numericType != nil { digits += 1 }
                if c == "\u{2019}" || c == "\u{2018}" {
                    bytes.append(0x27)
                } else {
                    for m in p.lowercaseMapping.unicodeScalars { bytes.append(contentsOf: m.utf8) }
                }
            }
            if mayDecompose { Self.composeLowered(&bytes, from: first) }
            starts.append(Int32(bytes.count))
            var hash = FeatureHash.offset
            for k in first..<bytes.count { hash = FeatureHash.mix(hash, bytes[k]) }
            hashes.append(hash)
            let isQuote = j == i + 1 && Self.isQuoteMark(s.value)
            var quotedHere = inQuote
            if isQuote {
                switch s.value {
                case 0x201C, 0x00AB, 0x201E: inQuote = true
                case 0x201D, 0x00BB: inQuote = false
                default: inQuote.toggle()
                }
                quotedHere = true
            }
            let head = scalars[i]
            let capitalized = head.value < 128 ? head.value >= 65 && head.value <= 90 : head.properties.isUppercase
            tokens.append(ModelToken(
                start: i, end: j, lower: bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[first...]), as: UTF8.self) }, isWord: letters > 0, isNumber: letters == 0 && digits > 0,
                capitalized: capitalized, allCaps: letters > 1 && upper == letters, isQuote: isQuote,
                newlineBefore: sawNewline, quoted: quotedHere, sentence: 0))
            sawNewline = false
            i = j
        }
        // Sentences: each token joins the last sentence span starting at or before it.
        var ranges: [Range<Int>] = []
        var spanIndex = 0
        var startToken = 0
        for t in tokens.indices {
            var moved = false
            while spanIndex + 1 < sentenceSpans.count && sentenceSpans[spanIndex + 1].start <= tokens[t].start {
                spanIndex += 1
                moved = true
            }
            if moved && t > startToken {
                ranges.append(startToken..<t)
                startToken = t
            }
            tokens[t].sentence = ranges.count
        }
        if startToken < tokens.count || tokens.isEmpty { ranges.append(startToken..<tokens.count) }
        self.tokens = tokens
        self.sentences = ranges
        lowerBytes = bytes
        lowerStarts = starts
        wordHashes = hashes
    }

    /// FNV-1a `start` continued with token `t`'s lowercased UTF-8 (the bytes of `tokens[t].lower`).
    @inline(__always)
    func hashLower(_ t: Int, into start: UInt64) -> UInt64 {
        var h = start
        for k in Int(lowerStarts[t])..<Int(lowerStarts[t + 1]) { h = FeatureHash.mix(h, lowerBytes[k]) }
        return h
    }

    /// Replaces the lowered bytes of the token that begins at `first` by their NFC form when it
    /// differs, so that a word typed with decomposed accents ("re\u{301}sume\u{301}") hashes, looks
    /// up and stems as its composed spelling ("résumé") did in training, as String equality would
    /// have matched it. Only the token's bytes change: its offsets stay those of the original text.
    static func composeLowered(_ bytes: inout [UInt8], from first: Int) {
        let lowered = String(decoding: bytes[first...], as: UTF8.self)
        let composed = lowered.precomposedStringWithCanonicalMapping
        if !composed.utf8.elementsEqual(lowered.utf8) {
            bytes.removeSubrange(first...)
            bytes.append(contentsOf: composed.utf8)
        }
    }

    /// The end of a run of combining marks at `index`, right after a word scalar, when the run
    /// composes with what precedes it (the text is then not in NFC: a decomposed accent, as in
    /// "Co\u{302}te"), so that the word goes on through it as its composed spelling would; nil
    /// when there is no mark or the marks stay marks in NFC (a virama, an accent with no
    /// precomposed letter), where tokens stay as the scorer's `\w` runs cut them.
    static func composingMarks(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        var end = index
        while end < scalars.count && isMark(scalars[end]) { end += 1 }
        guard end > index else { return nil }
        var run = String.UnicodeScalarView()
        run.append(contentsOf: scalars[(index - 1)..<end])
        let text = String(run)
        return text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) ? nil : end
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether a one-scalar token is a double quotation mark (", “, ”, «, », „), without hashing
    /// (asked for every one-scalar token).
    @inline(__always)
    static func isQuoteMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x201C, 0x201D, 0x00AB, 0x00BB, 0x201E: return true
        default: return false
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 {
            let v = s.value
            return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) || v == 95
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// The tokens whose first scalar lies inside one of `fragments`' spans, as sorted runs.
    func tokenRanges(_ fragments: Fragments?) -> [Range<Int>] {
        guard let fragments else { return [] }
        var result: [Range<Int>] = []
        for span in fragments.spans {
            let lo = firstToken(atOrAfter: span.start)
            var hi = lo
            while hi < tokens.count && tokens[hi].start < span.end { hi += 1 }
            if hi > lo { result.append(lo..<hi) }
        }
        return result
    }

    /// Index of the first token starting at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Scalar fragments of token ranges (nil when they hold no token).
    func fragments(_ ranges: [Range<Int>]) -> Fragments? {
        Fragments(ranges.filter { !$0.isEmpty && $0.upperBound <= tokens.count }.map {
            Span(tokens[$0.lowerBound].start, tokens[$0.upperBound - 1].end)
        })
    }
}

extension TokenizedText {
    /// FNV-1a `start` continued with the bytes of `FeatureExtractor.stem(tokens[t].lower)`: an
    /// ASCII token's suffix is cut on its bytes (a byte is a character there), others go through
    /// the String. No String is made for the common case.
    func hashStem(_ t: Int, into start: UInt64) -> UInt64 {
        let lo = Int(lowerStarts[t]), hi = Int(lowerStarts[t + 1])
        for k in lo..<hi where lowerBytes[k] >= 0x80 {
            return FeatureHash.hash(utf8: FeatureExtractor.stem(tokens[t].lower), into: start)
        }
        var end = hi
        for suffix in CueDetector.stemSuffixes where hi - lo > suffix.count + 2 {
            if (0..<suffix.count).allSatisfy({ lowerBytes[hi - suffix.count + $0] == suffix[$0] }) {
                end = hi - suffix.count
                break
            }
        }
        var h = start
        for k in lo..<end { h = FeatureHash.mix(h, lowerBytes[k]) }
        return h
    }

    /// `tokens[t].lower == word`, by bytes (no String comparison). The bytes are NFC (a token
    /// with a scalar that could compose is composed when tokenised), so byte equality is the
    /// canonical equality String's `==` asks.
    @inline(__always)
    func lower(_ t: Int, is word: StaticString) -> Bool {
        let lo = Int(lowerStarts[t]), n = Int(lowerStarts[t + 1]) - lo
        guard n == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<n where lowerBytes[lo + k] != w[k] { return false }
        return true
    }
}

/// A fixed set of lowercase words, asked whether it holds a token's `lower`: found by the token's
/// word hash, confirmed byte by byte. The same answer as `Set<String>.contains(token.lower)`
/// without hashing a String with Swift's seeded hasher for every token a candidate looks at.
struct WordSet: Sendable {
    private let words: [[UInt8]]
    /// Word hash → index + 1.
    private let index: WeightTable
    /// Bit n: a word of n bytes (n < 64); longer words set bit 63 and are always looked up.
    private let lengths: UInt64
    /// Two words share a hash: look through all of them.
    private let collided: Bool

    init<S: Sequence<String>>(_ words: S) {
        let words = Array(Set(words)).sorted().map { Array($0.utf8) }
        var pairs: [UInt64: Int] = [:]
        var collided = false
        var lengths: UInt64 = 0
        for (i, w) in words.enumerated() {
            let h = FeatureHash.hash(w)
            if pairs[h] != nil { collided = true } else { pairs[h] = i + 1 }
            lengths |= 1 << UInt64(min(w.count, 63))
        }
        let keys = pairs.keys.sorted()
        self.words = words
        index = WeightTable(keys: keys, values: keys.map { Float(pairs[$0] ?? 0) })
        self.lengths = lengths
        self.collided = collided
    }

    func contains(_ t: Int, in text: TokenizedText) -> Bool {
        let lo = Int(text.lowerStarts[t]), n = Int(text.lowerStarts[t + 1]) - lo
        guard lengths & (1 << UInt64(min(n, 63))) != 0 else { return false }
        if collided { return words.contains { Self.equal($0, text, lo, n) } }
        let k = Int(index.weight(text.wordHashes[t]))
        return k > 0 && Self.equal(words[k - 1], text, lo, n)
    }

    @inline(__always)
    private static func equal(_ word: [UInt8], _ text: TokenizedText, _ lo: Int, _ n: Int) -> Bool {
        guard word.count == n else { return false }
        for k in 0..<n where text.lowerBytes[lo + k] != word[k] { return false }
        return true
    }
}
