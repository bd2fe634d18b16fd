import Extraction
@testable import Learning

/// Short texts as the model's suites read them.
extension TokenizedText {
    /// `text` tokenised with the rules' sentences, as training and extraction tokenise a document.
    static func withRulesSentences(_ text: String) throws -> TokenizedText {
        TokenizedText(text, sentenceSpans: try RulesExtractor().sentenceSpans(in: text))
    }

    /// The lowercased tokens of `ranges`, joined by spaces (what a test compares readings by).
    func words(_ ranges: [Range<Int>]) -> String {
        ranges.flatMap { $0 }.map { tokens[$0].lower }.joined(separator: " ")
    }
}
