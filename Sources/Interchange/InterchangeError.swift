import ClaimModel

/// A problem in an interchange file, located as `FILE:LINE` (line 0 when it concerns the whole file).
///
/// Messages quote values read from the file (a source_type, a brat type, a doc_id), so the message
/// is kept `TerminalSafe` from the start: every issue is one line that is safe to print.
public struct InterchangeIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = TerminalSafe.escape(message)
    }

    public var description: String {
        let file = TerminalSafe.path(self.file)
        return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
