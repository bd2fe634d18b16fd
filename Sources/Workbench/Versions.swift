import ClaimModel
import Extraction

/// The versions a user or a dataset card needs to say what made a result: ClaimDesk's own and its
/// rules extractor's (which a run also records, since a store can hold runs of older extractors).
public enum Versions {
    public static let claimDesk = ClaimDeskVersion.current
    public static let rulesExtractor = RulesExtractor.version

    /// What `claimdesk --version` prints: `claimdesk 0.5.0 (rules extractor 0.4.11)`.
    public static var line: String { "claimdesk \(claimDesk) (rules extractor \(rulesExtractor))" }
}
