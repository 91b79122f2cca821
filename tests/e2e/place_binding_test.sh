#!/usr/bin/env bash
# Place and date binding (src/code/place_binding.h) end to end, on the project's own sentences run
# through the whole program (parse included): the place the trigger's clause names beats one in a
# purpose clause, a demonym, or a foreign town misread from a feature name; dates bind through the
# tree. Each line: id, then the top event's expected location name, country and date.
source "$(dirname "$0")/lib.sh"
cat > "$TMP/in.jsonl" <<'JSONL'
{"id":"scene","text":"On 3 May 2023, teachers from Lyon protested in Bordeaux to demand higher pay in Paris."}
{"id":"name","text":"On 12 June 2023, workers of Zambia Railways marched in Lusaka to demand unpaid wages."}
{"id":"demonym","text":"On 4 April 2023, Russian forces shelled Kupiansk, Kharkiv."}
{"id":"feature","published":"2023-02-06","text":"ALMATY, Kazakhstan - Protests over fuel prices spread along the Caspian coast, where police detained 40 people."}
{"id":"renamed","text":"On 4 January 2022, thousands of people rallied in Aktau against the rise in fuel prices."}
{"id":"since","published":"2023-05-20","text":"Attacks by militants have killed 900 civilians in Maiduguri since 2015, officials said on Saturday."}
{"id":"frame","text":"On 16 March 2022, troops shelled Mariupol and residents who fled the city were detained in Bezimenne."}
{"id":"ago","published":"2023-05-20","text":"A statue erected 100 years ago was destroyed by rioters in Durban."}
{"id":"purpose","text":"On 3 May 2023, nurses marched through Marseille to demand a pay rise promised in Paris."}
{"id":"park","text":"On 12 June 2023, hundreds of people rallied at Victoria Memorial Park in Durban."}
JSONL
cat > "$TMP/want.txt" <<'WANT'
scene Bordeaux FR 2023-05-03
name Lusaka ZM 2023-06-12
demonym Kupiansk UA 2023-04-04
feature Almaty KZ 2023-02-06
renamed Aktau KZ 2022-01-04
since Maiduguri NG 2023-05-20
frame Mariupol UA 2022-03-16
ago Durban ZA 2023-05-20
purpose Marseille FR 2023-05-03
park Durban ZA 2023-06-12
WANT
"$EM" code "$TMP/in.jsonl" --format json > "$TMP/out.jsonl" 2> "$TMP/err" || { cat "$TMP/err"; fail "eventmill code"; finish; }
python3 - "$TMP/out.jsonl" > "$TMP/got.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    evs = d.get("events") or []
    e = max(evs, key=lambda e: e.get("confidence") or 0) if evs else {}
    loc = e.get("location") or {}
    print(d["input_id"], loc.get("name") or "-", loc.get("country") or "-", (e.get("date") or {}).get("value") or "-")
PY
while read -r id rest; do
  got=$(grep "^$id " "$TMP/got.txt" | cut -d' ' -f2-)
  if [ "$got" = "$rest" ]; then pass "$id: $got"; else fail "$id: want '$rest', got '$got'"; fi
done < "$TMP/want.txt"
finish
