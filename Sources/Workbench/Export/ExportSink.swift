import ClaimModel
import Extraction
import Foundation
import Interchange

/// Where exported documents go, one at a time, so that no export holds more than one document.
protocol ExportSink {
    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError)
    /// Puts everything in place under its final name and says what was written.
    mutating func finish(card: ((_ files: [ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile]
    func discard()
}

/// docs/FORMAT.md JSONL in one file.
struct JSONLSink: ExportSink {
    var file: HashingFile
    var writer = JSONLWriter()

    init(path: String, replacing: Bool) throws(WorkbenchError) {
        file = try HashingFile(path: path, name: PathParts.split(path).name, replacing: replacing)
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) {
        try file.write(writer.line(for: item))
    }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        [try file.commit()]
    }

    func discard() { file.discard() }
}

/// One CSV row per attribution, header first.
struct CSVSink: ExportSink {
    var file: HashingFile
    /// Splits each document into sentences for the `context` column, as the extractor does.
    let sentences: RulesExtractor

    init(path: String, replacing: Bool) throws(WorkbenchError) {
        do { sentences = try RulesExtractor() } catch { throw WorkbenchError.extractor(error) }
        let header: [UInt8]
        do { header = try CSVAttributionWriter.headerBytes() } catch {
            throw WorkbenchError.cannotWrite(path: path, reason: error.message)
        }
        file = try HashingFile(path: path, name: PathParts.split(path).name, replacing: replacing)
        try file.write(header)
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) {
        let bytes: [UInt8]
        do { bytes = try CSVAttributionWriter.encode(CSVAttributionWriter.rows(
            for: item, sentences: item.attributions.isEmpty ? [] : sentences.sentenceSpans(in: item.document.text))) } catch {
            file.discard()
            throw WorkbenchError.cannotWrite(path: file.name, reason: error.message)
        }
        try file.write(bytes)
    }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        [try file.commit()]
    }

    func discard() { file.discard() }
}

/// A brat folder: `NAME.txt`, `NAME.ann` and the sidecar `NAME.claimdesk.json` per document,
/// `annotation.conf`, `visual.conf`, `tools.conf`.
/// Written into a temporary folder beside the target and renamed into place at the end.
struct BratSink: ExportSink {
    var folder: StagedFolder
    var writer = BratWriter()

    init(path: String, force: Bool) throws(WorkbenchError) {
        folder = try StagedFolder(path: path, force: force, layout: .brat)
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) {
        let name = BratFolder.fileName(for: item.document.id)
        let written = writer.write(item)
        try folder.put(name + ".txt", Array(item.document.text.utf8))
        try folder.put(name + ".ann", Array(written.ann.utf8))
        try folder.put(name + BratSidecar.suffix, BratSidecar.encode(item, anchors: written.anchors))
    }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        try folder.put("annotation.conf", Array(writer.annotationConf().utf8))
        try folder.put("visual.conf", Array(BratWriter.visualConf.utf8))
        try folder.put("tools.conf", Array(BratWriter.toolsConf.utf8))
        let written = folder.files
        for extra in card?(written) ?? [] { try folder.put(extra.name, Array(extra.text.utf8)) }
        try folder.commit()
        return written
    }

    func discard() { folder.discard() }
}
