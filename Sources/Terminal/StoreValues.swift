import Workbench

// The stored values the sessions show and write, under the names the terminal has always used.
// They come through Workbench's `ReviewDesk` (the terminal does not import or link ClaimStore);
// the log's two become the Review module's typed entries when the log is typed.
typealias StoredAttribution = ReviewDesk.Claim
typealias DocumentSnapshot = ReviewDesk.Snapshot
typealias StoredClaimCondition = ReviewDesk.Condition
typealias AnnotationEntry = ReviewDesk.LogEntry
typealias NewAnnotation = ReviewDesk.NewLogEntry
