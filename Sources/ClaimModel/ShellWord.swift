/// A name written into a command line we suggest (`claimdesk annotate --run NAME --doc ID`): a
/// run name or doc_id may hold spaces, quotes or `$`, and a suggestion pasted into a shell must
/// still name the same thing. Shared by every module that prints a command to run (the terminal, the
/// workbench's next steps, the CLI), so that none pastes a raw name.
public enum ShellWord {
    /// `name` as is when every character is one a shell leaves alone, else in single quotes (a `'`
    /// inside becomes `'\''`); escaped for the terminal either way.
    public static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "._:/@%+=,-".unicodeScalars.contains(s))
        }
        if plain { return TerminalSafe.escape(name) }
        // Scalar by scalar, not `replacingOccurrences`: ClaimModel does without Foundation.
        var word = String.UnicodeScalarView(["'"])
        for scalar in name.unicodeScalars {
            if scalar == "'" { word.append(contentsOf: #"'\''"#.unicodeScalars) } else { word.append(scalar) }
        }
        word.append("'")
        return TerminalSafe.escape(String(word))
    }
}
