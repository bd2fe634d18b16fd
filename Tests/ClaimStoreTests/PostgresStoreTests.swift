@testable import ClaimStore
import Foundation
import Testing
import TestSupport

/// Runs only where a server can be started (always in CI: `PostgresServer.required`).
let postgresAvailable = PostgresServer.required || PostgresServer.unavailable == nil

/// The PostgreSQL store's own concerns: connecting, the schema and its migrations, the log's guards
/// in the database, secrets kept out of messages. The operations' semantics are the conformance
/// suite's (the same tests on both stores).
@Suite(.enabled(if: postgresAvailable, "PostgreSQL server programs not found: skipping the PostgreSQL store's tests"))
struct PostgresStoreTests {
    @Test func aNewDatabaseGetsEveryMigrationAndASoundSchema() throws {
        let url = try PostgresServer.freshDatabase()
        let store = try PostgresStore.open(url: url)
        defer { store.close() }
        #expect(try store.appliedMigrations() == ["v1-core", "v2-completion-indexes", "v3-import-digests", "v4-preferences",
                                                  "v6-models", "v7-links", "v8-claim-clusters"])
        #expect(try store.schemaProblems() == [])
        // Opening again migrates nothing and finds the same.
        let again = try PostgresStore.open(url: url)
        defer { again.close() }
        #expect(try again.appliedMigrations().count == 7)
    }

    /// A killed test run's cluster folder (its process gone) is stopped and removed before the next
    /// run starts its own; a live process's folder and other files are left alone.
    @Test func clustersOfGoneTestRunsAreReaped() throws {
        let temporary = NSTemporaryDirectory()
        // A process id that is certainly gone: a child that has exited and been waited for.
        var child = pid_t()
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        #expect(posix_spawn(&child, "/bin/true", nil, nil, argv, nil) == 0)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let gone = (temporary as NSString).appendingPathComponent("claimdesk-pg-\(child)-REAPTEST")
        let live = (temporary as NSString).appendingPathComponent("claimdesk-pg-\(getppid())-REAPTEST")
        let other = (temporary as NSString).appendingPathComponent("claimdesk-pg-notapid-REAPTEST")
        for folder in [gone, live, other] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: folder + "/marker", contents: Data()))
        }
        #expect(FileManager.default.createFile(atPath: gone + ".initdb.log", contents: Data()))
        defer { for folder in [gone, live, other] { try? FileManager.default.removeItem(atPath: folder) } }
        PostgresServer.reapOrphans()
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(!FileManager.default.fileExists(atPath: gone + ".initdb.log"))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func theSchemaMatchesTheSQLiteMigrationsIdentifierForIdentifier() {
        #expect(PostgresSchema.migrations.map(\.identifier) == SQLiteStore.knownMigrations)
    }

    @Test func aDatabaseFromANewerClaimDeskIsRefusedUnchanged() throws {
        let url = try PostgresServer.freshDatabase()
        let store = try PostgresStore.open(url: url)
        try store.write("test") { db in
            try db.execute("INSERT INTO claimdesk_migration (identifier, appliedAt) VALUES ('v99-future', 'x')")
        }
        store.close()
        #expect(throws: StoreError.newerSchema(path: url, unknownMigrations: ["v99-future"])) {
            try PostgresStore.open(url: url)
        }
        #expect(throws: StoreError.newerSchema(path: url, unknownMigrations: ["v99-future"])) {
            try PostgresStore.open(url: url, mode: .readOnly)
        }
    }

    @Test func aForeignDatabaseIsRefusedAndAnEmptyOneIsNoStoreForReaders() throws {
        let url = try PostgresServer.freshDatabase()
        #expect(throws: StoreError.noStore(path: url)) { try PostgresStore.open(url: url, mode: .readOnly) }
        let connection = try PGConnection(conninfo: url)
        try connection.execute("CREATE TABLE payroll (id int)")
        connection.close()
        #expect(throws: StoreError.foreignDatabase(path: url)) { try PostgresStore.open(url: url) }
    }

    @Test func theLogIsAppendOnlyInTheDatabaseItself() throws {
        let url = try PostgresServer.freshDatabase()
        let store = try PostgresStore.open(url: url)
        defer { store.close() }
        try store.write("seeding") { db in
            try db.execute("""
                INSERT INTO document (docId, text, scalarCount, origin, ingestedAt) VALUES ('d1', 'x', 1, 'test', 't');
                INSERT INTO annotation (annotator, documentId, action, createdAt) VALUES ('ana', 1, 'confirm', 't');
                """)
        }
        for statement in ["UPDATE annotation SET action = 'reject'", "DELETE FROM annotation", "TRUNCATE annotation CASCADE"] {
            #expect(throws: StoreError.database(operation: "rewriting", message: "the annotation log is append-only")) {
                try store.write("rewriting") { db in try db.execute(statement) }
            }
        }
        let action = try store.read("reading") { db in try db.execute("SELECT action FROM annotation").string(0, 0) }
        #expect(action == "confirm")
    }

    @Test func aDisabledGuardIsADamagedStore() throws {
        let url = try PostgresServer.freshDatabase()
        let store = try PostgresStore.open(url: url)
        try store.write("disabling") { db in try db.execute("ALTER TABLE annotation DISABLE TRIGGER annotation_appendOnlyUpdate") }
        store.close()
        #expect(throws: StoreError.damaged(path: url, problems: ["trigger annotation_appendonlyupdate is disabled"])) {
            try PostgresStore.open(url: url)
        }
    }

    @Test func aReadOnlyStoreRefusesWrites() throws {
        let url = try PostgresServer.freshDatabase()
        try PostgresStore.open(url: url).close()
        let store = try PostgresStore.open(url: url, mode: .readOnly)
        defer { store.close() }
        #expect(throws: StoreError.database(operation: "writing", message: "cannot execute INSERT in a read-only transaction")) {
            try store.write("writing") { db in
                try db.execute("INSERT INTO preference (annotator, key, value, updatedAt) VALUES ('a', 'k', 'v', 't')")
            }
        }
    }

    @Test func valuesRoundTripExactly() throws {
        let url = try PostgresServer.freshDatabase()
        let connection = try PGConnection(conninfo: url)
        defer { connection.close() }
        let text = "naïve 𝔘 🚀 \"quoted\" 'single' \\ back\nline\ttab"
        let values: [Double] = [0.1, 1.0 / 3.0, .leastNonzeroMagnitude, 1.7976931348623157e308, -0.0]
        let rows = try connection.execute("SELECT $1::text, $2::bigint, $3::bytea", [text, Int64.max, PGBytes(bytes: [0, 1, 0xfe, 0xff])])
        #expect(rows.string(0, 0) == text)
        #expect(rows.int64(0, 1) == Int64.max)
        #expect(rows.bytes(0, 2) == [0, 1, 0xfe, 0xff])
        for value in values {
            let back = try connection.execute("SELECT $1::double precision", [value]).double(0, 0)
            #expect(back?.bitPattern == value.bitPattern, "\(value)")
        }
        let null = try connection.execute("SELECT $1::text IS NULL", [String?.none]).bool(0, 0)
        #expect(null == true)
        #expect(throws: PGError.self) { try connection.execute("SELECT $1::text", ["a\u{0}b"]) }
    }

    @Test func aPasswordNeverReachesAMessage() throws {
        #expect(StoreLocation.redacting("postgresql://ana:s3cret@db.example:5432/claims") == "postgresql://ana:***@db.example:5432/claims")
        #expect(StoreLocation.redacting("postgres://ana@db/claims?sslmode=require&password=s3cret")
                    == "postgres://ana@db/claims?sslmode=require&password=***")
        #expect(StoreLocation.redacting("postgresql://db/claims") == "postgresql://db/claims")
        #expect(StoreLocation.redacting("postgresql://ana:p%40ss@db/x?password=y&application_name=z")
                    == "postgresql://ana:***@db/x?password=***&application_name=z")
        // A server that is not there: the message names the redacted URL, never the password.
        let url = "postgresql://ana:hunter2@127.0.0.1:1/claims?connect_timeout=2"
        do {
            _ = try PostgresStore.open(url: url)
            Issue.record("opened a store on a closed port")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.hasPrefix("postgresql://ana:***@127.0.0.1:1/claims?connect_timeout=2: cannot open the store: "))
        }
    }
}

@Suite struct PostgresOpenMessageTests {
    /// libpq quotes the host it could not resolve: a host name of 100,000 characters is cut as the
    /// location is (`TerminalSafe.path`), and short quoted values stay whole.
    @Test func aLongQuotedValueInLibpqsMessageIsCut() {
        let host = String(repeating: "h", count: 100_000)
        #expect(PostgresStore.shortenedQuotes("could not translate host name \"\(host)\" to address: Name or service not known")
                    == "could not translate host name \"\(String(repeating: "h", count: 59))…\(String(repeating: "h", count: 60))\" to address: Name or service not known")
        let short = "connection to server at \"127.0.0.1\", port 1 failed: Connection refused"
        #expect(PostgresStore.shortenedQuotes(short) == short)
        #expect(PostgresStore.shortenedQuotes("a \"lone quote") == "a \"lone quote")
    }
}
