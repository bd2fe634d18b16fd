import Foundation
import Testing
import TestSupport

/// The store at the edges, through the real binary (issue 10.7, 9.5): how read-only commands
/// open it, what they refuse, `check`, and that a clean exit leaves the main file self-contained.
@Suite struct StoreEdgeEndToEndTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        let text = try scratch.write("storm.txt", "Storm hits coast\n\nThe mayor said the bridge is closed. Officials told Reuters that repairs will take weeks.")
        #expect(try CLI.run(["--db", scratch.db, "ingest", text]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
    }

    @Test func aCopyOfTheMainFileAloneHoldsEverythingAfterASession() throws {
        let session = try CLI.run(["--db", scratch.db, "annotate", "--annotator", "ana"], stdin: "confirm\nnote \"seen\"\nq\n")
        #expect(session.status == 0)
        let copy = scratch.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: scratch.db, toPath: copy)
        let runs = try CLI.run(["--db", copy, "runs", "--format", "json"])
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("\"claims\":2") || runs.stdout.contains("\"claims\": 2"))
        let log = try SQLiteShell.run(copy, "SELECT group_concat(action, ',') FROM annotation ORDER BY id")
        #expect(log == "confirm,note")
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
    func readOnlyCommandsNeitherMigrateNorChangeTheStore() throws {
        // A store at the first schema level: a command that opened it for writing would migrate it.
        _ = try SQLiteShell.run(scratch.db, """
            DROP INDEX attribution_byOutlet; DROP INDEX annotation_byTags; DROP TABLE importDigest; DROP TABLE preference; DROP TABLE model;
            DROP TABLE claimLink; DROP TABLE linkCluster; DROP TABLE linkRun; ALTER TABLE attribution DROP COLUMN cluster;
            DELETE FROM grdb_migrations WHERE identifier IN ('v2-completion-indexes', 'v3-import-digests', 'v4-preferences', 'v6-models',
                                                             'v7-links', 'v8-claim-clusters');
            """)
        let out = scratch.path("out.jsonl")
        for command in [["runs"], ["docs"], ["claims"], ["score", "--run", "rules", "--against", "rules"], ["agreement"],
                        ["export", "--run", "rules", "--out", out], ["check"]] {
            let result = try CLI.run(["--db", scratch.db] + command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try SQLiteShell.run(scratch.db, "SELECT group_concat(identifier) FROM grdb_migrations") == "v1-core")
    }

    @Test(.enabled(if: getuid() != 0, "root reads and writes a file whatever its mode"))
    func aReadOnlyStoreCanBeListed() throws {
        let folder = scratch.path("ro")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = folder + "/store.sqlite"
        try FileManager.default.copyItem(atPath: scratch.db, toPath: store)
        chmod(store, 0o444)
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        let docs = try CLI.run(["--db", store, "docs"])
        #expect(docs.status == 0)
        #expect(docs.stderr == "")
        #expect(docs.stdout.contains("storm"))
    }

    /// A store whose creation was killed before its first migration committed is an empty store to
    /// the reading commands (it was seen as "damaged" once, when a kill -9 came very early).
    @Test func aStoreKilledBeforeItsSchemaExistedReadsAsEmpty() throws {
        let scratch = try Scratch()
        let empty = scratch.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let runs = try CLI.run(["--db", empty, "runs", "--format", "json"])
        #expect(runs.status == 0, "\(runs.stderr)")
        #expect(runs.stdout == "[]\n")
        #expect(try CLI.run(["--db", empty, "docs"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        let ingested = try CLI.run(["--db", empty, "ingest", scratch.write("a.txt", "Ana said it rained.\n")])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(try CLI.run(["--db", empty, "docs", "--format", "json"]).stdout.contains("\"a\""))
    }

    @Test func aMistypedStoreOnAReadOnlyCommandCreatesNothing() throws {
        let path = scratch.path("anotations/claimdesk.sqlite")
        let result = try CLI.run(["--db", path, "runs"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(path): no store there (this command only reads and does not create one; check --db or $CLAIMDESK_DB)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("anotations")))
    }

    @Test func aFIFOAsTheStoreIsRefusedAtOnce() throws {
        let fifo = scratch.path("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try runWithin(10, ["--db", fifo, "runs"])
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(fifo): cannot open the store: it is a FIFO, not a regular file\n")
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
    func aDroppedTriggerIsRefusedAndCheckNamesIt() throws {
        _ = try SQLiteShell.run(scratch.db, "DROP TRIGGER annotation_appendOnlyUpdate;")
        let refused = try CLI.run(["--db", scratch.db, "annotate", "--annotator", "ana"], stdin: "confirm\n")
        #expect(refused.status == 1)
        #expect(refused.stderr == "claimdesk: \(scratch.db): damaged store: missing trigger annotation_appendOnlyUpdate "
            + "(refusing to use it; `claimdesk check` lists every problem)\n")
        #expect(try SQLiteShell.run(scratch.db, "SELECT count(*) FROM annotation") == "0")
        let listed = try CLI.run(["--db", scratch.db, "runs"])
        #expect(listed.status == 1)
        let check = try CLI.run(["--db", scratch.db, "check"])
        #expect(check.status == 1)
        #expect(check.stdout == "")
        #expect(check.stderr == "claimdesk: \(scratch.db): missing trigger annotation_appendOnlyUpdate\n")
    }

    @Test func checkOnASoundStoreSaysOK() throws {
        let quick = try CLI.run(["--db", scratch.db, "check"])
        #expect(quick.status == 0)
        #expect(quick.stdout == "\(scratch.db): ok (schema, quick_check, references)\n")
        let full = try CLI.run(["--db", scratch.db, "check", "--full"])
        #expect(full.stdout == "\(scratch.db): ok (schema, integrity_check, references)\n")
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
    func aBrokenPageIsFoundByCheck() throws {
        // Enough rows for the attribution table to span several pages; then zero the page of one of
        // its index's leaves: the schema is intact, the b-tree is not.
        let pageSize = Int(try SQLiteShell.run(scratch.db, "PRAGMA page_size")) ?? 4096
        let page = Int(try SQLiteShell.run(scratch.db, "SELECT rootpage FROM sqlite_master WHERE name = 'attribution_byDocument'")) ?? 0
        #expect(page > 1)
        let handle = try #require(FileHandle(forUpdatingAtPath: scratch.db))
        try handle.seek(toOffset: UInt64((page - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: pageSize))
        try handle.close()
        let check = try CLI.run(["--db", scratch.db, "check"])
        #expect(check.status == 1)
        #expect(check.stdout == "")
        #expect(check.stderr == "claimdesk: \(scratch.db): quick_check: Page \(page): btreeInitPage() returns error code 11\n")
    }
}

/// `export --out` at the edges (issue 10.7): an existing file needs --force, a symbolic link is
/// refused (never replaced, never written through), and what killed exports left is cleaned up.
@Suite struct ExportTargetTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        let text = try scratch.write("storm.txt", "Storm hits coast\n\nThe mayor said the bridge is closed.")
        #expect(try CLI.run(["--db", scratch.db, "ingest", text]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
    }

    @Test func anExistingFileNeedsForce() throws {
        let out = try scratch.write("out.jsonl", "keep me\n")
        let refused = try CLI.run(["--db", scratch.db, "export", "--run", "rules", "--out", out])
        #expect(refused.status == 1)
        #expect(refused.stderr == "claimdesk: \(out): cannot write: the file exists (use --force to replace it)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
        let forced = try CLI.run(["--db", scratch.db, "export", "--run", "rules", "--out", out, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("{\"doc_id\":\"storm\""))
    }

    @Test func aSymbolicLinkIsRefusedEvenWithForce() throws {
        let target = try scratch.write("target.jsonl", "keep me\n")
        let link = scratch.path("link.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for format in ["jsonl", "csv", "brat"] {
            let refused = try CLI.run(["--db", scratch.db, "export", "--run", "rules", "--format", format, "--out", link, "--force"])
            #expect(refused.status == 1)
            #expect(refused.stderr == "claimdesk: \(link): cannot write: it is a symbolic link (refusing to replace it or to write through it)\n")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }

    @Test func temporariesOfKilledExportsAreRemovedOnTheNextRun() throws {
        // A PID that no longer runs: a finished child's.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let live = getpid()
        try scratch.write(".out.jsonl.partial-\(dead)", "half")
        try scratch.write(".out.jsonl.partial-\(live)", "someone else's, still running")
        try FileManager.default.createDirectory(atPath: scratch.path(".brat.partial-\(dead)"), withIntermediateDirectories: true)
        #expect(try CLI.run(["--db", scratch.db, "export", "--run", "rules", "--out", scratch.path("out.jsonl")]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "export", "--run", "rules", "--format", "brat", "--out", scratch.path("brat")]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }.sorted()
        #expect(left == [".out.jsonl.partial-\(live)"])
    }

    @Test func aOneCharacterOutputPathIsWritten() throws {
        let result = try runWithin(30, ["--db", scratch.db, "export", "--run", "rules", "--out", "x"], cwd: scratch.url.path)
        #expect(result.status == 0)
        #expect(result.stdout == "wrote 1 attribution in 1 document to x\n")
        #expect(FileManager.default.fileExists(atPath: scratch.path("x")))
    }
}

/// One analyst in two terminals (issue 10.8): a second live session of the same annotator on the
/// same store is refused, so `undo` in one can never take back the other's action.
@Suite(.serialized) struct SameAnalystTests {
    @Test func aSecondLiveSessionOfTheSameAnnotatorIsRefused() throws {
        let dir = try REPLProcess.storeWithClaims()
        let first = try REPLProcess.start(["--db", dir.store, "annotate", "--annotator", "ana"])
        first.send("confirm\n")
        #expect(first.waitFor(count: 1, of: "confirmed #1"))
        let second = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "undo\n")
        #expect(second.status == 1)
        #expect(second.stdout == "")
        #expect(second.stderr == "claimdesk: ana already has a review session open on this store (process \(first.pid)); "
            + "undo there and here would share one history: quit that session first, or review as another --annotator\n")
        // Another annotator is welcome meanwhile; the first session's action stands.
        let other = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ben"], stdin: "confirm\n")
        #expect(other.status == 0)
        #expect(try SQLiteShell.run(dir.store, "SELECT group_concat(annotator || ':' || action, ',') FROM annotation ORDER BY id")
            == "ana:confirm,ben:confirm")
        first.send("q\n")
        #expect(first.finish().status == 0)
        // Once the first has quit, undo in a new session takes back its last action, as after a restart.
        let later = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "undo\n")
        #expect(later.status == 0)
        #expect(later.stdout.contains("undone: confirm of #1"))
    }

    @Test func aKilledSessionDoesNotBlockTheNext() throws {
        let dir = try REPLProcess.storeWithClaims()
        let first = try REPLProcess.start(["--db", dir.store, "annotate", "--annotator", "ana"])
        first.send("confirm\n")
        #expect(first.waitFor(count: 1, of: "confirmed #1"))
        kill(first.pid, SIGKILL)
        first.wait()
        let next = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "undo\n")
        #expect(next.status == 0)
        #expect(next.stdout.contains("undone: confirm of #1"))
    }
}

/// An analyst next to a batch job (issue 10.6): `extract` of a generated document dense with claims
/// runs in a child process, sliced and written in small chunks (`$CLAIMDESK_EXTRACT_LIMITS`), while
/// another process's REPL confirms and undoes in a loop. Every confirm must succeed; the longest
/// wait is printed (the figure for the README comes from `claimdesk-bench contention`, not here).
@Suite(.serialized) struct ContentionTests {
    static func generated(paragraphs: Int) -> String {
        let speakers = ["The mayor", "Officials", "A spokesperson", "Maria Lopez", "The minister", "Police"]
        let cues = ["said", "told reporters", "announced", "warned", "added"]
        var text = "Generated briefing\n\n"
        for p in 0..<paragraphs {
            for k in 0..<4 {
                let n = p * 4 + k
                text += "\(speakers[n % speakers.count]) \(cues[n % cues.count]) that road \(n) will reopen on Monday. "
            }
            text += "\n\n"
        }
        return text
    }

    @Test func everyConfirmSucceedsWhileALongDocumentIsExtracted() throws {
        let dir = try REPLProcess.storeWithClaims()
        let big = dir.folder + "/generated.txt"
        try Self.generated(paragraphs: 300).write(toFile: big, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--db", dir.store, "ingest", big]).status == 0)
        let batch = try REPLProcess.start(["--db", dir.store, "extract", "--run", "batch"], stdin: "",
                                          environment: ["CLAIMDESK_EXTRACT_LIMITS": "slice=12000,claims=50,pause=3000"])
        let analyst = try REPLProcess.start(["--db", dir.store, "annotate", "--annotator", "ana", "--run", "rules"])
        var waits: [Double] = []
        var round = 0
        while batch.process.isRunning || round < 4 {
            round += 1
            let started = Date()
            analyst.send("confirm\n")
            #expect(analyst.waitFor(count: round, of: "confirmed #"), "confirm \(round) was not acknowledged")
            waits.append(Date().timeIntervalSince(started))
            analyst.send("undo\n")
            #expect(analyst.waitFor(count: round, of: "undone: "))
            if round > 2_000 { break }
        }
        analyst.send("q\n")
        let review = analyst.finish()
        let extracted = batch.finish()
        #expect(review.status == 0)
        #expect(!review.stdout.contains("error:"))
        #expect(extracted.status == 0, "\(extracted.stderr)")
        #expect(extracted.stdout.hasPrefix("run \"batch\": "))
        // The sliced document's claims are all there, numbered without a gap.
        let claims = try SQLiteShell.run(dir.store, """
            SELECT count(*) || ' ' || (max(ordinal) + 1) FROM attribution a JOIN document d ON d.id = a.documentId
            JOIN run r ON r.id = a.runId WHERE r.name = 'batch' AND d.docId = 'generated'
            """).split(separator: " ")
        #expect(claims.count == 2 && claims[0] == claims[1] && (Int(claims[0]) ?? 0) >= 1000, "\(claims)")
        #expect(try SQLiteShell.run(dir.store, "SELECT count(*) FROM annotation WHERE action = 'confirm'") == "\(round)")
        print(String(format: "contention: %d confirms next to extract, longest wait %.0f ms", waits.count, (waits.max() ?? 0) * 1000))
    }
}
