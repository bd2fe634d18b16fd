/// A count with its noun in the right number: `plural(1, "document")` is "1 document",
/// `plural(2, "document")` is "2 documents", `plural(0, "entry", "entries")` is "0 entries".
/// Every message that states how many of something says it through this, so that no screen or
/// summary reads "1 documents".
public func plural(_ count: Int, _ noun: String, _ pluralForm: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : pluralForm ?? noun + "s")
}
