// The offset maps between the annotation model (UTF-16 units in the LF text without BOM) and the
// code points other tools count in the text they see (CRLF kept, BOM counted by brat), checked
// against a reference built from Array.from (Python's str indexing) on random texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { codePointLength, TextView } from '../../src/core/formats/offsets';
import { normalizeText } from '../../src/core/text';
import { seenTextArb } from './formats-helpers';

const RUNS = Number(process.env.FORMATS_RUNS || 2000);

test('known cases: emoji, CJK extension B, combining marks, CRLF, BOM', () => {
  const v = new TextView('\ufeffa😀b\r\n𠀋e\u0301x', true);
  // model text: a 😀 b \n 𠀋 e ◌́ x  (UTF-16: a=0, 😀=1-2, b=3, \n=4, 𠀋=5-6, e=7, ́=8, x=9)
  assert.equal(v.text, 'a😀b\n𠀋e\u0301x');
  // seen points: BOM=0 a=1 😀=2 b=3 \r=4 \n=5 𠀋=6 e=7 ́=8 x=9
  assert.deepEqual(
    [0, 1, 3, 4, 5, 7, 8, 9, 10].map((o) => v.toPoint(o)),
    [1, 2, 3, 4, 6, 7, 8, 9, 10],
  );
  assert.deepEqual(v.fromPoint(6), { offset: 5, exact: true });
  assert.deepEqual(v.fromPoint(5), { offset: 4, exact: false }, 'between CR and LF');
  assert.deepEqual(v.fromPoint(0), { offset: 0, exact: false }, 'on the BOM');
  assert.equal(v.fromPoint(11), null);
  assert.equal(v.slice(6, 9), '𠀋e\u0301');
  assert.equal(v.length, 10);
  assert.equal(codePointLength('a😀\ud800'), 3);
  // Without a BOM to count, a leading U+FEFF is a character of the text.
  const w = new TextView('\ufeffa\r\nb');
  assert.equal(w.text, '\ufeffa\nb');
  assert.deepEqual(
    [0, 1, 2, 3].map((o) => w.toPoint(o)),
    [0, 1, 2, 4],
  );
});

test('property: model offsets and seen code points map both ways exactly', () => {
  fc.assert(
    fc.property(seenTextArb, fc.boolean(), (seen0, withBom) => {
      // withBom: the tool reads the file with its BOM (brat); else the BOM is gone and U+FEFF is text.
      const seen = withBom ? seen0 : seen0.replace(/^\ufeff/, '');
      const v = new TextView(seen, withBom);
      assert.equal(v.text, withBom ? normalizeText(seen).text : normalizeText('\ufeff' + seen).text);
      const points = Array.from(seen);
      assert.equal(v.length, points.length);
      const text = v.text;
      const bom = withBom && seen.startsWith('\ufeff') ? 1 : 0;
      const seenPrefixLength = (o: number) => (withBom ? normalizeText(seen) : normalizeText('\ufeff' + seen)).toRaw(o) + bom;
      const splits = (o: number) => o > 0 && o < text.length && /[\ud800-\udbff]/.test(text[o - 1]!) && /[\udc00-\udfff]/.test(text[o]!);
      for (let o = 0; o <= text.length; o++) {
        if (splits(o)) continue;
        const p = v.toPoint(o);
        // Reference: the seen text before point p is, UTF-16-wise, the raw text before toRaw(o).
        assert.equal(points.slice(0, p).join('').length, seenPrefixLength(o));
        assert.deepEqual(v.fromPoint(p), { offset: o, exact: true });
      }
      for (let p = 0; p <= points.length; p++) {
        const r = v.fromPoint(p)!;
        const insideCrlf = points[p - 1] === '\r' && points[p] === '\n';
        const onBom = p === 0 && bom === 1;
        assert.equal(r.exact, !insideCrlf && !onBom, `point ${p}`);
        if (r.exact) assert.equal(v.toPoint(r.offset), p);
      }
      // Spans: the model text of a span is the seen text of its points, normalized.
      for (let a = 0; a < text.length; a += 3) {
        for (let b = a + 1; b <= text.length; b += 5) {
          if (splits(a) || splits(b)) continue;
          const pa = v.toPoint(a);
          const pb = v.toPoint(b);
          assert.equal(points.slice(pa, pb).join('').replace(/\r\n?/g, '\n'), text.slice(a, b));
        }
      }
    }),
    { numRuns: RUNS },
  );
});
