#!/usr/bin/env bash
# events/articles queries: every filter gives what the generated corpus says it must, every export
# format parses back (python3 csv / json), rewritten copies count as mentions of one event.
source "$(dirname "$0")/lib.sh"
DB="$TMP/q.db"
python3 "$ROOT/tests/e2e/store_corpus.py" 400 --seed 11 --copies 60 --expect "$TMP/expect.json" > "$TMP/docs.jsonl"
"$EM" ingest --db "$DB" --documents "$TMP/docs.jsonl" --no-progress 2>/dev/null || fail "ingest"

check() {  # check NAME FORMAT EVENTS-ARGS... ; python reads the output and the expectation
  local name=$1 fmt=$2; shift 2
  "$EM" events --db "$DB" --limit 0 --format "$fmt" "$@" > "$TMP/out" 2>"$TMP/err" || { fail "$name: $(cat "$TMP/err")"; return; }
  if python3 "$TMP/check.py" "$fmt" "$TMP/out" "$TMP/expect.json" "$@" 2>"$TMP/perr"; then pass "$name"
  else fail "$name: $(tail -3 "$TMP/perr")"; fi
}

cat > "$TMP/check.py" <<'PY'
import csv, io, json, math, sys
fmt, out, expect_path, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
expect = json.load(open(expect_path))
flt = dict(zip(args[0::2], args[1::2]))
def km(a, b, c, d):
    r = math.pi / 180
    h = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(h)))
want = []
for e in expect["events"]:
    if "--country" in flt and e["country"] != flt["--country"]: continue
    if "--type" in flt and not e["cameo"].startswith(flt["--type"]): continue
    if "--since" in flt and e["day"] < flt["--since"]: continue
    if "--until" in flt and e["day"] > flt["--until"]: continue
    if "--actor" in flt and not e["source"].startswith(flt["--actor"]): continue
    if "--near" in flt:
        lat, lon, r = map(float, flt["--near"].split(","))
        if km(lat, lon, e["lat"], e["lon"]) > r: continue
    want.append(e)
# Articles that report the same event are one event, the first reports it. The dedup stage merges
# reports of one CAMEO root (a riot and a rally are one protest), place and day whose actors (of one
# kind) and figures (one per type, place and day; crowd sizes never contradict) are compatible.
clusters = {}
for e in want:
    key = (e["cameo_root"], e["country"], e["lat"], e["lon"], e["day"])
    if key in clusters:
        clusters[key]["articles"] += e["articles"]
    else:
        clusters[key] = dict(e)
want = list(clusters.values())
text = open(out, encoding="utf-8").read()
if fmt == "jsonl":
    rows = [json.loads(l) for l in text.splitlines()]
    got = sorted(r["article"]["id"] for r in rows)
    for r in rows:
        exp = next(e for e in want if e["article"] == r["article"]["id"])
        assert r["num_articles"] == exp["articles"], (r["num_articles"], exp)
        assert r["evidence"]["sentence"], r
        assert r["location"]["country"] == exp["country"]
elif fmt == "csv":
    rows = list(csv.DictReader(io.StringIO(text)))
    got = sorted(r["article_id"] for r in rows)
    for r in rows:
        assert r["cameo"] and r["date"] and r["country"], r
elif fmt == "gdelt":
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(r) == 61 for r in rows), {len(r) for r in rows}
    for r in rows:
        assert len(r[1]) == 8 and r[1].isdigit(), r[1]          # SQLDATE
        assert r[26] == r[26][:3] and r[26] == r[27][:len(r[26])] # EventCode, EventBaseCode
        assert int(r[31]) >= 1 and int(r[33]) >= 1                # NumMentions, NumArticles
        assert r[52] and float(r[56]) and float(r[57])           # ActionGeo_CountryCode, lat, lon
        assert r[60].startswith("https://"), r[60]                # SOURCEURL
    urls = {e["article"]: e for e in want}
    got = sorted(r[60] for r in rows)
    want_urls = sorted(json.loads(l)["url"] for l in open(expect_path.replace("expect.json", "docs.jsonl"))
                       if json.loads(l)["id"] in urls)
    assert got == want_urls, (len(got), len(want_urls))
    got = sorted(urls)  # compared above by URL
elif fmt == "acled":
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [] or list(rows[0].keys())[:3] == ["event_id_cnty", "event_date", "year"]
    for r in rows:
        assert r["iso"].isdigit() and r["country"] and r["latitude"] and r["event_type"], r
        assert r["disorder_type"] in ("Political violence", "Demonstrations", "Strategic developments"), r
        assert r["inter1"].isdigit(), r
    got = None
    assert len(rows) == len(want), (len(rows), len(want))
elif fmt == "geojson":
    fc = json.loads(text)
    assert fc["type"] == "FeatureCollection"
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["geometry"]["type"] == "Point"
    got = sorted(f["properties"]["article"]["id"] for f in fc["features"])
if got is not None:
    exp_ids = sorted(e["article"] for e in want)
    assert got == exp_ids, (len(got), len(exp_ids), sorted(set(got) ^ set(exp_ids))[:5])
PY

check "all events, jsonl, copies are mentions" jsonl
check "country filter (csv)" csv --country KZ
check "country + type + date range (jsonl)" jsonl --country KZ --type 173 --since 2022-01-05 --until 2022-01-20
check "CAMEO root prefix (gdelt, 61 columns)" gdelt --type 14
check "actor prefix (acled)" acled --actor GEO
check "near a point (geojson)" geojson --near 43.25,76.92,300
check "date range only (csv)" csv --since 2022-01-10 --until 2022-01-12

# GDELT and ACLED values, row by row against the same events as jsonl (joined on the row id):
# FIPS 10-4 geo codes, GDELT's FractionDate, actor code parts, tallies; ACLED names, region, tags.
for f in jsonl gdelt acled; do "$EM" events --db "$DB" --limit 0 --format $f > "$TMP/all.$f"; done
python3 - "$TMP" "$ROOT/data/export/countries.tsv" <<'PY' && pass "gdelt and acled values match the events" || fail "export values"
import csv, io, json, sys
tmp, countries = sys.argv[1], sys.argv[2]
fips, region = {}, {}
for line in open(countries):
    if line.startswith("#"): continue
    a2, fp, rg, *_ = line.rstrip("\n").split("\t")
    fips[a2], region[a2] = fp, rg
assert fips["KZ"] == "KZ" and fips["GE"] == "GG" and fips["BY"] == "BO" and fips["DE"] == "GM", "FIPS table"
known = {l.split(",")[0] for l in open("/usr/share/iso-codes/json/iso_3166-1.json").read().split('"alpha_2": "')[1:]}
known = {k[:2] for k in known}
assert set(fips) <= known | {"XK"}, set(fips) - known
real = [f for f in fips.values() if f != "-"]
assert len(real) > 240 and len(set(real)) > 235, (len(real), len(set(real)))  # a few territories share one
assert all(region[a] != "-" for a in fips), [a for a in fips if region[a] == "-"]
events = {e["row_id"]: e for e in map(json.loads, open(tmp + "/all.jsonl"))}
alpha3 = {"KZ": "KAZ", "KG": "KGZ", "UZ": "UZB", "GE": "GEO", "AM": "ARM", "BY": "BLR"}
names = {"KZ": "Kazakhstan", "KG": "Kyrgyzstan", "UZ": "Uzbekistan", "GE": "Georgia", "AM": "Armenia", "BY": "Belarus"}
rows = list(csv.reader(open(tmp + "/all.gdelt"), delimiter="\t", quoting=csv.QUOTE_NONE))
assert len(rows) == len(events) > 100, (len(rows), len(events))
for r in rows:
    e = events[int(r[0])]
    y, m, d = map(int, e["date"]["value"].split("-"))
    assert r[1] == "%04d%02d%02d" % (y, m, d) and r[2] == r[1][:6] and r[3] == r[1][:4], r[:4]
    assert abs(float(r[4]) - (y + ((m - 1) * 30 + d) / 365)) < 1e-4, (r[4], e["date"])
    src, loc = e["source"], e["location"]
    assert r[5] == src["code"] and r[7] == alpha3[src["country"]] and r[12] == src["role"], r[5:15]
    assert r[15] == e["target"]["code"] and r[22] == e["target"]["role"], r[15:25]
    assert r[26] == e["cameo"] and r[27] == e["cameo"][:3] and r[28] == e["cameo"][:2], r[26:29]
    assert int(r[29]) == e["quad_class"] and float(r[30]) == e["goldstein"], r[29:31]
    assert (int(r[31]), int(r[32]), int(r[33])) == (e["num_mentions"], e["num_sources"], e["num_articles"]), r[31:34]
    for base in (35, 43, 51):  # Actor1Geo, Actor2Geo, ActionGeo: the event's city
        g = r[base:base + 8]
        assert g[0] == "4" and g[2] == fips[loc["country"]] and g[3].startswith(g[2]), g
        assert g[1].startswith(loc["name"] + ", ") and g[1].endswith(names[loc["country"]]), g
        assert abs(float(g[5]) - loc["lat"]) < 1e-3 and abs(float(g[6]) - loc["lon"]) < 1e-3, g
        assert g[7] == str(loc["geonameid"]), g
    assert len(r[59]) == 14 and r[59].isdigit() and r[60] == e["article"]["url"], r[59:]
acled = list(csv.DictReader(open(tmp + "/all.acled")))
assert len(acled) == len(events)
role_names = {"COP": "Police Forces of {}", "GOV": "Government of {}", "MIL": "Military Forces of {}",
              "PRO": "Protesters ({})", "CVL": "Civilians ({})"}
for a in acled:
    e = events[int(a["event_id_cnty"][3:])]
    c = e["location"]["country"]
    assert a["event_id_cnty"][:3] == alpha3[c] and a["country"] == names[c] and a["region"] == region[c], a
    assert a["region"] == "Caucasus and Central Asia" if c in ("KZ", "KG", "UZ", "GE", "AM") else a["region"] == "Europe", a
    assert a["event_date"] == e["date"]["value"] and a["time_precision"] == "1", a
    assert a["event_type"] == e["acled"]["event_type"] and a["sub_event_type"] == e["acled"]["sub_event_type"], a
    for col, actor in (("actor1", e["source"]), ("actor2", e["target"])):
        if col == "actor2" and e["acled"]["sub_event_type"] == "Peaceful protest":
            assert a[col] == "" and a["inter2"] == "0" and a["interaction"] == "60", a  # protesters alone
            continue
        want = role_names.get(actor["role"])
        if actor["role"] == "PRO" and e["acled"]["event_type"] == "Riots": want = "Rioters ({})"
        if actor["role"] == "CVL" and e["acled"]["event_type"] == "Protests": want = "Protesters ({})"
        if want: assert a[col] == want.format(names[actor["country"]]), (col, a[col], actor)
        else: assert a[col] == actor["text"], (col, a[col], actor)
    killed = sum(k["value"] for k in e["counts"] if k["kind"] == "killed")
    assert float(a["fatalities"]) == killed, (a["fatalities"], e["counts"])
    if a["event_type"] in ("Protests", "Riots"):
        crowd = [k for k in e["counts"] if k["kind"] == "participants"]
        assert a["tags"] == ("crowd size=%s%d" % ("around " if crowd[0]["qualifier"] == "approx" else "", crowd[0]["value"]) if crowd
                             else "crowd size=no report"), (a["tags"], crowd)
    assert a["source"] == e["article"]["site_name"] and a["notes"] == e["evidence"]["sentence"], a
PY
# ACLED's own R package reads the export: acledR's acled_transform_interaction() checks, reproduced.
python3 "$ROOT/tools/acled_interaction_check.py" "$TMP/all.acled" && pass "acledR's interaction checks pass on the export" ||
  fail "acledR acled_transform_interaction would stop on the export"

# Types by name: PLOVER mode and ACLED type give what the CAMEO code gives.
a=$("$EM" events --db "$DB" --limit 0 --format csv --type 173 | wc -l)
b=$("$EM" events --db "$DB" --limit 0 --format csv --type ARREST | wc -l)
c=$("$EM" events --db "$DB" --limit 0 --format csv --type arrests | wc -l)
[ "$a" = "$b" ] && [ "$a" = "$c" ] && [ "$a" -gt 1 ] && pass "--type 173 = ARREST = Arrests ($((a - 1)) events)" || fail "type names: $a $b $c"

# Near-duplicates: 60 copies linked to their originals; their events are mentions, not new events.
python3 - "$TMP/expect.json" <<PY && pass "every rewritten copy linked to its original" || fail "duplicate_of links"
import json, subprocess, sys
expect = json.load(open(sys.argv[1]))
out = subprocess.run(["$EM", "articles", "--db", "$DB", "--duplicates", "--limit", "0", "--format", "jsonl"],
                     capture_output=True, text=True, check=True).stdout
got = {d["id"]: d["duplicate_of"] for d in map(json.loads, out.splitlines())}
assert got == expect["copies"], (len(got), len(expect["copies"]))
PY
want=$(python3 -c "
import json; e=json.load(open('$TMP/expect.json'))['events']
print(len({(x['cameo_root'], x['country'], x['lat'], x['day']) for x in e}))")
n=$("$EM" events --db "$DB" --limit 0 --format jsonl | wc -l)
[ "$n" = "$want" ] && [ "$want" -gt 250 ] && pass "460 articles, $want distinct events listed" || fail "events listed: $n, want $want"
"$EM" status --db "$DB" | grep -q "460 mentions of $want distinct events" && pass "status counts mentions and events" ||
  fail "status: $("$EM" status --db "$DB")"

# Full-text search over articles, and --text on events.
word=$(python3 -c "import json;d=json.loads(open('$TMP/docs.jsonl').readline());print(d['text'].split('Reporter note ')[1].split(':')[0])")
"$EM" articles --db "$DB" --text "Reporter note $word" --format jsonl > "$TMP/fts"
[ "$(wc -l < "$TMP/fts")" -ge 1 ] && python3 -c "
import json,sys
for l in open('$TMP/fts'): assert '$word' in json.loads(l)['text']" && pass "articles --text finds the article" || fail "fts: $(cat "$TMP/fts" | head -c 200)"
n=$("$EM" events --db "$DB" --text "gunmen" --limit 0 --format csv | wc -l)
m=$("$EM" events --db "$DB" --type 190 --limit 0 --format csv | wc -l)
[ "$n" = "$m" ] && pass "events --text gunmen = the 190 events" || fail "events --text: $n vs $m"
"$EM" events --db "$DB" --limit 5 > "$TMP/table" && [ "$(wc -l < "$TMP/table")" = 7 ] && pass "table with --limit 5" || fail "table: $(cat "$TMP/table")"

# Bad flags are one-line errors.
"$EM" events --db "$DB" --near 1,2 2>"$TMP/err"; [ $? = 2 ] && grep -q "LAT,LON,KM" "$TMP/err" && pass "bad --near explained" || fail "bad --near"
"$EM" events --db "$DB" --format xml 2>"$TMP/err"; [ $? = 2 ] && grep -q "unknown format" "$TMP/err" && pass "bad --format explained" || fail "bad --format"
"$EM" events --db /nonexistent/dir/x.db 2>"$TMP/err"; [ $? = 1 ] && grep -q "x.db" "$TMP/err" && pass "unopenable db named" || fail "bad db: $(cat "$TMP/err")"
finish
