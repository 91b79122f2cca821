#!/usr/bin/env python3
"""Generates documents in the output contract's JSON (as `eventmill code --format json` prints them)
for the store tests: articles with coded events, and rewritten copies of some of them (other site,
other title, changed boilerplate, trimmed ending) that the store must link by duplicate_of.

usage: store_corpus.py N [--seed S] [--copies K] [--expect FILE]
  N articles on stdout (JSONL), K of them followed by a rewritten copy (default N // 5);
  --expect writes what the store must find: originals, copies, events per country/type/day.
"""
import argparse, hashlib, json, random, sys

PLACES = [  # name, country, admin1, lat, lon, geonameid
    ("Almaty", "KZ", "Almaty City", 43.25, 76.92, 1526384),
    ("Nur-Sultan", "KZ", "Nur-Sultan City", 51.18, 71.45, 1526273),
    ("Aktobe", "KZ", "Aktobe Region", 50.28, 57.17, 610611),
    ("Bishkek", "KG", "Bishkek City", 42.87, 74.59, 1528675),
    ("Tashkent", "UZ", "Tashkent City", 41.26, 69.22, 1512569),
    ("Tbilisi", "GE", "Tbilisi", 41.69, 44.83, 611717),
    ("Yerevan", "AM", "Yerevan", 40.18, 44.51, 616052),
    ("Minsk", "BY", "Minsk City", 53.90, 27.57, 625144),
]
ALPHA3 = {"KZ": "KAZ", "KG": "KGZ", "UZ": "UZB", "GE": "GEO", "AM": "ARM", "BY": "BLR"}
TYPES = [  # cameo, root, quad, goldstein, plover, mode, acled type, sub-type, sentence template, source role, target role, count kind
    ("173", "17", 4, -5.0, "COERCE", "arrest", "Strategic developments", "Arrests",
     "Police detained {n} protesters in {city} on {day}.", "COP", "PRO", "detained"),
    ("145", "14", 3, -7.0, "PROTEST", "demonstrate", "Riots", "Violent demonstration",
     "About {n} protesters clashed with police in {city} on {day}.", "PRO", "COP", "participants"),
    ("141", "14", 3, -6.5, "PROTEST", "demonstrate", "Protests", "Peaceful protest",
     "Some {n} people rallied peacefully in central {city} on {day}.", "CVL", "GOV", "participants"),
    ("190", "19", 4, -10.0, "ASSAULT", "", "Battles", "Armed clash",
     "Security forces fought gunmen near {city} on {day}, leaving {n} people dead.", "MIL", "REB", "killed"),
]
ROLE_NAMES = {"COP": "police", "PRO": "protesters", "CVL": "residents", "GOV": "the government",
              "MIL": "security forces", "REB": "gunmen"}
FILLER = [
    "Officials said the situation was under control.", "Witnesses described long queues at petrol stations.",
    "The interior ministry did not comment on the reports.", "Internet access was cut for several hours.",
    "Shops in the centre stayed closed for a second day.", "Residents said they heard gunfire overnight.",
    "The opposition called for talks with the authorities.", "Prices of liquefied gas had doubled since January.",
    "Several journalists were briefly held and then released.", "The airport resumed flights in the afternoon.",
    "Banks limited cash withdrawals until further notice.", "Regional leaders urged calm in televised remarks.",
]
VOCAB = ("calm tense cold quiet busy grey long late early crowd square bridge station road river tower "
         "morning evening night winter snow wind smoke fire glass door street corner market bus tram car "
         "voice song flag sign banner drum phone camera light shadow").split()
SITES = ["World Daily Wire", "Steppe Times", "Caucasus Courier", "Eurasia Monitor", "Daily Ledger"]


def actor(country, role, text):
    return {"text": text, "span": [0, 0], "code": ALPHA3[country] + role, "country": country, "role": role,
            "name": ""}


def article(rng, i, seed):
    place = rng.choice(PLACES)
    name, country, admin1, lat, lon, gid = place
    t = rng.choice(TYPES)
    day = "2022-01-%02d" % rng.randint(1, 28)
    rng.randint(2, 900)
    # Reports of one event (type, place, day) give one figure: other figures would be other events.
    n = 2 + int(hashlib.sha1(("%s|%s|%s" % (t[0], name, day)).encode()).hexdigest(), 16) % 899
    lead = t[8].format(n=n, city=name, day="January %d" % int(day[-2:]))
    fill = rng.sample(FILLER, 6)
    unique = "Reporter note %d-%d: %s." % (seed, i, " ".join(rng.choice(VOCAB) for _ in range(45)))
    paragraphs = [lead + " " + fill[0], fill[1] + " " + fill[2] + " " + unique, fill[3] + " " + fill[4], fill[5]]
    text = "\n\n".join(paragraphs)
    site = rng.choice(SITES)
    url = "https://%s.example/%d/%d" % (site.lower().replace(" ", "-"), seed, i)
    evidence = [0, len(lead.encode())]
    src, tgt = t[9], t[10]
    ev = {
        "id": "e%d-%d" % (seed, i), "cameo": t[0], "cameo_root": t[1], "quad_class": t[2], "goldstein": t[3],
        "plover": t[4], "plover_mode": t[5], "acled": {"event_type": t[6], "sub_event_type": t[7]},
        "source": actor(country, src, ROLE_NAMES[src]), "target": actor(country, tgt, ROLE_NAMES[tgt]),
        "location": {"name": name, "country": country, "admin1": admin1, "lat": lat, "lon": lon,
                     "geonameid": gid, "precision": "city", "span": [0, 0]},
        "date": {"value": day, "precision": "day", "basis": "explicit"},
        "counts": [{"kind": t[11], "value": n, "qualifier": "exact", "who": "people", "text": "%d people" % n,
                    "span": [0, 0]}],
        "modality": "asserted", "evidence": {"span": evidence, "sentence": lead}, "confidence": 0.8,
    }
    return {
        "id": hashlib.sha1(url.encode()).hexdigest()[:16], "source": "corpus/%d/%d.html" % (seed, i),
        "url": url, "canonical_url": url, "title": "%s: %s" % (name, t[7]), "published": day + "T12:00:00Z",
        "language": "en", "site_name": site, "authors": ["Desk"], "attributed_sources": [],
        "text": text,
        "entities": [{"type": "PLACE", "text": name, "span": [0, 0], "canonical": name, "role": "",
                      "place": ev["location"]}],
        "quotes": [], "counts": ev["counts"], "events": [ev], "duplicate_of": None,
    }


def rewrite(rng, doc, seed, i):
    """The same wire story on another site: other title, other boilerplate, ending trimmed."""
    paragraphs = doc["text"].split("\n\n")
    kept = paragraphs[:-1]  # trimmed ending
    text = "\n\n".join(["Breaking news from our partners"] + kept +
                        ["Share this article. Subscribe to our newsletter. Source link"])
    site = "Mirror %d" % rng.randint(1, 9)
    url = "https://mirror-%d.example/copy/%d/%d" % (rng.randint(1, 9), seed, i)
    lead_shift = len(("Breaking news from our partners\n\n").encode())
    ev = json.loads(json.dumps(doc["events"][0]))
    ev["id"] = "c%d-%d" % (seed, i)
    ev["evidence"]["span"] = [lead_shift + ev["evidence"]["span"][0], lead_shift + ev["evidence"]["span"][1]]
    copy = dict(doc, id=hashlib.sha1(url.encode()).hexdigest()[:16], source="corpus/%d/copy-%d.html" % (seed, i),
                url=url, canonical_url=url, title="Unrest: " + doc["title"].upper(), site_name=site, text=text,
                events=[ev])
    return copy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copies", type=int, default=None)
    ap.add_argument("--expect")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    copies = a.n // 5 if a.copies is None else a.copies
    copy_of = set(rng.sample(range(a.n), min(copies, a.n)))
    expect = {"originals": [], "copies": {}, "events": []}
    out = sys.stdout
    for i in range(a.n):
        doc = article(rng, i, a.seed)
        out.write(json.dumps(doc) + "\n")
        expect["originals"].append(doc["id"])
        ev = doc["events"][0]
        expect["events"].append({"country": ev["location"]["country"], "cameo": ev["cameo"],
                                 "cameo_root": ev["cameo_root"], "day": ev["date"]["value"],
                                 "source": ev["source"]["code"], "lat": ev["location"]["lat"],
                                 "lon": ev["location"]["lon"], "articles": 2 if i in copy_of else 1,
                                 "article": doc["id"]})
        if i in copy_of:
            c = rewrite(rng, doc, a.seed, i)
            out.write(json.dumps(c) + "\n")
            expect["copies"][c["id"]] = doc["id"]
    if a.expect:
        with open(a.expect, "w") as f:
            json.dump(expect, f)


if __name__ == "__main__":
    main()
