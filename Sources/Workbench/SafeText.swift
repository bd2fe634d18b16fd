import ClaimModel

/// The REPL screens' name for `TerminalSafe`, the one escaping rule (kept so that call sites read
/// as before; new code may use `TerminalSafe` or `String.terminalSafe` directly).
public typealias SafeText = TerminalSafe
