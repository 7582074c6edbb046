/**
 * news-annotator — the command-line tool on the same core as the extension.
 * Exit codes: 0 ok; 1 findings — check failed, a file could not be read, analysed or written (named on
 * stderr; every other file was still processed), a merge that needs a person; 2 usage error, or nothing
 * to process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import v8 from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { mergeSidecars } from '../core/sidecar/merge';
import { MAX_SIDECAR_BYTES, parseSidecar, serializeSidecar, type SidecarDoc } from '../core/sidecar/yaml';
import { displayPath, readTextOrNull, writeFileAtomic } from '../node/atomic';
import { isolatedHeapLimitMb, LARGE_FILE_BYTES, runIsolated, runPool, WORKER_ROLE, WorkerOutOfMemoryError } from '../node/pool';
import { EXCHANGE_HELP, runExchange } from './exchange';
import { collectInputs, takeInputOptions, type InputOptions } from './inputs';
import { lexiconFromSidecars, makeJob, type JobInit, type JobKind, type JobResult } from './jobs';
import { runTeamCommand, TEAM_HELP } from './team';

const VERSION = '0.1.0';

// A batch run is short and compiles the analyzers from scratch in every thread: with V8's default
// budget, hot functions are optimized before their types settle, then deoptimized and compiled again
// (Node 20, the 1,113 BBC articles: 378 optimizing compiles, 2.9 s of compiler time per thread).
// Waiting for settled feedback (173 compiles, 1.0 s) matters most when every core is analysing and
// the compiler has no idle core to run on. Process-wide, so workers share it. V8 renamed the
// setting in version 12 (Node 22), and an unknown flag prints an error, so only known engines get
// one. Measured on 2 cores, BBC folder: Node 20 2.9 → 2.6 s, Node 22 2.9 → 2.4 s; Node 24 (V8 13,
// whose Maglev tier warms up cheaply) gains nothing (2.7 s either way) and keeps its defaults.
const V8_BATCH_FLAGS: Record<number, string> = { 11: '--interrupt-budget=600000', 12: '--invocation-count-for-turbofan=9000' };
const batchFlags = V8_BATCH_FLAGS[Number(process.versions.v8.split('.')[0])];
if (isMainThread && batchFlags) v8.setFlagsFromString(batchFlags);

const HELP = `news-annotator ${VERSION} — entities, figures, quotes and topics in news articles

Usage:
  news-annotator analyze [--json] FILE|DIR|-... print what the analysis finds (- : the text on stdin)
  news-annotator annotate FILE|DIR...           write or update FILE.annotations.yaml beside each
                                                article, keeping the user's accepted/rejected/added
                                                annotations
  news-annotator check FILE|DIR...              exit 1 when an annotation file is missing, stale
                                                (the article changed), conflicted or invalid
  news-annotator merge-driver BASE OURS THEIRS  git merge driver for *.annotations.yaml: merges
                                                by annotation id into OURS; two different
                                                decisions on one annotation are both kept
                                                (exit 1 until someone chooses)
${EXCHANGE_HELP}${TEAM_HELP}  news-annotator help                           this text

Options:
  -q, --quiet   print only problems
  --files-from LIST   also the files listed in LIST, one path a line (- : the list on stdin)
  --jsonl-in [FILE]   analyze: {"id","text"[,"date"]} records a line (stdin without FILE);
                      prints one --json record a line, with "id" in place of "file"
  --shard I/N   only the inputs whose path (or id) hashes to I of N (0 ≤ I < N): N workers
                given the same inputs cover every one exactly once. --shard auto: I from
                JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or CLOUD_RUN_TASK_INDEX, N from
                NEWS_ANNOTATOR_SHARDS or CLOUD_RUN_TASK_COUNT
  --threads=N   worker threads for large batches (default: one per core)
  --max-memory=MB
                memory for each article over 2 MB, analysed on its own (default: 160 MB +
                16 MB per MB of text); an article that needs more is reported, not analysed
  --json      one JSON object per file per line (offsets: UTF-16 code units in the file's text,
              BOM removed, line endings kept, end exclusive)
  -h, --help  show this help
  --version   print the version

Directories are searched for *.txt files. Names accepted or added in the annotation files of the
articles given are recognised in all of them; a rejected suggestion stays rejected in its article.

Exit codes: 0 ok; 1 findings (check failed, a file could not be read, analysed or written — it is
named on stderr and every other file is still processed — or a merge needs a person); 2 usage error.
`;

interface Options {
  json: boolean;
  quiet: boolean;
  /** Worker threads for large batches (default: one per core). */
  threads?: number;
  /** Heap limit (MB) of the worker that analyses one very long article (default: by its size). */
  maxMemoryMb?: number;
  files: string[];
  input: InputOptions;
}

class UsageError extends Error {}

function parse(argv: string[]): { command: string; opts: Options } {
  const { rest, input } = takeInputOptions(argv);
  const opts: Options = { json: false, quiet: false, files: [], input };
  let command = '';
  let onlyFiles = false;
  for (const a of rest) {
    if (!onlyFiles && a === '--') onlyFiles = true;
    else if (!onlyFiles && (a === '-h' || a === '--help')) command = 'help';
    else if (!onlyFiles && a === '--version') command = command || 'version';
    else if (!onlyFiles && a === '--json') opts.json = true;
    else if (!onlyFiles && (a === '-q' || a === '--quiet')) opts.quiet = true;
    else if (!onlyFiles && /^--threads=\d+$/.test(a)) opts.threads = Math.max(1, Number(a.slice(10)));
    else if (!onlyFiles && /^--max-memory=\d+$/.test(a)) opts.maxMemoryMb = Math.max(16, Number(a.slice(13)));
    else if (!onlyFiles && a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!command) command = a;
    else opts.files.push(a);
  }
  return { command: command || 'help', opts };
}

function write(s: string): void {
  process.stdout.write(s);
}

function fileSize(f: string): number {
  try {
    return fs.statSync(f).size;
  } catch {
    return 0;
  }
}

function warn(msg: string): void {
  process.stderr.write(`news-annotator: ${msg}\n`);
}

/** A one-line progress bar on stderr, only when it is a terminal. */
function progress(quiet: boolean): ((done: number, total: number) => void) | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const fill = Math.round((width * done) / total);
    process.stderr.write(`\r[${'='.repeat(fill)}${' '.repeat(width - fill)}] ${done}/${total} files${done === total ? '\n' : ''}`);
  };
}

/** Runs one per-file job over every article given, on all cores for large batches. */
async function runFiles(kind: JobKind, opts: Options): Promise<number> {
  const input = await collectInputs(kind, opts.files, opts.input);
  if (input.usage) throw new UsageError(input.usage);
  const { items: files, problems: missing } = input;
  for (const m of missing) warn(m);
  if (!files.length) return missing.length ? 2 : 0;
  const init: JobInit = { kind, quiet: opts.quiet, lexicon: kind === 'check' ? [] : lexiconFromSidecars(input.lexiconFiles) };
  let errors = missing.length;
  let findings = 0;
  const onProgress = progress(opts.quiet || kind === 'analyze-text');
  const onResult = (_file: string, r: JobResult) => {
    if (r.out) write(r.out);
    if (r.err) process.stderr.write(r.err);
    if (r.status === 'error') errors++;
    else if (r.status === 'finding') findings++;
  };
  const job = makeJob(init);
  const sizes = files.map((f) => fileSize(f));
  if (sizes.some((b) => b > LARGE_FILE_BYTES)) {
    // Very long articles each get a worker with a heap sized for them (bounded memory); in order. One
    // that needs more is reported (and not run again without the limit); the others still run.
    for (let i = 0; i < files.length; i++) {
      const r =
        sizes[i]! > LARGE_FILE_BYTES ? await runLarge(files[i]!, opts.maxMemoryMb ?? isolatedHeapLimitMb(sizes[i]!), init) : job(files[i]!);
      onResult(files[i]!, r);
      onProgress?.(i + 1, files.length);
    }
  } else {
    await runPool<JobResult>(files, { script: __filename, init, inProcess: job, threads: opts.threads, onProgress, onResult });
  }
  if (kind === 'check' && findings && !opts.quiet) write(`${findings} of ${files.length} article(s) need attention\n`);
  return errors || findings ? 1 : 0;
}

/** One very long article in its own worker; running out of memory there is this file's error. */
async function runLarge(file: string, limitMb: number, init: JobInit): Promise<JobResult> {
  try {
    return await runIsolated<JobResult>(__filename, { ...init, writeDirect: true }, file, limitMb);
  } catch (e) {
    if (!(e instanceof WorkerOutOfMemoryError)) throw e;
    return {
      out: '',
      err: `news-annotator: ${displayPath(file)}: ${e.message}; not analysed (--max-memory=MB allows more)\n`,
      status: 'error',
    };
  }
}

/**
 * git merge driver (`merge-driver %O %A %B`): merges by annotation id into %A. Exit 0: merged. Exit 1:
 * the merge needs a person — two different decisions on one annotation (both kept in the file, see
 * `conflict:`), or a side that cannot be read by id (then %A gets git's usual conflict markers with
 * both sides, which the editor and `check` report and never overwrite). Never exits having dropped
 * either side.
 */
function cmdMergeDriver(opts: Options): number {
  if (opts.files.length !== 3) throw new UsageError('merge-driver needs BASE OURS THEIRS (git passes %O %A %B)');
  const [basePath, oursPath, theirsPath] = opts.files as [string, string, string];
  const read = (file: string): string | null => readTextOrNull(file, MAX_SIDECAR_BYTES);
  const parse = (src: string | null): SidecarDoc | null => {
    if (src === null || src.trim() === '') return null;
    const r = parseSidecar(src);
    return r.ok ? r.doc : null;
  };
  const baseSrc = read(basePath);
  const oursSrc = read(oursPath) ?? '';
  const theirsSrc = read(theirsPath) ?? '';
  const base = parse(baseSrc);
  const ours = parse(oursSrc);
  const theirs = parse(theirsSrc);
  if (!ours || !theirs) {
    // Not mergeable by id: keep both sides in the file with conflict markers, as git itself would.
    const which = [!ours && `ours (${displayPath(oursPath)})`, !theirs && `theirs (${displayPath(theirsPath)})`]
      .filter(Boolean)
      .join(' and ');
    writeFileAtomic(
      oursPath,
      conflictMarked({ path: oursPath, text: oursSrc }, { path: basePath, text: baseSrc ?? '' }, { path: theirsPath, text: theirsSrc }),
    );
    warn(`${which} cannot be read as an annotation file; both sides are kept with conflict markers: resolve them, then git add`);
    return 1;
  }
  const { doc, conflicts } = mergeSidecars(base, ours, theirs);
  writeFileAtomic(oursPath, serializeSidecar(doc));
  if (conflicts.length) {
    warn(
      `${conflicts.length} annotation(s) were decided differently on the two branches; both decisions are ` +
        `kept (conflict: in the file) until someone chooses: ${conflicts.slice(0, 10).join(', ')}${conflicts.length > 10 ? ', …' : ''}`,
    );
    return 1;
  }
  return 0;
}

/** Both sides of a merge with diff3 conflict markers (git merge-file), or whole-file markers when git cannot run. */
type Side = { path: string; text: string };

function conflictMarked(ours: Side, base: Side, theirs: Side): string {
  const args = ['merge-file', '-p', '--diff3', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours.path, base.path, theirs.path];
  const r = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.stdout && (r.status ?? -1) >= 0 && /^<{7} /m.test(r.stdout)) return r.stdout;
  const nl = (s: string) => (s === '' || s.endsWith('\n') ? s : s + '\n');
  return `<<<<<<< ours\n${nl(ours.text)}||||||| base\n${nl(base.text)}=======\n${nl(theirs.text)}>>>>>>> theirs\n`;
}

export async function main(argv: string[]): Promise<number> {
  // export / import parse their own options (src/cli/exchange.ts).
  const first = argv.find((a) => !a.startsWith('-'));
  if ((first === 'export' || first === 'import') && !argv.includes('--version'))
    return runExchange(argv, write, (s) => process.stderr.write(s));
  // The team commands parse their own options (src/cli/team.ts).
  if (argv[0] === 'agree' || argv[0] === 'sources') return runTeamCommand(argv);
  try {
    const { command, opts } = parse(argv);
    switch (command) {
      case 'help':
        write(HELP);
        return 0;
      case 'version':
        write(VERSION + '\n');
        return 0;
      case 'analyze':
        return await runFiles(opts.json || opts.input.jsonlIn ? 'analyze-json' : 'analyze-text', opts);
      case 'annotate':
        return await runFiles('annotate', opts);
      case 'check':
        return await runFiles('check', opts);
      case 'merge-driver':
        return cmdMergeDriver(opts);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`news-annotator: ${e.message}\nRun 'news-annotator --help' for usage.\n`);
      return 2;
    }
    process.stderr.write(`news-annotator: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

// A closed pipe (`news-annotator analyze … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
if (isMainThread) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
} else if (workerData?.role === WORKER_ROLE) {
  // A worker of runPool: run jobs for the main thread until it terminates us.
  const job = makeJob((workerData as { init: JobInit }).init);
  parentPort!.on('message', (m: { index: number; item: string }) => parentPort!.postMessage({ index: m.index, result: job(m.item) }));
}
