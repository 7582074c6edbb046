// spaCy JSONL and CoNLL-2003 (export only), Label Studio and doccano (both ways): offsets in code
// points of the text they carry, the owners' published examples imported, and what each format
// holds surviving export → import on random texts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { importInto } from '../../src/core/formats';
import { exportConll } from '../../src/core/formats/conll';
import { exportDoccano, parseDoccano } from '../../src/core/formats/doccano';
import { exportLabelStudio, parseLabelStudio } from '../../src/core/formats/labelstudio';
import { exportSpacy } from '../../src/core/formats/spacy';
import type { Annotation } from '../../src/core/sidecar/model';
import { normalizeText } from '../../src/core/text';
import { ann, annotationsFrom, seenTextArb, spanSeedArb } from './formats-helpers';

const RUNS = Number(process.env.FORMATS_RUNS || 300);
const fixtures = path.resolve(__dirname, '../../../test/fixtures/formats');

const RAW = '\ufeff😀 Xi Jinping said:\r\n“It is fine,” in Beijing.\r\n';
const TEXT = normalizeText(RAW).text;
const at = (w: string) => [TEXT.indexOf(w), TEXT.indexOf(w) + w.length] as const;
const XI = ann(TEXT, ...at('Xi Jinping'), 'PER', { note: 'check' });
const BEIJING = ann(TEXT, ...at('Beijing'), 'LOC', { status: 'suggested', origin: 'model' });
const QUOTE = ann(TEXT, ...at('“It is fine,”'), 'direct', {
  speaker: { name: 'Xi Jinping', text: 'Xi Jinping', start: at('Xi Jinping')[0], end: at('Xi Jinping')[1] },
});
const REJECTED = ann(TEXT, ...at('said'), 'ORG', { status: 'rejected', origin: 'model' });
const ALL = [XI, BEIJING, QUOTE, REJECTED];
const seen = RAW.slice(1);
const cp = (w: string) => [
  Array.from(seen.slice(0, seen.indexOf(w))).length,
  Array.from(seen.slice(0, seen.indexOf(w))).length + Array.from(w).length,
];

test('spaCy JSONL: text as in the file, ents and span groups in code points, rejected left out', () => {
  const { content, report } = exportSpacy({ name: 'a.txt', raw: RAW, annotations: ALL });
  const doc = JSON.parse(content);
  assert.equal(doc.text, seen);
  assert.deepEqual(doc.ents, [
    { start: cp('Xi Jinping')[0], end: cp('Xi Jinping')[1], label: 'PER' },
    { start: cp('Beijing')[0], end: cp('Beijing')[1], label: 'LOC' },
  ]);
  assert.deepEqual(doc.spans.quotes[0].speaker, { start: cp('Xi Jinping')[0], end: cp('Xi Jinping')[1], name: 'Xi Jinping' });
  assert.deepEqual(report.left, [{ what: 'rejected suggestions (the format records no decision)', count: 1 }]);
  assert.equal(Array.from(doc.text).slice(doc.ents[0].start, doc.ents[0].end).join(''), 'Xi Jinping');
});

test('CoNLL-2003: -DOCSTART-, one token a line, BIO tags, sentences apart; entities only', () => {
  const raw = 'Xi Jinping met Joe Biden in San Francisco.\nThey talked.\n';
  const t = normalizeText(raw).text;
  const w = (x: string) => [t.indexOf(x), t.indexOf(x) + x.length] as const;
  const { content, report } = exportConll({
    name: 'a.txt',
    raw,
    annotations: [
      ann(t, ...w('Xi Jinping'), 'PER'),
      ann(t, ...w('Biden'), 'PER'),
      ann(t, ...w('San Francisco'), 'LOC'),
      ann(t, ...w('talked'), 'date'),
    ],
  });
  assert.equal(
    content,
    '-DOCSTART- -X- -X- O\n\nXi -X- -X- B-PER\nJinping -X- -X- I-PER\nmet -X- -X- O\nJoe -X- -X- ' +
      'O\nBiden -X- -X- B-PER\nin -X- -X- O\nSan -X- -X- B-LOC\nFrancisco -X- -X- I-LOC\n. -X- -X- ' +
      'O\n\nThey -X- -X- O\ntalked -X- -X- O\n. -X- -X- O\n',
  );
  assert.deepEqual(report.left, [{ what: 'figures (CoNLL holds names only)', count: 1 }]);
  // An entity that starts inside a token cuts it.
  const cut = exportConll({ name: 'b.txt', raw: 'ex-Trump aide\n', annotations: [ann('ex-Trump aide\n', 3, 8, 'PER')] });
  assert.match(cut.content, /\nex- -X- -X- O\nTrump -X- -X- B-PER\naide -X- -X- O\n/);
});

test('Label Studio: decisions are annotations, suggestions predictions, speakers relations; and back', () => {
  const { content, report } = exportLabelStudio({ name: 'a.txt', raw: RAW, annotations: ALL });
  const [task] = JSON.parse(content);
  assert.equal(task.data.text, seen);
  assert.equal(task.data.article, 'a.txt');
  const regions = task.annotations[0].result;
  const xi = regions.find((r: { value?: { text: string } }) => r.value?.text === 'Xi Jinping');
  assert.deepEqual([xi.value.start, xi.value.end, xi.value.labels, xi.meta], [...cp('Xi Jinping'), ['PER'], { text: ['check'] }]);
  assert.ok(regions.some((r: { type: string; to_id?: string }) => r.type === 'relation' && r.to_id === xi.id));
  assert.deepEqual(
    task.predictions[0].result.map((r: { value: { text: string } }) => r.value.text),
    ['Beijing'],
  );
  assert.deepEqual(report.left, [{ what: 'rejected suggestions (Label Studio has no rejected region)', count: 1 }]);
  const r = importInto([], parseLabelStudio(content).docs[0]!, RAW);
  assert.deepEqual(r.placed.problems, []);
  const byText = new Map(r.annotations.map((a) => [a.text, a]));
  assert.deepEqual([byText.get('Xi Jinping')!.status, byText.get('Xi Jinping')!.note], ['accepted', 'check']);
  assert.equal(byText.get('Beijing')!.status, 'suggested');
  assert.deepEqual(byText.get('“It is fine,”')!.speaker, QUOTE.speaker);
});

test('Label Studio documentation example: two tasks of predictions from two models', () => {
  const parsed = parseLabelStudio(fs.readFileSync(path.join(fixtures, 'label-studio-ner-predictions.json'), 'utf8'));
  assert.equal(parsed.docs.length, 2);
  const [d1, d2] = parsed.docs;
  // The tasks hold their text: imported onto it (no article file named).
  const r1 = importInto([], d1!, d1!.text!);
  assert.deepEqual(r1.placed.problems, []);
  assert.deepEqual(
    r1.annotations.map((a) => [a.text, a.type, a.status, a.origin, a.confidence]),
    [
      ['27', 'date', 'suggested', 'import', 0.7],
      ['Jerusalem', 'LOC', 'suggested', 'import', 0.65],
      ['the weekend', 'date', 'suggested', 'import', 0.95],
      // Model two calls it a place: a name and a date may share a span (two kinds).
      ['Easter', 'LOC', 'suggested', 'import', 0.22],
      ['Easter', 'date', 'suggested', 'import', 0.5],
      ['Passover', 'date', 'suggested', 'import', 0.96],
    ],
  );
  assert.deepEqual(d1!.skipped, [
    { what: 'predictions of a span already annotated or predicted (the first is kept)', count: 2 },
    { what: 'regions labelled "Time" (no such type; map it with --map Time=TYPE)', count: 1 },
  ]);
  const r2 = importInto([], d2!, d2!.text!);
  assert.deepEqual(
    r2.annotations.map((a) => [a.text, a.type]),
    [
      ['several inches', 'MISC'],
      ['one', 'percent'],
      ['Sunny', 'PER'],
      ['Easter', 'LOC'],
      ['hundreds', 'percent'],
      ['Niyati', 'PER'],
    ],
  );
  assert.ok(d2!.skipped.some((s) => s.what.startsWith('regions labelled "Fact"')));
});

test('doccano: relation-extraction JSONL with quote→speaker relations; and back', () => {
  const { content, report } = exportDoccano({ name: 'a.txt', raw: RAW, annotations: ALL });
  const rec = JSON.parse(content);
  assert.equal(rec.text, seen);
  const xi = rec.entities.find((e: { label: string }) => e.label === 'PER');
  assert.deepEqual([xi.start_offset, xi.end_offset], cp('Xi Jinping'));
  const quote = rec.entities.find((e: { label: string }) => e.label === 'direct');
  assert.deepEqual(rec.relations, [{ id: 1, from_id: quote.id, to_id: xi.id, type: 'speaker' }]);
  assert.deepEqual(report.left, [{ what: 'rejected suggestions (doccano records no decision)', count: 1 }]);
  const r = importInto([], parseDoccano(content).docs[0]!, RAW);
  assert.deepEqual(r.placed.problems, []);
  assert.deepEqual(r.annotations.find((a) => a.kind === 'quote')!.speaker, QUOTE.speaker);
  assert.ok(r.annotations.every((a) => a.status === 'accepted' && a.origin === 'import'));
  assert.ok(parseDoccano(content, { status: 'suggested' }).docs[0]!.items.every((i) => i.status === 'suggested'));
});

test('doccano examples: sequence labelling (three records) and relation extraction (pretty-printed)', () => {
  const seq = parseDoccano(fs.readFileSync(path.join(fixtures, 'doccano-sequence-labeling.jsonl'), 'utf8'));
  assert.deepEqual(
    seq.docs.map((d) => importInto([], d, d.text!).annotations.map((a) => [a.text, a.type])),
    [
      [
        ['EU', 'ORG'],
        ['German', 'MISC'],
      ],
      [['Peter Blackburn', 'PER']],
      [['Obama', 'PER']],
    ],
  );
  const rel = parseDoccano(fs.readFileSync(path.join(fixtures, 'doccano-relation-extraction.jsonl'), 'utf8'));
  assert.equal(rel.docs.length, 1);
  const r = importInto([], rel.docs[0]!, rel.docs[0]!.text!);
  assert.deepEqual(r.placed.problems, []);
  assert.deepEqual(
    r.annotations.map((a) => [a.text, a.type]),
    [
      ['Google', 'ORG'],
      ['September 4, 1998', 'date'],
      ['Larry Page', 'PER'],
      ['Sergey Brin', 'PER'],
    ],
  );
  assert.deepEqual(rel.docs[0]!.skipped, [
    { what: 'relations of type "foundedAt" (only a quote’s speaker is held)', count: 1 },
    { what: 'relations of type "foundedBy" (only a quote’s speaker is held)', count: 2 },
  ]);
});

/** What Label Studio and doccano hold: spans, types, speakers' spans; LS also suggested vs accepted and notes. */
function held(withStatus: boolean) {
  return (a: Annotation) =>
    JSON.stringify({
      kind: a.kind,
      type: a.type,
      start: a.start,
      end: a.end,
      status: withStatus ? a.status : undefined,
      note: withStatus ? a.note : undefined,
      speaker: a.kind === 'quote' ? (a.speaker && a.speaker.end > a.speaker.start ? [a.speaker.start, a.speaker.end] : null) : undefined,
    });
}

for (const [name, exp, parse, withStatus] of [
  ['Label Studio', exportLabelStudio, parseLabelStudio, true],
  ['doccano', exportDoccano, parseDoccano, false],
] as const) {
  test(`property: what ${name} holds survives export → import (astral, combining, CRLF, BOM)`, () => {
    fc.assert(
      fc.property(seenTextArb, fc.array(spanSeedArb, { maxLength: 12 }), (raw, seeds) => {
        const text = normalizeText(raw).text;
        const anns = annotationsFrom(text, seeds);
        const parsed = parse(exp({ name: 'a.txt', raw, annotations: anns }).content);
        assert.equal(parsed.error, undefined);
        const r = importInto([], parsed.docs[0]!, raw);
        assert.deepEqual(r.placed.problems, []);
        assert.equal(r.placed.reanchored, undefined);
        const want = anns.filter((a) => a.status !== 'rejected').map((a) => (withStatus ? a : { ...a, status: 'accepted' as const }));
        assert.deepEqual(r.annotations.map(held(withStatus)).sort(), want.map(held(withStatus)).sort());
      }),
      { numRuns: RUNS },
    );
  });
}

test('a file holding another version of the text: annotations placed by their words, the rest marked', () => {
  // The doccano record was made before a sentence was added at the top and "Beijing" was cut.
  const old = 'Xi Jinping said: “It is fine,” in Beijing.\n';
  const now = 'Talks resumed on Monday.\nXi Jinping said: “It is fine,” in the capital.\n';
  const rec = {
    text: old,
    label: [
      [0, 10, 'PER'],
      [34, 41, 'LOC'],
    ],
  };
  const r = importInto([], parseDoccano(JSON.stringify(rec)).docs[0]!, now);
  assert.deepEqual(r.placed.reanchored, { moved: 1, ambiguous: 0, orphaned: 1 });
  const xi = r.annotations.find((a) => a.text === 'Xi Jinping')!;
  assert.deepEqual([xi.start, xi.anchor], [now.indexOf('Xi Jinping'), 'ok']);
  const gone = r.annotations.find((a) => a.text === 'Beijing')!;
  assert.equal(gone.anchor, 'orphaned', 'kept, marked, never dropped');
});
