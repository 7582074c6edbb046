/**
 * news-annotator — the command-line tool on the same core as the extension.
 * Exit codes: 0 ok, 1 findings (check failed, a file could not be analysed), 2 usage or I/O error.
 */
import { analyze } from '../core/analyze';
import { toContractRecord } from '../core/contract';
import { ArticleError, readArticle } from '../node/article-file';
import { expandArticles } from '../node/walk';

const VERSION = '0.1.0';

const HELP = `news-annotator ${VERSION} — entities, figures, quotes and topics in news articles

Usage:
  news-annotator analyze [--json] FILE|DIR...   print what the analysis finds
  news-annotator help                           this text

Options:
  --json      one JSON object per file per line (offsets: UTF-16 code units in the file's text,
              BOM removed, line endings kept, end exclusive)
  -h, --help  show this help
  --version   print the version

Directories are searched for *.txt files. Exit codes: 0 ok, 1 findings, 2 usage or I/O error.
`;

interface Options {
  json: boolean;
  files: string[];
}

class UsageError extends Error {}

function parse(argv: string[]): { command: string; opts: Options } {
  const opts: Options = { json: false, files: [] };
  let command = '';
  let onlyFiles = false;
  for (const a of argv) {
    if (!onlyFiles && a === '--') onlyFiles = true;
    else if (!onlyFiles && (a === '-h' || a === '--help')) command = 'help';
    else if (!onlyFiles && a === '--version') command = command || 'version';
    else if (!onlyFiles && a === '--json') opts.json = true;
    else if (!onlyFiles && a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!command) command = a;
    else opts.files.push(a);
  }
  return { command: command || 'help', opts };
}

function write(s: string): void {
  process.stdout.write(s);
}

function cmdAnalyze(opts: Options): number {
  if (!opts.files.length) throw new UsageError('analyze needs at least one FILE or DIR');
  const { files, missing } = expandArticles(opts.files);
  for (const m of missing) process.stderr.write(`news-annotator: ${m}: no such file or directory\n`);
  let failed = missing.length > 0;
  for (const file of files) {
    let art;
    try {
      art = readArticle(file);
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      process.stderr.write(`news-annotator: ${e.message}\n`);
      failed = true;
      continue;
    }
    const a = analyze(art.norm.text, { fileDate: art.fileDate });
    const rec = toContractRecord(file, a, art.norm);
    if (opts.json) {
      write(JSON.stringify(rec) + '\n');
    } else {
      write(`${file}\n`);
      write(`  entities: ${a.entityGroups.map((g) => `${g.canonical} (${g.type}${g.mentions.length > 1 ? ` ×${g.mentions.length}` : ''})`).join(', ') || '—'}\n`);
      write(`  figures:  ${a.figures.map((f) => f.text).join(', ') || '—'}\n`);
      write(`  quotes:   ${a.quotes.map((q) => `${q.text}${q.speaker ? ` — ${q.speaker.name}` : ''}`).join('; ') || '—'}\n`);
      write(`  subjects: ${a.subjects.slice(0, 3).map((s) => s.label).join('; ') || '—'}\n`);
    }
  }
  return failed ? (missing.length && !files.length ? 2 : 1) : 0;
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

process.exitCode = main(process.argv.slice(2));
