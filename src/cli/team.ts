/**
 * The CLI commands for a team of reviewers:
 *
 *   news-annotator agree A B [--json]             agreement between two reviewers' annotation files
 *   news-annotator sources FILE|DIR... [--json|--csv]   who is quoted across the articles
 *
 * A and B are each an annotation file, a folder of them, or a git revision and path
 * (`HEAD~3:articles`, `maria-review:articles/strike.annotations.yaml`) read with `git` run with an
 * argument list — never a shell — and refused when it could be read as an option.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze';
import { Lexicon } from '../core/lexicon';
import { agreementReport, formatAgreement, KAPPA_CATEGORIES, type ArticlePair } from '../core/review/agreement';
import { aggregateSources, articleSourceQuotes, chartData, sourcesCsv, unattributed, type SourceQuote } from '../core/review/sources';
import type { Annotation } from '../core/sidecar/model';
import { annotateWith, loadSidecar } from '../core/sidecar/session';
import { MAX_SIDECAR_BYTES, parseSidecar, SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar/yaml';
import { lineStarts, offsetToLineCol } from '../core/text';
import { readArticle } from '../node/article-file';
import { displayPath, readTextOrNull } from '../node/atomic';
import { readSidecarFor } from '../node/sidecar-file';
import { expandArticles } from '../node/walk';
import { lexiconFromSidecars } from './jobs';

export const TEAM_HELP = `  news-annotator agree A B [--json]            agreement between two reviewers: A and B are each an
                                                annotation file, a folder of them, or a git revision
                                                and path (HEAD~3:articles, their-branch:story.annotations.yaml);
                                                per kind and type: items, PSA/F1 on exact and
                                                overlapping spans, Cohen's kappa on shared decisions
  news-annotator sources FILE|DIR... [--json|--csv]
                                                every speaker quoted in the articles: quotes, articles,
                                                roles, organisations, organisation type, certainty
`;

class TeamUsageError extends Error {}

/** One side of a comparison: its annotation files by name. */
interface Side {
  label: string;
  /** A single file (paired with the other side's single file, or by its name). */
  single: boolean;
  files: Map<string, string>;
}

const GIT_MAX_BUFFER = 1 << 30;

function git(args: string[], input?: string): string {
  const r = spawnSync('git', args, { encoding: 'utf8', maxBuffer: GIT_MAX_BUFFER, input, windowsHide: true });
  if (r.error) throw new TeamUsageError(`git could not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  if (r.status !== 0) throw new TeamUsageError(`git ${args[0]} failed: ${(r.stderr || '').trim().split('\n')[0] ?? ''}`);
  return r.stdout;
}

/** Annotation files under a folder, by path relative to it (hidden folders and node_modules skipped). */
function sidecarsUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(SIDECAR_SUFFIX)) {
        const src = readTextOrNull(p, MAX_SIDECAR_BYTES);
        if (src !== null) out.set(path.relative(dir, p).split(path.sep).join('/'), src);
      }
    }
  };
  walk(dir);
  return out;
}

/** A git revision and path: `rev:path`, never an option, never a path that exists on disk. */
export function gitSpec(arg: string): { rev: string; path: string } | null {
  const m = /^([^:\s][^:]*):(.*)$/.exec(arg);
  if (!m || arg.startsWith('-') || /[\0\n]/.test(arg)) return null;
  return { rev: m[1]!, path: m[2]! };
}

/** Reads one side: a file, a folder, or `rev:path` from git. */
export function readSide(arg: string): Side {
  if (arg.startsWith('-')) throw new TeamUsageError(`${arg}: not a file, folder or git revision`);
  if (fs.existsSync(arg)) {
    const st = fs.statSync(arg);
    if (st.isDirectory()) return { label: displayPath(arg), single: false, files: sidecarsUnder(arg) };
    // An article stands for its annotation file.
    const file = arg.endsWith(SIDECAR_SUFFIX) ? arg : sidecarPathFor(arg);
    const src = readTextOrNull(file, MAX_SIDECAR_BYTES);
    if (src === null) throw new TeamUsageError(`${displayPath(file)}: no annotation file`);
    return { label: displayPath(file), single: true, files: new Map([[path.basename(file), src]]) };
  }
  const spec = gitSpec(arg);
  if (!spec) throw new TeamUsageError(`${displayPath(arg)}: no such file or folder, and not a git revision:path`);
  const type = git(['cat-file', '-t', arg]).trim();
  if (type === 'blob') return { label: arg, single: true, files: new Map([[path.posix.basename(spec.path), git(['show', arg])]]) };
  if (type !== 'tree') throw new TeamUsageError(`${arg}: a git ${type}, not a file or folder`);
  // Every annotation file of the tree, read in one `git cat-file --batch`.
  const entries = git(['ls-tree', '-r', '-z', arg])
    .split('\0')
    .filter(Boolean)
    .map((l) => /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(l))
    .filter((m): m is RegExpExecArray => !!m && m[2]!.endsWith(SIDECAR_SUFFIX));
  const files = new Map<string, string>();
  if (entries.length) {
    const out = spawnSync('git', ['cat-file', '--batch'], {
      input: entries.map((m) => m[1]).join('\n') + '\n',
      maxBuffer: GIT_MAX_BUFFER,
      windowsHide: true,
    });
    if (out.status !== 0) throw new TeamUsageError(`git cat-file failed on ${arg}`);
    const buf = out.stdout;
    let at = 0;
    for (const m of entries) {
      const nl = buf.indexOf(10, at);
      const size = Number(/ (\d+)$/.exec(buf.subarray(at, nl).toString('latin1'))?.[1] ?? NaN);
      if (!Number.isFinite(size)) throw new TeamUsageError(`git cat-file gave an unexpected answer for ${arg}`);
      files.set(m[2]!, buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
      at = nl + 1 + size + 1;
    }
  }
  return { label: arg, single: false, files };
}

function annotationsOf(src: string, where: string, problems: string[]): Annotation[] | null {
  const r = parseSidecar(src, { maxBytes: MAX_SIDECAR_BYTES });
  if (r.ok) return r.doc.annotations;
  problems.push(`${where}: ${r.problem.message}`);
  return null;
}

/** Pairs the two sides' files: two single files with each other, else by name (a single file by its base name). */
export function pairSides(a: Side, b: Side, problems: string[]): ArticlePair[] {
  if (a.single && b.single) {
    const [na, sa] = [...a.files][0]!;
    const sb = [...b.files.values()][0]!;
    return [{ name: na, a: annotationsOf(sa, a.label, problems), b: annotationsOf(sb, b.label, problems) }];
  }
  const key = (name: string, other: Side) => (other.single || a.single || b.single ? path.posix.basename(name) : name);
  const left = new Map([...a.files].map(([n, s]) => [key(n, b), { n, s }]));
  const right = new Map([...b.files].map(([n, s]) => [key(n, a), { n, s }]));
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.map((name) => {
    const l = left.get(name);
    const r = right.get(name);
    return {
      name,
      a: l ? annotationsOf(l.s, `${a.label}: ${l.n}`, problems) : null,
      b: r ? annotationsOf(r.s, `${b.label}: ${r.n}`, problems) : null,
    };
  });
}

function cmdAgree(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const json = args.includes('--json');
  const rest = args.filter((x) => x !== '--json');
  const unknown = rest.find((x) => x.startsWith('--'));
  if (unknown) throw new TeamUsageError(`unknown option ${unknown}`);
  if (rest.length !== 2) throw new TeamUsageError('agree needs two sides: A B (annotation files, folders or git revision:path)');
  const [a, b] = [readSide(rest[0]!), readSide(rest[1]!)];
  const problems: string[] = [];
  const report = agreementReport(pairSides(a, b, problems));
  for (const p of problems) err(`news-annotator: ${p}; left out\n`);
  if (json) {
    out(
      JSON.stringify({
        a: a.label,
        b: b.label,
        articles: report.articles,
        statusCategories: KAPPA_CATEGORIES,
        rows: report.rows.map((r) => ({
          key: r.key,
          kind: r.kind ?? null,
          type: r.type ?? null,
          itemsA: r.itemsA,
          itemsB: r.itemsB,
          exact: r.exact,
          overlap: r.overlap,
          psaExact: r.psaExact,
          psaOverlap: r.psaOverlap,
          shared: r.kappa.n,
          observed: r.kappa.observed,
          expected: r.kappa.expected,
          kappa: r.kappa.kappa,
          statuses: r.statuses,
        })),
        perArticle: report.perArticle.map((p) => ({
          name: p.name,
          itemsA: p.row.itemsA,
          itemsB: p.row.itemsB,
          psaExact: p.row.psaExact,
          psaOverlap: p.row.psaOverlap,
          shared: p.row.kappa.n,
          kappa: p.row.kappa.kappa,
        })),
      }) + '\n',
    );
  } else out(formatAgreement(report, { a: a.label, b: b.label }));
  if (!report.articles.both && !problems.length) err('news-annotator: no article has an annotation file on both sides\n');
  return problems.length ? 1 : 0;
}

/** The quotes of the articles given, with their sources (rejected quotes left out). */
export function collectSourceQuotes(
  files: readonly string[],
  err: (s: string) => void,
): { quotes: (SourceQuote & { line: number; rawStart: number; rawEnd: number })[]; errors: number } {
  const lexicon = new Lexicon(lexiconFromSidecars(files));
  const quotes: (SourceQuote & { line: number; rawStart: number; rawEnd: number })[] = [];
  let errors = 0;
  for (const file of files) {
    try {
      const art = readArticle(file);
      const side = readSidecarFor(file, art.norm.text.length);
      const loaded = loadSidecar(side.src, art.norm.text);
      if (loaded.problem) {
        err(`news-annotator: ${displayPath(side.path)}: ${loaded.problem.message}; its decisions are not used (the analysis alone is)\n`);
      }
      const analysis = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
      const anns = annotateWith(analysis, loaded.problem ? [] : loaded.annotations);
      const starts = lineStarts(art.norm.text);
      for (const q of articleSourceQuotes(displayPath(file), analysis, anns)) {
        quotes.push({
          ...q,
          line: offsetToLineCol(starts, q.start).line + 1,
          rawStart: art.norm.toRaw(q.start),
          rawEnd: art.norm.toRaw(q.end),
        });
      }
    } catch (e) {
      errors++;
      err(`news-annotator: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return { quotes, errors };
}

function cmdSources(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const json = args.includes('--json');
  const csv = args.includes('--csv');
  if (json && csv) throw new TeamUsageError('--json or --csv, not both');
  const rest = args.filter((x) => x !== '--json' && x !== '--csv');
  const unknown = rest.find((x) => x.startsWith('-'));
  if (unknown) throw new TeamUsageError(`unknown option ${unknown}`);
  if (!rest.length) throw new TeamUsageError('sources needs FILE or DIR arguments');
  const { files, missing } = expandArticles(rest);
  for (const m of missing) err(`news-annotator: ${displayPath(m)}: no such file or folder\n`);
  if (!files.length) return 2;
  const { quotes, errors } = collectSourceQuotes(files, err);
  const sources = aggregateSources(quotes);
  if (csv) out(sourcesCsv(sources));
  else if (json) {
    const chart = chartData(sources, quotes);
    out(
      JSON.stringify({
        articles: files.length,
        quotes: quotes.length,
        unattributed: unattributed(quotes),
        byOrganisationType: chart.byOrgType,
        byWeek: chart.byWeek,
        sources: sources.map((s) => ({
          name: s.name,
          kind: s.type,
          quotes: s.quotes,
          articles: s.articles,
          roles: s.roles,
          organisations: s.organisations,
          organisationType: s.orgType,
          certain: s.certain,
          uncertain: s.uncertain,
          items: s.items.map((q) => {
            const x = q as SourceQuote & { line: number; rawStart: number; rawEnd: number };
            return {
              article: q.article,
              line: x.line,
              start: x.rawStart,
              end: x.rawEnd,
              text: q.text,
              mention: q.mention,
              confidence: q.confidence,
              certain: q.certain,
              status: q.status,
              ...(q.by ? { by: q.by } : {}),
              date: q.date,
            };
          }),
        })),
      }) + '\n',
    );
  } else {
    const withoutSpeaker = unattributed(quotes) ? ` (${unattributed(quotes)} quotes without a speaker)` : '';
    out(`${sources.length} sources quoted ${quotes.length - unattributed(quotes)} times in ${files.length} articles${withoutSpeaker}\n\n`);
    const rows = [['source', 'quotes', 'articles', 'certain', 'type', 'roles / organisations']];
    for (const s of sources)
      rows.push([
        s.name,
        String(s.quotes),
        String(s.articles),
        `${s.certain}/${s.quotes}`,
        s.orgType,
        [...s.roles, ...s.organisations].join('; '),
      ]);
    const w = rows[0]!.map((_, i) => Math.min(40, Math.max(...rows.map((r) => r[i]!.length))));
    for (const r of rows)
      out(
        r
          .map((c, i) => (i === 0 || i === 4 ? c.slice(0, 40).padEnd(w[i]!) : i === 5 ? c : c.padStart(w[i]!)))
          .join('  ')
          .trimEnd() + '\n',
      );
  }
  return errors || missing.length ? 1 : 0;
}

/** Runs `agree` or `sources` (argv without the program name); the exit code. */
export function runTeamCommand(
  argv: string[],
  out: (s: string) => void = (s) => void process.stdout.write(s),
  err: (s: string) => void = (s) => void process.stderr.write(s),
): number {
  try {
    const [command, ...args] = argv;
    if (command === 'agree') return cmdAgree(args, out, err);
    if (command === 'sources') return cmdSources(args, out, err);
    throw new TeamUsageError(`unknown command ${command}`);
  } catch (e) {
    if (e instanceof TeamUsageError) {
      err(`news-annotator: ${e.message}\nRun 'news-annotator --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}
