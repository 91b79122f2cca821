#!/usr/bin/env python3
"""Checks that a document's output does not depend on the documents read before it.

`eventmill code --threads 1` over a JSONL file of N records must give for each record exactly
what a run on that record alone gives: nothing a stage keeps from one document to the next
(scratch memory, caches) may change a result. Fields that are cross-document by contract
(spec/OUTPUT.md) are ignored: `source` (the record's number in its file) and `duplicate_of`
(dedup against earlier articles of the run).

usage: tools/doc_independence.py EVENTMILL ARTICLES.jsonl [--limit N] [--skip K]
Exits 1 and prints the first differing fields when a document differs.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

CROSS_DOCUMENT = ("source", "duplicate_of")


def run(eventmill, path):
    out = subprocess.run([eventmill, "code", "--format", "json", "--threads", "1", path],
                         check=False, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{path}: eventmill exited {out.returncode}: {out.stderr.strip()[:300]}")
    return [json.loads(line) for line in out.stdout.split("\n") if line.strip()]


def strip(doc):
    return {k: v for k, v in doc.items() if k not in CROSS_DOCUMENT}


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {json.dumps(a)[:200]} != {json.dumps(b)[:200]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'batch' if k in a else 'alone'}"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} items in the batch run, {len(b)} alone"
        return None
    return None if a == b else f"{path}: {json.dumps(a)[:200]} != {json.dumps(b)[:200]}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eventmill")
    ap.add_argument("articles")
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--skip", type=int, default=0)
    args = ap.parse_args()
    if not os.path.exists(args.articles):
        print(f"skipped: {args.articles} absent")
        return 0
    with open(args.articles, encoding="utf-8") as f:
        records = [line for line in f.read().split("\n") if line.strip()][args.skip:args.skip + args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        batch_path = os.path.join(tmp, "batch.jsonl")
        with open(batch_path, "w", encoding="utf-8") as f:
            f.write("\n".join(records) + "\n")
        batch = run(args.eventmill, batch_path)
        if len(batch) != len(records):
            sys.exit(f"batch run gave {len(batch)} documents for {len(records)} records")
        differing = 0
        for i, record in enumerate(records):
            one = os.path.join(tmp, f"doc{i}.jsonl")
            with open(one, "w", encoding="utf-8") as f:
                f.write(record + "\n")
            alone = run(args.eventmill, one)
            d = first_difference(strip(batch[i]), strip(alone[0]))
            if d:
                differing += 1
                print(f"record {args.skip + i + 1} ({batch[i].get('input_id', '?')}): {d}")
    print(f"{len(records) - differing}/{len(records)} documents identical in the batch run and alone")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
