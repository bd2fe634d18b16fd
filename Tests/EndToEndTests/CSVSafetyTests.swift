import Foundation
import Testing

/// The CSV export opened by the tools people open it in (Python's csv, pandas): no cell runs as a
/// formula, numbers stay numbers, tags split back, and the claim's sentence is there to read.
@Suite struct CSVSafetyTests {
    static let checker = #"""
        import csv, json, sys
        import pandas as pd
        path = sys.argv[1]
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        own = {"n", "source_spans", "cue_spans", "content_spans", "source_type", "anonymous", "confidence",
               "verdict", "analyst_confidence", "bulk"}
        formulas = sorted({k for row in rows for k, v in row.items() if k not in own and v[:1] in ("=", "+", "-", "@", "\t", "\r")})
        frame = pd.read_csv(path, keep_default_na=False)
        r = rows[0]
        print(json.dumps({
            "rows": len(rows), "formula_cells": formulas,
            "doc_id": r["doc_id"], "annotator": r["annotator"], "outlet": r["outlet"], "note": r["note"],
            "content_text": r["content_text"], "tags": json.loads(r["tags"]), "context": r["context"],
            "confidence": [str(frame["confidence"].dtype), float(frame["confidence"][0])],
            "n": str(frame["n"].dtype), "pandas_note": frame["note"][0],
            "bulk": [str(frame["bulk"].dtype), bool(frame["bulk"][0])],
        }, ensure_ascii=False, sort_keys=True))
        """#

    @Test(.enabled(if: PythonTool.usable, "needs .build-py/venv (scripts/setup.sh) with pandas"))
    func theGoldCSVIsSafeToOpenAndReadsBack() throws {
        let scratch = try Scratch()
        let review = #"{"status": "confirmed", "annotator": "=1+2", "tags": ["=cmd", "a;b", "x,y"], "note": "=HYPERLINK(\"http://evil\",\"click\")"}"#
        let line = #"{"doc_id": "=doc", "text": "Prices rose. The mayor said -5 is =SUM(A1) today. Nothing else.", "attributions": [{"source": [13, 22], "cue": [23, 27], "content": [28, 48], "outlet": "@outlet", "source_type": "named_person", "confidence": 0.9, "review": \#(review)}]}"#
        let gold = try scratch.write("gold.jsonl", line + "\n")
        let imported = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "ana"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let csv = scratch.path("gold.csv")
        let exported = try CLI.run(["--db", scratch.db, "export", "--format", "csv", "--gold", "--out", csv])
        #expect(exported.status == 0, "\(exported.stderr)")
        let check = try PythonTool.run(script: Self.checker, arguments: [csv])
        #expect(check.stderr == "")
        #expect(check.stdout == #"""
            {"annotator": "'=1+2", "bulk": ["bool", false], "confidence": ["float64", 0.9], "content_text": "'-5 is =SUM(A1) today", "context": "The mayor said -5 is =SUM(A1) today.", "doc_id": "'=doc", "formula_cells": [], "n": "int64", "note": "'=HYPERLINK(\"http://evil\",\"click\")", "outlet": "'@outlet", "pandas_note": "'=HYPERLINK(\"http://evil\",\"click\")", "rows": 1, "tags": ["=cmd", "a;b", "x,y"]}

            """#)
    }
}
