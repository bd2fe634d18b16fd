import Foundation

/// Where a store is: what messages, cards and listings say about it. A PostgreSQL location keeps
/// its URL (the store needs it to connect), but its description, the only form ClaimDesk prints,
/// shows any password in it as `***`.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An SQLite file, as the user named it (relative paths stay relative).
    case file(path: String)
    /// An SQLite store in this process's memory (tests, benchmarks).
    case memory
    /// A PostgreSQL database, by its `postgresql://` or `postgres://` URL.
    case postgres(url: String)

    /// The location `--db` or `$CLAIMDESK_DB` names: a PostgreSQL URL (the scheme in any case),
    /// otherwise a file path.
    public init(parsing text: String) {
        self = Self.isPostgresURL(text) ? .postgres(url: text) : .file(path: text)
    }

    /// Whether `text` names a PostgreSQL database (`postgresql://…` or `postgres://…`).
    public static func isPostgresURL(_ text: String) -> Bool {
        let lower = text.prefix(13).lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// The location for messages: the file path, `:memory:`, or the URL with its password shown
    /// as `***`.
    public var description: String {
        switch self {
        case let .file(path): path
        case .memory: ":memory:"
        case let .postgres(url): Self.redacting(url)
        }
    }

    public var debugDescription: String { description }

    /// `url` with every password in it replaced by `***`: the one after `user:` in the part before
    /// the host, and the value of any query parameter whose name holds "password" (`password`,
    /// `sslpassword`). Conservative: the user part runs from `://` to the LAST `@` before the query,
    /// so a password holding a raw `@` or `/` is hidden whole (at worst, with part of the host).
    public static func redacting(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let scheme = url[..<schemeEnd.upperBound]
        var rest = Substring(url[schemeEnd.upperBound...])
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var main = String(rest)
        if let at = rest.lastIndex(of: "@") {
            let user = rest[..<at]
            if let colon = user.firstIndex(of: ":") {
                main = String(user[...colon]) + "***" + String(rest[at...])
            }
        }
        guard let query else { return scheme + main }
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false).map { parameter -> String in
            guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
            let rawName = String(parameter[..<equals])
            let name = (rawName.removingPercentEncoding ?? rawName).lowercased()
            return name.contains("password") ? String(parameter[...equals]) + "***" : String(parameter)
        }
        return scheme + main + "?" + parameters.joined(separator: "&")
    }
}
