// Quotes on the shared data: the reference article's expectations and a floor on PolNeAR dev.
// Skipped (with the reason) when ../shared is not there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { linkEntities } from '../../src/core/entities/link';
import { recognizeEntities } from '../../src/core/ner';
import { findQuotes } from '../../src/core/quotes';
import { normalizeText } from '../../src/core/text';
import { sharedDir } from '../../scripts/shared';

const shared = sharedDir();
const seedFile = path.join(shared, 'corpus/seed/trump-xi-call.txt');
const polnearDev = path.join(shared, 'corpus/quotes/polnear/dev');

test('reference article: the six quotes and their speakers', { skip: !fs.existsSync(seedFile) && `${seedFile} not found` }, () => {
  const text = normalizeText(fs.readFileSync(seedFile, 'utf8')).text;
  const qs = analyze(text).quotes;
  const inner = (t: string) => t.replace(/^[\s'"‘’“”]+|[\s'"‘’“”.,]+$/g, '');
  const want: [string, string, string?][] = [
    ['All very positive', 'Donald Trump', 'headline'],
    ['excellent', 'Donald Trump'],
    ['turbulent', 'Xi Jinping and Vladimir Putin'],
    ['very positive', 'Donald Trump'],
    ['great prudence', 'Xi Jinping'],
    ['reciprocity', 'readout'],
  ];
  assert.equal(qs.length, want.length);
  for (const [frag, who, kind] of want) {
    const x = qs.find((y) => inner(y.text) === frag);
    assert.ok(x, `quote ${frag}`);
    assert.ok(x.speaker && x.speaker.name.includes(who), `speaker of ${frag}: ${x.speaker?.name}`);
    if (kind) assert.equal(x.kind, kind);
  }
  const turbulent = qs.find((y) => inner(y.text) === 'turbulent')!;
  assert.equal(text.slice(turbulent.speaker!.start, turbulent.speaker!.end), 'the two leaders');
  assert.equal(turbulent.speaker!.entityIds.length, 2);
});

test(
  'PolNeAR dev: quote recall ≥ 97 % and speaker accuracy ≥ 85 %',
  { skip: !fs.existsSync(polnearDev) && `${polnearDev} not found` },
  () => {
    let gold = 0;
    let found = 0;
    let withSource = 0;
    let right = 0;
    const ov = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const f of fs.readdirSync(path.join(polnearDev, 'text'))) {
      const base = f.replace(/\.txt$/, '');
      const ann = fs.readdirSync(path.join(polnearDev, 'attributions')).find((a) => a.startsWith(base + '_'));
      if (!ann) continue;
      const text = fs.readFileSync(path.join(polnearDev, 'text', f), 'utf8');
      const norm = normalizeText(text);
      assert.equal(norm.text, text, 'PolNeAR text needs no normalization');
      const { mentions, groups } = linkEntities(text, recognizeEntities(text));
      const qs = findQuotes(text, mentions, groups);
      const lines = fs.readFileSync(path.join(polnearDev, 'attributions', ann), 'utf8').split('\n');
      const spans = new Map<string, { start: number; end: number }>();
      for (const l of lines) {
        const m = /^(T\d+)\t\w+ (\d+) (\d+)/.exec(l);
        if (m) spans.set(m[1]!, { start: +m[2]!, end: +m[3]! });
      }
      for (const l of lines) {
        if (!l.startsWith('E')) continue;
        const roles = Object.fromEntries(
          l
            .split('\t')[1]!
            .split(' ')
            .map((x) => x.split(':')),
        );
        const c = spans.get(roles.Content);
        if (!c || !/["“”]/.test(text.slice(c.start, c.end))) continue;
        gold++;
        const x = qs.find((y) => ov(y, c));
        if (!x) continue;
        found++;
        const s = roles.Source ? spans.get(roles.Source) : undefined;
        if (!s) continue;
        withSource++;
        if (x.speaker && ov(x.speaker, s)) right++;
      }
    }
    assert.ok(gold > 500, `gold quotes read: ${gold}`);
    assert.ok(found / gold >= 0.97, `recall ${((100 * found) / gold).toFixed(1)}`);
    assert.ok(right / withSource >= 0.85, `speaker accuracy ${((100 * right) / withSource).toFixed(1)}`);
  },
);
