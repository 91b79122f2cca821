#!/usr/bin/env python3
"""The trigger lexicon against WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet).

  python3 tools/wordnet_lexicon.py check              irregular forms WordNet knows for the {lemma}
                                                      verbs of data/patterns that irregular_verbs.tsv
                                                      lacks (exit 1 when any is missing)
  python3 tools/wordnet_lexicon.py propose LEMMA...   synonyms of each verb lemma (WordNet synsets)
                                                      that no pattern names yet: candidates to read
                                                      and decide on, never added by themselves

Read at lexicon build time only (the coder never opens WordNet): `check` runs in the tests when
WordNet is installed. Each proposal is a decision: keep it in a pattern file with a validation
record, or leave it.
"""
import glob, os, re, sys

WN = os.environ.get('WORDNET_DIR', '/usr/share/wordnet')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
PATTERNS = os.path.join(ROOT, 'data', 'patterns')


def pattern_lemmas():
    lemmas = set()
    for path in glob.glob(os.path.join(PATTERNS, '*.patterns')) + glob.glob(os.path.join(PATTERNS, '*.cues')):
        for line in open(path, encoding='utf-8'):
            if line.startswith('#'):
                continue
            for group in re.findall(r'\{([^}]*)\}', line):
                lemmas.update(w for w in group.split('|') if w and ' ' not in w)
    return lemmas


def pattern_words():
    words = set()
    for path in glob.glob(os.path.join(PATTERNS, '*.patterns')):
        for line in open(path, encoding='utf-8'):
            if not line.startswith('#'):
                words.update(re.findall(r"[a-z][a-z'-]*", line.split(';')[0].lower()))
    return words


def irregular_table():
    known = {}
    for line in open(os.path.join(PATTERNS, 'irregular_verbs.tsv'), encoding='utf-8'):
        f = line.split()
        if f and not line.startswith('#'):
            known[f[0]] = {w for x in f[1:] for w in x.split('|')}
    return known


def wordnet_exceptions():
    """verb.exc: 'form lemma' lines -> lemma -> irregular forms."""
    forms = {}
    for line in open(os.path.join(WN, 'verb.exc'), encoding='utf-8'):
        f = line.split()
        if len(f) >= 2 and '_' not in f[0]:
            forms.setdefault(f[1], set()).add(f[0])
    return forms


def regular(lemma):
    """The forms the coder's Inflector makes by rule (approximately: -s, -ed, -ing)."""
    out = {lemma, lemma + 's', lemma + 'es', lemma + 'ed', lemma + 'd', lemma + 'ing'}
    if lemma.endswith('e'):
        out |= {lemma[:-1] + 'ing', lemma + 'd'}
    if lemma.endswith('y'):
        out |= {lemma[:-1] + 'ied', lemma[:-1] + 'ies'}
    if re.search(r'[^aeiou][aeiou][bdgklmnprt]$', lemma):
        out |= {lemma + lemma[-1] + 'ed', lemma + lemma[-1] + 'ing'}
    return out


def check():
    known, exc = irregular_table(), wordnet_exceptions()
    missing = 0
    for lemma in sorted(pattern_lemmas()):
        wn = {f for f in exc.get(lemma, set()) if f not in regular(lemma) and not f.endswith('ing')}
        have = known.get(lemma, set())
        lack = sorted(wn - have)
        if lack:
            missing += 1
            print('%s: WordNet has %s, irregular_verbs.tsv has %s' % (lemma, ' '.join(lack), ' '.join(sorted(have)) or '-'))
    print('%d pattern lemmas, %d with irregular forms missing' % (len(pattern_lemmas()), missing))
    return 1 if missing else 0


def synsets_of(lemma):
    offsets = []
    for line in open(os.path.join(WN, 'index.verb'), encoding='utf-8'):
        if line.startswith(lemma + ' '):
            f = line.split()
            n_ptr = int(f[3])
            offsets = f[4 + n_ptr + 2:]
            break
    return offsets


def propose(lemmas):
    have = pattern_words() | pattern_lemmas()
    data = open(os.path.join(WN, 'data.verb'), encoding='utf-8').read()
    for lemma in lemmas:
        seen = []
        for off in synsets_of(lemma):
            i = data.find('\n' + off + ' ')
            if i < 0:
                continue
            f = data[i + 1:data.find('\n', i + 1)].split()
            n = int(f[3], 16)
            gloss = data[i + 1:data.find('\n', i + 1)].split('|', 1)[-1].strip()
            words = [f[4 + 2 * k].lower() for k in range(n)]
            new = [w.replace('_', ' ') for w in words if w not in have and w != lemma]
            if new:
                seen.append('  %s  (%s)' % (', '.join(new), gloss[:70]))
        print('%s:\n%s' % (lemma, '\n'.join(seen) if seen else '  (nothing new)'))
    return 0


if __name__ == '__main__':
    if not os.path.exists(os.path.join(WN, 'verb.exc')):
        print('wordnet_lexicon: WordNet not found in %s (apt-get install wordnet-base)' % WN)
        sys.exit(77)
    if len(sys.argv) >= 2 and sys.argv[1] == 'check':
        sys.exit(check())
    if len(sys.argv) >= 3 and sys.argv[1] == 'propose':
        sys.exit(propose(sys.argv[2:]))
    print(__doc__)
    sys.exit(2)
