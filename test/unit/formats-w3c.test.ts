// W3C Web Annotation: exact offsets, the W3C test-suite schemas, other tools' annotations, and the
// lossless round trip (export → import → the same annotation file).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { importInto } from '../../src/core/formats';
import { exportW3c, parseW3c } from '../../src/core/formats/w3c';
import { normalizeText } from '../../src/core/text';
import { ann, annotationsFrom, seenTextArb, sidecarOf, spanSeedArb, unanchorSome } from './formats-helpers';
import { w3cFailures, w3cSkip } from './formats-validators';

const RUNS = Number(process.env.FORMATS_RUNS || 300);

test('positions are code points in the decoded article (BOM removed, CRLF kept); quote selector holds the words', () => {
  const raw = '\ufeff😀 Xi\r\nsaid “fine”.\r\n';
  const text = normalizeText(raw).text; // '😀 Xi\nsaid “fine”.\n'
  const xi = ann(text, 3, 5, 'PER', { entity: 'Xi Jinping', note: 'check' });
  const quote = ann(text, 11, 17, 'direct', { speaker: { name: 'Xi Jinping', text: 'Xi', start: 3, end: 5 }, confidence: 0.9 });
  const { content, report } = exportW3c({ name: 'a.txt', raw, annotations: [xi, quote], links: () => ({ wikidata: 'Q15031' }) });
  const c = JSON.parse(content);
  assert.equal(c.type, 'AnnotationCollection');
  assert.equal(c.total, 2);
  const [a1, a2] = c.first.items;
  assert.deepEqual(a1.target.selector[1], { type: 'TextPositionSelector', start: 2, end: 4 });
  assert.equal(a1.target.selector[0].exact, 'Xi');
  assert.equal(a1.target.selector[0].suffix, '\r\nsaid “fine”.\r\n');
  assert.deepEqual(a2.target.selector[1], { type: 'TextPositionSelector', start: 11, end: 17 });
  assert.ok(a1.body.some((b: { source?: string }) => b.source === 'http://www.wikidata.org/entity/Q15031'));
  assert.deepEqual(report.left, []);
});

test('every export passes the W3C test-suite MUST assertions (Annotation, Page, Collection)', { skip: w3cSkip() }, async () => {
  const raw = 'Talks in Geneva 😀\r\n“We agreed,” the minister said.\n';
  const text = normalizeText(raw).text;
  const anns = [
    ann(text, 9, 15, 'LOC'),
    ann(text, 18, 30, 'direct', { speaker: { name: 'minister', text: 'the minister', start: 31, end: 43 } }),
  ];
  const { content } = exportW3c({ name: 'a.txt', raw, annotations: anns });
  assert.deepEqual(await w3cFailures(JSON.parse(content)), []);
  // An article without annotations is an empty collection, still valid.
  assert.deepEqual(await w3cFailures(JSON.parse(exportW3c({ name: 'b.txt', raw, annotations: [] }).content)), []);
});

test('annotations from other tools: tagging label mapped, position or quote, Hypothesis UTF-16 positions', () => {
  const text = 'A 😀 note about Japan and Japan.';
  const file = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    id: 'http://example.org/page/1',
    items: [
      {
        id: 'http://example.org/1',
        type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'tagging', value: 'Location' },
        target: { source: 'http://example.org/doc.txt', selector: [{ type: 'TextPositionSelector', start: 15, end: 20 }] },
      },
      // UTF-16 positions (16–21) with a quote: found by the words.
      {
        id: 'http://example.org/2',
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'PERSON' },
          { type: 'TextualBody', purpose: 'commenting', value: 'a note' },
        ],
        creator: { type: 'Person', name: 'Ann' },
        target: {
          source: 'http://example.org/doc.txt',
          selector: [
            { type: 'TextQuoteSelector', exact: 'Japan', prefix: 'about ', suffix: ' and' },
            { type: 'TextPositionSelector', start: 16, end: 21 },
          ],
        },
      },
      {
        id: 'http://example.org/3',
        type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'tagging', value: 'sentiment' },
        target: { source: 'http://example.org/doc.txt', selector: { type: 'TextQuoteSelector', exact: 'note' } },
      },
    ],
  };
  const parsed = parseW3c(JSON.stringify(file));
  assert.equal(parsed.docs.length, 1);
  const doc = parsed.docs[0]!;
  assert.equal(doc.article, 'http://example.org/doc.txt');
  assert.deepEqual(doc.skipped, [{ what: 'annotations tagged "sentiment" (no such type; map it with --map sentiment=TYPE)', count: 1 }]);
  const r = importInto([], doc, text);
  assert.deepEqual(r.placed.problems, []);
  assert.equal(r.placed.located, 1);
  const [loc, per] = r.annotations;
  assert.deepEqual([loc!.type, loc!.text, loc!.start, loc!.origin, loc!.status], ['LOC', 'Japan', 16, 'import', 'accepted']);
  assert.deepEqual(
    [per!.type, per!.start, per!.note, per!.by],
    ['PER', 16, 'a note', 'Ann'].map((x, i) => (i === 1 ? 16 : x)),
  );
});

test('property: W3C is lossless — export → import → the same annotation file, byte for byte', () => {
  fc.assert(
    fc.property(seenTextArb, fc.array(spanSeedArb, { maxLength: 12 }), fc.nat(), (raw, seeds, seed) => {
      const text = normalizeText(raw).text;
      const anns = annotationsFrom(text, seeds);
      unanchorSome(text, anns, seed);
      const before = sidecarOf('a.txt', text, anns);
      const parsed = parseW3c(exportW3c({ name: 'a.txt', raw, annotations: anns }).content);
      assert.equal(parsed.error, undefined);
      const doc = parsed.docs[0] ?? { items: [], problems: [], skipped: [], where: '' };
      const r = importInto([], doc, raw);
      assert.deepEqual(r.placed.problems, []);
      assert.equal(sidecarOf('a.txt', text, r.annotations), before);
      // Importing into the file it came from changes nothing.
      const again = importInto(anns, doc, raw);
      assert.equal(again.merge.added + again.merge.updated + again.merge.conflicts.length, 0);
      assert.equal(sidecarOf('a.txt', text, again.annotations), before);
    }),
    { numRuns: RUNS },
  );
});
