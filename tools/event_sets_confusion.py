#!/usr/bin/env python3
"""Per-class confusion of eventmill on the labelled event sets (for the developer's own analysis).

  python3 tools/event_sets_confusion.py BIN DIR SET [--errors N] [--label GOLD]

SET is case2021, acled or plover. Runs `BIN code DIR/FILE --format json` and prints, per gold label,
how often the top event (highest confidence, as the official scorer takes it) had each system label.
`--errors N` prints N record ids with gold, system label and the pattern that fired (never the text:
read it in DIR). The records stay in DIR; nothing is written into the repository.
"""
import argparse, collections, json, os, subprocess

FILES = {'case2021': 'case2021-task2', 'acled': 'acled-notes', 'plover': 'plover-gsr'}


def top(doc):
    evs = (doc or {}).get('events') or []
    return max(evs, key=lambda e: e.get('confidence') or 0) if evs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('binary')
    ap.add_argument('dir')
    ap.add_argument('set', choices=FILES)
    ap.add_argument('--errors', type=int, default=0)
    ap.add_argument('--label', default=None)
    ap.add_argument('--text', action='store_true', help='print record texts on screen (never into the repo)')
    a = ap.parse_args()
    path = os.path.join(a.dir, FILES[a.set] + '.jsonl')
    recs = [json.loads(l) for l in open(path) if l.strip()]
    out = subprocess.run([a.binary, 'code', path, '--format', 'json', '--explain'], capture_output=True,
                         text=True).stdout
    docs = {}
    for line in out.splitlines():
        if line.strip():
            d = json.loads(line)
            docs[d.get('input_id')] = d
    conf = collections.defaultdict(collections.Counter)
    errs = []
    for r in recs:
        g = r['gold']
        d = docs.get(r['id'])
        e = top(d)
        if a.set == 'case2021':
            gold = g['acled_sub_event_type'] or g['label']
            sysl = ((e or {}).get('acled') or {}).get('sub_event_type') or 'NONE'
            if not g['acled_sub_event_type'] and any((x.get('acled') or {}).get('event_type')
                                                     for x in (d or {}).get('events') or []):
                sysl = 'POLITICAL:' + sysl
        elif a.set == 'acled':
            gold = g['sub_event_type']
            sysl = ((e or {}).get('acled') or {}).get('sub_event_type') or 'NONE'
        else:
            gold = g['plover_current']
            evs = (d or {}).get('events') or []
            ok = any(x.get('plover') == gold or x.get('cameo_root') in (g['cameo_root_any'] or []) for x in evs)
            sysl = 'OK' if ok else ','.join(sorted({x.get('plover') or ('c' + (x.get('cameo') or '')) for x in evs})) or 'NONE'
        conf[gold][sysl] += 1
        if gold != sysl and sysl != 'OK' and (not a.label or a.label == gold):
            errs.append((r['id'], gold, sysl, (e or {}).get('cameo'), (e or {}).get('pattern'),
                         r['text'] if a.text else ''))
    for gold, c in sorted(conf.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(c.values())
        ok = c.get(gold, 0) + c.get('OK', 0)
        print('%-40s n=%-4d ok=%.2f  %s' % (gold[:40], n, ok / n, ', '.join('%s:%d' % kv for kv in c.most_common(6))))
    for x in errs[:a.errors]:
        print(' | '.join(str(v) for v in x))


if __name__ == '__main__':
    main()
