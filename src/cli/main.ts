/**
 * news-annotator — the command-line tool on the same core as the extension.
 * Exit codes: 0 ok, 1 findings (check failed, a file could not be analysed), 2 usage or I/O error.
 */
import path from 'node:path';
import { analyze } from '../core/analyze';
import { toContractRecord } from '../core/contract';
import { Lexicon, type LexiconEntry } from '../core/lexicon';
import { annotateWith, buildSidecar, checkSidecar, lexiconEntriesFrom, loadSidecar } from '../core/sidecar/session';
import { mergeSidecars } from '../core/sidecar/merge';
import { parseSidecar, serializeSidecar, sidecarPathFor, type SidecarDoc } from '../core/sidecar/yaml';
import { ArticleError, readArticle, type ArticleFile } from '../node/article-file';
import { ConcurrentChangeError, readTextOrNull, writeFileAtomic } from '../node/atomic';
import { expandArticles } from '../node/walk';

const VERSION = '0.1.0';

const HELP = `news-annotator ${VERSION} — entities, figures, quotes and topics in news articles

Usage:
  news-annotator analyze [--json] FILE|DIR...   print what the analysis finds
  news-annotator annotate FILE|DIR...           write or update FILE.annotations.yaml beside each
                                                article, keeping the user's accepted/rejected/added
                                                annotations
  news-annotator check FILE|DIR...              exit 1 when an annotation file is missing, stale
                                                (the article changed), conflicted or invalid
  news-annotator merge-driver BASE OURS THEIRS  git merge driver for *.annotations.yaml: merges
                                                by annotation id into OURS; exit 1 on conflicts
  news-annotator help                           this text

Options:
  -q, --quiet print only problems
  --json      one JSON object per file per line (offsets: UTF-16 code units in the file's text,
              BOM removed, line endings kept, end exclusive)
  -h, --help  show this help
  --version   print the version

Directories are searched for *.txt files. Names accepted or added in the annotation files of the
articles given are recognised in all of them; rejected ones are not suggested again. Exit codes: 0 ok, 1 findings, 2 usage or I/O error.
`;

interface Options {
  json: boolean;
  quiet: boolean;
  files: string[];
}

class UsageError extends Error {}

function parse(argv: string[]): { command: string; opts: Options } {
  const opts: Options = { json: false, quiet: false, files: [] };
  let command = '';
  let onlyFiles = false;
  for (const a of argv) {
    if (!onlyFiles && a === '--') onlyFiles = true;
    else if (!onlyFiles && (a === '-h' || a === '--help')) command = 'help';
    else if (!onlyFiles && a === '--version') command = command || 'version';
    else if (!onlyFiles && a === '--json') opts.json = true;
    else if (!onlyFiles && (a === '-q' || a === '--quiet')) opts.quiet = true;
    else if (!onlyFiles && a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!command) command = a;
    else opts.files.push(a);
  }
  return { command: command || 'help', opts };
}

function write(s: string): void {
  process.stdout.write(s);
}

function warn(msg: string): void {
  process.stderr.write(`news-annotator: ${msg}\n`);
}

/** Reads each article, reporting the ones that cannot be read; returns the readable ones. */
function readArticles(args: string[]): { articles: ArticleFile[]; failed: boolean; nothing: boolean } {
  const { files, missing } = expandArticles(args);
  for (const m of missing) warn(`${m}: no such file or directory`);
  const articles: ArticleFile[] = [];
  let failed = missing.length > 0;
  for (const file of files) {
    try {
      articles.push(readArticle(file));
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      warn(e.message);
      failed = true;
    }
  }
  return { articles, failed, nothing: files.length === 0 };
}

/** The user's taught names from the sidecars of the given articles. */
function userLexicon(articles: ArticleFile[]): Lexicon {
  const entries: LexiconEntry[] = [];
  for (const art of articles) {
    const loaded = loadSidecar(readTextOrNull(sidecarPathFor(art.path)), art.norm.text);
    entries.push(...lexiconEntriesFrom(loaded.annotations));
  }
  return new Lexicon(entries);
}

function cmdAnnotate(opts: Options): number {
  if (!opts.files.length) throw new UsageError('annotate needs at least one FILE or DIR');
  const { articles, failed: readFailed, nothing } = readArticles(opts.files);
  let failed = readFailed;
  const lexicon = userLexicon(articles);
  for (const art of articles) {
    const side = sidecarPathFor(art.path);
    const src = readTextOrNull(side);
    const loaded = loadSidecar(src, art.norm.text);
    if (loaded.problem) {
      warn(`${side}: ${loaded.problem.message}; not modified`);
      failed = true;
      continue;
    }
    const a = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
    const anns = annotateWith(a, loaded.annotations);
    const out = serializeSidecar(buildSidecar(path.basename(art.path), a, anns));
    const lost = anns.filter((x) => x.anchor !== 'ok').length;
    if (out === src) {
      if (!opts.quiet) write(`${side}: unchanged\n`);
    } else {
      try {
        writeFileAtomic(side, out, src);
      } catch (e) {
        if (!(e instanceof ConcurrentChangeError)) throw e;
        warn(e.message);
        failed = true;
        continue;
      }
      if (!opts.quiet) write(`${side}: ${anns.length} annotations${lost ? ` (${lost} need review: text changed)` : ''}\n`);
    }
  }
  return failed ? (nothing && !articles.length ? 2 : 1) : 0;
}

function cmdCheck(opts: Options): number {
  if (!opts.files.length) throw new UsageError('check needs at least one FILE or DIR');
  const { articles, failed: readFailed, nothing } = readArticles(opts.files);
  let findings = 0;
  for (const art of articles) {
    const side = sidecarPathFor(art.path);
    const problems = checkSidecar(readTextOrNull(side), art.norm.text);
    for (const p of problems) write(`${side}: ${p.code}: ${p.message}\n`);
    if (problems.length) findings++;
    else if (!opts.quiet) write(`${side}: ok\n`);
  }
  if (findings && !opts.quiet) write(`${findings} of ${articles.length} article(s) need attention\n`);
  if (nothing && !articles.length) return 2;
  return findings || readFailed ? 1 : 0;
}

function cmdMergeDriver(opts: Options): number {
  if (opts.files.length !== 3) throw new UsageError('merge-driver needs BASE OURS THEIRS (git passes %O %A %B)');
  const [basePath, oursPath, theirsPath] = opts.files as [string, string, string];
  const load = (file: string, allowMissing: boolean): SidecarDoc | null | 'bad' => {
    const src = readTextOrNull(file);
    if (src === null || (allowMissing && src === '')) return allowMissing ? null : 'bad';
    const r = parseSidecar(src);
    if (!r.ok) {
      warn(`${file}: ${r.problem.message}`);
      return 'bad';
    }
    return r.doc;
  };
  const base = load(basePath, true);
  const ours = load(oursPath, false);
  const theirs = load(theirsPath, false);
  if (base === 'bad' || ours === 'bad' || theirs === 'bad' || !ours || !theirs) {
    warn('cannot merge by annotation id; leaving the conflict to git');
    return 1;
  }
  const { doc, conflicts } = mergeSidecars(base, ours, theirs);
  writeFileAtomic(oursPath, serializeSidecar(doc));
  if (conflicts.length) {
    warn(`${conflicts.length} annotation(s) changed differently on both sides (kept ours): ${conflicts.join(', ')}`);
    return 1;
  }
  return 0;
}

function cmdAnalyze(opts: Options): number {
  if (!opts.files.length) throw new UsageError('analyze needs at least one FILE or DIR');
  const { articles, failed, nothing } = readArticles(opts.files);
  const lexicon = userLexicon(articles);
  for (const art of articles) {
    const a = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
    if (opts.json) {
      write(JSON.stringify(toContractRecord(art.path, a, art.norm)) + '\n');
    } else {
      write(`${art.path}\n`);
      write(`  entities: ${a.entityGroups.map((g) => `${g.canonical} (${g.type}${g.mentions.length > 1 ? ` ×${g.mentions.length}` : ''})`).join(', ') || '—'}\n`);
      write(`  figures:  ${a.figures.map((f) => f.text).join(', ') || '—'}\n`);
      write(`  quotes:   ${a.quotes.map((q) => `${q.text}${q.speaker ? ` — ${q.speaker.name}` : ''}`).join('; ') || '—'}\n`);
      write(`  subjects: ${a.subjects.slice(0, 3).map((s) => s.label).join('; ') || '—'}\n`);
    }
  }
  if (nothing && !articles.length) return 2;
  return failed ? 1 : 0;
}

export function main(argv: string[]): number {
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
        return cmdAnalyze(opts);
      case 'annotate':
        return cmdAnnotate(opts);
      case 'check':
        return cmdCheck(opts);
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
process.exitCode = main(process.argv.slice(2));
