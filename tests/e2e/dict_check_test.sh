#!/usr/bin/env bash
# Lexicon lint and lookup: `eventmill dict check` must find no error in data/, and `dict lookup`
# must explain a composed actor and a resolved place (skips when the lexicon is not built).
source "$(dirname "$0")/lib.sh"
"$EM" dict check > "$TMP/check.txt" 2>&1 && pass "dict check: $(tail -1 "$TMP/check.txt")" || { cat "$TMP/check.txt"; fail "dict check found errors"; }
if "$EM" dict lookup "Kazakh security forces in Alma-Ata" > "$TMP/lookup.txt" 2> "$TMP/err.txt"; then
  grep -q 'actor=KAZCOP' "$TMP/lookup.txt" && pass "lookup composes Kazakh + security forces -> KAZCOP" || { cat "$TMP/lookup.txt"; fail "lookup: no KAZCOP"; }
  grep -q 'place=Almaty' "$TMP/lookup.txt" && pass "lookup resolves Alma-Ata -> Almaty" || { cat "$TMP/lookup.txt"; fail "lookup: no Almaty"; }
else
  grep -q "eventmill dict build" "$TMP/err.txt" && pass "missing lexicon explained: $(cat "$TMP/err.txt")" || { cat "$TMP/err.txt"; fail "lookup failed without naming the fix"; }
fi
"$EM" dict lookup --lexicon /nonexistent/lexicon.bin "x" 2> "$TMP/err2.txt" >/dev/null
grep -q "/nonexistent/lexicon.bin.*eventmill dict build" "$TMP/err2.txt" && pass "a missing lexicon names the file and the command" || { cat "$TMP/err2.txt"; fail "missing lexicon message"; }
finish
