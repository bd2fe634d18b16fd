import Workbench

// The stored values the sessions show and write, under the names the terminal has always used.
// They come through Workbench's `ReviewDesk` (the terminal does not import or link ClaimStore);
// the log's entries are the Review module's typed values (`ReviewEntry`, `LoggedReview`).
typealias StoredAttribution = ReviewDesk.Claim
typealias DocumentSnapshot = ReviewDesk.Snapshot
typealias StoredClaimCondition = ReviewDesk.Condition
