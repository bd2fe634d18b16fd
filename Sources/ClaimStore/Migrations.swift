import GRDB

/// The store's schema, as an ordered list of numbered migrations.
///
/// Never rename, reorder or edit a migration that has shipped: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY,
                    docId TEXT NOT NULL UNIQUE,
                    title TEXT,
                    publisher TEXT,
                    publicationDate TEXT,
                    meta TEXT,
                    text TEXT NOT NULL,
                    scalarCount INTEGER NOT NULL,
                    origin TEXT NOT NULL,
                    ingestedAt TEXT NOT NULL
                );
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('extractor', 'imported', 'gold')),
                    extractor TEXT NOT NULL,
                    version TEXT,
                    parameters TEXT,
                    createdAt TEXT NOT NULL
                );
                CREATE TABLE runDocument (
                    runId INTEGER NOT NULL REFERENCES run(id),
                    documentId INTEGER NOT NULL REFERENCES document(id),
                    processedAt TEXT NOT NULL,
                    PRIMARY KEY (runId, documentId)
                ) WITHOUT ROWID;
                CREATE TABLE attribution (
                    id INTEGER PRIMARY KEY,
                    runId INTEGER NOT NULL REFERENCES run(id),
                    documentId INTEGER NOT NULL REFERENCES document(id),
                    ordinal INTEGER NOT NULL,
                    externalId TEXT,
                    origin TEXT NOT NULL DEFAULT 'run' CHECK (origin IN ('run', 'added')),
                    addedBy TEXT,
                    sourceFragments TEXT,
                    cueFragments TEXT,
                    contentFragments TEXT,
                    outlet TEXT,
                    sourceType TEXT,
                    anonymous INTEGER,
                    sourceEntity TEXT,
                    confidence REAL,
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX attribution_byRunDocument ON attribution(runId, documentId, ordinal);
                CREATE INDEX attribution_byDocument ON attribution(documentId);
                CREATE TABLE annotation (
                    id INTEGER PRIMARY KEY,
                    annotator TEXT NOT NULL,
                    runId INTEGER REFERENCES run(id),
                    documentId INTEGER NOT NULL REFERENCES document(id),
                    attributionId INTEGER REFERENCES attribution(id),
                    action TEXT NOT NULL,
                    fields TEXT,
                    confidence TEXT,
                    note TEXT,
                    tags TEXT,
                    target INTEGER REFERENCES annotation(id),
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX annotation_byAttribution ON annotation(attributionId, id);
                CREATE INDEX annotation_byDocument ON annotation(documentId, annotator, id);
                CREATE INDEX annotation_byAnnotator ON annotation(annotator, runId, id);
                CREATE TRIGGER annotation_appendOnlyUpdate BEFORE UPDATE ON annotation
                    BEGIN SELECT RAISE(ABORT, 'the annotation log is append-only'); END;
                CREATE TRIGGER annotation_appendOnlyDelete BEFORE DELETE ON annotation
                    BEGIN SELECT RAISE(ABORT, 'the annotation log is append-only'); END;
                CREATE TABLE documentReview (
                    id INTEGER PRIMARY KEY,
                    documentId INTEGER NOT NULL REFERENCES document(id),
                    annotator TEXT NOT NULL,
                    runId INTEGER REFERENCES run(id),
                    status TEXT NOT NULL CHECK (status IN ('done', 'reopened')),
                    annotationId INTEGER REFERENCES annotation(id),
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX documentReview_byDocument ON documentReview(documentId, annotator, id);
                CREATE TRIGGER documentReview_appendOnlyUpdate BEFORE UPDATE ON documentReview
                    BEGIN SELECT RAISE(ABORT, 'documentReview is append-only'); END;
                CREATE TRIGGER documentReview_appendOnlyDelete BEFORE DELETE ON documentReview
                    BEGIN SELECT RAISE(ABORT, 'documentReview is append-only'); END;
                """)
        }
        // TAB completion lists the store's outlets and tags from these, without scanning claims.
        migrator.registerMigration("v2-completion-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX attribution_byOutlet ON attribution(outlet) WHERE outlet IS NOT NULL;
                CREATE INDEX annotation_byTags ON annotation(tags) WHERE tags IS NOT NULL;
                """)
        }
        // What each imported document consisted of, so that re-importing a file can tell an
        // unchanged document (left as it is) from a changed one (refused, or a new run version).
        migrator.registerMigration("v3-import-digests") { db in
            try db.execute(sql: """
                CREATE TABLE importDigest (
                    runId INTEGER NOT NULL REFERENCES run(id),
                    documentId INTEGER NOT NULL REFERENCES document(id),
                    digest TEXT NOT NULL,
                    importedAt TEXT NOT NULL,
                    PRIMARY KEY (runId, documentId)
                ) WITHOUT ROWID;
                """)
        }
        // What each analyst chose for their own sessions (single-key mode, queue order…): one row a
        // setting, replaced when changed. Not part of the review log: a preference is no verdict.
        migrator.registerMigration("v4-preferences") { db in
            try db.execute(sql: """
                CREATE TABLE preference (
                    annotator TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    updatedAt TEXT NOT NULL,
                    PRIMARY KEY (annotator, key)
                ) WITHOUT ROWID;
                """)
        }
        // Trained extractor models (`claimdesk train`): the model's bytes with their SHA-256 and what
        // they were trained on. A plain table with no reference to runs or documents, so that a model
        // outlives the data it came from and moves between stores as it is.
        migrator.registerMigration("v6-models") { db in
            try db.execute(sql: """
                CREATE TABLE model (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    family TEXT NOT NULL,
                    bytes BLOB NOT NULL,
                    digest TEXT NOT NULL,
                    provenance TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                """)
        }
        // Cross-document links (`claimdesk link`): a link run names the claim run it linked and the
        // linker's options, like a run names its extractor; its clusters and links hang off it and go
        // with it when it is replaced. Analysts' link verdicts are not here: they are review-log
        // entries (`same`, `different`) like every other verdict. Additive: no earlier table changes.
        // The primary key's columns lead each WITHOUT ROWID table: SQLite 3.40's quick_check reports
        // NOT NULL columns placed before them as NULL.
        migrator.registerMigration("v7-links") { db in
            try db.execute(sql: """
                CREATE TABLE linkRun (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    runId INTEGER NOT NULL REFERENCES run(id),
                    options TEXT NOT NULL,
                    createdAt TEXT NOT NULL
                );
                CREATE TABLE linkCluster (
                    linkRunId INTEGER NOT NULL REFERENCES linkRun(id),
                    attributionId INTEGER NOT NULL REFERENCES attribution(id),
                    cluster TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (linkRunId, attributionId)
                ) WITHOUT ROWID;
                CREATE TABLE claimLink (
                    linkRunId INTEGER NOT NULL REFERENCES linkRun(id),
                    a INTEGER NOT NULL REFERENCES attribution(id),
                    b INTEGER NOT NULL REFERENCES attribution(id),
                    score REAL NOT NULL,
                    reasons TEXT NOT NULL,
                    PRIMARY KEY (linkRunId, a, b)
                ) WITHOUT ROWID;
                """)
        }
        // Gold clusters (issue 14): the `cluster` key an imported attribution carries (which claims
        // across documents are the same claim), kept so that `export --gold`/`--run` write it back
        // and `score` can score a link run against it. Additive and nullable: extracted and added
        // claims have none, and a store from the release before opens and migrates unchanged.
        migrator.registerMigration("v8-claim-clusters") { db in
            try db.execute(sql: "ALTER TABLE attribution ADD COLUMN cluster TEXT")
        }
        return migrator
    }
}
