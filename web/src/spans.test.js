// node --test web/src/: the byte-offset conversion the article view relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteOffsets, cutIntoRuns } from './spans.js';

const utf8 = (s) => new TextEncoder().encode(s);
// The byte span of `part` inside `text` (first occurrence), as the server would give it.
function byteSpan(text, part) {
  const at = text.indexOf(part);
  return [utf8(text.slice(0, at)).length, utf8(text.slice(0, at)).length + utf8(part).length];
}

test('ASCII offsets are string indices', () => {
  const offsets = new ByteOffsets('5,135 people were arrested.');
  assert.deepEqual(offsets.range([0, 12]), [0, 12]);
  assert.equal(offsets.slice([18, 26]), 'arrested');
});

test('two-, three- and four-byte characters before a span shift it', () => {
  const text = 'Алматы — «мир» 😀 then 5,135 people were arrested in Zhanaozen';
  const offsets = new ByteOffsets(text);
  for (const part of ['Алматы', '«мир»', '😀', '5,135 people', 'Zhanaozen']) {
    assert.equal(offsets.slice(byteSpan(text, part)), part, part);
  }
  assert.equal(offsets.byteLength, utf8(text).length);
});

test('offsets past the end clamp; empty and malformed spans give null', () => {
  const offsets = new ByteOffsets('é');
  assert.equal(offsets.index(99), 1);
  assert.equal(offsets.range([1, 1]), null);
  assert.equal(offsets.range(null), null);
  assert.equal(offsets.index(1), 0); // inside the two bytes of é: rounds down to its start
});

test('overlapping marks cut the text into runs carrying every covering mark', () => {
  const runs = cutIntoRuns(10, [
    { begin: 0, end: 10, kind: 'evidence' },
    { begin: 2, end: 4, kind: 'source' },
    { begin: 3, end: 6, kind: 'count' },
  ]);
  assert.deepEqual(
    runs.map((r) => [r.begin, r.end, r.marks.map((m) => m.kind).join('+')]),
    [[0, 2, 'evidence'], [2, 3, 'evidence+source'], [3, 4, 'evidence+source+count'], [4, 6, 'evidence+count'], [6, 10, 'evidence']],
  );
});
