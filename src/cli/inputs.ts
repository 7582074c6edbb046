/**
 * Where the CLI's articles come from, the way batch pipelines feed them:
 *   FILE|DIR...          files as given, directories walked for *.txt
 *   -                    one article read from standard input (analyze only)
 *   --files-from LIST    one path a line (`-`: the list on standard input), each expanded like an argument;
 *                        streamed, so a list of millions of paths costs memory only for this shard's
 *   --jsonl-in [FILE]    `{"id": …, "text": …}` a line (standard input without FILE or with `-`),
 *                        one output record a line with the id in place of the file name (analyze only)
 *   --shard I/N          only the inputs whose path (or id) hashes to I modulo N: N workers given the
 *                        same inputs cover each exactly once; `--shard auto` reads I and N from the
 *                        index variables of Kubernetes Indexed Jobs, AWS Batch array jobs and Cloud Run jobs
 *
 * Every input becomes one string item for the worker pool: a file item is its path; an in-memory
 * item (stdin text, a JSONL record) is a NUL followed by its JSON, which no path can contain (so
 * file-system calls on it fail harmlessly: no size, no annotation file).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { toContractRecord } from '../core/contract';
import { sidecarPathFor } from '../core/sidecar/yaml';
import { normalizeText } from '../core/text';
import type { Analysis } from '../core/types';
import { ArticleError, readArticle, type ArticleFile } from '../node/article-file';
import { displayPath } from '../node/atomic';
import { expandArticles } from '../node/walk';

/** The input options, as given on the command line. */
export interface InputOptions {
  filesFrom?: string;
  jsonlIn: boolean;
  shard?: string;
  /** An option given without its value. */
  missingValue?: string;
}

/** An article to analyse: a file's, or text given in memory with its id (JSONL) and date. */
export interface InputArticle extends Omit<ArticleFile, 'fileDate'> {
  /** The JSONL record's id, as given (a string or a number). */
  id?: string | number;
  /** The file's date, or the record's `date`; null for text without one (dates are then never guessed from it). */
  fileDate: string | null;
}

export interface CollectedInputs {
  /** One item per article, in input order, only those of this shard. */
  items: string[];
  /**
   * The article files of all shards that have an annotation file: the names taught there are
   * recognised in every article, so every shard reads them all (and the shards' union is the
   * single-machine output).
   */
  lexiconFiles: string[];
  /** Inputs that could not be read (each message names its source); they count as errors. */
  problems: string[];
  /** A usage error, when the options do not fit together. */
  usage?: string;
}

/** Takes the input options (and their values) out of the arguments, before `--`; returns the rest. */
export function takeInputOptions(argv: readonly string[]): { rest: string[]; input: InputOptions } {
  const input: InputOptions = { jsonlIn: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name === '--jsonl-in' && eq < 0) input.jsonlIn = true;
    else if (name === '--files-from' || name === '--shard') {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) input.missingValue = name;
      if (name === '--files-from') input.filesFrom = value;
      else input.shard = value;
    } else rest.push(a);
  }
  return { rest, input };
}

/** Which of N shards this worker is, from `I/N` or, with `auto`, from the environment. */
export function parseShard(spec: string, env: NodeJS.ProcessEnv = process.env): { index: number; count: number } | string {
  if (spec === 'auto') {
    const indexVar = SHARD_INDEX_VARS.find((v) => env[v] !== undefined && env[v] !== '');
    const countVar = SHARD_COUNT_VARS.find((v) => env[v] !== undefined && env[v] !== '');
    if (!indexVar) return `--shard auto needs one of ${SHARD_INDEX_VARS.join(', ')} in the environment`;
    if (!countVar) return `--shard auto needs the number of shards in ${SHARD_COUNT_VARS.join(' or ')}`;
    return parseShard(`${env[indexVar]}/${env[countVar]}`, {});
  }
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index < count && Number.isSafeInteger(count))) return `--shard wants I/N with 0 ≤ I < N (got ${spec})`;
  return { index, count };
}

/** Kubernetes Indexed Job, AWS Batch array job, Cloud Run job: the worker's index (0-based). */
export const SHARD_INDEX_VARS = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX', 'CLOUD_RUN_TASK_INDEX'];
/** The number of workers: ours (set it in the job's spec), or Cloud Run's own. */
export const SHARD_COUNT_VARS = ['NEWS_ANNOTATOR_SHARDS', 'CLOUD_RUN_TASK_COUNT'];

/**
 * The shard of an input key (its path as given, or its id): FNV-1a over the UTF-16 code units,
 * modulo the count. The same on every machine and Node version.
 */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

/**
 * Turns the arguments and input options of `kind` into the items of this shard.
 * Reads standard input when asked to (once: only one of `-`, `--files-from -` and `--jsonl-in`).
 */
export async function collectInputs(kind: string, args: readonly string[], o: InputOptions): Promise<CollectedInputs> {
  const command = kind.split('-')[0];
  const usage = (message: string): CollectedInputs => ({ items: [], lexiconFiles: [], problems: [], usage: message });
  if (o.missingValue) return usage(`${o.missingValue} needs a value`);
  const shard = o.shard === undefined ? null : parseShard(o.shard);
  if (typeof shard === 'string') return usage(shard);
  const dashes = args.filter((a) => a === '-').length;
  const stdinUses = (o.jsonlIn && !args.length ? 1 : dashes) + (o.filesFrom === '-' ? 1 : 0);
  if (stdinUses > 1) return usage('standard input can be read once: use only one of -, --files-from - and --jsonl-in without a file');
  if (command !== 'analyze' && (o.jsonlIn || args.includes('-')))
    return usage(`${command} works on files: - and --jsonl-in are for analyze`);
  if (o.jsonlIn && o.filesFrom !== undefined) return usage('--jsonl-in reads records, not paths: use it without --files-from');
  if (!args.length && o.filesFrom === undefined && !o.jsonlIn)
    return usage(`${command} needs at least one FILE or DIR (or --files-from LIST)`);
  const keep = (key: string) => !shard || shardOf(key, shard.count) === shard.index;
  const problems: string[] = [];

  if (o.jsonlIn) {
    const items: string[] = [];
    for (const source of args.length ? args : ['-']) await readJsonl(source, keep, items, problems);
    return { items, lexiconFiles: [], problems };
  }

  // A list of millions of paths is streamed: only this shard's paths (and those with an annotation file) are kept.
  const items: string[] = [];
  const lexiconFiles: string[] = [];
  const add = (p: string) => {
    if (p === '-') {
      if (keep('-')) items.push(textItem({ name: '-', text: decode(fs.readFileSync(0), 'standard input') }));
      return;
    }
    const { files, missing } = expandArticles([p]);
    for (const m of missing) problems.push(`${displayPath(m)}: no such file or directory`);
    for (const f of files) {
      if (fs.existsSync(sidecarPathFor(f))) lexiconFiles.push(f);
      if (keep(f)) items.push(f);
    }
  };
  args.forEach(add);
  if (o.filesFrom !== undefined) {
    if (o.filesFrom !== '-') fs.accessSync(o.filesFrom, fs.constants.R_OK);
    for await (const line of lines(o.filesFrom)) if (line !== '') add(line);
  }
  return { items, lexiconFiles, problems };
}

/** Reads an item: a file from disk, or an in-memory article. Throws {@link ArticleError} when it cannot be one. */
export function readInput(item: string): InputArticle {
  if (item.charCodeAt(0) !== 0) return readArticle(item);
  const o = JSON.parse(item.slice(1)) as TextItem;
  return { path: o.name, id: o.id, norm: normalizeText(o.text), fileDate: o.date ?? null, encoding: 'utf-8' };
}

/** The `--json` output line of an analysed input: the contract record, keyed by `id` for a JSONL record. */
export function contractLine(art: InputArticle, a: Analysis): string {
  const { file, ...rest } = toContractRecord(art.path, a, art.norm);
  return JSON.stringify(art.id === undefined ? { file, ...rest } : { id: art.id, ...rest }) + '\n';
}

interface TextItem {
  /** How messages name it: `-`, or `FILE:LINE` of a JSONL record. */
  name: string;
  text: string;
  id?: string | number;
  /** The article's date (YYYY-MM-DD) when the record gives one: relative dates resolve against it. */
  date?: string;
}

function textItem(t: TextItem): string {
  return '\0' + JSON.stringify(t);
}

/** Strict UTF-8 without NUL bytes near the start, as for article files. */
function decode(bytes: Buffer, name: string): string {
  if (bytes.subarray(0, 512).includes(0)) throw new ArticleError(`${name} looks binary (NUL byte near the start); not analysed`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError(`${name} is not valid UTF-8; not analysed`);
  }
}

/** The lines of a file or of standard input (`-`), a trailing CR removed. */
function lines(source: string): readline.Interface {
  const stream = source === '-' ? process.stdin : fs.createReadStream(source);
  return readline.createInterface({ input: stream, crlfDelay: Infinity });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** JSONL records `{"id", "text", "date"?}` of this shard; a malformed line is a problem, the rest go on. */
async function readJsonl(source: string, keep: (key: string) => boolean, items: string[], problems: string[]): Promise<void> {
  if (source !== '-') fs.accessSync(source, fs.constants.R_OK);
  const label = source === '-' ? 'standard input' : displayPath(source);
  let n = 0;
  for await (const line of lines(source)) {
    n++;
    if (line.trim() === '') continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      problems.push(`${label}:${n}: not a JSON line`);
      continue;
    }
    const r = rec as { id?: unknown; text?: unknown; date?: unknown };
    const idOk = typeof r?.id === 'string' || (typeof r?.id === 'number' && Number.isFinite(r.id));
    if (!idOk || typeof r.text !== 'string' || (r.date !== undefined && !(typeof r.date === 'string' && DATE.test(r.date)))) {
      problems.push(`${label}:${n}: want {"id": string or number, "text": string, "date"?: "YYYY-MM-DD"}`);
      continue;
    }
    if (!keep(String(r.id))) continue;
    items.push(
      textItem({ name: `${label}:${n}`, id: r.id as string | number, text: r.text, ...(r.date ? { date: r.date as string } : {}) }),
    );
  }
}
