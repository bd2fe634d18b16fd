import ClaimModel
import Extraction

/// Prints the extractor's attributions on a file, marked inline.
enum Show {
    static func run(path: String, publisher: String?) throws {
        let extractor = try RulesExtractor()
        for item in try Corpus.load(path, publisher: publisher) {
            let text = ScalarText(item.document.text)
            print("== " + TerminalSafe.escape(item.document.id))
            for d in extractor.extractDetailed(item.document) {
                print("[\(d.pattern)] \(Marking.fields(d.attribution))")
                print("  " + Marking.mark(d.attribution, in: text))
            }
        }
    }
}
