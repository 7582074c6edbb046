// Random annotation files round-trip: serialize → parse → serialize is byte-identical and loses nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assignIds, contextAround, TYPES, type Annotation, type AnnotationKind } from '../../src/core/sidecar/model';
import { parseSidecar, serializeSidecar, textHash, type SidecarDoc } from '../../src/core/sidecar/yaml';

// Text with the characters that stress YAML scalars: quotes, colons, hashes, leading spaces, newlines, emoji.
const piece = fc.constantFrom(
  'Trump',
  ' ',
  '\n',
  ': ',
  '#',
  '"',
  "'",
  '“',
  '”',
  '- ',
  '? ',
  '|',
  '>',
  '%',
  '@',
  '`',
  '{',
  '}',
  '[',
  ']',
  '😀',
  'yes',
  'null',
  '0777',
  '1e3',
  '\t',
  '\\',
  'x',
);
const textArb = fc.array(piece, { minLength: 1, maxLength: 60 }).map((p) => p.join(''));

const annArb = (text: string) =>
  fc
    .record({
      a: fc.nat(text.length - 1),
      len: fc.integer({ min: 1, max: 12 }),
      kind: fc.constantFrom<AnnotationKind>('entity', 'figure', 'quote'),
      t: fc.nat(),
      status: fc.constantFrom('suggested', 'accepted', 'rejected' as const),
      origin: fc.constantFrom('model', 'user' as const),
      note: fc.option(textArb, { nil: undefined }),
      value: fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), textArb),
      conf: fc.double({ min: 0, max: 1, noNaN: true }),
      speaker: fc.option(fc.record({ name: textArb, text: textArb, start: fc.nat(1000), end: fc.nat(1000) }), { nil: null }),
    })
    .map((r): Annotation | null => {
      let start = r.a;
      let end = Math.min(text.length, start + r.len);
      if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
      if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end++;
      if (start < 0 || end > text.length || end <= start) return null;
      const ann: Annotation = {
        id: '',
        kind: r.kind,
        type: TYPES[r.kind][r.t % TYPES[r.kind].length]!,
        start,
        end,
        text: text.slice(start, end),
        ...contextAround(text, start, end),
        status: r.status,
        origin: r.origin,
        anchor: 'ok',
      };
      if (r.note !== undefined) ann.note = r.note;
      if (r.kind === 'figure') {
        ann.value = r.value;
        ann.unit = null;
      }
      if (r.kind === 'quote') {
        ann.confidence = r.conf;
        ann.speaker = r.speaker && { ...r.speaker, end: Math.max(r.speaker.start, r.speaker.end) };
      }
      if (r.kind === 'entity') ann.entity = r.note ?? ann.text;
      return ann;
    });

test('random annotation files round-trip byte-identically (2,000 cases)', () => {
  fc.assert(
    fc.property(
      textArb.chain((text) => fc.tuple(fc.constant(text), fc.array(annArb(text), { maxLength: 8 }))),
      ([text, maybe]) => {
        const annotations = maybe.filter((a): a is Annotation => a !== null);
        assignIds(annotations);
        const doc: SidecarDoc = { article: `a${text.length}.txt`, textHash: textHash(text), subjects: [], sections: [], annotations };
        const out = serializeSidecar(doc);
        const parsed = parseSidecar(out);
        if (!parsed.ok) assert.fail(`${parsed.problem.message}\n${parsed.problem.details.join('\n')}`);
        assert.equal(serializeSidecar(parsed.doc), out);
        assert.equal(parsed.doc.annotations.length, annotations.length);
        for (const a of parsed.doc.annotations) assert.equal(a.text, text.slice(a.start, a.end));
      },
    ),
    { numRuns: 2000, seed: 5 },
  );
});
