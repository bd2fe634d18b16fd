#!/usr/bin/env bash
# The README's walkthrough, end to end, on a scratch store: two analysts review the seed article,
# a third adjudicates, then scores, agreement, a two-run comparison, gold exports and the report.
# Usage: docs/demo.sh [STORE_FOLDER]   (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product claimdesk >/dev/null
bin="$PWD/.build/release/claimdesk"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
export CLAIMDESK_DB="$work/demo.sqlite" NO_COLOR=1
seed=000_e1a42581cbd39812
step() { printf '\n$ claimdesk %s\n' "$*"; "$bin" "$@"; }

step ingest corpora
step extract
printf '\n$ claimdesk annotate --annotator ana --doc %s < docs/demo/ana.txt\n' "$seed"
"$bin" annotate --annotator ana --doc "$seed" < docs/demo/ana.txt
"$bin" annotate --annotator bo --doc "$seed" < docs/demo/bo.txt > "$work/bo.transcript"
step agreement
printf '\n$ claimdesk adjudicate --annotator cy < docs/demo/cy.txt\n'
"$bin" adjudicate --annotator cy < docs/demo/cy.txt
step score --run rules
step import-claims Tests/Fixtures/corpus-gold.jsonl --run corpus-gold
step score --run rules --against corpus-gold --by source-type
step extract --run quotes --profile direct-quotes
step compare --run quotes --run rules --against corpus-gold --examples 2
step export --gold --format jsonl --out "$work/gold.jsonl"
step report --run rules --against corpus-gold --out "$work/report.html"
echo
echo "store, transcripts, exports and report: $work"
