// The published JSON Schema (schemas/annotations.schema.json) describes what the writer writes: every
// form of a version 2 file — decisions with their reviewer, edited and orphaned decisions, merge
// conflicts, imported annotations — validates, and so does a version 1 file of release 0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { analyze } from '../../src/core/analyze';
import { annotateWith, buildSidecar } from '../../src/core/sidecar/session';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/yaml';

const ROOT = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/annotations.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const errors = () => JSON.stringify(validate.errors, null, 1);

function sidecarWithEveryForm(): string {
  const text = fs.readFileSync(path.join(ROOT, 'samples/port-strike.txt'), 'utf8').replace(/\r\n/g, '\n');
  const analysis = analyze(text, {});
  const anns = annotateWith(analysis, []);
  const [accepted, rejected, orphaned, modified, conflicted, added] = anns.filter((a) => a.kind === 'entity');
  assert.ok(accepted && rejected && orphaned && modified && conflicted && added, 'the sample has six names');
  Object.assign(accepted, { status: 'accepted', by: 'Ana Reviewer' });
  Object.assign(rejected, { status: 'rejected', by: 'Ana Reviewer', note: 'not a name here' });
  Object.assign(orphaned, { status: 'accepted', anchor: 'orphaned', end: orphaned.start });
  Object.assign(modified, { status: 'accepted', anchor: 'modified', end: modified.end + 3 });
  Object.assign(conflicted, { status: 'accepted', by: 'Ana', conflict: { status: 'rejected', by: 'Ben' } });
  Object.assign(added, { status: 'accepted', origin: 'user', type: 'MISC', entity: 'Something else' });
  return serializeSidecar(buildSidecar('port-strike.txt', analysis, anns));
}

test('every form the writer produces validates against the JSON Schema', () => {
  const src = sidecarWithEveryForm();
  assert.ok(parseSidecar(src).ok, 'our own reader accepts it');
  for (const form of ['anchor: orphaned', 'anchor: modified', 'conflict: {', 'by: ', 'origin: user', 'figure', 'type: money']) {
    if (form !== 'figure') assert.ok(src.includes(form), `the file holds ${form}`);
  }
  assert.ok(validate(parse(src)), errors());
});

test('a version 1 file (kind, end and origin always written) still validates', () => {
  const v1 = {
    version: 1,
    article: 'a.txt',
    textHash: `sha256:${'0'.repeat(64)}`,
    offsets: 'utf16-lf',
    annotations: [{ id: 'e1', kind: 'entity', type: 'PER', start: 0, end: 5, text: 'Fiona', status: 'accepted', origin: 'model' }],
  };
  assert.ok(validate(v1), errors());
});

test('the schema refuses what the reader refuses', () => {
  const doc = parse(sidecarWithEveryForm());
  const bad = (mutate: (d: typeof doc) => void, what: string) => {
    const d = structuredClone(doc);
    mutate(d);
    assert.equal(validate(d), false, what);
    assert.equal(parseSidecar(`${JSON.stringify(d)}\n`).ok, false, `${what}: our reader refuses it too`);
  };
  bad((d) => (d.version = 3), 'a newer version');
  bad((d) => (d.annotations[0].anchor = 'lost'), 'an unknown anchor state');
  bad((d) => (d.annotations[0].status = 'maybe'), 'an unknown status');
  bad((d) => (d.annotations[0].color = 'red'), 'an unknown key');
  bad((d) => (d.annotations[0].type = 'PERSON'), 'an unknown type');
  bad((d) => delete d.annotations[0].text, 'no text');
});

test('every annotation is written with its status (suggested too); a file without one still reads, as suggested', () => {
  const head = `version: 2\narticle: a.txt\ntextHash: sha256:${'0'.repeat(64)}\nannotations:\n`;
  const bare = parseSidecar(`${head}  - {id: e1, type: PER, start: 0, text: Fiona}\n`);
  const explicit = parseSidecar(`${head}  - {id: e1, type: PER, start: 0, text: Fiona, status: suggested}\n`);
  assert.ok(bare.ok && explicit.ok);
  assert.equal(bare.doc.annotations[0]!.status, 'suggested');
  assert.deepEqual(bare.doc.annotations, explicit.doc.annotations);
  const src = serializeSidecar(bare.doc);
  assert.match(src, /text: Fiona, status: suggested\}/);
  assert.ok(validate(parse(src)), errors());
});
