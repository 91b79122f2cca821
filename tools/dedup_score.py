#!/usr/bin/env python3
"""Measures the dedup stage: which ingested reports end up sharing a distinct event.

  dedup_score.py pairs BIN REPORTS.jsonl [--db URL] [--min-precision P] [--min-recall R]
      Under-merging and over-merging on a set with a gold clustering: every JSONL record has an
      "id" and a "gold" event label. Ingests the set into a fresh SQLite file (or the PostgreSQL
      database --db names, which must be empty), then scores pairs of records: a pair is merged
      when the two records share a distinct event (events.cluster); it should be when their gold
      labels are equal. Prints pairwise precision and recall of merges and the pairs that differ.
      Then ingests the set again reversed, and in two runs (second half first), and checks that the
      distinct events (as sets of records) are the same.
  dedup_score.py overmerge BIN NOTES.jsonl
      Over-merging on records that are each a distinct event (ACLED notes): the share of records
      with events whose events share a distinct event with another record's. Exit 77 when the file
      is absent (a fresh clone has no ../shared).
Exit status 1 when a floor is missed.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from itertools import combinations


def ingest(binary, files, db):
    for f in files:
        r = subprocess.run([binary, "ingest", f, "--db", db, "--no-progress"], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"dedup_score: ingest of {f} failed ({r.returncode}): {r.stderr.strip()}")


def clusters_of(db):
    """record id -> set of distinct events its events belong to."""
    sql = "SELECT a.input_id, e.cluster FROM events e JOIN articles a ON a.seq = e.article_seq"
    out = defaultdict(set)
    if db.startswith("postgres"):
        r = subprocess.run(["psql", "-qAt", "-F", "\t", db, "-c", sql], capture_output=True, text=True, check=True)
        rows = [line.split("\t") for line in r.stdout.splitlines() if line]
    else:
        con = sqlite3.connect(db)
        rows = con.execute(sql).fetchall()
        con.close()
    for rid, cluster in rows:
        out[rid].add(cluster)
    return out


def partition(clusters):
    """The distinct events as frozensets of record ids (events of one record alone included)."""
    members = defaultdict(set)
    for rid, cs in clusters.items():
        for c in cs:
            members[c].add(rid)
    return sorted(sorted(m) for m in members.values())


def merged_pairs(clusters):
    by_cluster = defaultdict(set)
    for rid, cs in clusters.items():
        for c in cs:
            by_cluster[c].add(rid)
    pairs = set()
    for rids in by_cluster.values():
        for a, b in combinations(sorted(rids), 2):
            pairs.add((a, b))
    return pairs


def fresh_db(tmp, name, pg_url):
    if pg_url:
        admin = pg_url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", "-q", admin, "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"],
                       check=True, capture_output=True)
        return pg_url.rsplit("/", 1)[0] + "/" + name
    return os.path.join(tmp, name + ".db")


def run_pairs(args):
    records = [json.loads(l) for l in open(args.file) if l.strip()]
    gold = {r["id"]: r["gold"] for r in records}
    gold_pairs = {(a, b) for a, b in combinations(sorted(gold), 2) if gold[a] == gold[b]}
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(tmp, "dedup_in_order", args.db)
        ingest(args.binary, [args.file], db)
        clusters = clusters_of(db)
        pred = merged_pairs(clusters)
        tp = len(pred & gold_pairs)
        precision = tp / len(pred) if pred else 1.0
        recall = tp / len(gold_pairs) if gold_pairs else 1.0
        print(f"dedup pairs: records {len(records)} with events {len(clusters)}; gold merged pairs {len(gold_pairs)}, "
              f"merged {len(pred)}, both {tp}")
        print(f"dedup pairs: precision {precision:.3f} recall {recall:.3f}")
        for a, b in sorted(pred - gold_pairs):
            print(f"  over-merged: {a} + {b}")
        for a, b in sorted(gold_pairs - pred):
            why = "" if a in clusters and b in clusters else " (no event in " + " ".join(x for x in (a, b) if x not in clusters) + ")"
            print(f"  not merged: {a} + {b}{why}")
        failed = precision < args.min_precision or recall < args.min_recall
        # Order and runs: the same distinct events, whatever the order and however many runs.
        want = partition(clusters)
        rev = os.path.join(tmp, "reversed.jsonl")
        with open(rev, "w") as f:
            for r in reversed(records):
                f.write(json.dumps(r) + "\n")
        half = len(records) // 2
        first, second = os.path.join(tmp, "first.jsonl"), os.path.join(tmp, "second.jsonl")
        with open(first, "w") as f:
            for r in records[half:]:
                f.write(json.dumps(r) + "\n")
        with open(second, "w") as f:
            for r in records[:half]:
                f.write(json.dumps(r) + "\n")
        for name, files in (("reversed", [rev]), ("two_runs", [first, second])):
            db2 = fresh_db(tmp, "dedup_" + name, args.db)
            ingest(args.binary, files, db2)
            got = partition(clusters_of(db2))
            same = got == want
            print(f"dedup pairs: {name}: {'same distinct events' if same else 'OTHER distinct events'}")
            if not same:
                for g in got:
                    if g not in want:
                        print(f"  {name} has {g}")
                for w in want:
                    if w not in got:
                        print(f"  in order has {w}")
                failed = True
    if failed:
        print(f"dedup pairs: FAILED (floors: precision {args.min_precision}, recall {args.min_recall}, same in any order)")
        return 1
    return 0


def run_overmerge(args):
    if not os.path.exists(args.file):
        print(f"dedup overmerge: {args.file} absent, skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "notes.db")
        ingest(args.binary, [args.file], db)
        clusters = clusters_of(db)
        pairs = merged_pairs(clusters)
        shared = {r for p in pairs for r in p}
        share = len(shared) / len(clusters) if clusters else 0.0
        print(f"dedup overmerge: {len(shared)} of {len(clusters)} records with events share a distinct event "
              f"with another record: {share:.4f}")
        for a, b in sorted(pairs)[: args.show]:
            print(f"  merged: {a} + {b}")
    if share > args.max_share:
        print(f"dedup overmerge: FAILED (ceiling {args.max_share})")
        return 1
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["pairs", "overmerge"])
    p.add_argument("binary")
    p.add_argument("file")
    p.add_argument("--db", default="", help="a postgresql:// URL whose server may hold scratch databases")
    p.add_argument("--min-precision", type=float, default=0.0)
    p.add_argument("--min-recall", type=float, default=0.0)
    p.add_argument("--max-share", type=float, default=1.0)
    p.add_argument("--show", type=int, default=20)
    args = p.parse_args()
    sys.exit(run_pairs(args) if args.mode == "pairs" else run_overmerge(args))


if __name__ == "__main__":
    main()
