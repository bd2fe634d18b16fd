/// A claim's content reduced to what survives paraphrase: normalised words, their shingles, the
/// numbers it states and the names it mentions.
///
/// Normalisation: lowercase; punctuation and quotation marks dropped (digits keep their decimal
/// point, thousands commas go: "1,200" → `1200`); number words up to twenty and the tens become
/// digits; stop words go; a light stemmer folds plurals, `-ed`, `-ing` and `-ly`. Numbers stand
/// in the shingles as `#`, so "20 killed" and "40 killed" share their shingles and are then told
/// apart by `numbers`.
public struct ClaimText: Sendable, Equatable {
    /// Content words after normalisation, in text order, numbers as `#`.
    public private(set) var words: [String]
    /// Numbers in text order, canonical ("20", "3.5").
    public let numbers: [String]
    /// Whether a number is hedged ("at least", "more than", "about", "up to", "nearly"…).
    public let qualifiedNumber: Bool
    /// Capitalised words that are not at a sentence start and not stop words, lowercased: place
    /// and person names ("Derna", "Okafor").
    public let names: Set<String>
    /// Hashes of the unigram and bigram shingles, sorted and unique (exact Jaccard by merging).
    public let shingles: [UInt64]

    public init(_ text: String) {
        var words: [String] = []
        var numbers: [String] = []
        var names = Set<String>()
        var qualified = false
        let raw = ClaimText.tokens(text)
        var previous: String? = nil
        for (index, token) in raw.enumerated() {
            let lower = token.text
            if let number = ClaimText.number(lower) {
                numbers.append(number)
                words.append("#")
                if let previous, ClaimText.qualifiers.contains(previous) { qualified = true }
                if index >= 2, ClaimText.qualifiers.contains(raw[index - 2].text + " " + (previous ?? "")) {
                    qualified = true
                }
                previous = lower
                continue
            }
            previous = lower
            if ClaimText.stopWords.contains(lower) { continue }
            if token.capitalised && !token.sentenceStart { names.insert(lower) }
            words.append(ClaimText.stem(lower))
        }
        self.words = words
        self.numbers = numbers
        self.qualifiedNumber = qualified
        self.names = names
        var hashes: [UInt64] = []
        hashes.reserveCapacity(words.count * 2)
        for (i, w) in words.enumerated() {
            if w != "#" { hashes.append(FNV.hash(w)) }
            if i + 1 < words.count { hashes.append(FNV.hash(w, words[i + 1])) }
        }
        hashes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        for h in hashes where unique.last != h { unique.append(h) }
        self.shingles = unique
    }

    /// The same without `words`, which the linker never reads once the shingles are made: a
    /// million claims' words are a few hundred MiB of the linker's peak memory.
    var withoutWords: ClaimText {
        var copy = self
        copy.words = []
        return copy
    }

    /// Shared and total shingles (|A ∩ B|, |A ∪ B|) of two sorted unique lists.
    public static func overlap(_ a: [UInt64], _ b: [UInt64]) -> (shared: Int, total: Int) {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return (shared, a.count + b.count - shared)
    }

    struct Token {
        /// Lowercased.
        var text: String
        var capitalised: Bool
        var sentenceStart: Bool
    }

    /// Words of letters and digits, lowercased; a `.` or `,` between digits stays inside the number
    /// (the comma is dropped). ASCII is classified without Unicode property lookups, which are
    /// most of the cost at a million claims.
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var current = String.UnicodeScalarView()
        var capitalised = false
        var startOfSentence = true
        var tokenAtStart = true
        var skipNext = false
        let scalars = Array(text.unicodeScalars)
        func flush() {
            guard !current.isEmpty else { return }
            out.append(Token(text: String(current), capitalised: capitalised, sentenceStart: tokenAtStart))
            current = String.UnicodeScalarView()
            startOfSentence = false
        }
        for (i, c) in scalars.enumerated() {
            if skipNext {
                skipNext = false
                continue
            }
            let v = c.value
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if current.isEmpty { tokenAtStart = startOfSentence; capitalised = false }
                    current.append(c)
                    continue
                }
                if v >= 0x41 && v <= 0x5A {
                    if current.isEmpty { tokenAtStart = startOfSentence; capitalised = true }
                    current.append(Unicode.Scalar(v + 0x20) ?? c)
                    continue
                }
            } else if c.properties.isAlphabetic || c.properties.numericType != nil {
                if current.isEmpty { tokenAtStart = startOfSentence; capitalised = c.properties.isUppercase }
                current.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                continue
            }
            if (c == "." || c == ","), let last = current.last, isDigit(last), i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                if c == "." { current.append(c) }
            } else if c == "'" || c == "\u{2019}" {
                // "Isis'" and "don't" stay one word without the apostrophe; a possessive "'s" goes.
                if i + 1 < scalars.count, scalars[i + 1] == "s" || scalars[i + 1] == "S",
                   i + 2 == scalars.count || !isWordScalar(scalars[i + 2]) {
                    skipNext = true
                }
            } else {
                flush()
                if c == "." || c == "!" || c == "?" || c == "\"" || c == "\u{201C}" || c == "\u{201D}" || c == ":" {
                    startOfSentence = true
                }
            }
        }
        flush()
        return out
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType != nil
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (c.value >= 0x30 && c.value <= 0x39)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// A canonical number for a digit token or a number word; nil otherwise.
    static func number(_ lower: String) -> String? {
        if let word = numberWords[lower] { return word }
        guard let first = lower.unicodeScalars.first, isDigit(first) else { return nil }
        guard lower.unicodeScalars.allSatisfy({ isDigit($0) || $0 == "." }) else { return nil }
        var s = lower
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        while s.count > 1 && s.hasPrefix("0") && !s.hasPrefix("0.") { s.removeFirst() }
        return s
    }

    /// Plurals, `-ed`, `-ing`, `-ly`; never below three letters.
    static func stem(_ w: String) -> String {
        let n = w.count
        if n <= 3 { return w }
        if w.hasSuffix("ies") && n > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ing") && n > 5 { return String(w.dropLast(3)) }
        if w.hasSuffix("ed") && n > 4 { return String(w.dropLast(2)) }
        if w.hasSuffix("ly") && n > 4 { return String(w.dropLast(2)) }
        if w.hasSuffix("es") && n > 4 && (w.hasSuffix("shes") || w.hasSuffix("ches") || w.hasSuffix("xes") || w.hasSuffix("sses")) {
            return String(w.dropLast(2))
        }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }

    static let numberWords: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
        "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
        "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
        "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
        "ninety": "90", "hundred": "100", "dozen": "12",
    ]

    /// The words before a number that hedge it (one word, or two joined by a space).
    static let qualifiers: Set<String> = [
        "about", "around", "nearly", "almost", "roughly", "approximately", "over", "some", "least", "than",
        "up to", "at least", "more than", "fewer than", "less than", "as many as", "many as",
    ]

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "at", "by", "for", "with", "about", "against", "between",
        "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out",
        "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "why",
        "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
        "only", "own", "same", "so", "than", "too", "very", "can", "will", "just", "should", "now", "is", "are",
        "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
        "could", "might", "must", "shall", "may", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his",
        "she", "her", "it", "its", "they", "them", "their", "what", "which", "who", "whom", "this", "that", "these",
        "those", "am", "as", "until", "while", "also", "least", "around", "nearly", "almost", "roughly",
        "approximately", "said", "says", "say", "according", "reported", "told", "last", "this", "on", "s",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    ]
}

/// FNV-1a, 64 bits: fixed across runs and platforms (Swift's `Hasher` is seeded per process, and
/// the linker's output must not depend on the run).
enum FNV {
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return mix(h)
    }

    static func hash(_ a: String, _ b: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in a.utf8 { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        h = (h ^ 0x20) &* 0x100_0000_01b3
        for x in b.utf8 { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        return mix(h ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// SplitMix64's finaliser: spreads FNV's low-entropy high bits.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
