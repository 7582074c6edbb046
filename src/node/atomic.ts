/**
 * Reading and writing annotation files (and reading articles) on disk, safely:
 * - reads are bounded: only regular files are read (a FIFO, a device such as /dev/zero behind a
 *   symlink, a directory are refused before anything is read), and the size is checked first;
 * - writes are atomic (a temporary file in the same folder, flushed, renamed over the target), so a
 *   crash leaves the old or the new file, never half of one; the temporary file is removed on any
 *   failure (a full disk), and those left by killed writers are removed by the next write;
 * - compare-and-swap: the write is refused when the target changed since the caller read it;
 * - the target's permissions are kept; a read-only file is not replaced; a symbolic link is written
 *   through when its target is inside the link's own folder, refused otherwise.
 * Every error names the file and says what happened in words (with the system's code).
 */
import fs from 'node:fs';
import path from 'node:path';

export class ConcurrentChangeError extends Error {}

export class InvalidEncodingError extends Error {}

/** A file that cannot be read or written, with a message that names it. */
export class FileError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Control characters, line separators and bidi controls in a file name, escaped for one line of output. */
export function displayPath(p: string): string {
  return p.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

const WHY: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

/** A system error as a sentence about `file`. */
export function describeError(e: unknown, file: string, doing: 'read' | 'write'): FileError {
  if (e instanceof FileError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why = (code && WHY[code]) ?? 'an unexpected error';
  return new FileError(`cannot ${doing} ${displayPath(file)}: ${why}${code ? ` (${code})` : ''}`, code);
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** What a bounded read found. */
export interface BoundedRead {
  bytes: Buffer;
  stats: fs.Stats;
}

/**
 * Reads a regular file of at most `maxBytes` bytes, or null when it does not exist. Anything else
 * (a FIFO — opened without blocking —, a device, a directory, a larger file) throws a {@link FileError}
 * before its content is read.
 */
export function readBounded(file: string, maxBytes: number, what = 'file'): BoundedRead | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw describeError(e, file, 'read');
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new FileError(`${displayPath(file)} is ${kindOf(stats)}, not a ${what}; not read`);
    if (stats.size > maxBytes) {
      throw new FileError(
        `${displayPath(file)} is ${(stats.size / 1048576).toFixed(1)} MB, more than the ` +
          `${(maxBytes / 1048576).toFixed(1)} MB a ${what} may have here; not read`,
        'EFBIG',
      );
    }
    const bytes = Buffer.allocUnsafe(stats.size);
    let got = 0;
    while (got < bytes.length) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break; // the file shrank while being read
      got += n;
    }
    return { bytes: got === bytes.length ? bytes : bytes.subarray(0, got), stats };
  } catch (e) {
    throw describeError(e, file, 'read');
  } finally {
    fs.closeSync(fd);
  }
}

/** Largest annotation file read when the caller knows no better limit (see `sidecarByteLimit`). */
export const DEFAULT_MAX_TEXT_BYTES = 256 * 1024 * 1024;

/**
 * Reads a UTF-8 text file (bounded, see {@link readBounded}), or null when it does not exist.
 * Invalid UTF-8 throws {@link InvalidEncodingError} instead of being replaced by U+FFFD (which a later
 * save would write back).
 */
export function readTextOrNull(file: string, maxBytes = DEFAULT_MAX_TEXT_BYTES): string | null {
  const r = readBounded(file, maxBytes, 'annotation file');
  if (r === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(r.bytes);
  } catch {
    throw new InvalidEncodingError(`${displayPath(file)} is not valid UTF-8`);
  }
}

/** Temporary files older than this are removed even when their writer's process id is in use again. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/**
 * Atomically replaces `file` with `content`. When `expected` is given (the content the caller read,
 * null for "did not exist"), throws {@link ConcurrentChangeError} if the file differs from it now.
 * Throws {@link FileError} when the file may not or cannot be written (read-only, a symbolic link
 * leaving its folder, a full disk …); nothing is left behind then.
 */
export function writeFileAtomic(file: string, content: string, expected?: string | null): void {
  const target = resolveTarget(file);
  const dir = path.dirname(target.path);
  removeStaleTemporaries(dir, path.basename(target.path));
  const tmp = path.join(dir, `.${path.basename(target.path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', target.mode ?? 0o666);
  } catch (e) {
    throw describeError(e, file, 'write');
  }
  try {
    try {
      // openSync's mode is filtered by the umask: set the kept mode exactly.
      if (target.mode !== undefined) fs.fchmodSync(fd, target.mode);
      fs.writeFileSync(fd, content, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (expected !== undefined && readTextOrNull(target.path) !== expected) {
      throw new ConcurrentChangeError(`${displayPath(file)} changed on disk while it was being updated; nothing was written`);
    }
    renameWithRetry(tmp, target.path);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof ConcurrentChangeError || e instanceof FileError || e instanceof InvalidEncodingError) throw e;
    throw describeError(e, file, 'write');
  }
}

/**
 * Where a write to `file` goes and with which permissions: the file itself, or the target of a
 * symbolic link that stays inside the link's folder. Refuses read-only files and links that leave
 * their folder (or point nowhere).
 */
function resolveTarget(file: string): { path: string; mode?: number } {
  let lst: fs.Stats;
  try {
    lst = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: file };
    throw describeError(e, file, 'write');
  }
  let target = file;
  if (lst.isSymbolicLink()) {
    let real: string;
    let folder: string;
    try {
      real = fs.realpathSync(file);
      folder = fs.realpathSync(path.dirname(file));
    } catch {
      throw new FileError(`${displayPath(file)} is a symbolic link to a file that does not exist; not written`);
    }
    const rel = path.relative(folder, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new FileError(
        `${displayPath(file)} is a symbolic link to a file outside its folder; not written (replace the link ` +
          `by the file to let News Annotator update it)`,
      );
    }
    target = real;
  }
  const st = lst.isSymbolicLink() ? fs.statSync(target) : lst;
  if (!st.isFile()) throw new FileError(`${displayPath(file)} is ${kindOf(st)}; not written`);
  const mode = st.mode & 0o7777;
  if ((mode & 0o200) === 0)
    throw new FileError(`${displayPath(file)} is read-only; not written (make it writable to let News Annotator update it)`);
  return { path: target, mode };
}

/**
 * Removes temporary files left by writers of `base` that died (their process no longer exists, or
 * the file is older than any write takes).
 */
function removeStaleTemporaries(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  const now = Date.now();
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith('.tmp')) continue;
    const pid = Number(n.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid)) continue;
    const p = path.join(dir, n);
    let old: boolean;
    try {
      old = now - fs.lstatSync(p).mtimeMs > STALE_TEMPORARY_MS;
    } catch {
      continue;
    }
    if (pid !== process.pid && isAlive(pid) && !old) continue;
    if (pid === process.pid && !old) continue;
    fs.rmSync(p, { force: true });
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
