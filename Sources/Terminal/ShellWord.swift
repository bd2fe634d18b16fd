import ClaimModel

/// A name written into a command line we suggest (`claimdesk annotate --run NAME --doc ID`): a
/// run name or doc_id may hold spaces, quotes or `$`, and a suggestion pasted into a shell must
/// still name the same thing.
enum ShellWord {
    /// `name` as is when every character is one a shell leaves alone, else in single quotes (a `'`
    /// inside becomes `'\''`); escaped for the terminal either way.
    static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "._:/@%+=,-".unicodeScalars.contains(s))
        }
        let word = plain ? name : "'" + name.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        return TerminalSafe.escape(word)
    }
}
