/// The kinds of token the extractor sees.
enum TokenKind: UInt8, Sendable {
    case word
    case number
    case punct
    /// A double quotation mark (straight, curly, guillemet, or two apostrophes `''`).
    case quote
    /// One or more line breaks: always a sentence and paragraph boundary.
    case newline
}

/// A token: its scalar extent, a case-folded hash of its text for lexicon lookups, and its shape.
///
/// Lexicons are matched by `key`, a 64-bit FNV-1a hash of the lowercased text (typographic
/// apostrophes folded to `'`), so matching never builds a `String` on the hot path.
struct Token: Sendable {
    var start: Int32
    var end: Int32
    var key: UInt64
    var kind: TokenKind
    /// The first letter is uppercase.
    var capitalized: Bool
    /// Every letter is uppercase (acronyms, headlines).
    var allCaps: Bool
    /// The first scalar's value, for quick punctuation tests.
    var first: UInt32

    var isWord: Bool { kind == .word }
    var isWordOrNumber: Bool { kind == .word || kind == .number }
    func isPunct(_ scalar: Unicode.Scalar) -> Bool { kind == .punct && first == scalar.value }
}

/// Splits a document's scalars into tokens once; everything after works on the token array.
enum Tokenizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* fnvPrime
    }

    /// The lookup key of a word or phrase as a lexicon writes it (case and apostrophes folded).
    static func key(_ word: Substring) -> UInt64 {
        var h = fnvOffset
        for scalar in word.unicodeScalars { h = mix(h, fold(scalar.value)) }
        return h
    }

    static func key(_ word: String) -> UInt64 { key(word[...]) }

    /// The keys of each token of `phrase`, tokenised exactly as document text is.
    static func keys(_ phrase: String) -> [UInt64] {
        tokenize(Array(phrase.unicodeScalars)).filter { $0.kind != .newline }.map(\.key)
    }

    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        if v >= 65 && v <= 90 { return v + 32 }
        if v < 128 { return v }
        if v == 0x2019 || v == 0x2018 || v == 0x02BC { return 39 }
        if let scalar = Unicode.Scalar(v), scalar.properties.isUppercase,
           let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
            return lower.value
        }
        return v
    }

    @inline(__always)
    static func isLetterOrDigit(_ v: UInt32) -> Bool {
        if v < 128 {
            return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57)
        }
        guard let scalar = Unicode.Scalar(v) else { return false }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 128 { return v >= 65 && v <= 90 }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool {
        if v < 128 { return v >= 97 && v <= 122 }
        return Unicode.Scalar(v)?.properties.isLowercase ?? false
    }

    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool { v == 39 || v == 0x2019 }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 32 || v == 9 || v == 0xA0 || v == 0x2009 || v == 0x200A || v == 0x202F || v == 0x200B
            || v == 0xFEFF || v == 0x2002 || v == 0x2003
    }

    @inline(__always)
    static func isNewline(_ v: UInt32) -> Bool { v == 10 || v == 13 || v == 0x2028 || v == 0x2029 || v == 0x85 }

    static func isQuoteMark(_ v: UInt32) -> Bool {
        v == 34 || v == 0x201C || v == 0x201D || v == 0x201E || v == 0x00AB || v == 0x00BB || v == 0x201F
    }

    /// One loop on purpose: the hottest code of the extractor. Split into a word scanner and an
    /// apostrophe helper (called per word), it ran 2.3 times the instructions (callgrind on the
    /// dev split: 161M against 71M for four passes), which made `claimdesk-bench extract` slower.
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5 + 8)
        let n = scalars.count
        var i = 0
        while i < n {
            let c = scalars[i].value
            if isNewline(c) {
                let start = i
                while i < n && (isNewline(scalars[i].value) || isSpace(scalars[i].value)) { i += 1 }
                tokens.append(Token(start: Int32(start), end: Int32(i), key: 10, kind: .newline,
                                    capitalized: false, allCaps: false, first: 10))
                continue
            }
            if isSpace(c) || c < 32 { i += 1; continue }
            if isLetterOrDigit(c) {
                let start = i
                var h = fnvOffset
                var onlyDigits = true
                var hasLower = false
                var hasLetter = false
                while i < n {
                    let v = scalars[i].value
                    if isLetterOrDigit(v) {
                        if !isDigit(v) {
                            onlyDigits = false
                            hasLetter = true
                            if !hasLower && isLower(v) { hasLower = true }
                        }
                        h = mix(h, fold(v))
                        i += 1
                        continue
                    }
                    if i + 1 < n {
                        let next = scalars[i + 1].value
                        if isApostrophe(v) && isLetterOrDigit(next) && !onlyDigits {
                            // "Council's" splits into "Council" + "'s"; "don't", "O'Brien" stay whole.
                            let after = i + 2 < n ? scalars[i + 2].value : 32
                            if (next == 115 || next == 83) && !isLetterOrDigit(after) { break }
                            h = mix(h, 39)
                            i += 1
                            continue
                        }
                        if (v == 45 || v == 0x2010 || v == 0x2011) && isLetterOrDigit(next) && !onlyDigits {
                            h = mix(h, 45)
                            i += 1
                            continue
                        }
                        if (v == 44 || v == 46 || v == 47) && onlyDigits && isDigit(next) {
                            h = mix(h, v)
                            i += 1
                            continue
                        }
                        if v == 46 && !onlyDigits && i - start == 1 && isUpper(scalars[start].value)
                            && isUpper(next) && i + 2 < n && scalars[i + 2].value == 46 {
                            // "U.S." and "D.C." stay one token (without their final period).
                            h = mix(h, 46)
                            i += 1
                            continue
                        }
                    }
                    break
                }
                let first = scalars[start].value
                tokens.append(Token(
                    start: Int32(start), end: Int32(i), key: h, kind: onlyDigits ? .number : .word,
                    capitalized: isUpper(first), allCaps: hasLetter && !hasLower, first: first))
                continue
            }
            if isApostrophe(c) && i + 1 < n {
                let next = scalars[i + 1].value
                // `'special case,'''`: three apostrophes after a word close a single quote inside a
                // double one, so the lone mark comes first and the pair after it; before a word
                // (`'''Kosovo`) the pair opens first, as it is read.
                if next == 39 && c == 39 && !(i + 2 < n && scalars[i + 2].value == 39 && i > 0
                    && !isSpace(scalars[i - 1].value) && !isNewline(scalars[i - 1].value)) {
                    tokens.append(Token(start: Int32(i), end: Int32(i + 2), key: mix(fnvOffset, 34),
                                        kind: .quote, capitalized: false, allCaps: false, first: 34))
                    i += 2
                    continue
                }
                let after = i + 2 < n ? scalars[i + 2].value : 32
                if (next == 115 || next == 83) && !isLetterOrDigit(after), let last = tokens.last,
                   last.end == Int32(i), last.kind == .word {
                    let key = mix(mix(fnvOffset, 39), 115)
                    tokens.append(Token(start: Int32(i), end: Int32(i + 2), key: key, kind: .punct,
                                        capitalized: false, allCaps: false, first: 39))
                    i += 2
                    continue
                }
            }
            let kind: TokenKind = isQuoteMark(c) ? .quote : .punct
            tokens.append(Token(start: Int32(i), end: Int32(i + 1), key: mix(fnvOffset, fold(c)),
                                kind: kind, capitalized: false, allCaps: false, first: c))
            i += 1
        }
        return tokens
    }
}
