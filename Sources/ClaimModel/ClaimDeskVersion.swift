/// The version of ClaimDesk itself, as `claimdesk --version`, dataset cards and stored models state it.
/// The extractor has its own (`RulesExtractor.version`): a run records the extractor that made it.
public enum ClaimDeskVersion {
    public static let current = "0.5.0"
}
