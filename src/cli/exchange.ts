/**
 * `news-annotator export` and `news-annotator import`: annotation files to and from other tools'
 * formats (W3C Web Annotation, brat, spaCy JSONL, CoNLL-2003, Label Studio, doccano), one article at
 * a time — a file that cannot be converted is named on stderr with the reason, and the others go on.
 * Exit codes: 0 ok; 1 some file could not be exported or imported, or an import disagreed with a
 * decision already there (both kept); 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze';
import { FORMATS, formatById } from '../core/formats';
import { parseLabelMap, type Loss } from '../core/formats/common';
import { annotationsFromAnalysis, type Status } from '../core/sidecar/model';
import { displayPath } from '../node/atomic';
import { errorMessage, exportArticle, exportItems, importFile, loadRegistry, type ExportDone, type ImportDone } from '../node/exchange';

export const EXCHANGE_HELP = `  news-annotator export --format F [--out DIR] FILE|DIR...
                                                the annotations in another tool's format, one file
                                                per article (beside it, or in DIR with the paths
                                                below the folders given); F: ${FORMATS.map((f) => f.id).join(', ')}
  news-annotator import --format F [--article PATH] FILE...
                                                merge another tool's annotations into the articles'
                                                annotation files (never dropping a decision there);
                                                F: ${FORMATS.filter((f) => f.parse)
                                                  .map((f) => f.id)
                                                  .join(', ')}
`;

const USAGE = `Usage:
${EXCHANGE_HELP}
Export options:
  --out DIR          write there (brat: x.ann with a copy of the text as x.txt, and annotation.conf)
  --accepted-only    only accepted annotations (training data)
  --base IRI         W3C: target.source = IRI + the article's path (default: its file: URL)
  --registry FILE    entity registry for Wikidata links (default: ./entities.yaml when present)
Import options:
  --article PATH     the article the file is about (brat: default x.txt beside x.ann; others: the
                     article the file names — W3C target.source, a task's data.article)
  --status S         status of annotations whose format records none (brat, doccano, W3C): accepted
                     (default) or suggested
  --map LABEL=TYPE   another tool's label as one of ours (PER … indirect), quote, speaker or skip;
                     repeat or join with commas
  --articles DIR     where the articles the files name are (default: the current folder, then the
                     imported file's folder)
  --base IRI         W3C: the --base of the export, to find the article's path in target.source
  --dry-run          read and report, write nothing
Both:
  -q, --quiet        print only problems
  --json             one JSON report per article per line

Every export says what the format could not hold ("not held: …"); the README lists it per format.
Exit codes: 0 ok; 1 a file could not be converted (named on stderr; the others were) or an import
disagrees with a decision already there (both kept, see conflict: in the file); 2 usage error.
`;

class UsageError extends Error {}

interface Args {
  command: 'export' | 'import';
  format?: string;
  out?: string;
  article?: string;
  status?: Status;
  maps: string[];
  base?: string;
  registry?: string;
  articles?: string;
  acceptedOnly: boolean;
  dryRun: boolean;
  quiet: boolean;
  json: boolean;
  help: boolean;
  files: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { command: 'export', maps: [], acceptedOnly: false, dryRun: false, quiet: false, json: false, help: false, files: [] };
  let command: string | undefined;
  const value = (name: string, i: number, inline: string | undefined): [string, number] => {
    if (inline !== undefined) return [inline, i];
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return [v, i + 1];
  };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      if (!command) command = arg;
      else a.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    let v: string;
    switch (name) {
      case '--format':
      case '-f':
        [v, i] = value(name, i, inline);
        a.format = v;
        break;
      case '--out':
      case '-o':
        [v, i] = value(name, i, inline);
        a.out = v;
        break;
      case '--article':
        [v, i] = value(name, i, inline);
        a.article = v;
        break;
      case '--status':
        [v, i] = value(name, i, inline);
        if (v !== 'accepted' && v !== 'suggested') throw new UsageError('--status is accepted or suggested');
        a.status = v;
        break;
      case '--map':
        [v, i] = value(name, i, inline);
        a.maps.push(v);
        break;
      case '--base':
        [v, i] = value(name, i, inline);
        if (!/^[a-z][a-z0-9+.-]*:\S*$/i.test(v)) throw new UsageError('--base must be an IRI (e.g. https://news.example.org/articles/)');
        a.base = v;
        break;
      case '--articles':
        [v, i] = value(name, i, inline);
        a.articles = v;
        break;
      case '--registry':
        [v, i] = value(name, i, inline);
        a.registry = v;
        break;
      case '--accepted-only':
        a.acceptedOnly = true;
        break;
      case '--dry-run':
        a.dryRun = true;
        break;
      case '-q':
      case '--quiet':
        a.quiet = true;
        break;
      case '--json':
        a.json = true;
        break;
      case '-h':
      case '--help':
        a.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (command !== 'export' && command !== 'import') throw new UsageError(`unknown command ${command}`);
  a.command = command;
  return a;
}

function lossText(l: readonly Loss[]): string {
  return l.map((x) => `${x.count} ${x.what}`).join('; ');
}

/** Runs `export` or `import`; returns the exit code. */
export async function runExchange(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let a: Args;
  try {
    a = parseArgs(argv);
    if (a.help) {
      out(USAGE);
      return 0;
    }
    if (!a.format)
      throw new UsageError(
        `--format is needed: ${(a.command === 'export' ? FORMATS : FORMATS.filter((f) => f.parse)).map((f) => f.id).join(', ')}`,
      );
    const f = formatById(a.format);
    if (!f) throw new UsageError(`unknown format ${a.format}: ${FORMATS.map((x) => x.id).join(', ')}`);
    if (a.command === 'import' && !f.parse)
      throw new UsageError(
        `${f.id} is export only (${f.label}); import: ${FORMATS.filter((x) => x.parse)
          .map((x) => x.id)
          .join(', ')}`,
      );
    if (!a.files.length) throw new UsageError(`${a.command} needs at least one ${a.command === 'export' ? 'FILE or DIR' : 'FILE'}`);
    if (a.command === 'export' && (a.article || a.status || a.maps.length || a.dryRun))
      throw new UsageError('--article, --status, --map and --dry-run are import options');
    if (a.command === 'import' && (a.out || a.acceptedOnly || a.registry))
      throw new UsageError('--out, --accepted-only and --registry are export options');
    if (a.command === 'export' && a.articles) throw new UsageError('--articles is an import option');
    return a.command === 'export' ? runExport(a, f.id, out, err) : runImport(a, f.id, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`news-annotator: ${e.message}\nRun 'news-annotator ${argv.includes('import') ? 'import' : 'export'} --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}

/** Suggestions for an article without an annotation file: what `annotate` would write. */
const suggest = (text: string, fileDate: string) => annotationsFromAnalysis(analyze(text, { fileDate }));

function runExport(a: Args, formatId: string, out: (s: string) => void, err: (s: string) => void): number {
  const format = formatById(formatId)!;
  const { items, missing } = exportItems(a.files, a.out);
  for (const m of missing) err(`news-annotator: ${displayPath(m)}: no such file or directory\n`);
  if (!items.length) return 2;
  const reg = loadRegistry(a.registry ?? 'entities.yaml');
  if (reg.problem) err(`news-annotator: ${reg.problem}; exported without registry links\n`);
  if (a.registry && !reg.registry && !reg.problem)
    err(`news-annotator: ${displayPath(a.registry)}: no such file; exported without registry links\n`);
  const written = new Map<string, string>();
  const totals = new Map<string, number>();
  let errors = missing.length;
  let annotations = 0;
  let done = 0;
  for (const item of items) {
    let r: ExportDone;
    try {
      r = exportArticle(
        item,
        { format, outDir: a.out, acceptedOnly: a.acceptedOnly, base: a.base, registry: reg.registry ?? undefined, suggest },
        written,
      );
    } catch (e) {
      errors++;
      err(`news-annotator: ${errorMessage(e, item.file)}\n`);
      if (a.json) out(JSON.stringify({ article: item.file, error: errorMessage(e, item.file) }) + '\n');
      continue;
    }
    done++;
    annotations += r.report.exported;
    for (const l of [...r.report.left, ...r.report.lost]) totals.set(l.what, (totals.get(l.what) ?? 0) + l.count);
    if (a.json) out(JSON.stringify({ ...r.report, article: r.article, outputs: r.outputs, note: r.note }) + '\n');
    else if (!a.quiet) {
      const left = r.report.left.length ? `; left out: ${lossText(r.report.left)}` : '';
      const lost = r.report.lost.length ? `; not held: ${lossText(r.report.lost)}` : '';
      out(`${displayPath(r.outputs[0]!)}: ${r.report.exported} annotations${left}${lost}${r.note ? ` (${r.note})` : ''}\n`);
    }
  }
  if (!a.quiet && !a.json && items.length > 1) {
    out(`exported ${done} of ${items.length} articles (${annotations} annotations) as ${format.label}\n`);
    if (totals.size) out(`in all, ${[...totals].map(([w, n]) => `${n} ${w}`).join('; ')}\n`);
  }
  return errors ? 1 : 0;
}

function runImport(a: Args, formatId: string, out: (s: string) => void, err: (s: string) => void): number {
  const format = formatById(formatId)!;
  const labels = parseLabelMap(a.maps);
  if (labels.error) {
    err(`news-annotator: ${labels.error}\n`);
    return 2;
  }
  // Folders: every file of the format's kind in them.
  const files: string[] = [];
  let errors = 0;
  for (const f of a.files) {
    let st: fs.Stats;
    try {
      st = fs.statSync(f);
    } catch {
      errors++;
      err(`news-annotator: ${displayPath(f)}: no such file or directory\n`);
      continue;
    }
    if (st.isDirectory()) files.push(...walkFor(f, format.id));
    else files.push(f);
  }
  if (a.article && files.length > 1) {
    err('news-annotator: --article fits one FILE (each file is about its own article)\n');
    return 2;
  }
  let conflicts = 0;
  let annotations = 0;
  let articles = 0;
  for (const file of files) {
    let results: ImportDone[];
    try {
      results = importFile(file, {
        format,
        article: a.article,
        articlesDir: a.articles,
        base: a.base,
        options: { status: a.status, labels: labels.map },
        dryRun: a.dryRun,
      });
    } catch (e) {
      errors++;
      err(`news-annotator: ${errorMessage(e, file)}\n`);
      continue;
    }
    for (const r of results) {
      if (a.json) out(JSON.stringify(r) + '\n');
      if (r.status === 'error') {
        errors++;
        err(`news-annotator: ${r.error}\n`);
        continue;
      }
      articles++;
      annotations += r.read;
      for (const p of r.problems) err(`news-annotator: ${displayPath(file)}: ${p}\n`);
      if (r.problems.length) errors++;
      const m = r.merge!;
      conflicts += m.conflicts.length;
      for (const c of m.conflicts) err(`news-annotator: ${displayPath(r.sidecar!)}: ${c.message}\n`);
      if (!a.quiet && !a.json) {
        const parts = [`${m.added} added`, `${m.updated} updated`, `${m.unchanged} unchanged`];
        if (m.replaced) parts.push(`${m.replaced} model suggestions replaced`);
        if (m.conflicts.length) parts.push(`${m.conflicts.length} conflicts (both kept)`);
        const extra = [
          r.adjusted ? `${r.adjusted} offsets inside a line break or on the BOM moved before it` : '',
          r.located ? `${r.located} spans found by their words` : '',
          r.reanchored
            ? `the file's text differs from the article: ${r.reanchored.moved} placed by their words, ` +
              `${r.reanchored.ambiguous} ambiguous, ${r.reanchored.orphaned} not found (kept, marked)`
            : '',
          r.skipped.length ? `not held: ${lossText(r.skipped)}` : '',
        ].filter(Boolean);
        out(
          `${displayPath(r.sidecar!)}${a.dryRun ? ' (dry run, not written)' : r.status === 'unchanged' ? ' (unchanged)' : ''}: ` +
            `${r.read} read from ${displayPath(r.from)}; ${parts.join(', ')}${extra.length ? `; ${extra.join('; ')}` : ''}\n`,
        );
      }
    }
  }
  if (!a.quiet && !a.json && files.length > 1)
    out(`imported ${annotations} annotations into ${articles} articles from ${files.length} files\n`);
  return errors || conflicts ? 1 : 0;
}

/** The files of a format in a folder (brat: *.ann; W3C, Label Studio: *.json and *.jsonl; doccano: *.jsonl and *.json). */
function walkFor(dir: string, format: string): string[] {
  const ext = format === 'brat' ? /\.ann$/i : /\.(json|jsonl|ndjson)$/i;
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && ext.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
