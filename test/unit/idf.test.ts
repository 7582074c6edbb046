import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIdfTable, decodeIdfTable, encodeIdfTable, IdfBuilder, idfOf } from '../../src/core/topics/idf';
import { analyze } from '../../src/core/analyze';

const docs = Array.from(
  { length: 30 },
  (_, i) => `Council votes on budget ${i}. The mayor said soybeans ${i % 3 === 0 ? 'and tariffs' : ''} matter.`,
);

test('the incremental builder gives the same table as buildIdfTable', () => {
  const b = new IdfBuilder();
  for (const d of docs) b.add(d);
  assert.equal(b.documents, docs.length);
  const t1 = b.table();
  const t2 = buildIdfTable(docs);
  assert.deepEqual([...t1.weights].sort(), [...t2.weights].sort());
  assert.ok(idfOf(t1, 'tariffs') > idfOf(t1, 'council'), 'a rarer word weighs more');
});

test('a workspace table survives encoding (weights to 0.1) and garbage is refused', () => {
  const t = buildIdfTable(docs);
  const back = decodeIdfTable(JSON.parse(JSON.stringify(encodeIdfTable(t))))!;
  assert.equal(back.docCount, t.docCount);
  for (const [w, v] of t.weights) assert.ok(Math.abs(idfOf(back, w) - v) <= 0.05 + 1e-9, w);
  assert.equal(decodeIdfTable({ docs: 'x' }), null);
  assert.equal(decodeIdfTable(null), null);
  assert.equal(decodeIdfTable({ docs: 3, unseen: 1, groups: 'x:a b' }), null);
});

test('analyze takes a workspace table', () => {
  const text =
    'Soybean deal\n\nChina agreed to buy more soybeans from the U.S., officials said on ' +
    'Tuesday.\n\nFarmers welcomed the soybean purchases.';
  const a = analyze(text, { idf: buildIdfTable(docs) });
  assert.ok(a.sections.length >= 1);
});
