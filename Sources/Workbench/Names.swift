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

    /// The prefix of the runs `import-gold` makes (`gold:NAME`): no other run may take it, or an
    /// annotator's gold import would find its run name held by a run of another kind.
    public static let goldRunPrefix = "gold:"

    /// A run name for `extract` or `import-claims`: `checked`, and not `gold:…`.
    @discardableResult
    public static func runName(_ value: String, origin: String) throws(WorkbenchError) -> String {
        try checked(value, what: "run name", origin: origin)
        if value.hasPrefix(goldRunPrefix) {
            throw WorkbenchError.usage("\(origin): run names beginning \"\(goldRunPrefix)\" are kept for the analysts' gold "
                + "(`claimdesk import-gold`); choose another: \(TerminalSafe.quoted(value))")
        }
        return value
    }
}
