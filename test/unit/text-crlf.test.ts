// Offsets of CRLF articles map back to the raw text exactly, also for a name that ends a line:
// its raw end lies before the CR (the contract's offsets and texts never take in a `\r`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { toContractRecord } from '../../src/core/contract';
import { normalizeText } from '../../src/core/text';

test('a boundary before a CRLF maps to the CR, after it to past the LF', () => {
  const n = normalizeText('ab\r\ncd\r\n\r\ne');
  assert.equal(n.text, 'ab\ncd\n\ne');
  // boundaries: after `b` (2), after the first newline (3), after `d` (5), the blank line (6, 7)
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map(n.toRaw), [0, 1, 2, 4, 5, 6, 8, 10, 11]);
  for (let o = 0; o <= n.text.length; o++) assert.equal(n.fromRaw(n.toRaw(o)), o);
  // a raw boundary between CR and LF maps to the newline's start
  assert.equal(n.fromRaw(3), 2);
  // lone CRs and LF text are unchanged in length
  const lone = normalizeText('a\rb');
  assert.equal(lone.text, 'a\nb');
  assert.deepEqual([0, 1, 2, 3].map(lone.toRaw), [0, 1, 2, 3]);
});

test('a name ending a CRLF line keeps its raw end before the CR in the contract record', () => {
  const raw = 'Talks resume in Nairobi\r\n\r\nThe envoy met President William Ruto in Nairobi.\r\nBy Amina Odhiambo\r\n';
  const norm = normalizeText(raw);
  const rec = toContractRecord('x.txt', analyze(norm.text), norm);
  const lineEnd = rec.entities.filter((e) => raw[e.end] === '\r');
  assert.ok(lineEnd.length >= 1, JSON.stringify(rec.entities));
  for (const e of rec.entities) {
    assert.equal(raw.slice(e.start, e.end), e.text);
    assert.ok(!e.text.includes('\r'), `no CR inside ${JSON.stringify(e.text)}`);
  }
});
