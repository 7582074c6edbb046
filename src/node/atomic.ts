/**
 * Safe file writes for sidecars: write a temporary file in the same folder, flush it, then rename
 * it over the target, so a crash leaves either the old or the new file, never half of one.
 * Compare-and-swap: the write is refused when the target changed since the caller read it.
 */
import fs from 'node:fs';
import path from 'node:path';

export class ConcurrentChangeError extends Error {}

export class InvalidEncodingError extends Error {}

/**
 * Reads a UTF-8 text file, or null when it does not exist. Invalid UTF-8 throws
 * {@link InvalidEncodingError} instead of being replaced by U+FFFD (which a later save would write back).
 */
export function readTextOrNull(file: string): string | null {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidEncodingError(`${file} is not valid UTF-8`);
  }
}

/**
 * Atomically replaces `file` with `content`. When `expected` is given (the content the caller read,
 * null for "did not exist"), throws {@link ConcurrentChangeError} if the file differs from it now.
 */
export function writeFileAtomic(file: string, content: string, expected?: string | null): void {
  const dir = path.dirname(file);
  removeStaleTemporaries(dir, path.basename(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (expected !== undefined && readTextOrNull(file) !== expected) {
      throw new ConcurrentChangeError(`${file} changed on disk while it was being updated; nothing was written`);
    }
    renameWithRetry(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes temporary files left by writers of `base` that died (their process no longer exists). */
function removeStaleTemporaries(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith('.tmp')) continue;
    const pid = Number(n.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(dir, n), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function renameWithRetry(from: string, to: string): void {
  for (let i = 0; ; i++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Windows: a virus scanner or an editor can hold the target briefly.
      if ((code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') && i < 10) {
        const until = Date.now() + 20 * (i + 1);
        while (Date.now() < until) {
          /* brief synchronous back-off */
        }
        continue;
      }
      throw e;
    }
  }
}
