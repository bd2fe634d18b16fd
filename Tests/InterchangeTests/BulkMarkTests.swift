import ClaimModel
import Testing
@testable import Interchange

/// The bulk mark (`"bulk": true` in a gold JSONL review: `accept-above` gave the verdict) in every
/// export that has a place for it, and back through each reader that exists.
@Suite struct BulkMarkTests {
    /// The ecosystem fixture with its fourth claim ("According to aides", no cue) bulk-confirmed.
    static var item: AnnotatedDocument {
        var item = EcosystemFixture.document
        item.attributions[3].review?.bulk = true
        return item
    }

    static func bulkFlags(_ attributions: [Attribution]) -> [Bool?] { attributions.map { $0.review?.bulk } }

    @Test func csvHasABulkColumnLast() throws {
        var item = Self.item
        item.attributions.append(Attribution(content: Fragments(Span(113, 126))))
        let rows = CSVAttributionWriter.rows(for: item)
        #expect(CSVAttributionWriter.header.last == "bulk")
        #expect(rows.map { $0.count } == Array(repeating: CSVAttributionWriter.header.count, count: 6))
        // Reviewed: true or false; the unreviewed claim at the end: empty.
        #expect(rows.map { $0.last } == ["false", "false", "false", "true", "false", ""])
    }

    @Test func doccanoAndProdigyKeepItInTheAnchorsFields() {
        let entry = #"{"role":"source","span":[106,111],"source_type":"anonymous","anonymous":true,"review":{"status":"confirmed","annotator":"ana","bulk":true}}"#
        let doccano = DoccanoFormat.line(for: Self.item)
        #expect(String(decoding: doccano, as: UTF8.self).contains(entry))
        let back = DoccanoFormat.read(doccano, file: "d.jsonl")
        #expect(back.issues == [])
        #expect(back.lines.map { Self.bulkFlags($0.document.attributions) } == [[false, false, false, true, false]])

        let prodigy = ProdigyFormat.line(for: Self.item, gold: true)
        #expect(String(decoding: prodigy, as: UTF8.self).contains(entry))
        let again = ProdigyFormat.read(prodigy, file: "p.jsonl")
        #expect(again.issues == [])
        #expect(again.lines.map { Self.bulkFlags($0.document.attributions) } == [[false, false, false, true, false]])
    }

    @Test func labelStudioKeepsItInTheRegionsMeta() {
        let task = LabelStudioFormat.task(for: Self.item)
        #expect(String(decoding: task, as: UTF8.self).contains(
            #""meta":{"claimdesk":{"source_type":"anonymous","anonymous":true,"review":{"status":"confirmed","annotator":"ana","bulk":true}}}"#))
        let back = LabelStudioFormat.read(task, file: "t.json")
        #expect(back.issues == [])
        // Regrouped by annotator (ana's first); the bulk claim is ana's third.
        #expect(back.lines.map { Self.bulkFlags($0.document.attributions) } == [[false, false, true, false, false]])
    }

    @Test func inceptionHasABulkFeatureDeclaredInTheTypeSystem() {
        #expect(InceptionFormat.typeSystem.contains("<name>bulk</name>"))
        let xmi = InceptionFormat.xmi(for: Self.item)
        #expect(xmi.components(separatedBy: #" bulk="true""#).count == 2)
        let back = InceptionFormat.read(Array(xmi.utf8), file: "eco.xmi")
        #expect(back.issues == [])
        #expect(back.lines.map(\.document) == [Self.item])
    }

    @Test func bratWritesABinaryAttributeAndReadsItBack() throws {
        var writer = BratWriter()
        let written = writer.write(Self.item)
        let anchor = try #require(written.anchors[3])
        let bulkLines = written.ann.split(separator: "\n").filter { $0.contains("\tBulk ") }
        #expect(bulkLines.map { String($0.split(separator: "\t")[1]) } == ["Bulk \(anchor)"])
        #expect(writer.annotationConf().contains("\nBulk\tArg:<EVENT>|Content|Source\n"))
        let read = BratReader.read(ann: written.ann, text: EcosystemFixture.text, file: "eco.ann")
        #expect(read.issues == [])
        #expect(read.warnings == [])
        #expect(zip(read.anchors, read.attributions).map { $0 == anchor ? $1.review?.bulk : !($1.review?.bulk ?? false) }
            .allSatisfy { $0 == true })
    }

    @Test func aBulkAttributeWithAValueIsAProblemOfItsLine() {
        let ann = "T1\tContent 113 126\ttalks failed.\nA1\tBulk T1 yes\nA2\tVerdict T1\n"
        let read = BratReader.read(ann: ann, text: EcosystemFixture.text, file: "x.ann")
        #expect(read.issues.map(\.description) == [
            #"x.ann:2: attribute "Bulk" takes no value (it is there or not), got "yes""#,
            #"x.ann:3: attribute "Verdict" on T1 needs a value"#,
        ])
    }

    /// The `.ann` says bulk; the sidecar leaves it out, so removing the attribute in brat removes
    /// the mark. A sidecar written before the attribute existed keeps it while the verdict stands.
    @Test func theAnnIsTheTruthAndAnOlderSidecarStillCounts() throws {
        var writer = BratWriter()
        let written = writer.write(Self.item)
        let sidecarBytes = BratSidecar.encode(Self.item, anchors: written.anchors)
        #expect(!String(decoding: sidecarBytes, as: UTF8.self).contains("\"bulk\""))
        let sidecar = try BratSidecar.decode(sidecarBytes, text: EcosystemFixture.text, file: "eco.claimdesk.json").get()
        let text = ScalarText(EcosystemFixture.text)
        func merged(_ ann: String, _ sidecar: BratSidecar.Decoded) -> [Bool?] {
            Self.bulkFlags(BratSidecar.merge(BratReader.read(ann: ann, text: EcosystemFixture.text, file: "eco.ann"),
                                             sidecar: sidecar, text: text, sidecarFile: "eco.claimdesk.json").attributions)
        }
        let withoutBulk = written.ann.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\tBulk ") }.joined(separator: "\n")
        #expect(merged(written.ann, sidecar) == [false, false, false, true, false])
        #expect(merged(withoutBulk, sidecar) == [false, false, false, false, false])
        var older = sidecar
        older.document.attributions[3].review?.bulk = true
        #expect(merged(withoutBulk, older) == [false, false, false, true, false])
        let anchor = try #require(written.anchors[3])
        let rejected = withoutBulk.replacingOccurrences(of: "\tVerdict \(anchor) confirmed", with: "\tVerdict \(anchor) rejected")
        #expect(rejected != withoutBulk)
        #expect(merged(rejected, older) == [false, false, false, false, false])
    }
}
