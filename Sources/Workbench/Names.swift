import ClaimModel

/// Names given on the command line or in the environment (annotators, runs) checked by the same
/// rule as doc_ids (`NameRule`) before anything is stored or printed, so that a bad one is refused
/// with a message saying where it came from (`--annotator`, `$USER`, …).
public enum Names {
    /// `value` when it passes `NameRule`; else a usage error naming `origin` and the value, escaped.
    @discardableResult
    public static func checked(_ value: String, what: String, origin: String) throws(WorkbenchError) -> String {
        if let problem = NameRule.problem(value, what: what) {
            throw WorkbenchError.usage("\(origin): \(problem): \"\(TerminalSafe.short(value, 60))\"")
        }
        return value
    }
}
