#!/usr/bin/env bash
# The README's "Exports" walkthrough: the demo's adjudicated gold (ana and bo reviewed the seed article,
# cy adjudicated) written in every format, each read back into a fresh store and written again, and
# the two exports compared byte for byte.
# Usage: docs/exports.sh [FOLDER]   (default: a new temporary folder; runs docs/demo.sh there first)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
[ -f "$work/demo.sqlite" ] || docs/demo.sh "$work" >/dev/null
swift build -c release --product claimdesk >/dev/null
bin="$PWD/.build/release/claimdesk"
export NO_COLOR=1
step() { printf '\n$ claimdesk %s\n' "$*" | sed "s|$work|\$WORK|g"; "$bin" "$@" 2>&1 | sed "s|$work|\$WORK|g"; }
rm -rf "$work/exports" && mkdir -p "$work/exports"
for format in jsonl csv brat doccano label-studio prodigy inception; do
  case $format in
    jsonl) out=gold.jsonl ;; csv) out=gold.csv ;; brat) out=gold-brat ;; doccano) out=gold.doccano.jsonl ;;
    label-studio) out=gold.label-studio.json ;; prodigy) out=gold.prodigy.jsonl ;; inception) out=gold-inception ;;
  esac
  step --db "$work/demo.sqlite" export --gold --format $format --out "$work/exports/$out"
  [ $format = csv ] && continue
  step --db "$work/exports/$format.sqlite" import-gold "$work/exports/$out"
  again="$work/exports/again-$out"
  "$bin" --db "$work/exports/$format.sqlite" export --gold --format $format --out "$again" >/dev/null
  if [ -d "$again" ]; then
    if diff -r -x 'dataset-card.*' "$work/exports/$out" "$again" >/dev/null; then echo "(export again: identical files)"; else echo "(export again: DIFFERENT)"; exit 1; fi
  else
    if cmp -s "$work/exports/$out" "$again"; then echo "(export again: identical bytes)"; else echo "(export again: DIFFERENT)"; exit 1; fi
  fi
done
echo
echo "exports: $work/exports"
