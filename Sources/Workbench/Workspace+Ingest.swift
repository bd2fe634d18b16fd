import ClaimModel
import ClaimStore
import Interchange

/// What `ingest` did.
public struct IngestReport: Sendable {
    public var files: Int
    public var added: [String]
    public var unchanged: [String]
    /// Problems in lines or files that were skipped (`--skip-invalid`).
    public var skipped: [InterchangeIssue]
    /// brat `.ann` files found beside the texts, which ingest does not read.
    public var annotationsBeside = 0
    /// The paths given that hold them (for the command the summary suggests).
    public var foldersWithAnnotations: [String] = []

    public var summary: String {
        var line = "ingested \(added.count) new document\(added.count == 1 ? "" : "s") from \(files) file\(files == 1 ? "" : "s")"
        if !unchanged.isEmpty { line += ", \(unchanged.count) already stored (unchanged)" }
        if !skipped.isEmpty { line += ", \(skipped.count) skipped as invalid" }
        if annotationsBeside > 0 { line += "\n" + annotationsNote }
        return line
    }

    /// `12 .ann files beside the texts were not read: …`: a brat folder's annotations, which
    /// `import-gold` and `import-claims` read (from the folder, its texts included).
    var annotationsNote: String {
        let folder = foldersWithAnnotations.count == 1 ? foldersWithAnnotations.map(ShellWord.quoted)[0] : "FOLDER"
        let (files, verb, them) = annotationsBeside == 1 ? ("file", "was", "it") : ("files", "were", "them")
        return "\(annotationsBeside) .ann \(files) beside the texts \(verb) not read: `claimdesk import-gold \(folder)` reads \(them) "
            + "as gold, `claimdesk import-claims --run NAME \(folder)` as a run"
    }
}

extension Workspace {
    /// Reads `paths` and stores their documents, in one transaction (staged first, see
    /// `ImportStage`, so the store's write lock is held only for the final copy). Without
    /// `skipInvalid`, any problem (a doc_id stored with another text included) fails the whole
    /// command and nothing is stored; with it, the good documents are stored and the rest listed.
    public func ingest(_ paths: [String], skipInvalid: Bool = false) throws(WorkbenchError) -> IngestReport {
        let input = InputFiles.read(paths)
        if !input.issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(input.issues) }
        if input.items.isEmpty && input.issues.isEmpty {
            // A sidecar named without its text is skipped as that text's metadata; before, the
            // line read "no .txt or .jsonl files found", as for an empty folder.
            if let (sidecar, text) = paths.lazy.compactMap({ p in IngestRefusal.textOfSidecar(p).map { (p, $0) } }).first {
                throw WorkbenchError.noInput("\(TerminalSafe.path(sidecar)): the metadata of \(TerminalSafe.path(text)), read with it: "
                    + "`claimdesk ingest \(ShellWord.quoted(text))` stores the document")
            }
            throw WorkbenchError.noInput("\(paths.map(TerminalSafe.path).joined(separator: " ")): no .txt or .jsonl files found")
        }
        var issues = input.issues
        var unchanged: [String] = []
        let stage = try db(store.makeImportStage())
        defer { stage.discard() }
        for start in stride(from: 0, to: input.items.count, by: 256) {
            let chunk = input.items[start..<min(start + 256, input.items.count)]
            let stored = try db(store.storedDocIDs(chunk.map(\.document.document)))
            var fresh: [GoldImportDocument] = []
            for item in chunk {
                let id = item.document.document.id
                if stored.otherText.contains(id.exactKey) {
                    let (file, line) = Self.split(origin: item.origin)
                    issues.append(InterchangeIssue(file: file, line: line,
                                                   message: "document \"\(id)\" is already stored with a different text (refusing to overwrite it)"))
                } else if stored.sameText.contains(id.exactKey) {
                    unchanged.append(id)
                } else {
                    fresh.append(GoldImportDocument(document: item.document.document, origin: item.origin, runName: "", claims: [], doneBy: []))
                }
            }
            try db(stage.add(fresh))
        }
        if issues.count > input.issues.count && !skipInvalid {
            throw WorkbenchError.invalidInput(Array(issues[input.issues.count...]))
        }
        var added: [String] = []
        if stage.documents > 0 {
            let commit = try db(store.commit(stage, replace: false))
            added = commit.imported.map(\.docID)
        }
        return IngestReport(files: input.files.count, added: added, unchanged: unchanged, skipped: issues,
                            annotationsBeside: input.annotationsBeside.count,
                            foldersWithAnnotations: input.foldersWithAnnotations)
    }
}
