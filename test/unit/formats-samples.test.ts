// Every export of every sample article (as written, and saved with CRLF and a BOM), and of random
// texts, through the formats' owners' validators: brat's own parser and the W3C test-suite schemas.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { BRAT_CONF, FORMATS } from '../../src/core/formats';
import { annotationsFromAnalysis, type Annotation } from '../../src/core/sidecar/model';
import { normalizeText } from '../../src/core/text';
import { annotationsFrom, seenTextArb, spanSeedArb, unanchorSome } from './formats-helpers';
import { bratSkip, bratValidate, w3cFailures, w3cSkip } from './formats-validators';

const samplesDir = path.resolve(__dirname, '../../../samples');
const RUNS = Number(process.env.FORMATS_RUNS || 300);

/** The sample articles, each as written and as saved on Windows (CRLF, BOM), with the analysis' suggestions and some decisions. */
function samples(): { name: string; raw: string; annotations: Annotation[] }[] {
  const out: { name: string; raw: string; annotations: Annotation[] }[] = [];
  for (const f of fs
    .readdirSync(samplesDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const raw = fs.readFileSync(path.join(samplesDir, f), 'utf8');
    const text = normalizeText(raw).text;
    const anns = annotationsFromAnalysis(analyze(text, { fileDate: '2026-05-21' }));
    anns.forEach((a, i) => {
      if (i % 4 === 1) a.status = 'accepted';
      if (i % 4 === 2) a.status = 'rejected';
      if (i % 5 === 3) a.note = 'checked against the wire copy';
    });
    out.push({ name: f, raw, annotations: anns });
    out.push({ name: f.replace(/\.txt$/, '-crlf-bom.txt'), raw: '\ufeff' + raw.replace(/\r?\n/g, '\r\n'), annotations: anns });
  }
  return out;
}

test('the sample articles are there and annotated', () => {
  const s = samples();
  assert.ok(s.length >= 10);
  assert.ok(s.every((x) => x.annotations.length > 5));
});

test('W3C: every sample article’s export passes the W3C test-suite MUST assertions', { skip: w3cSkip() }, async () => {
  const w3c = FORMATS.find((f) => f.id === 'w3c')!;
  let objects = 0;
  for (const s of samples()) {
    const value = JSON.parse(w3c.export(s).content);
    objects += 2 + value.first.items.length;
    assert.deepEqual(await w3cFailures(value), [], s.name);
  }
  console.log(`W3C validator: ${objects} objects of ${samples().length} sample exports valid`);
});

test('brat: brat’s own parser loads every sample article’s export', { skip: bratSkip() }, () => {
  const brat = FORMATS.find((f) => f.id === 'brat')!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brat-samples-'));
  fs.writeFileSync(path.join(dir, 'annotation.conf'), BRAT_CONF);
  const pairs = samples().map((s) => {
    const txt = path.join(dir, s.name);
    const ann = txt.replace(/\.txt$/, '.ann');
    fs.writeFileSync(txt, s.raw);
    const { content, report } = brat.export(s);
    assert.ok(report.exported > 5);
    fs.writeFileSync(ann, content);
    return { txt, ann };
  });
  const results = bratValidate(pairs);
  assert.deepEqual(results.map((e, i) => (e.length ? `${pairs[i]!.ann}: ${e.join('; ')}` : null)).filter(Boolean), []);
  const lines = pairs.reduce((n, p) => n + fs.readFileSync(p.ann, 'utf8').split('\n').filter(Boolean).length, 0);
  console.log(`brat validator: ${pairs.length} sample exports, ${lines} lines, all loaded`);
});

test('property: every W3C export of random texts (and unanchored annotations) passes the W3C schemas', { skip: w3cSkip() }, async () => {
  const w3c = FORMATS.find((f) => f.id === 'w3c')!;
  const values: unknown[] = [];
  fc.assert(
    fc.property(seenTextArb, fc.array(spanSeedArb, { maxLength: 10 }), fc.nat(), (raw, seeds, seed) => {
      const anns = annotationsFrom(normalizeText(raw).text, seeds);
      unanchorSome(normalizeText(raw).text, anns, seed);
      values.push(JSON.parse(w3c.export({ name: 'r.txt', raw, annotations: anns }).content));
    }),
    { numRuns: RUNS },
  );
  const bad: string[] = [];
  for (const v of values) bad.push(...(await w3cFailures(v)));
  assert.deepEqual(bad.slice(0, 5), []);
});

test('every format exports every sample article, and says what it could not hold', () => {
  for (const s of samples()) {
    for (const f of FORMATS) {
      const { content, report } = f.export(s);
      assert.ok(content.length > 0, `${f.id} ${s.name}`);
      assert.equal(report.format, f.id);
      assert.equal(report.article, s.name);
      if (!f.lossless) assert.ok(report.left.length + report.lost.length > 0, `${f.id} reports its losses`);
      else assert.deepEqual(report.left.concat(report.lost), []);
    }
  }
});

test('the README lists what each format cannot hold, as the code says', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  for (const f of FORMATS) assert.ok(readme.includes(`| ${f.label} | ${f.cannotHold.join('; ')} |`), `README row of ${f.id}`);
});
