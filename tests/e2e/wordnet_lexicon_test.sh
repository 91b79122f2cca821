#!/usr/bin/env bash
# The {lemma} verbs of data/patterns against WordNet 3.0 (wordnet-base): every irregular form
# WordNet knows must be in data/patterns/irregular_verbs.tsv, or "{retake}" misses "retook".
source "$(dirname "$0")/lib.sh"
[ -f /usr/share/wordnet/verb.exc ] || { echo "skip: WordNet (wordnet-base) not installed"; exit 77; }
if python3 "$ROOT/tools/wordnet_lexicon.py" check > "$TMP/out" 2>&1; then
  pass "$(tail -1 "$TMP/out")"
else
  cat "$TMP/out"
  fail "irregular forms missing from irregular_verbs.tsv"
fi
finish
