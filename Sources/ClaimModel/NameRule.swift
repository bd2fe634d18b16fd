/// The rule for identifiers a person or a file chooses: doc_ids, annotator names, run names, tags.
///
/// They end up in file names (brat exports one file per doc_id), in store keys, in table columns
/// and on terminals, so they are kept short and printable wherever they enter: 1 to 200 Unicode
/// scalars (scalars, not Characters: `"a"` followed by 100,000 combining marks is one Character),
/// at most 240 bytes of UTF-8 (a file name of the id plus a short extension stays within the usual
/// 255-byte limit), and no scalar that `TerminalSafe` would escape (controls, format characters
/// such as bidi overrides, line separators). Spaces are allowed.
public enum NameRule {
    public static let maxScalars = 200
    public static let maxBytes = 240

    /// Why `value` is not a valid `what` ("doc_id", "annotator name", …), or nil when it is.
    public static func problem(_ value: String, what: String) -> String? {
        if value.isEmpty { return "\(what) is empty" }
        let scalars = value.unicodeScalars.count
        if scalars > maxScalars { return "\(what) has \(scalars) Unicode scalars (at most \(maxScalars))" }
        let bytes = value.utf8.count
        if bytes > maxBytes { return "\(what) has \(bytes) bytes of UTF-8 (at most \(maxBytes))" }
        if let bad = value.unicodeScalars.first(where: TerminalSafe.needsEscape) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let kind = bad.properties.generalCategory == .format ? "an invisible format character" : "a control character"
            return "\(what) contains \(kind) (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
        }
        return nil
    }
}
