import ClaimModel
import Foundation

/// Reads a JSONL file line by line with the rules of `JSONLReader.read` (BOM, CRLF, blank lines,
/// duplicate doc_ids, an empty file), holding one block of the file and one batch of documents in
/// memory: imports of files of any size stay within bounded memory.
public enum JSONLStream {
    /// Calls `body` with batches of at most `batch` good lines, in file order; returns every
    /// problem found (bad lines, duplicates), in line order. A read error is one issue on line 0.
    public static func read(file: String, batch: Int = 256,
                            _ body: ([JSONLReader.Line]) throws -> Void) rethrows -> [InterchangeIssue] {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            return [InterchangeIssue(file: file, line: 0, message: "cannot read the file (no such file, or permission denied)")]
        }
        defer { try? handle.close() }
        var issues: [InterchangeIssue] = []
        var seen: [[UInt8]: Int] = [:]
        var pending: [JSONLReader.Line] = []
        var buffer: [UInt8] = []
        var lineNumber = 0
        var sawContent = false
        var first = true
        func handleLine(_ bytes: ArraySlice<UInt8>) {
            lineNumber += 1
            var slice = bytes
            if slice.last == 0x0D { slice = slice.dropLast() }
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            sawContent = true
            switch JSONLReader.parseLine(slice, file: file, line: lineNumber) {
            case let .success(document):
                if let previous = seen[document.document.id.exactKey] {
                    issues.append(InterchangeIssue(file: file, line: lineNumber,
                                                   message: "duplicate doc_id \"\(document.document.id)\" (first on line \(previous))"))
                } else {
                    seen[document.document.id.exactKey] = lineNumber
                    pending.append(JSONLReader.Line(number: lineNumber, document: document))
                }
            case let .failure(issue):
                issues.append(issue)
            }
        }
        while true {
            let block: Data
            do {
                block = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                issues.append(InterchangeIssue(file: file, line: lineNumber, message: "cannot read the file (\(error.localizedDescription))"))
                return issues
            }
            if block.isEmpty { break }
            buffer.append(contentsOf: block)
            if first {
                // A byte order mark at the start says nothing in UTF-8 (RFC 8259 §8.1): skipped.
                if buffer.count < 4 { continue }
                if let issue = JSONLReader.encodingIssue(buffer, file: file) { return [issue] }
                if buffer.starts(with: JSONLReader.byteOrderMark) { buffer.removeFirst(JSONLReader.byteOrderMark.count) }
                first = false
            }
            var start = 0
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                handleLine(buffer[start..<newline])
                start = newline + 1
                if pending.count >= batch {
                    try body(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            buffer.removeFirst(start)
        }
        if first, let issue = JSONLReader.encodingIssue(buffer, file: file) { return [issue] }
        if first && buffer.starts(with: JSONLReader.byteOrderMark) { buffer.removeFirst(JSONLReader.byteOrderMark.count) }
        if !buffer.isEmpty { handleLine(buffer[...]) }
        if !pending.isEmpty { try body(pending) }
        if !sawContent { issues.append(InterchangeIssue(file: file, line: 0, message: "the file is empty: no JSON lines")) }
        return issues
    }
}
