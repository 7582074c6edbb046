// Annotations read from another tool's file (origin: import) and reported speech (type indirect):
// the annotation file holds them, and re-analysis keeps them like decisions.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { contextAround, type Annotation } from '../../src/core/sidecar/model';
import { annotateWith, buildSidecar, loadSidecar } from '../../src/core/sidecar/session';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/yaml';

const TEXT = 'Fiona McLeod said the city would spend £40m on a tram line.\n';

function imported(start: number, end: number, type: string, kind: Annotation['kind'], status: Annotation['status']): Annotation {
  return {
    id: '',
    kind,
    type,
    start,
    end,
    text: TEXT.slice(start, end),
    ...contextAround(TEXT, start, end),
    status,
    origin: 'import',
    anchor: 'ok',
  };
}

test('origin import and type indirect are written, read back and survive re-analysis', () => {
  const said = TEXT.indexOf('the city');
  const quote = imported(said, TEXT.indexOf('.'), 'indirect', 'quote', 'suggested');
  quote.speaker = { name: 'Fiona McLeod', text: 'Fiona McLeod', start: 0, end: 12 };
  quote.id = 'qimported01';
  const a = analyze(TEXT, {});
  const src = serializeSidecar(buildSidecar('tram.txt', a, annotateWith(a, [quote])));
  assert.match(src, /origin: import/);
  assert.match(src, /type: indirect/);
  const parsed = parseSidecar(src);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problem));
  const back = parsed.doc.annotations.find((x) => x.id === 'qimported01');
  assert.equal(back?.origin, 'import');
  assert.equal(back?.status, 'suggested');
  // An imported suggestion is not the model's: the next analysis keeps it (a model one would be replaced).
  const again = annotateWith(a, loadSidecar(src, TEXT).annotations);
  assert.ok(again.some((x) => x.id === 'qimported01' && x.origin === 'import' && x.type === 'indirect'));
  assert.equal(serializeSidecar(buildSidecar('tram.txt', a, again)), src);
});

test('an unknown origin is still an error with its line', () => {
  const src =
    `version: 2\narticle: a.txt\ntextHash: sha256:${'0'.repeat(64)}\nannotations:\n  - {id: ` +
    `e1, type: PER, start: 0, text: Fiona, status: accepted, origin: robot}\n`;
  const r = parseSidecar(src);
  assert.ok(!r.ok);
  assert.match(r.problem.message, /origin must be one of model, user, import \(line 5\)/);
});

test('the JSON schema allows origin import and type indirect', () => {
  const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/annotations.schema.json'), 'utf8'));
  const ann = schema.definitions.annotation;
  assert.deepEqual(ann.properties.origin.enum, ['model', 'user', 'import']);
  assert.ok(JSON.stringify(ann.allOf).includes('"indirect"'));
});
