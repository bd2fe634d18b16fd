// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ClaimDesk",
    // macOS 15: the standard library's `Synchronization.Mutex` (behind ClaimModel's `Locked`).
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "claimdesk", targets: ["claimdesk"]),
        .executable(name: "claimdesk-bench", targets: ["claimdesk-bench"]),
        .library(name: "ClaimModel", targets: ["ClaimModel"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Review", targets: ["Review"]),
        .library(name: "ClaimStore", targets: ["ClaimStore"]),
        .library(name: "Workbench", targets: ["Workbench"]),
        .library(name: "Terminal", targets: ["Terminal"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Provenance", targets: ["Provenance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // SHA-256 of exported files (CryptoKit's API on Linux); adds about a minute to a clean build.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // Values only: documents, spans (Unicode-scalar offsets), attributions, reviews. No I/O.
        .target(name: "ClaimModel"),
        // The rules extractor: values in, values out.
        .target(name: "Extraction", dependencies: ["ClaimModel"], resources: [.copy("Resources")]),
        // The learned extractor (issue 13): trains from gold, encodes to bytes, extracts. Values only.
        .target(name: "Learning", dependencies: ["ClaimModel", "Extraction"]),
        // Scoring: tokens, pairing, metrics, calibration, agreement.
        .target(name: "Evaluation", dependencies: ["ClaimModel"]),
        // docs/FORMAT.md JSONL, CSV, brat standoff.
        .target(name: "Interchange", dependencies: [
            "ClaimModel",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // The review log as typed values: actions, entries, the fold, undo history, the gold consensus.
        .target(name: "Review", dependencies: ["ClaimModel"]),
        // libpq, PostgreSQL's C client (Debian's libpq-dev), for the PostgreSQL store (issue 15).
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres"),
        // The store: the only place with SQL, on SQLite (GRDB) and on PostgreSQL (libpq).
        .target(name: "ClaimStore", dependencies: [
            "ClaimModel", "Review", "CPostgres",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            // The review session lock file's name (a hash of the annotator).
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Claims linked across documents: clusters, trails, link scores, provenance JSON and GraphML. Values only.
        .target(name: "Provenance", dependencies: ["ClaimModel", "Extraction"]),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // Use cases behind the command line and the REPL.
        .target(name: "Workbench", dependencies: [
            "ClaimModel", "Review", "Extraction", "Evaluation", "Interchange", "ClaimStore", "Learning", "Provenance",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The terminal: both REPLs (review, adjudication), readline, rendering, completion, verbs.
        // It talks to Workbench's use cases (ReviewDesk), never to ClaimStore.
        .target(name: "Terminal", dependencies: ["Workbench", "ClaimModel", "Extraction", "Review", "CReadline"]),
        .executableTarget(name: "claimdesk", dependencies: [
            "Workbench", "Terminal", "ClaimModel", "Evaluation", "Interchange", "Learning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "claimdesk-bench", dependencies: [
            "Workbench", "Terminal", "ClaimModel", "Extraction", "Evaluation", "Interchange", "ClaimStore", "Review", "Learning", "Provenance",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // What the test targets share: scratch folders, the fuzz tests' seeded generator, the process runners (claimdesk,
        // sqlite3), the in-memory store builder and shared texts (a library target under Tests, not a test bundle).
        .target(name: "TestSupport", dependencies: ["ClaimModel", "ClaimStore", "Review"], path: "Tests/TestSupport"),
        .testTarget(name: "ClaimModelTests", dependencies: ["ClaimModel"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "ClaimModel", "TestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "ClaimModel"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "ClaimModel", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "ClaimModel", "ClaimStore"]),
        .testTarget(name: "ClaimStoreTests", dependencies: [
            "ClaimStore", "ClaimModel", "Review", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "Review", "ClaimStore", "ClaimModel", "TestSupport", "Provenance", "Evaluation"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Workbench", "Review", "ClaimStore", "ClaimModel", "TestSupport", "Extraction"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "ClaimModel", "Extraction", "TestSupport"]),
        .testTarget(name: "ProvenanceTests", dependencies: ["Provenance", "ClaimModel", "Interchange", "Extraction"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ClaimModel", "Interchange", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
