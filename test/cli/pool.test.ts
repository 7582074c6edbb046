// The worker that analyses one very long article alone: its memory limit holds. A job that needs more
// fails with an out-of-memory error naming the limit; nothing runs it again without one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runIsolated, WorkerOutOfMemoryError } from '../../src/node/pool';

test('a job that outgrows its memory limit rejects with WorkerOutOfMemoryError (it is not run again without a limit)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-pool-'));
  const script = path.join(dir, 'greedy.js');
  const runs = path.join(dir, 'runs');
  // Counts its runs in a file, then keeps memory until the heap limit stops it.
  fs.writeFileSync(
    script,
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', () => {
       require('node:fs').appendFileSync(${JSON.stringify(runs)}, 'x');
       const kept = [];
       for (;;) kept.push(new Array(100000).fill(kept.length));
     });`,
  );
  await assert.rejects(
    runIsolated(script, {}, 'article.txt', 48),
    (e: unknown) => e instanceof WorkerOutOfMemoryError && e.limitMb === 48 && /ran out of memory at 48 MB/.test(e.message),
  );
  assert.equal(fs.readFileSync(runs, 'utf8'), 'x', 'run once');
  fs.rmSync(dir, { recursive: true, force: true });
});
