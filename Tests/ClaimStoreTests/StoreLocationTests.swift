import ClaimStore
import Testing

/// Where a store is, as messages and cards say it: a PostgreSQL URL never shows its password.
@Suite struct StoreLocationTests {
    @Test func aPathIsAFileAndAPostgresURLIsADatabase() {
        #expect(StoreLocation(parsing: "annotations/claimdesk.sqlite") == .file(path: "annotations/claimdesk.sqlite"))
        #expect(StoreLocation(parsing: "postgres.sqlite") == .file(path: "postgres.sqlite"))
        #expect(StoreLocation(parsing: "postgresql://ana@db:5432/claims") == .postgres(url: "postgresql://ana@db:5432/claims"))
        #expect(StoreLocation(parsing: "postgres://db/claims") == .postgres(url: "postgres://db/claims"))
        #expect(StoreLocation(parsing: "PostgreSQL://db/claims") == .postgres(url: "PostgreSQL://db/claims"))
        #expect(StoreLocation.memory.description == ":memory:")
        #expect(StoreLocation.file(path: "a b/c.sqlite").description == "a b/c.sqlite")
    }

    @Test(arguments: [
        ("postgresql://ana:s3cret@db.example:5432/claims", "postgresql://ana:***@db.example:5432/claims"),
        ("postgres://ana:s3cret@db/claims?sslmode=require", "postgres://ana:***@db/claims?sslmode=require"),
        ("postgresql://ana@db/claims", "postgresql://ana@db/claims"),
        ("postgresql://db/claims", "postgresql://db/claims"),
        ("postgresql:///claims?host=/run/postgresql", "postgresql:///claims?host=/run/postgresql"),
        // A raw @ or / in the password: hidden whole.
        ("postgresql://ana:p@ss/w@db/claims", "postgresql://ana:***@db/claims"),
        ("postgresql://db/claims?user=ana&password=s3cret&sslmode=require", "postgresql://db/claims?user=ana&password=***&sslmode=require"),
        ("postgresql://db/claims?PASSWORD=s3cret&sslpassword=k3y", "postgresql://db/claims?PASSWORD=***&sslpassword=***"),
        ("postgresql://db/claims?pass%77ord=s3cret", "postgresql://db/claims?pass%77ord=***"),
        ("postgresql://ana:@db/claims", "postgresql://ana:***@db/claims"),
    ])
    func aPasswordIsNeverShown(url: String, shown: String) {
        let location = StoreLocation(parsing: url)
        #expect(location.description == shown)
        #expect(String(describing: location) == shown)
        #expect(String(reflecting: location) == shown)
        #expect("\(location)" == shown)
    }
}
