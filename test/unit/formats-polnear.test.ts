// PolNeAR (../shared/corpus/quotes/polnear/{train,dev}) is real brat data: importing every document
// must give annotation files whose quotes and speakers are exactly the brat Content and Source spans.
// The expected spans are read here with plain regular expressions, not with the importer.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { importInto } from '../../src/core/formats';
import { parseBrat } from '../../src/core/formats/brat';
import { parseSidecar, serializeSidecar, textHash } from '../../src/core/sidecar/yaml';
import { sharedDir } from '../../scripts/shared';

const root = path.join(sharedDir(), 'corpus', 'quotes', 'polnear');

/** UTF-16 offset of each code point index of a text. */
function unitsOf(text: string): number[] {
  const out: number[] = [];
  let u = 0;
  for (const ch of text) {
    out.push(u);
    u += ch.length;
  }
  out.push(u);
  return out;
}

test(
  'PolNeAR train + dev: every Content span is a quote and its Source the speaker, exactly',
  { skip: !fs.existsSync(root) && `${root} not found (set NEWS_ANNOTATOR_SHARED to the shared data folder)` },
  () => {
    const skipped = new Map<string, number>();
    const counts = {
      docs: 0,
      contents: 0,
      quotes: 0,
      withSpeaker: 0,
      direct: 0,
      indirect: 0,
      split: 0,
      multiSource: 0,
      roleSwaps: 0,
      problems: 0,
    };
    for (const split of ['train', 'dev']) {
      const dir = path.join(root, split);
      const texts = new Set(fs.readdirSync(path.join(dir, 'text')));
      // Some articles were annotated twice (x_d473.ann, x_4e07.ann): every .ann file is imported.
      for (const af of fs.readdirSync(path.join(dir, 'attributions')).sort()) {
        const tf = af.replace(/(_[0-9a-f]{4})?\.ann$/, '.txt');
        assert.ok(texts.has(tf), `${af}: no ${tf}`);
        const raw = fs.readFileSync(path.join(dir, 'text', tf), 'utf8');
        const annSrc = fs.readFileSync(path.join(dir, 'attributions', af), 'utf8');
        counts.docs++;
        // Expected, straight from the lines.
        const units = unitsOf(raw);
        const points = Array.from(raw);
        const t = new Map<string, { type: string; frags: [number, number][] }>();
        const sourceOf = new Map<string, string>();
        const sources = new Map<string, Set<string>>();
        const events: [string, string][][] = [];
        for (const l of annSrc.split('\n')) {
          const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(l);
          if (m)
            t.set(m[1]!, {
              type: m[2]!,
              frags: m[3]!
                .split(';')
                .map((f) => f.trim().split(' ').map(Number) as [number, number])
                .sort((a, b) => a[0] - b[0]),
            });
          const e = /^E\d+\t(.*)$/.exec(l);
          if (e)
            events.push(
              e[1]!
                .trim()
                .split(' ')
                .map((x) => x.split(':') as [string, string]),
            );
        }
        // Every Content span of an attribution (Content, Content2, …) has the attribution's Source span as
        // speaker. By the spans' types: a few attributions swap the role names (Content:T194 of type Source).
        for (const roles of events) {
          const args = roles.slice(1).filter(([, id]) => t.has(id));
          if (args.some(([role, id]) => /^Content\d*$/.test(role) !== (t.get(id)!.type === 'Content'))) counts.roleSwaps++;
          const s = args.find(([, id]) => t.get(id)!.type === 'Source')?.[1];
          for (const [, c] of args.filter(([, id]) => t.get(id)!.type === 'Content')) {
            if (!s) continue;
            if (!sourceOf.has(c)) sourceOf.set(c, s);
            sources.set(c, new Set([...(sources.get(c) ?? []), s]));
          }
        }
        const ws = (a: number, b: number) => /^[\s\u0085]*$/.test(points.slice(a, b).join(''));
        const runs = (frags: [number, number][]) => {
          const out: [number, number][] = [];
          for (const f of frags) {
            const last = out[out.length - 1];
            if (last && ws(last[1], f[0])) last[1] = Math.max(last[1], f[1]);
            else out.push([f[0], f[1]]);
          }
          return out;
        };
        const expected: string[] = [];
        for (const [id, x] of t) {
          if (x.type !== 'Content') continue;
          counts.contents++;
          const r = runs(x.frags);
          if (r.length > 1) counts.split++;
          if ((sources.get(id)?.size ?? 0) > 1) counts.multiSource++;
          const s = sourceOf.get(id);
          const sp = s ? runs(t.get(s)!.frags)[0]! : null;
          for (const [a, b] of r) expected.push(`${units[a]}-${units[b]} ${sp ? `${units[sp[0]]}-${units[sp[1]]}` : 'none'}`);
        }
        // Imported, written and read back as an annotation file.
        const doc = parseBrat(annSrc, raw).docs[0]!;
        const r = importInto([], doc, raw, true);
        for (const x of doc.skipped) skipped.set(x.what, (skipped.get(x.what) ?? 0) + x.count);
        counts.problems += r.placed.problems.length;
        assert.deepEqual(r.placed.problems, [], `${af}`);
        const file = serializeSidecar({ article: tf, textHash: textHash(raw), subjects: [], sections: [], annotations: r.annotations });
        const back = parseSidecar(file);
        assert.ok(back.ok, af);
        const quotes = back.doc.annotations.filter((a) => a.kind === 'quote');
        const got = quotes.map((q) => `${q.start}-${q.end} ${q.speaker ? `${q.speaker.start}-${q.speaker.end}` : 'none'}`);
        assert.deepEqual(got.sort(), expected.sort(), af);
        for (const q of quotes) {
          assert.equal(raw.slice(q.start, q.end), q.text);
          assert.equal(q.origin, 'import');
          assert.equal(q.status, 'accepted');
          if (q.speaker) counts.withSpeaker++;
          if (q.type === 'direct') counts.direct++;
          else counts.indirect++;
        }
        counts.quotes += quotes.length;
      }
    }
    console.log(`PolNeAR import: ${JSON.stringify(counts)}`);
    console.log(`PolNeAR, not held: ${JSON.stringify(Object.fromEntries(skipped))}`);
    assert.equal(counts.docs, 919 + 94);
    assert.ok(counts.quotes >= counts.contents);
  },
);
