import ClaimModel
import Evaluation
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Workbench

/// Collects elements, attributes and text of a page written as well-formed XHTML.
final class PageReader: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""
    var error: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = "\(parseError)" }

    static func read(_ html: String) -> PageReader {
        let reader = PageReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        if !parser.parse() && reader.error == nil { reader.error = "parse failed" }
        return reader
    }

    func count(_ name: String, where predicate: ([String: String]) -> Bool = { _ in true }) -> Int {
        elements.filter { $0.name == name && predicate($0.attributes) }.count
    }
}

@Suite struct ExportReportTests {
    @Test func theReportIsOneSelfContainedPageWithScoresBarsReliabilityAndAgreement() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        let line = try workspace.writeReport(ReportRequest(out: scratch.file("report.html")))
        #expect(line == "wrote the report on run \"rules\" (1 document) to \(scratch.file("report.html")); no --run given: the built-in extractor's run")
        let html = scratch.read("report.html")
        let page = PageReader.read(html)
        #expect(page.error == nil)
        // Self-contained: no script, no external resource, the only URL is SVG's namespace.
        for name in ["script", "link", "img", "iframe", "object", "embed"] { #expect(page.count(name) == 0, "\(name)") }
        let urls = page.elements.flatMap { $0.attributes.values }.filter { $0.contains("://") }
        #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
        #expect(!html.contains("@import") && !html.contains("url("))
        // Scores: claim P/R/F1 with counts.
        #expect(page.text.contains("claim0.667 (2/3)0.667 (2/3)0.667"))
        // One bar group per source type, three bars each.
        #expect(page.count("g") { $0["data-source-type"] != nil } == 2)
        #expect(page.count("g") { $0["data-source-type"] == "named_person" } == 1)
        // And one per kind of cue (`score --by cue-kind`): the fixture's cues are all "said".
        #expect(page.elements.compactMap { $0.attributes["data-cue-kind"] } == ["speech"])
        #expect(page.count("section") { $0["id"] == "by-cue-kind" } == 1)
        // The reliability diagram: one bar per non-empty bin of the scored predictions, as `score`
        // counts them: d1's 0.91 and 0.64 matched to gold, 0.22 spurious (d2 is not done, d3 disputed).
        #expect(page.count("rect") { $0["class"] == "bin" } == 3)
        #expect(page.text.contains("0.2–0.31"))
        // The agreement table: κ for ana / ben, α over both, on verdicts.
        #expect(page.count("table") { $0["class"] == "agreement" } == 1)
        #expect(page.text.contains("verdictCohen's kappaana / ben0.0000.0001"))
        // Bars by source type, bars by kind of cue, the reliability diagram.
        #expect(page.count("svg") == 3)
    }

    /// The bars by kind of cue come from the same scoring pass as the scores (the run was scored
    /// a second time for them): the same report as scoring the pairs again grouped by cue.
    @Test func theCueKindBarsAreTheSamePairsGroupedByCue() throws {
        let workspace = try ExportStore.make()
        let page = try workspace.reportPage(ReportRequest(out: "unused.html")).page
        let scored = try workspace.scoreRun(runName: "rules", against: "annotations", match: .overlap, groupBy: .sourceType)
        #expect(page.score == scored.report)
        #expect(page.byCueKind == Scorer(match: .overlap).score(scored.inputs, groupBy: .cueKind, cueKinds: try RulesCueKinds.make()))
        #expect(page.byCueKind?.groups.keys.sorted() == ["speech"])
    }

    @Test func aStoreWithoutGoldIsOneClearError() throws {
        let workspace = Workspace(store: try ClaimStoreFactory.empty())
        let scratch = try ExportScratch()
        #expect(throws: WorkbenchError.self) { try workspace.writeReport(ReportRequest(out: scratch.file("r.html"))) }
        #expect(scratch.list() == [])
    }

    @Test func textIsEscaped() {
        #expect(HTMLReport.escape("<b>\"A&B\"</b>") == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;")
    }
}

import ClaimStore

enum ClaimStoreFactory {
    static func empty() throws -> SQLiteStore { try SQLiteStore.inMemory() }
}
