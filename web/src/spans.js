// Spans of the output contract are [begin, end) byte offsets into an article's UTF-8 text; a JS
// string is indexed in UTF-16 code units. This file converts between the two and cuts a text into
// runs where each run carries the set of spans (highlights) that cover it.

// Maps byte offsets of `text`'s UTF-8 encoding to indices into the JS string `text`.
export class ByteOffsets {
  constructor(text) {
    this.text = text;
    // unitAt[b] = the UTF-16 index of the character whose UTF-8 bytes include byte b; one past the
    // end maps to text.length. An offset inside a character's bytes rounds down to its start.
    const units = [];
    let unit = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let i = 0; i < bytes; i++) units.push(unit);
      unit += ch.length;
    }
    units.push(text.length);
    this.unitAt = Int32Array.from(units);
    this.byteLength = units.length - 1;
  }

  // The string index of byte offset `b` (clamped into the text).
  index(b) {
    if (!(b >= 0)) return 0;
    if (b >= this.byteLength) return this.text.length;
    return this.unitAt[b];
  }

  // [begin, end) bytes → [begin, end) string indices, or null when the span is missing or empty.
  range(span) {
    if (!Array.isArray(span) || span.length !== 2) return null;
    const [b, e] = span;
    if (!(e > b)) return null;
    return [this.index(b), this.index(e)];
  }

  // The text a byte span covers.
  slice(span) {
    const r = this.range(span);
    return r ? this.text.slice(r[0], r[1]) : '';
  }
}

// Cuts [0, text.length) at every highlight's edges. `marks` are {begin, end, ...} in string
// indices (overlaps allowed). Returns runs {begin, end, marks: [...]} in text order, covering the
// whole text; a run's marks are those that cover all of it, in the order given.
export function cutIntoRuns(length, marks) {
  const edges = new Set([0, length]);
  for (const m of marks) {
    if (m.end > m.begin) {
      edges.add(Math.max(0, Math.min(length, m.begin)));
      edges.add(Math.max(0, Math.min(length, m.end)));
    }
  }
  const points = [...edges].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const begin = points[i];
    const end = points[i + 1];
    runs.push({ begin, end, marks: marks.filter((m) => m.begin <= begin && m.end >= end && m.end > m.begin) });
  }
  return runs;
}
