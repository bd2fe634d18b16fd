/// Free-form JSON, kept exactly enough to write back what was read (`meta`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Numbers keep their literal text so that `1.0` and `1e3` survive a round trip.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they were read.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }
}

extension JSONValue {
    /// Parses JSON text; nil when it is not valid JSON.
    public init?(parsing text: String) {
        guard let value = try? JSONParser.parse(Array(text.utf8)) else { return nil }
        self = value
    }

    /// Compact JSON text, keys in their stored order.
    public var serialized: String {
        var writer = JSONWriter()
        writer.value(self)
        return writer.text
    }
}
