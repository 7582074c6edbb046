// Gazetteer matching (longest match, positions, case rules, line limits), gazetteer features in
// the tagger's feature set, and the model file round trip (weights, clusters, gazetteer).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAP_LOWER, computeAttrs, extractFeatures, MAX_FEATURES } from '../../src/core/ner/features';
import { GAZ, Gazetteer, hasCategory } from '../../src/core/ner/gazetteer';
import { NUM_LABELS } from '../../src/core/ner/labels';
import { decodeModel, encodeModel, fromBase64, lookup, toBase64, weightOf, type RawModel } from '../../src/core/ner/model';
import { tokenize } from '../../src/core/ner/tokenize';
import { buildGazetteer } from '../../scripts/ner/gazetteer-data';

const gaz = Gazetteer.fromLists([
  [GAZ.country, 'United States|U.S.|China|Bosnia and Herzegovina'],
  [GAZ.city, 'New York|York'],
  [GAZ.title, 'President|Prime Minister'],
  [GAZ.person, 'Xi Jinping'],
  [GAZ.particle, 'bin|al'],
]);

function bits(text: string, g = gaz) {
  const t = tokenize(text);
  const a = computeAttrs(text, t, { cluster: () => 0, gazetteer: g });
  return { t, a, word: (i: number) => text.slice(t.start[i]!, t.end[i]!) };
}

/** Position letter (B I L U) of category `cat` on token `i`, or '' when absent. */
function pos(a: { gazLo: Int32Array; gazHi: Int32Array }, i: number, cat: number): string {
  const b = cat * 4;
  const v = b < 32 ? (a.gazLo[i]! >>> b) & 15 : (a.gazHi[i]! >>> (b - 32)) & 15;
  return 'BILU'
    .split('')
    .filter((_, k) => v & (1 << k))
    .join('');
}

describe('gazetteer', () => {
  test('longest match per category, with B/I/L/U positions', () => {
    const { a, word } = bits('He flew from New York to Bosnia and Herzegovina with Prime Minister Xi Jinping.');
    const idx = (w: string) => [...Array(a.n).keys()].find((i) => word(i) === w)!;
    assert.equal(pos(a, idx('New'), GAZ.city), 'B');
    assert.ok(pos(a, idx('York'), GAZ.city).includes('L'), 'York ends New York (it may also match alone)');
    assert.equal(pos(a, idx('Bosnia'), GAZ.country), 'B');
    assert.equal(pos(a, idx('and'), GAZ.country), 'I');
    assert.equal(pos(a, idx('Herzegovina'), GAZ.country), 'L');
    assert.equal(pos(a, idx('Prime'), GAZ.title), 'B');
    assert.equal(pos(a, idx('Jinping'), GAZ.person), 'L');
    assert.ok(hasCategory(a.gazLo[idx('Minister')]!, a.gazHi[idx('Minister')]!, GAZ.title));
    assert.ok(!hasCategory(a.gazLo[idx('flew')]!, a.gazHi[idx('flew')]!, GAZ.title));
  });

  test('case-insensitive for capitalised text, but a capitalised entry never matches a lower-case word', () => {
    const caps = bits('CHINA AND THE U.S.');
    assert.equal(pos(caps.a, 0, GAZ.country), 'U');
    const lower = bits('give us china');
    assert.equal(lower.a.cap[1], CAP_LOWER);
    assert.equal(pos(lower.a, 1, GAZ.country), '', '"us" is not the US');
    assert.equal(pos(lower.a, 2, GAZ.country), '');
    const particle = bits('Osama bin Laden');
    assert.equal(pos(particle.a, 1, GAZ.particle), 'U', 'lower-case entries match lower-case words');
  });

  test('matches never cross a line break', () => {
    const { a } = bits('New\nYork');
    assert.equal(pos(a, 0, GAZ.city), '');
    assert.equal(pos(a, 1, GAZ.city), 'U');
  });

  test('the built-in lists load and know world names', () => {
    const g = buildGazetteer();
    assert.ok(g.entries > 3000, `${g.entries} entries`);
    const { a, word } = bits('Narendra Modi met Cyril Ramaphosa in Addis Ababa and Beijing.', g);
    const idx = (w: string) => [...Array(a.n).keys()].find((i) => word(i) === w)!;
    assert.equal(pos(a, idx('Modi'), GAZ.person), 'L');
    assert.equal(pos(a, idx('Ababa'), GAZ.city), 'L');
    assert.equal(pos(a, idx('Beijing'), GAZ.city), 'U');
    assert.ok(hasCategory(a.gazLo[idx('Cyril')]!, a.gazHi[idx('Cyril')]!, GAZ.first));
  });

  test('gazetteer matches change the token features', () => {
    const text = 'talks in Ruritania today';
    const empty = Gazetteer.fromLists([]);
    const withIt = Gazetteer.fromLists([[GAZ.country, 'Ruritania']]);
    const feats = (g: Gazetteer) => {
      const t = tokenize(text);
      const a = computeAttrs(text, t, { cluster: () => 0, gazetteer: g });
      const out = new Int32Array(MAX_FEATURES);
      const k = extractFeatures(a, 2, out);
      return new Set(out.subarray(0, k));
    };
    const a = feats(empty);
    const b = feats(withIt);
    const added = [...b].filter((h) => !a.has(h));
    assert.ok(added.length >= 2, 'country features on the token');
  });
});

describe('model file', () => {
  test('encode → base64 → decode keeps features, weights (within quantization), clusters and gazetteer', () => {
    const n = 500;
    const hashes = new Int32Array(n).map((_, i) => Math.imul(i + 1, 0x9e3779b1) | 0 || 7);
    const weights = new Float32Array(n * NUM_LABELS).map((_, i) => (i % 7 === 0 ? Math.sin(i) * 10 : 0));
    weights[3 * NUM_LABELS + 5] = 0.0001; // below the threshold: dropped
    const trans = new Float32Array((NUM_LABELS + 1) * NUM_LABELS).map((_, i) => Math.cos(i));
    const raw: RawModel = {
      stages: [{ kind: 'base', hashes, weights, trans }],
      clusterHashes: Int32Array.from([11, -22, 33]),
      clusterCodes: Uint16Array.from([5, 6, 7]),
      gazetteer: gaz.packed(),
      meta: { note: 'tést' },
    };
    const model = decodeModel(fromBase64(toBase64(encodeModel(raw, { threshold: 0.01 }))));
    assert.equal(model.meta.note, 'tést');
    assert.equal(model.cluster(-22), 6);
    assert.equal(model.cluster(44), 0);
    assert.equal(model.gazetteer.entries, gaz.entries);
    let checked = 0;
    for (let f = 0; f < n; f++) {
      const row = lookup(model.features, hashes[f]!);
      const any = weights.subarray(f * NUM_LABELS, (f + 1) * NUM_LABELS).some((w) => Math.abs(w) >= 0.1);
      if (!any) continue;
      assert.ok(row >= 0, `feature ${f} kept`);
      for (let l = 0; l < NUM_LABELS; l++) {
        const w = weights[f * NUM_LABELS + l]!;
        const q = weightOf(model, row, 0, l);
        if (Math.abs(w) >= 0.1) assert.ok(Math.abs(q - w) <= Math.abs(w) * 0.05 + 0.05, `w ${w} → ${q}`);
        checked++;
      }
    }
    assert.ok(checked > 100);
    assert.equal(lookup(model.features, 123456789), -1);
  });

  test('base64 round trip of every byte value, with and without a native text encoder', () => {
    const g = globalThis as { TextEncoder?: unknown };
    const native = g.TextEncoder;
    try {
      for (const withNative of [true, false]) {
        if (!withNative) delete g.TextEncoder;
        for (const len of [0, 1, 2, 3, 4, 255, 256, 1000]) {
          const bytes = new Uint8Array(len).map((_, i) => (i * 37 + len) & 255);
          assert.deepEqual([...fromBase64(toBase64(bytes))], [...bytes], `length ${len}, native ${withNative}`);
        }
      }
    } finally {
      g.TextEncoder = native;
    }
  });
});
