/// Turns any `Encodable` into a `JSONValue`, so reports go through the same writer as everything
/// else (`JSONWriter`) instead of a second codec.
///
/// Numbers are written the way `JSONEncoder` wrote them before (Swift's `description`, a trailing
/// `.0` dropped), so `--format json` output kept its bytes when reports moved here.
public enum JSONValueEncoder {
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        let box = Box()
        try value.encode(to: Node(box: box, codingPath: []))
        return box.value
    }

    /// `JSONEncoder`'s text for a Double: its `description` without a trailing ".0".
    public static func number(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A slot that a container fills; objects keep insertion order until the writer sorts them.
    final class Box {
        enum Content { case empty, leaf(JSONValue), array([Box]), object([(String, Box)]) }
        var content: Content = .empty

        var value: JSONValue {
            switch content {
            case .empty: return .object([])
            case let .leaf(v): return v
            case let .array(items): return .array(items.map(\.value))
            case let .object(pairs): return .object(pairs.map { ($0.0, $0.1.value) })
            }
        }

        func child(forKey key: String) -> Box {
            var pairs: [(String, Box)] = []
            if case let .object(existing) = content { pairs = existing }
            if let found = pairs.first(where: { $0.0 == key }) { return found.1 }
            let box = Box()
            pairs.append((key, box))
            content = .object(pairs)
            return box
        }

        func appended() -> Box {
            var items: [Box] = []
            if case let .array(existing) = content { items = existing }
            let box = Box()
            items.append(box)
            content = .array(items)
            return box
        }

        func makeObject() { if case .object = content {} else { content = .object([]) } }
        func makeArray() { if case .array = content {} else { content = .array([]) } }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
    }

    struct Node: Encoder {
        let box: Box
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
            box.makeObject()
            return KeyedEncodingContainer(Keyed<K>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            box.makeArray()
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(box: box, codingPath: codingPath)
        }
    }

    static func leaf<T: Encodable>(_ value: T, into box: Box, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as Double: box.content = .leaf(.number(number(v)))
        case let v as Float: box.content = .leaf(.number(number(Double(v))))
        case let v as String: box.content = .leaf(.string(v))
        case let v as Bool: box.content = .leaf(.bool(v))
        default: try value.encode(to: Node(box: box, codingPath: codingPath))
        }
    }

    struct Keyed<K: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.null) }
        mutating func encode(_ value: Bool, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.bool(value)) }
        mutating func encode(_ value: String, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.string(value)) }
        mutating func encode(_ value: Double, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(number(value))) }
        mutating func encode(_ value: Float, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(number(Double(value)))) }
        mutating func encode(_ value: Int, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int8, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int16, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int32, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int64, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt8, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt16, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt32, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt64, forKey key: K) throws { box.child(forKey: key.stringValue).content = .leaf(.number(String(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: K) throws {
            try leaf(value, into: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: K) -> KeyedEncodingContainer<N> {
            let child = box.child(forKey: key.stringValue)
            child.makeObject()
            return KeyedEncodingContainer(Keyed<N>(box: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: K) -> any UnkeyedEncodingContainer {
            let child = box.child(forKey: key.stringValue)
            child.makeArray()
            return Unkeyed(box: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { Node(box: box.child(forKey: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: K) -> any Encoder { Node(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        let codingPath: [any CodingKey]
        var count: Int {
            if case let .array(items) = box.content { return items.count }
            return 0
        }

        mutating func encodeNil() throws { box.appended().content = .leaf(.null) }
        mutating func encode(_ value: Bool) throws { box.appended().content = .leaf(.bool(value)) }
        mutating func encode(_ value: String) throws { box.appended().content = .leaf(.string(value)) }
        mutating func encode(_ value: Double) throws { box.appended().content = .leaf(.number(number(value))) }
        mutating func encode(_ value: Int) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int8) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int16) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int32) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int64) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt8) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt16) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt32) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt64) throws { box.appended().content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Float) throws { box.appended().content = .leaf(.number(number(Double(value)))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let path = codingPath + [Key(intValue: count)]
            try leaf(value, into: box.appended(), codingPath: path)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            let child = box.appended()
            child.makeObject()
            return KeyedEncodingContainer(Keyed<N>(box: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = box.appended()
            child.makeArray()
            return Unkeyed(box: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { Node(box: box.appended(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        let codingPath: [any CodingKey]
        mutating func encodeNil() throws { box.content = .leaf(.null) }
        mutating func encode(_ value: Bool) throws { box.content = .leaf(.bool(value)) }
        mutating func encode(_ value: String) throws { box.content = .leaf(.string(value)) }
        mutating func encode(_ value: Double) throws { box.content = .leaf(.number(number(value))) }
        mutating func encode(_ value: Float) throws { box.content = .leaf(.number(number(Double(value)))) }
        mutating func encode(_ value: Int) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int8) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int16) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int32) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: Int64) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt8) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt16) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt32) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode(_ value: UInt64) throws { box.content = .leaf(.number(String(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { try leaf(value, into: box, codingPath: codingPath) }
    }
}

extension JSONWriter {
    /// Pretty JSON in `JSONEncoder`'s `.prettyPrinted, .sortedKeys` layout: two-space indent,
    /// `"key" : value`, keys in `String` order, empty containers as an open line and a close line.
    public mutating func pretty(_ v: JSONValue, sortedKeys: Bool = true, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent + 2)
        let close = String(repeating: " ", count: indent)
        switch v {
        case let .array(items):
            raw("[\n")
            if items.isEmpty { raw("\n") }
            for (i, item) in items.enumerated() {
                raw(pad)
                pretty(item, sortedKeys: sortedKeys, indent: indent + 2)
                raw(i + 1 < items.count ? ",\n" : "\n")
            }
            raw(close + "]")
        case let .object(pairs):
            let ordered = sortedKeys ? pairs.sorted { $0.0 < $1.0 } : pairs
            raw("{\n")
            if ordered.isEmpty { raw("\n") }
            for (i, (key, item)) in ordered.enumerated() {
                raw(pad)
                string(key)
                raw(" : ")
                pretty(item, sortedKeys: sortedKeys, indent: indent + 2)
                raw(i + 1 < ordered.count ? ",\n" : "\n")
            }
            raw(close + "}")
        default:
            value(v)
        }
    }
}
