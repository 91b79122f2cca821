#!/usr/bin/env python3
"""A full-text check of extraction on news and magazine articles, scored as the held-out benchmark is.

    python3 bench/extract_fulltext_check.py OUTPUT.jsonl [OTHER.jsonl ...] [--verbose] [--expected DIR]
    python3 bench/extract_fulltext_check.py --jsonld PAGES_DIR OUTPUT.jsonl [--verbose]

bench/fulltext/NNNN.txt holds, for dev-set page ../shared/devsets/extraction/trafilatura/pages/NNNN.html,
the article's full main text written by hand from the page (README.md there says what goes in).
Each OUTPUT line (eventmill's JSON, or a peer's in the same shape) is paired with its page by the base
name of `source`; a page without a line counts as an empty extraction. Per page, word 4-gram shingles
(tokens are runs of word characters, case kept) of the expected and the extracted text give tp, fp and
fn, normalised by their sum; precision and recall are the means over the pages where they are defined
(tp+fp > 0, tp+fn > 0), F1 their harmonic mean: the article-extraction benchmark's own arithmetic, as
in ../shared/eval/extraction_score.py shingles. Several outputs are scored side by side (eventmill and
Readability.js, or two builds); --verbose lists every page, worst first.
Groups: the files of bench/fulltext/ are the 'tuned' group (the rules were made looking at them); each
subdirectory is a group reported on its own: fresh/ holds texts written after the rules, from sites and
templates the tuned group lacks, kept as a check on overfitting (fresh/README.md).

--jsonld: the older, rougher check: pages that carry their article whole in JSON-LD `articleBody`
(80 words or more) give the reference text. articleBody is the publisher's own copy and may lack the
standfirst or carry text the page does not show: a trend between two runs, not a score.
"""
import html
import json
import os
import re
import sys
from collections import Counter

WORD = re.compile(r'\w+', re.UNICODE)
LD = re.compile(r'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', re.S | re.I)
HERE = os.path.dirname(os.path.abspath(__file__))


def key_of(path):
    base = os.path.basename(str(path).split('#')[0])
    for ext in ('.gz', '.html', '.htm', '.txt'):
        if base.endswith(ext):
            base = base[:-len(ext)]
    return base


def load_output(path):
    texts = {}
    for line in open(path, encoding='utf-8'):
        if line.strip():
            r = json.loads(line)
            texts[key_of(r.get('source') or '')] = r.get('text') or ''
    return texts


def shingles(text, n=4):
    toks = WORD.findall(text or '')
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def prf(gold, pred):
    """Normalised (tp, fp, fn) of one page, as the benchmark computes them."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def page_scores(tp, fp, fn):
    if fp == fn == 0:
        return 1.0, 1.0
    pr = tp / (tp + fp) if tp + fp > 0 else None
    rc = tp / (tp + fn) if tp + fn > 0 else None
    return pr, rc


def summarise(rows):
    precs = [pr for pr, _ in rows if pr is not None]
    recs = [rc for _, rc in rows if rc is not None]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_groups(expected_dir):
    """{group: {page key: expected text}}: the files in expected_dir are the 'tuned' group, each
    subdirectory (fresh/) a group of its own, reported on its own."""
    groups = {}
    for root, _, files in sorted(os.walk(expected_dir)):
        rel = os.path.relpath(root, expected_dir)
        name = 'tuned' if rel == '.' else rel.replace(os.sep, '/')
        texts = {key_of(f): open(os.path.join(root, f), encoding='utf-8').read()
                 for f in sorted(files) if f.endswith('.txt')}
        if texts:
            groups[name] = texts
    return groups


def fulltext(outputs, expected_dir, verbose):
    groups = load_groups(expected_dir)
    if not groups:
        print('no expected texts in %s' % expected_dir)
        return 1
    runs = [(os.path.basename(o), load_output(o)) for o in outputs]
    f1 = lambda s: 0.0 if s[0] is None or s[1] is None or s[0] + s[1] == 0 else 2 * s[0] * s[1] / (s[0] + s[1])
    for group, gold in groups.items():
        table = {}
        for name, texts in runs:
            table[name] = {k: page_scores(*prf(g, texts.get(k, ''))) for k, g in gold.items()}
        if verbose:
            first = runs[0][0]
            print('[%s] page  ' % group + '  '.join('%-24s' % n[:24] for n, _ in runs))
            for k in sorted(gold, key=lambda k: f1(table[first][k])):
                cells = []
                for name, _ in runs:
                    pr, rc = table[name][k]
                    cells.append('%-24s' % ('P=%s R=%s' % ('%.2f' % pr if pr is not None else '--',
                                                            '%.2f' % rc if rc is not None else '--')))
                print('%s  %s' % (k, '  '.join(cells)))
        for name, _ in runs:
            p, r, f = summarise(list(table[name].values()))
            print('[%s] %s: pages=%d precision=%.3f recall=%.3f f1=%.3f' % (group, name, len(gold), p, r, f))
    return 0


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


def jsonld(pages, out, verbose):
    texts = load_output(out)
    rows = []
    for f in sorted(os.listdir(pages)):
        body = body_of(os.path.join(pages, f))
        if not body or len(WORD.findall(body)) < 80:
            continue
        rows.append((page_scores(*prf(body, texts.get(key_of(f), ''))), f))
    if not rows:
        print('no page with a JSON-LD articleBody')
        return 1
    if verbose:
        for (pr, rc), f in sorted(rows, key=lambda x: min(x[0][0] or 0, x[0][1] or 0))[:20]:
            print('  %s precision=%.2f recall=%.2f' % (f, pr or 0, rc or 0))
    p, r, f = summarise([s for s, _ in rows])
    print('pages=%d precision=%.3f recall=%.3f f1=%.3f' % (len(rows), p, r, f))
    return 0


def main(argv):
    verbose = '--verbose' in argv
    expected_dir = os.path.join(HERE, 'fulltext')
    args = []
    it = iter(argv)
    for a in it:
        if a == '--expected':
            expected_dir = next(it, expected_dir)
        elif not a.startswith('--'):
            args.append(a)
    if '--jsonld' in argv:
        if len(args) != 2:
            print(__doc__)
            return 2
        return jsonld(args[0], args[1], verbose)
    if not args:
        print(__doc__)
        return 2
    return fulltext(args, expected_dir, verbose)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
