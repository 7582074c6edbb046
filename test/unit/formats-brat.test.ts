// brat standoff: code points in the file as brat reads it (BOM = character 0, CRLF = 2), fragments
// at line breaks, brat's own parser on every export, what brat holds survives export → import, and
// other corpora's brat (PolNeAR-style events, discontinuous spans).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { importInto } from '../../src/core/formats';
import { BRAT_CONF, exportBrat, parseBrat } from '../../src/core/formats/brat';
import type { Annotation } from '../../src/core/sidecar/model';
import { normalizeText } from '../../src/core/text';
import { ann, annotationsFrom, seenTextArb, spanSeedArb } from './formats-helpers';
import { bratSkip, bratValidate, bratValidateOne } from './formats-validators';

const RUNS = Number(process.env.FORMATS_RUNS || 300);

test('T lines in code points of the file brat reads; a span across lines is fragments; attributes, links, notes, speakers', () => {
  const raw = '\ufeff😀 Xi said:\r\n“All fine.”\r\n';
  const text = normalizeText(raw).text; // '😀 Xi said:\n“All fine.”\n'
  const xi = ann(text, 3, 5, 'PER', { entity: 'Xi Jinping', note: 'two\nlines', status: 'suggested', origin: 'model' });
  const quote = ann(text, 6, 23, 'direct', { speaker: { name: 'Xi Jinping', text: 'Xi', start: 3, end: 5 } });
  const { content, report } = exportBrat({
    name: 'a.txt',
    raw,
    annotations: [xi, quote],
    links: (_t, n) => (n === 'Xi Jinping' ? { wikidata: 'Q15031' } : undefined),
  });
  assert.equal(
    content,
    [
      'T1\tPER 3 5\tXi',
      'A1\tStatus T1 suggested',
      'A2\tOrigin T1 model',
      'N1\tReference T1 Entity:Xi_Jinping\tXi Jinping',
      'N2\tReference T1 Wikidata:Q15031\tXi Jinping',
      '#1\tAnnotatorNotes T1\ttwo lines',
      'T2\tdirect 6 11;13 24\tsaid: “All fine.”',
      'A3\tStatus T2 accepted',
      'A4\tOrigin T2 user',
      'R1\tSpeaker Arg1:T2 Arg2:T1',
      '',
    ].join('\n'),
  );
  assert.deepEqual(report.lost, [
    { what: 'line breaks in notes (brat notes are one line: joined with spaces)', count: 1 },
    { what: 'annotation ids (an import derives them again from the words and their context)', count: 2 },
  ]);
  // And back.
  const r = importInto([], parseBrat(content, raw).docs[0]!, raw, true);
  assert.deepEqual(r.placed.problems, []);
  const [x, q] = r.annotations;
  assert.deepEqual([x!.start, x!.end, x!.entity, x!.status, x!.origin, x!.note], [3, 5, 'Xi Jinping', 'suggested', 'model', 'two lines']);
  assert.deepEqual([q!.start, q!.end, q!.type, q!.speaker], [6, 23, 'direct', { name: 'Xi Jinping', text: 'Xi', start: 3, end: 5 }]);
});

test('brat’s own parser accepts the export of a CRLF, BOM and emoji article (validate_ann.py)', { skip: bratSkip() }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brat-'));
  const raw = '\ufeffTalks in Geneva 😀\r\n“We agreed,” the minister said.\u2028Done.\n';
  const text = normalizeText(raw).text;
  const at = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length] as const;
  const min = at('the minister');
  const anns = [
    ann(text, ...at('Geneva'), 'LOC'),
    ann(text, ...at('“We agreed,”'), 'direct', { speaker: { name: 'the minister', text: 'the minister', start: min[0], end: min[1] } }),
    ann(text, ...at('said.\u2028Done'), 'indirect'),
  ];
  fs.writeFileSync(path.join(dir, 'a.txt'), raw);
  fs.writeFileSync(path.join(dir, 'a.ann'), exportBrat({ name: 'a.txt', raw, annotations: anns }).content);
  fs.writeFileSync(path.join(dir, 'annotation.conf'), BRAT_CONF);
  const r = bratValidateOne(path.join(dir, 'a.txt'), path.join(dir, 'a.ann'));
  assert.equal(r.status, 0, r.output);
  assert.match(r.output, /^OK: .*TextBoundAnnotationWithText=4/m);
  // The validator can fail: UTF-16 offsets are refused.
  fs.writeFileSync(path.join(dir, 'b.ann'), 'T1\tdirect 19 31\t“We agreed,”\n');
  assert.equal(bratValidateOne(path.join(dir, 'a.txt'), path.join(dir, 'b.ann')).status, 1);
});

test(
  'property: brat’s own parser accepts every export of random texts (astral, combining, CRLF, BOM, U+2028)',
  { skip: bratSkip() },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brat-prop-'));
    const pairs: { txt: string; ann: string }[] = [];
    fc.assert(
      fc.property(seenTextArb, fc.array(spanSeedArb, { maxLength: 10 }), (raw, seeds) => {
        const text = normalizeText(raw).text;
        const i = pairs.length;
        const txt = path.join(dir, `${i}.txt`);
        const annFile = path.join(dir, `${i}.ann`);
        fs.writeFileSync(txt, raw);
        fs.writeFileSync(annFile, exportBrat({ name: `${i}.txt`, raw, annotations: annotationsFrom(text, seeds) }).content);
        pairs.push({ txt, ann: annFile });
      }),
      { numRuns: RUNS },
    );
    const results = bratValidate(pairs);
    const bad = results.map((errors, i) => ({ errors, i })).filter((r) => r.errors.length);
    assert.deepEqual(
      bad.slice(0, 3).map((b) => ({
        ...b,
        txt: JSON.stringify(fs.readFileSync(pairs[b.i]!.txt, 'utf8')),
        ann: fs.readFileSync(pairs[b.i]!.ann, 'utf8'),
      })),
      [],
    );
    assert.equal(results.length, RUNS);
  },
);

/** Python's white space: brat cannot show a span of it only. */
const PY_SPACE_ONLY = /^[\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;
const BREAKS = '[\\n\\u000b\\u000c\\u001c\\u001d\\u001e\\u0085\\u2028\\u2029]*';
/** A span without the line breaks at its ends (brat cannot show them: it is written without them). */
function trimmed(text: string, start: number, end: number): [number, number] {
  const words = text.slice(start, end);
  return [start + new RegExp('^' + BREAKS).exec(words)![0].length, end - new RegExp(BREAKS + '$').exec(words)![0].length];
}

/** What brat holds of an annotation, as the import gives it back. */
function held(text: string) {
  return (a: Annotation): unknown => {
    const [start, end] = trimmed(text, a.start, a.end);
    return {
      kind: a.kind,
      type: a.type,
      start,
      end,
      status: a.status,
      origin: a.origin,
      entity: a.entity,
      note: a.note?.replace(/[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]+/g, ' '),
      speaker: a.kind === 'quote' ? (a.speaker ? trimmed(text, a.speaker.start, a.speaker.end) : null) : undefined,
    };
  };
}

test('property: what brat holds survives export → import (spans, types, status, origin, links, notes, speakers)', () => {
  fc.assert(
    fc.property(seenTextArb, fc.array(spanSeedArb, { maxLength: 12 }), (raw, seeds) => {
      const text = normalizeText(raw).text;
      const anns = annotationsFrom(text, seeds);
      const { content } = exportBrat({ name: 'a.txt', raw, annotations: anns });
      const r = importInto([], parseBrat(content, raw).docs[0]!, raw, true);
      assert.deepEqual(r.placed.problems, []);
      const key = (x: unknown) => JSON.stringify(x);
      const showable = anns.filter((a) => !PY_SPACE_ONLY.test(a.text));
      const want = showable.map((a) => (a.speaker && PY_SPACE_ONLY.test(a.speaker.text) ? { ...a, speaker: null } : a));
      assert.deepEqual(r.annotations.map(held(text)).map(key).sort(), want.map(held(text)).map(key).sort());
      // Speaker names: the mention's words, or the canonical name brat records for it.
      for (const b of r.annotations) if (b.speaker) assert.equal(b.speaker.text, text.slice(b.speaker.start, b.speaker.end));
    }),
    { numRuns: RUNS },
  );
});

test('other brat corpora: PolNeAR-style events give quotes and speakers; Cue, triggers and unknown types are counted', () => {
  const raw = 'Trump said the deal was “great” and, he added, “fair”.\n';
  const s = (w: string, from = 0) => [raw.indexOf(w, from), raw.indexOf(w, from) + w.length];
  const [t1s, t1e] = s('Trump');
  const [cs, ce] = s('said');
  const [q1s, q1e] = s('the deal was “great”');
  const [q2s, q2e] = s('“fair”');
  const ann = [
    `T1\tSource ${t1s} ${t1e}\tTrump`,
    `T2\tCue ${cs} ${ce}\tsaid`,
    `T3\tContent ${q1s} ${q1e};${q2s} ${q2e}\tthe deal was “great” “fair”`,
    `T4\tAttribution ${cs} ${ce}\tsaid`,
    `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`,
    `T5\tDiscuss ${t1s} ${t1e}\tTrump`,
    `T6\tContent ${q1s} ${q1s + 8}\tthe deal`,
    '',
  ].join('\n');
  const doc = parseBrat(ann, raw).docs[0]!;
  const r = importInto([], doc, raw, true);
  assert.deepEqual(r.placed.problems, []);
  const quotes = r.annotations.filter((a) => a.kind === 'quote');
  assert.deepEqual(
    quotes.map((q) => [q.text, q.type, q.status, q.origin, q.speaker && q.speaker.text]),
    [
      ['the deal', 'indirect', 'accepted', 'import', null],
      ['the deal was “great”', 'direct', 'accepted', 'import', 'Trump'],
      ['“fair”', 'direct', 'accepted', 'import', 'Trump'],
    ],
  );
  assert.deepEqual(
    doc.skipped.map((x) => x.what),
    [
      'spans of brat type Cue (no such type; map it with --map Cue=TYPE)',
      'event triggers (brat type Attribution): the model has no events; their arguments are read',
      'spans of brat type Discuss (no such type; map it with --map Discuss=TYPE)',
      'discontinuous spans split into one annotation per part (the parts are not joined in the model)',
    ],
  );
  // A wrong text is a clear per-line problem, and the rest is still imported.
  const broken = parseBrat(`T1\tPER ${t1s} ${t1e}\tTrunp\nT2\tPER 0 5\tTrump\n`, raw).docs[0]!;
  const rb = importInto([], broken, raw, true);
  assert.equal(rb.annotations.length, 1);
  assert.deepEqual(rb.placed.problems, ['line 1: T1: the line says …"Trunp", the text at 0–5 is …"Trump"']);
});
