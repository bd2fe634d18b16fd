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
    let path: String
    let temporary: String
    let force: Bool
    var writer = BratWriter()
    var files: [ExportedFile] = []

    init(path: String, force: Bool) throws(WorkbenchError) {
        self.path = path
        self.force = force
        let fm = FileManager.default
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let (parent, name) = PathParts.split(trimmed)
        let base = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkbenchError.cannotWrite(path: path, reason: "the folder \(base) does not exist")
        }
        if AtomicFile.fileType(trimmed) == S_IFLNK {
            throw WorkbenchError.cannotWrite(path: path, reason: AtomicFile.symlinkRefusal)
        }
        if fm.fileExists(atPath: trimmed, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WorkbenchError.cannotWrite(path: path, reason: "it is a file; brat export needs a folder")
            }
            let contents = (try? fm.contentsOfDirectory(atPath: trimmed)) ?? []
            if !contents.isEmpty && !force {
                throw WorkbenchError.cannotWrite(path: path, reason: "the folder exists and is not empty (use --force to replace it)")
            }
        }
        AtomicFile.removeStaleTemporaries(in: base, name: name)
        temporary = (base as NSString).appendingPathComponent(
            ".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(atPath: temporary)
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw WorkbenchError.cannotWrite(path: path, reason: "cannot create a folder in \(base) (permission denied?)")
        }
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) {
        let name = BratFolder.fileName(for: item.document.id)
        let written = writer.write(item)
        try put(name + ".txt", Array(item.document.text.utf8))
        try put(name + ".ann", Array(written.ann.utf8))
        try put(name + BratSidecar.suffix, BratSidecar.encode(item, anchors: written.anchors))
    }

    mutating func put(_ name: String, _ bytes: [UInt8]) throws(WorkbenchError) {
        let target = (temporary as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: target, contents: Data(bytes)) else {
            discard()
            throw WorkbenchError.cannotWrite(path: (path as NSString).appendingPathComponent(name), reason: "cannot create the file")
        }
        files.append(ExportedFile(name: name, bytes: bytes.count, sha256: SHA256.hex(bytes)))
    }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        try put("annotation.conf", Array(writer.annotationConf().utf8))
        try put("visual.conf", Array(BratWriter.visualConf.utf8))
        try put("tools.conf", Array(BratWriter.toolsConf.utf8))
        let written = files
        for extra in card?(written) ?? [] { try put(extra.name, Array(extra.text.utf8)) }
        let fm = FileManager.default
        let old = temporary.replacingOccurrences(of: ".partial-", with: ".old-")
        let exists = fm.fileExists(atPath: path)
        if exists {
            guard rename(path, old) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw WorkbenchError.cannotWrite(path: path, reason: reason)
            }
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            if exists { _ = rename(old, path) }
            discard()
            throw WorkbenchError.cannotWrite(path: path, reason: reason)
        }
        if exists { try? fm.removeItem(atPath: old) }
        return written
    }

    func discard() { try? FileManager.default.removeItem(atPath: temporary) }
}
