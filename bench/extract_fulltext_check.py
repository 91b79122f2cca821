#!/usr/bin/env python3
"""A full-text check of extraction, for recall and precision beyond the dev set's snippets.

    python3 bench/extract_fulltext_check.py PAGES_DIR OUTPUT.jsonl [--verbose]

Pages that carry their article whole in JSON-LD `articleBody` (80 words or more, tags stripped)
give a reference text; each is compared with eventmill's `text` for that page (paired by the
base name of `source`) by word 4-gram shingles, case-folded, precision and recall per page and
averaged over pages, as the held-out benchmark scores (../shared/eval/extraction_score.py
shingles). articleBody is the publisher's own copy: it may lack the standfirst or carry text the
page does not show, so read the figure as a trend between two runs, not as a score.
"""
import html
import json
import os
import re
import sys
from collections import Counter

WORD = re.compile(r'\w+', re.UNICODE)
LD = re.compile(r'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', re.S | re.I)


def find_body(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == 'articleBody' and isinstance(v, str):
                return v
            r = find_body(v)
            if r:
                return r
    elif isinstance(o, list):
        for v in o:
            r = find_body(v)
            if r:
                return r
    return None


def body_of(path):
    raw = open(path, 'rb').read().decode('utf-8', 'replace')
    for m in LD.finditer(raw):
        try:
            o = json.loads(m.group(1).strip())
        except ValueError:
            continue
        b = find_body(o)
        if b:
            return html.unescape(re.sub(r'<[^>]+>', ' ', b))
    return None


def shingles(text, n=4):
    toks = [w.lower() for w in WORD.findall(text or '')]
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    if len(args) != 2:
        print(__doc__)
        return 2
    pages, out = args
    texts = {}
    for line in open(out, encoding='utf-8'):
        if line.strip():
            r = json.loads(line)
            texts[os.path.basename(r.get('source') or '').split('.')[0]] = r.get('text') or ''
    precs, recs, rows = [], [], []
    for f in sorted(os.listdir(pages)):
        body = body_of(os.path.join(pages, f))
        if not body or len(WORD.findall(body)) < 80:
            continue
        g, p = shingles(body), shingles(texts.get(f.split('.')[0], ''))
        tp = sum((g & p).values())
        fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        precs.append(pr)
        recs.append(rc)
        rows.append((min(pr, rc), pr, rc, f))
    if not rows:
        print('no page with a JSON-LD articleBody')
        return 1
    if '--verbose' in argv:
        for _, pr, rc, f in sorted(rows)[:20]:
            print('  %s precision=%.2f recall=%.2f' % (f, pr, rc))
    p, r = sum(precs) / len(precs), sum(recs) / len(recs)
    print('pages=%d precision=%.3f recall=%.3f f1=%.3f' % (len(rows), p, r, 2 * p * r / (p + r) if p + r else 0))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
