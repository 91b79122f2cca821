#!/usr/bin/env python3
"""A neutral dump of a page's text blocks, for writing expected full texts by hand (bench/fulltext).

    python3 bench/fulltext_dump.py PAGE.html [--all]          numbered blocks with their element path
    python3 bench/fulltext_dump.py PAGE.html --pick 'SPEC'   the chosen blocks as an expected text

Every run of text between two block boundaries (the start or end of a block element, <br> counts as
a line break inside the block) is one numbered block, in document order, with the last elements of its
path (tag.class#id) so that the reader can see where it stands. Nothing is scored, weighed or dropped
except script, style, template, svg and the <head>: the choice is the reader's. Blocks under 2
characters are left out of the listing unless --all.

SPEC picks blocks: '12-40 44 51-60 -33 -35' (ranges and single blocks; a leading '-' drops one);
'+' joins a block to the one before into one paragraph ('12+13'). The picked blocks are printed one
paragraph each, separated by blank lines, as bench/fulltext/README.md wants them.
"""
import html.parser
import re
import sys

BLOCK = set('address article aside blockquote body center dd details dialog dir div dl dt fieldset '
            'figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav '
            'ol p pre section summary table tbody td tfoot th thead tr ul caption option select '
            'textarea button iframe noscript'.split())
SKIP = set('script style template svg head'.split())
VOID = set('area base br col embed hr img input link meta param source track wbr'.split())
WS = re.compile(r'\s+')


class Dumper(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, label)
        self.skip = 0
        self.buf = []
        self.blocks = []         # (path, text)

    def label(self, tag, attrs):
        d = dict(attrs)
        s = tag
        if d.get('class'):
            s += '.' + '.'.join(d['class'].split()[:2])
        if d.get('id'):
            s += '#' + d['id'][:30]
        return s

    def flush(self):
        text = WS.sub(' ', ''.join(self.buf)).strip()
        self.buf = []
        if text:
            path = ' > '.join(l for t, l in self.stack if t in BLOCK or t in ('a',))[-160:]
            self.blocks.append((path, text))

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            if tag not in VOID:
                self.skip += 1
                self.stack.append((tag, tag))
            return
        if self.skip:
            if tag not in VOID:
                self.stack.append((tag, tag))
            return
        if tag == 'br':
            self.buf.append(' \u21b5 ')
            return
        if tag in BLOCK:
            self.flush()
        if tag not in VOID:
            self.stack.append((tag, self.label(tag, attrs)))

    def handle_startendtag(self, tag, attrs):
        if tag == 'br' and not self.skip:
            self.buf.append(' \u21b5 ')

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.stack):
            return
        if not self.skip and (tag in BLOCK):
            self.flush()
        while self.stack:
            t, _ = self.stack.pop()
            if t in SKIP:
                self.skip -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def read(path):
    raw = open(path, 'rb').read()
    m = re.search(rb'charset=["\']?([\w-]+)', raw[:4000])
    enc = m.group(1).decode() if m else 'utf-8'
    try:
        return raw.decode(enc, 'replace')
    except LookupError:
        return raw.decode('utf-8', 'replace')


def blocks_of(path):
    d = Dumper()
    d.feed(read(path))
    d.flush()
    return d.blocks


def pick(blocks, spec):
    chosen, dropped = [], set()
    for tok in spec.split():
        if tok.startswith('-') and tok[1:].isdigit():
            dropped.add(int(tok[1:]))
            continue
        parts = tok.split('+')
        group = []
        for p in parts:
            a, _, b = p.partition('-')
            group.extend(range(int(a), int(b or a) + 1))
        chosen.append((group, len(parts) > 1))
    out = []
    for group, joined in chosen:
        for i, n in enumerate(group):
            if n in dropped or n >= len(blocks):
                continue
            text = blocks[n][1].replace(' \u21b5 ', '\n').replace('\u21b5', '\n')
            text = '\n'.join(WS.sub(' ', l).strip() for l in text.split('\n') if l.strip())
            if joined and i > 0 and out:
                out[-1] += ' ' + text
            else:
                out.append(text)
    return '\n\n'.join(out) + '\n'


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    blocks = blocks_of(argv[0])
    if '--pick' in argv:
        spec = argv[argv.index('--pick') + 1]
        sys.stdout.write(pick(blocks, spec))
        return 0
    show_all = '--all' in argv
    for i, (path, text) in enumerate(blocks):
        if len(text) < 2 and not show_all:
            continue
        print('%4d [%s] %s' % (i, path[-90:], text))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
