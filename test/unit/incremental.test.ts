import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { splitBlocks } from '../../src/core/blocks';
import { shiftAnalysis } from '../../src/core/liveDocument';

const root = path.resolve(__dirname, '../../..');
const samples = fs
  .readdirSync(path.join(root, 'samples'))
  .sort()
  .map((f) => fs.readFileSync(path.join(root, 'samples', f), 'utf8'));
const longText = (n: number) =>
  Array.from({ length: n }, (_, i) => samples[i % samples.length]!.replace('on Tuesday', `on Tuesday (${i})`)).join('\n\n');

test('blocks cover the text, end at paragraph breaks and are at least the block size', () => {
  const text = longText(120);
  const blocks = splitBlocks(text, 20_000, 0);
  assert.equal(blocks[0]!.start, 0);
  assert.equal(blocks[blocks.length - 1]!.end, text.length);
  for (let i = 1; i < blocks.length; i++) {
    assert.equal(blocks[i]!.start, blocks[i - 1]!.end);
    assert.equal(text.slice(blocks[i]!.start - 2, blocks[i]!.start), '\n\n');
    assert.ok(blocks[i - 1]!.end - blocks[i - 1]!.start >= 20_000);
    assert.ok(blocks[i - 1]!.end - blocks[i - 1]!.start <= 6 * 16 * 1024 + 5000);
  }
});

test(
  'a paragraph longer than a block is cut inside it (at line breaks, else sentence ends, else ' +
    "spaces): the tagger's memory stays bounded",
  () => {
    const max = 2 * 6 * 16 * 1024; // blocks over this are cut inside, into blocks of 16–96 k
    const check = (text: string, cutOk: (at: number) => boolean) => {
      const blocks = splitBlocks(text);
      assert.ok(blocks.length >= Math.ceil(text.length / max), `${blocks.length} blocks`);
      assert.equal(blocks[0]!.start, 0);
      assert.equal(blocks[blocks.length - 1]!.end, text.length);
      for (const [i, b] of blocks.entries()) {
        assert.ok(b.end - b.start <= max, `block ${i}: ${b.end - b.start} characters`);
        if (i > 0) assert.equal(b.start, blocks[i - 1]!.end);
        if (i < blocks.length - 1) assert.ok(cutOk(b.end), `cut at ${b.end}: ${JSON.stringify(text.slice(b.end - 10, b.end + 10))}`);
      }
      return blocks;
    };
    // One sentence repeated on one line (a megabyte: one paragraph).
    const sentence = 'Finance Minister Anna Berg said on Monday that the plan would cost $5.2 million. ';
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const cuts = check(line, (at) => line.slice(at - 2, at) === '. ').map((b) => b.end);
    // An edit moves only the cuts near it (they are chosen by the text that follows, not by position).
    const edited = 'Breaking: ' + line;
    const moved = splitBlocks(edited).map((b) => b.end - 'Breaking: '.length);
    assert.ok(cuts.filter((c) => moved.includes(c)).length >= cuts.length - 2, 'the other cuts stay where they were');
    // Line breaks inside the paragraph are preferred; text without any space is cut between characters.
    const lines = (sentence.repeat(40) + '\n').repeat(400);
    check(lines, (at) => lines[at - 1] === '\n');
    const emoji = '👩\u200d👩\u200d👧'.repeat(60_000);
    check(emoji, (at) => !/[\ud800-\udbff]/.test(emoji[at - 1]!));
  },
);

test('an article of one block is analysed exactly like analyze()', () => {
  for (const t of samples)
    assert.deepEqual(new IncrementalAnalyzer().analyze(t, { fileDate: '2026-05-01' }), analyze(t, { fileDate: '2026-05-01' }));
});

test('after an edit only the changed block is tagged again, with the same result as from scratch', () => {
  const text = longText(260);
  assert.ok(text.length > 256 * 1024, 'long enough to be tagged in blocks');
  const inc = new IncrementalAnalyzer();
  inc.analyze(text);
  assert.ok(inc.lastBlocks > 5, `${inc.lastBlocks} blocks`);
  assert.equal(inc.lastTagged, inc.lastBlocks);
  const at = Math.floor(text.length / 2);
  const edited = text.slice(0, at) + ' Mayor Anna Kowalski said so.' + text.slice(at);
  const again = inc.analyze(edited);
  assert.ok(inc.lastTagged <= 2, `tagged ${inc.lastTagged} of ${inc.lastBlocks}`);
  assert.deepEqual(again.entities, new IncrementalAnalyzer().analyze(edited).entities);
  assert.ok(again.entities.some((e) => e.text === 'Anna Kowalski' && e.type === 'PER'));
});

test('shiftAnalysis keeps spans on their words across an edit', () => {
  const text = samples[0]!;
  const a = analyze(text);
  const at = text.indexOf('\n') + 1;
  const ins = 'A new line at the top of the body.\n';
  shiftAnalysis(a, { start: at, end: at, text: ins });
  const edited = text.slice(0, at) + ins + text.slice(at);
  for (const e of a.entities) if (e.start >= at) assert.equal(edited.slice(e.start, e.end), e.text);
  for (const q of a.quotes) if (q.start >= at) assert.equal(edited.slice(q.start, q.end), q.text);
  for (const f of a.figures) if (f.start >= at) assert.equal(edited.slice(f.start, f.end), f.text);
});

test('analyze() and the incremental analyzer agree on a long text (tagged by the same blocks)', () => {
  const text = longText(220);
  assert.ok(text.length > 256 * 1024);
  assert.deepEqual(new IncrementalAnalyzer().analyze(text).entities, analyze(text).entities);
  assert.equal(splitBlocks(samples[0]!).length, 1, 'an article is one block');
});
