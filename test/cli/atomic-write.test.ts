// A writer killed at random points, 100 times: the sidecar on disk is always whole (old or new).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConcurrentChangeError, writeFileAtomic } from '../../src/node/atomic';

const A = 'version: 1\n' + 'a: "' + 'x'.repeat(400_000) + '"\n';
const B = 'version: 1\n' + 'b: "' + 'y'.repeat(600_000) + '"\n';

// When started as the child, write A and B alternately until killed.
if (process.env.NA_ATOMIC_CHILD) {
  const file = process.env.NA_ATOMIC_CHILD;
  for (let i = 0; ; i++) {
    writeFileAtomic(file, i % 2 ? A : B);
    if (i === 0) process.stdout.write('ready\n');
  }
}

test('killing a writer at random points 100 times never leaves a partial file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-atomic-'));
  const file = path.join(dir, 'a.annotations.yaml');
  fs.writeFileSync(file, A);
  let sawB = 0;
  for (let i = 0; i < 100; i++) {
    const child = spawn(process.execPath, [__filename], {
      env: { ...process.env, NA_ATOMIC_CHILD: file },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Wait until the child has written once (start-up time varies with load), then kill it at a random point.
    await new Promise((r) => child.stdout.once('data', r));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 60)));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const now = fs.readFileSync(file, 'utf8');
    assert.ok(now === A || now === B, `run ${i}: the file is whole (${now.length} chars)`);
    if (now === B) sawB++;
  }
  assert.ok(sawB > 0, 'the writer did replace the file at least once');
  // Temporary files of killed writers are cleaned up by the next write.
  writeFileAtomic(file, A);
  assert.deepEqual(fs.readdirSync(dir), ['a.annotations.yaml']);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('compare-and-swap: a file changed since it was read is not overwritten', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-cas-'));
  const file = path.join(dir, 'x.annotations.yaml');
  fs.writeFileSync(file, 'old\n');
  fs.writeFileSync(file, 'changed by someone else\n');
  assert.throws(() => writeFileAtomic(file, 'mine\n', 'old\n'), ConcurrentChangeError);
  assert.equal(fs.readFileSync(file, 'utf8'), 'changed by someone else\n');
  assert.deepEqual(fs.readdirSync(dir), ['x.annotations.yaml'], 'no temporary file left behind');
  writeFileAtomic(file, 'mine\n', 'changed by someone else\n');
  assert.equal(fs.readFileSync(file, 'utf8'), 'mine\n');
  assert.throws(() => writeFileAtomic(path.join(dir, 'new.yaml'), 'x', 'expected an existing file'), ConcurrentChangeError);
});
