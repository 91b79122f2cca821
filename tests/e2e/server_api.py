#!/usr/bin/env python3
"""API tests of `eventmill serve` (docs/api.md) against a database already filled with samples/.

    server_api.py EVENTMILL DB WEBDIR LABEL

Starts the server on a free loopback port (--port 0, read from its first line), checks every
endpoint with good and bad parameters, that /api/events answers what `eventmill events --format
jsonl` lists for the same filters, the status codes and JSON errors, the limits and the dashboard's
files; stops the server. Prints ok/FAIL lines; exits 1 on any failure.
"""
import http.client
import json
import socket
import subprocess
import sys
import time
import urllib.parse

em, db, web, label = sys.argv[1:5]
failures = 0


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + f"[{label}] {what}")
    if not cond:
        failures += 1
    return cond


server = subprocess.Popen([em, "serve", "--db", db, "--port", "0", "--web", web, "--quiet", "--threads", "4"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = server.stdout.readline()
if "listening on http://127.0.0.1:" not in line:
    print(f"FAIL [{label}] server did not start: {line} {server.stderr.read()}")
    server.kill()
    sys.exit(1)
port = int(line.split("127.0.0.1:")[1].split("/")[0])
print(f"ok   [{label}] {line.strip()}")


def raw(method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, r.getheader("Content-Type", ""), data


def get(path, params=None):
    if params:
        path += "?" + urllib.parse.urlencode(params)
    status, ctype, data = raw("GET", path)
    try:
        j = json.loads(data)
    except ValueError:
        j = None
    return status, ctype, j


def cli_events(params):
    args = [em, "events", "--db", db, "--format", "jsonl"]
    for k, v in params.items():
        if k == "q":
            k = "text"
        args += ["--" + k, str(v)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


try:
    # ---- health, stats
    s, ct, j = get("/api/health")
    check(s == 200 and j["status"] == "ok" and ct.startswith("application/json"), f"health: {j}")
    s, _, stats = get("/api/stats")
    check(s == 200 and stats["articles"] >= 10 and stats["duplicates"] >= 1 and stats["events"] > 0,
          f"stats: {stats['articles']} articles, {stats['duplicates']} near-duplicates, {stats['events']} events")

    # ---- /api/events = eventmill events, for the same filters
    filters = [
        {},
        {"country": "KZ"},
        {"country": "KZ", "type": "ARREST"},
        {"country": "KZ", "type": "ARREST", "since": "2022-01", "until": "2022-01"},
        {"type": "173"},
        {"type": "Protests"},
        {"near": "43.25,76.92,50"},
        {"actor": "KAZCOP"},
        {"since": "2022-01-06", "until": "2022-01-08"},
        {"q": "tear gas"},
        {"country": "KZ", "limit": 5},
        {"country": "KZ", "actor": "KAZ", "near": "43.25,76.92,100", "since": "2022-01-05"},
    ]
    for f in filters:
        params = dict(f)
        params.setdefault("limit", 1000)
        s, _, j = get("/api/events", params)
        want = cli_events(params)
        same = s == 200 and j["events"] == want and j["count"] == len(want)
        check(same, f"/api/events {f} = eventmill events: {len(want)} events")
    s, _, all_kz = get("/api/events", {"country": "KZ", "limit": 1000})
    kz = all_kz["events"]
    check(len(kz) >= 20, f"KZ events in the sample: {len(kz)}")
    s, _, page = get("/api/events", {"country": "KZ", "limit": 3, "offset": 2})
    check(page["events"] == kz[2:5] and page["more"] is True, "limit/offset pages through the same list")
    s, _, arrests = get("/api/events", {"country": "KZ", "type": "ARREST"})
    check(len(arrests["events"]) >= 5, f"--country KZ --type ARREST: {len(arrests['events'])} arrests")
    s, _, almaty = get("/api/events", {"near": "43.25,76.92,50"})
    check(len(almaty["events"]) >= 5 and all(e["location"]["name"] == "Almaty" for e in almaty["events"]),
          f"--near Almaty: {len(almaty['events'])} events, all in Almaty")
    mentioned = [e for e in kz if e["num_articles"] >= 2]
    check(len(mentioned) >= 3, f"events told by several articles (dedup): {len(mentioned)}")

    # ---- one article with its evidence
    ev = arrests["events"][0]
    s, _, art = get("/api/articles/" + ev["article"]["id"])
    ok = s == 200 and art["article"]["id"] == ev["article"]["id"]
    text = art["article"]["text"].encode("utf-8") if ok else b""
    spans_ok = ok and all(
        text[e["evidence"]["span"][0]:e["evidence"]["span"][1]].decode("utf-8") == e["evidence"]["sentence"]
        for e in art["events"])
    check(ok and spans_ok and len(art["events"]) == len(art["article"]["events"]),
          f"article {ev['article']['id']}: {len(art['events'])} events, evidence spans index its text")
    check(ok and all("span" in c for c in art["article"]["counts"]) and len(art["article"]["entities"]) > 0,
          "article: entities and counts with spans")
    s, _, arts = get("/api/articles", {"limit": 100})
    copies = [a for a in arts["articles"] if a["duplicate_of"]]
    check(len(copies) >= 1, f"/api/articles: {arts['count']} articles, {len(copies)} near-duplicate")
    if copies:
        s, _, orig = get("/api/articles/" + copies[0]["duplicate_of"])
        check(s == 200 and copies[0]["id"] in [c["id"] for c in orig["copies"]], "the original lists its copy")
    s, _, tg = get("/api/articles", {"text": "tear gas"})
    check(s == 200 and tg["count"] >= 2, f"/api/articles?text=tear gas: {tg['count']}")

    # ---- aggregates count what /api/events lists
    for by in ["day", "country", "type", "cameo", "acled"]:
        s, _, agg = get("/api/aggregates", {"by": by, "country": "KZ"})
        check(s == 200 and agg["total"] == len(kz) and sum(b["events"] for b in agg["buckets"]) == len(kz),
              f"aggregates by {by}: {len(agg['buckets'])} buckets, total {agg['total']} = events listed")
    everything = cli_events({"limit": 0})
    for by in ["day", "country", "type"]:
        s, _, agg = get("/api/aggregates", {"by": by})
        check(s == 200 and agg["total"] == len(everything), f"aggregates by {by}, no filter (one GROUP BY): total {agg['total']}")
    s, _, agg = get("/api/aggregates", {"by": "day", "since": "2022-01-05", "until": "2022-01-06"})
    want = len(cli_events({"since": "2022-01-05", "until": "2022-01-06", "limit": 0}))
    check(s == 200 and agg["total"] == want, f"aggregates by day, dates only: {agg['total']} = {want}")
    s, _, days = get("/api/aggregates", {"by": "day", "country": "KZ", "since": "2022-01-02", "until": "2022-01-11"})
    keys = [b["key"] for b in days["buckets"]]
    check(keys == sorted(keys) and len(keys) >= 6, f"timeline days: {keys}")
    bucket_day = {b["key"]: b["events"] for b in days["buckets"]}
    listed = cli_events({"country": "KZ", "since": "2022-01-02", "until": "2022-01-11", "limit": 0})
    per_day = {}
    for e in listed:
        d = e["date"]["value"][:10]
        per_day[d] = per_day.get(d, 0) + 1
    check(per_day == bucket_day, "per-day counts = the CLI's events per day")

    # ---- figures over time, each with its articles
    s, _, fig = get("/api/figures", {"country": "KZ"})
    arrested = fig["series"]["arrested"]
    values = [p["value"] for p in arrested]
    check(s == 200 and len(arrested) >= 5 and values[-1] >= 9000, f"arrested over time: {[(p['day'], p['value']) for p in arrested]}")
    check(all(p["reports"] and p["reports"][0]["article"]["id"] and p["reports"][0]["value"] == p["value"] for p in arrested),
          "each figure cites its articles")
    check(len(fig["series"]["killed"]) >= 1 and len(fig["series"]["injured"]) >= 1,
          f"killed {[(p['day'], p['value']) for p in fig['series']['killed']]}, injured {[(p['day'], p['value']) for p in fig['series']['injured']]}")
    s, _, fig2 = get("/api/figures", {"kind": "detained", "country": "KZ"})
    check(fig2["kinds"] == ["arrested"] and fig2["series"]["arrested"] == arrested, "kind=detained is arrested")

    # ---- bad parameters: JSON errors with their status
    bad = [
        ("/api/events?contry=KZ", 400), ("/api/events?since=2022-13", 400), ("/api/events?since=yesterday", 400),
        ("/api/events?near=43.25,76.92", 400), ("/api/events?near=91,0,10", 400), ("/api/events?limit=abc", 400),
        ("/api/events?limit=0", 400), ("/api/events?limit=5000", 413), ("/api/events?offset=9999&limit=100", 413),
        ("/api/events?country=KZ&country=RU", 400), ("/api/events?country=Kazakhstan", 400),
        ("/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B--", 400),
        ("/api/events?type=%27%20OR%201%3D1--", 200), ("/api/events?q=%22%29%20OR%20%2A", 200),
        ("/api/aggregates?by=hour", 400), ("/api/aggregates?by=day&limit=5", 400), ("/api/figures?kind=happy", 400),
        ("/api/articles/doesnotexist0000", 404), ("/api/articles/a%2Fb", 400), ("/api/articles/..%2F..%2Fetc", 400),
        ("/api/articles?since=2022-1", 400), ("/api/nothing", 404), ("/api/stats?x=1", 400),
    ]
    for path, want in bad:
        s, ct, data = raw("GET", path)
        j = json.loads(data) if data else None
        good = s == want and ct.startswith("application/json") and isinstance(j, dict) and (want == 200 or "error" in j)
        check(good, f"GET {path} -> {s} {data[:90]!r}")
    s, _, j = get("/api/events", {"type": "' OR 1=1--"})
    check(j["count"] == 0, "a quote in a filter is a value, not SQL")
    s, _, stats2 = get("/api/stats")
    check(stats2["events"] == stats["events"], "the database is unchanged")

    # ---- aggregates and figures are kept while the database does not change, and only so
    def get_h(path):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        c.close()
        return r.getheader("X-Eventmill-Cache"), json.loads(body)
    q = "/api/aggregates?by=day&country=KZ"
    h1, a1 = get_h(q)
    h2, a2 = get_h(q)
    check(h2 == "hit" and a1 == a2, f"a repeated aggregate is answered from the cache ({h1}, {h2})")
    import os, tempfile
    with tempfile.TemporaryDirectory() as d:
        page = os.path.join(d, "late-report.txt")
        with open(page, "w") as f:
            f.write("Police detained 57 protesters in Aktau on January 12, 2022, the regional police said. "
                    "The protesters had gathered on the main square to demand the release of relatives. "
                    f"(report {time.time_ns()})\n")
        subprocess.run([em, "ingest", page, "--db", db, "--no-progress"], capture_output=True, check=True)
    h3, a3 = get_h(q)
    m1, m3 = sum(b["mentions"] for b in a1["buckets"]), sum(b["mentions"] for b in a3["buckets"])
    check(h3 is None and m3 > m1 and a3["buckets"][-1]["key"] == "2022-01-12",
          f"after an ingest the aggregate is computed again: mentions {m1} -> {m3}")

    # ---- methods, bodies, sizes
    s, ct, data = raw("POST", "/api/events", body=b"x=1", headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(s in (405, 413) and b"error" in data, f"POST -> {s} {data[:80]!r}")
    s, ct, data = raw("DELETE", "/api/events")
    check(s == 405 and b"error" in data, f"DELETE -> {s}")
    s, ct, data = raw("GET", "/api/events", body=b"x" * 100, headers={"Content-Length": "100"})
    check(s == 413 and b"error" in data, f"GET with a body -> {s}")
    s, ct, data = raw("GET", "/api/events?q=" + "a" * 9000)
    check(s == 414 and b"error" in data, f"9 KB URI -> {s}")
    s, ct, data = raw("HEAD", "/api/health")
    check(s == 200 and data == b"", "HEAD /api/health")

    # ---- the dashboard's files
    s, ct, data = raw("GET", "/")
    check(s == 200 and ct.startswith("text/html") and b"<" in data, f"/ -> {s} {ct}")
    s, ct, data = raw("GET", "/assets/app.js")
    check(s == 200 and ct.startswith("text/javascript"), f"/assets/app.js -> {s} {ct}")
    s, ct, data = raw("GET", "/article/123")
    check(s == 200 and ct.startswith("text/html"), f"client route /article/123 -> index.html ({s})")
    s, ct, data = raw("GET", "/assets/missing.js")
    check(s == 404 and b"error" in data, f"missing asset -> {s}")
    for p in ["/../../etc/passwd", "/assets/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
              "/assets/..%5c..%5cetc%5cpasswd"]:
        s, ct, data = raw("GET", p)
        check(s in (400, 404) and b"root:" not in data, f"traversal {p} -> {s}")
    # a slow client is cut off by the read timeout
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
    t0 = time.time()
    sock.settimeout(30)
    try:
        got = sock.recv(100)
    except OSError:
        got = b""
    sock.close()
    check(time.time() - t0 < 15, f"a client that stops mid-request is dropped after {time.time() - t0:.1f}s")
finally:
    server.terminate()
    try:
        rc = server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        rc = -1
check(rc == 0, f"SIGTERM stops the server cleanly (exit {rc})")
print(f"[{label}] " + ("all passed" if failures == 0 else f"{failures} failed"))
sys.exit(1 if failures else 0)
