/**
 * Export and import of annotation files in other tools' formats, on disk: shared by the CLI
 * (`news-annotator export|import`) and the editor's commands. The conversions are the core's
 * (`src/core/formats`); this module reads the articles and their annotation files, and writes the
 * outputs atomically, one article at a time, so that one bad file never stops a batch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BRAT_CONF, formatById, importInto, LABEL_STUDIO_CONFIG, type FormatInfo } from '../core/formats';
import type { ExportReport, ImportedDoc, ImportOptions, Loss } from '../core/formats/common';
import type { ImportMergeReport } from '../core/formats/merge';
import { parseRegistry, RegistryIndex } from '../core/registry';
import type { Annotation } from '../core/sidecar/model';
import { loadSidecar } from '../core/sidecar/session';
import { serializeSidecar, sidecarByteLimit, textHash, type SidecarDoc } from '../core/sidecar/yaml';
import { ArticleError, readArticle, type ArticleFile } from './article-file';
import {
  ConcurrentChangeError,
  describeError,
  displayPath,
  FileError,
  InvalidEncodingError,
  readTextOrNull,
  writeFileAtomic,
} from './atomic';
import { otherOwner, readSidecarFor } from './sidecar-file';
import { expandArticles } from './walk';

export class ExchangeError extends Error {}

/** The article's text as decoded, with its BOM as U+FEFF when the file has one (what the core's converters take). */
function rawOf(art: ArticleFile): string {
  return (art.norm.hadBom ? '\ufeff' : '') + art.norm.raw;
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportJob {
  format: FormatInfo;
  /** Where the outputs go; absent: beside each article. */
  outDir?: string;
  acceptedOnly?: boolean;
  /** W3C: `target.source` = this IRI + the article's path relative to its input (default: the file's `file:` URL). */
  base?: string;
  registry?: RegistryIndex;
  /**
   * The analysis' suggestions for an article without an annotation file (the CLI passes the core's
   * analysis; the editor its lazily loaded copy). Absent: such an article is exported without annotations.
   */
  suggest?: (text: string, fileDate: string) => Annotation[];
}

export interface ExportDone {
  article: string;
  /** Files written. */
  outputs: string[];
  report: ExportReport;
  /** Said once per article: where the annotations came from when not from an up-to-date annotation file. */
  note?: string;
}

/** One article to export and where its output goes, relative to the output folder. */
export interface ExportItem {
  file: string;
  /** The article's path below the folder it was found in (its name when given as a file). */
  rel: string;
}

/**
 * Expands FILE|DIR arguments into articles, keeping each one's path below the folder given. The
 * output folder is never walked (brat's copies of the texts there are not articles to export).
 */
export function exportItems(args: readonly string[], outDir?: string): { items: ExportItem[]; missing: string[] } {
  const skip = outDir ? path.resolve(outDir) + path.sep : null;
  const items: ExportItem[] = [];
  const missing: string[] = [];
  for (const a of args) {
    const { files, missing: gone } = expandArticles([a]);
    missing.push(...gone);
    const isDir = files.length > 0 && (files.length > 1 || files[0] !== a);
    for (const f of files) {
      if (isDir && skip && path.resolve(f).startsWith(skip)) continue;
      items.push({ file: f, rel: isDir ? path.relative(a, f) : path.basename(f) });
    }
  }
  return { items, missing };
}

/** Output name for an article: `x.txt` → `x` + the format's extension. */
function stemOf(rel: string): string {
  return /\.txt$/i.test(rel) ? rel.slice(0, -4) : rel;
}

/**
 * Exports one article. Its annotations come from its annotation file (re-anchored onto the text as
 * it is now); without one, from a fresh analysis (the note says so). Throws {@link ExchangeError}
 * (or a file error) with a message naming the file when it cannot be exported.
 */
export function exportArticle(item: ExportItem, job: ExportJob, written: Map<string, string>): ExportDone {
  const art = readArticle(item.file);
  const side = readSidecarFor(item.file, art.norm.text.length);
  let annotations: Annotation[];
  let note: string | undefined;
  if (side.src === null) {
    annotations = job.suggest ? job.suggest(art.norm.text, art.fileDate) : [];
    note = job.suggest ? 'no annotation file: the analysis’ suggestions were exported' : 'no annotation file: nothing to export';
  } else {
    const loaded = loadSidecar(side.src, art.norm.text);
    if (loaded.problem) throw new ExchangeError(`${displayPath(side.path)}: ${loaded.problem.message}; not exported`);
    annotations = loaded.annotations;
    if (loaded.stale)
      note = 'the article changed since its annotations were written: they were placed by their words (run: news-annotator annotate)';
  }
  const f = job.format;
  const outDir = job.outDir ?? path.dirname(item.file);
  const beside =
    path.resolve(outDir, path.dirname(job.outDir ? item.rel : path.basename(item.file))) === path.resolve(path.dirname(item.file));
  const relOut = job.outDir ? item.rel : path.basename(item.file);
  let raw = rawOf(art);
  if (f.id === 'brat' && art.encoding !== 'utf-8') {
    if (beside)
      throw new ExchangeError(
        `${displayPath(item.file)} is ${art.encoding.toUpperCase()}, and brat reads UTF-8 only: export with ` +
          `--out DIR to get a UTF-8 copy beside the .ann`,
      );
    raw = art.norm.raw; // the copy is written in UTF-8, without a BOM
  }
  const source = f.id === 'w3c' ? sourceFor(item, job) : undefined;
  const links = job.registry ? (type: string, name: string) => job.registry!.resolve(type, name)?.links : undefined;
  const result = f.export(
    { name: path.basename(item.file), path: item.rel.split(path.sep).join('/'), raw, annotations, source, links },
    { acceptedOnly: job.acceptedOnly },
  );
  const outputs: string[] = [];
  const stem = path.join(outDir, f.id === 'brat' && !/\.txt$/i.test(relOut) ? relOut : stemOf(relOut));
  const out = stem + f.extension;
  claim(written, out, item.file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  writeFileAtomic(out, result.content);
  outputs.push(out);
  if (f.id === 'brat') {
    // brat reads x.ann with x.txt: a copy of the text where the article is not.
    const txt = stem + '.txt';
    if (path.resolve(txt) !== path.resolve(item.file)) {
      claim(written, txt, item.file);
      writeFileAtomic(txt, raw);
      outputs.push(txt);
    }
  }
  const conf =
    f.id === 'brat'
      ? { name: 'annotation.conf', text: BRAT_CONF }
      : f.id === 'label-studio'
        ? { name: 'label-studio-config.xml', text: LABEL_STUDIO_CONFIG }
        : null;
  if (conf) {
    const p = path.join(path.dirname(out), conf.name);
    if (!written.has(p)) {
      written.set(p, '');
      const old = readTextOrNull(p, 1 << 20);
      if (old === null) {
        writeFileAtomic(p, conf.text);
        outputs.push(p);
      } else if (old !== conf.text)
        note = [note, `${displayPath(p)} exists and differs from ours: left as it is`].filter(Boolean).join('; ');
    }
  }
  return { article: item.file, outputs, report: result.report, note };
}

function claim(written: Map<string, string>, out: string, article: string): void {
  const key = path.resolve(out);
  const by = written.get(key);
  if (by !== undefined && by !== article)
    throw new ExchangeError(
      `${displayPath(article)}: ${displayPath(out)} was already written for ${displayPath(by)} in this ` +
        `run; not overwritten (export the folders that hold them, so that their paths are kept below --out)`,
    );
  written.set(key, article);
}

function sourceFor(item: ExportItem, job: ExportJob): string {
  if (job.base) return job.base + item.rel.split(path.sep).map(encodeURIComponent).join('/');
  let abs = path.resolve(item.file);
  try {
    abs = fs.realpathSync(abs);
  } catch {
    /* keep it */
  }
  return pathToFileURL(abs).href;
}

/** The registry at `file` (entities.yaml), or null with the reason. */
export function loadRegistry(file: string): { registry: RegistryIndex | null; problem?: string } {
  let src: string | null;
  try {
    src = readTextOrNull(file, 2 * 1024 * 1024);
  } catch (e) {
    return { registry: null, problem: e instanceof Error ? e.message : String(e) };
  }
  if (src === null) return { registry: null };
  const r = parseRegistry(src);
  return r.ok ? { registry: new RegistryIndex(r.registry) } : { registry: null, problem: `${displayPath(file)}: ${r.problem.message}` };
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportJob {
  format: FormatInfo;
  /** The article every document of the file is about (the CLI's --article). */
  article?: string;
  options: ImportOptions;
  /** Read and report, write nothing. */
  dryRun?: boolean;
  /** Where the articles the files name by relative path are (--articles). */
  articlesDir?: string;
  /** W3C: the --base the export was given, to find the article's path in target.source. */
  base?: string;
}

export interface ImportDone {
  /** The file imported, and where in it (`task 3`, …). */
  from: string;
  /** The article, when one was found. */
  article?: string;
  /** The annotation file written (or that would be, with --dry-run). */
  sidecar?: string;
  status: 'ok' | 'unchanged' | 'error';
  /** Annotations read from the file for this article. */
  read: number;
  merge?: ImportMergeReport;
  problems: string[];
  skipped: Loss[];
  /** Offsets moved off a CRLF or BOM; spans found by their words; annotations placed by their words on another version of the text. */
  adjusted: number;
  located: number;
  reanchored?: { moved: number; ambiguous: number; orphaned: number };
  /** Why nothing was written, when status is error. */
  error?: string;
}

/** Imports one file: one result per article it holds annotations for. Never throws for a file's contents. */
export function importFile(file: string, job: ImportJob): ImportDone[] {
  const f = job.format;
  let content: string | null;
  try {
    content = readTextOrNull(file, 512 * 1024 * 1024);
  } catch (e) {
    return [failed(file, e instanceof Error ? e.message : String(e))];
  }
  if (content === null) return [failed(file, `${displayPath(file)}: no such file`)];
  if (!f.parse) return [failed(file, `${f.label} cannot be imported`)];
  if (f.id === 'brat') {
    // x.ann belongs to x.txt in its folder, unless --article says which article it is.
    const article = job.article ?? file.replace(/\.ann$/i, '') + '.txt';
    let art: ArticleFile;
    try {
      art = readArticle(article);
    } catch (e) {
      return [
        failed(
          file,
          `${e instanceof Error ? e.message : String(e)}${job.article ? '' : ' (brat pairs x.ann with x.txt; or give --article)'}`,
        ),
      ];
    }
    const parsed = f.parse(content, job.options, rawOf(art));
    return parsed.docs.map((d) => importDoc(file, d, article, art, job));
  }
  const parsed = f.parse(content, job.options);
  if (parsed.error) return [failed(file, `${displayPath(file)}: ${parsed.error}`)];
  if (job.article && new Set(parsed.docs.map((d) => d.article ?? '')).size > 1) {
    return [failed(file, `${displayPath(file)} holds annotations of ${parsed.docs.length} articles: --article fits only a file about one`)];
  }
  const out: ImportDone[] = [];
  for (const d of parsed.docs) {
    const article = job.article ?? resolveArticle(d.article, file, job.articlesDir, job.base);
    if (!article) {
      out.push({
        ...failed(
          `${file}: ${d.where}`,
          `${displayPath(file)}: ${d.where}: names no article` +
            `${d.article ? ` found on this machine (${d.article})` : ''}; give --article PATH`,
        ),
        read: d.items.length,
        problems: d.problems,
        skipped: d.skipped,
      });
      continue;
    }
    let art: ArticleFile;
    try {
      art = readArticle(article);
    } catch (e) {
      out.push({ ...failed(`${file}: ${d.where}`, e instanceof Error ? e.message : String(e)), article, read: d.items.length });
      continue;
    }
    out.push(importDoc(file, d, article, art, job));
  }
  return out;
}

/**
 * Where the article a file names is, on this machine: a `file:` URL; our
 * `urn:news-annotator:article:NAME`; the IRI given to the export's --base followed by a path; or a
 * path. A relative path is looked for below `articlesDir` (--articles), the current folder, and
 * the imported file's folder (with its whole path, then its file name), in that order.
 */
export function resolveArticle(name: string | undefined, from: string, articlesDir?: string, base?: string): string | undefined {
  if (!name) return undefined;
  let rel: string | undefined;
  if (/^file:/i.test(name)) {
    try {
      const p = fileURLToPath(name);
      if (fs.existsSync(p)) return p;
      rel = path.basename(p);
    } catch {
      return undefined;
    }
  } else if (name.startsWith('urn:news-annotator:article:')) rel = decodeURIComponent(name.slice('urn:news-annotator:article:'.length));
  else if (base && name.startsWith(base)) rel = name.slice(base.length).split('/').map(decodeURIComponent).join(path.sep);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(name))
    rel = decodeURIComponent(
      name
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() ?? '',
    );
  else rel = name;
  if (!rel || path.isAbsolute(rel)) return rel && fs.existsSync(rel) ? rel : undefined;
  const dir = path.dirname(from);
  const candidates = [articlesDir && path.join(articlesDir, rel), rel, path.join(dir, rel), path.join(dir, path.basename(rel))].filter(
    (c): c is string => !!c,
  );
  return candidates.find((c) => fs.existsSync(c));
}

function failed(from: string, error: string): ImportDone {
  return { from, status: 'error', read: 0, problems: [], skipped: [], adjusted: 0, located: 0, error };
}

function importDoc(file: string, d: ImportedDoc, article: string, art: ArticleFile, job: ImportJob): ImportDone {
  const from = d.where === 'the .ann file' ? file : `${file}: ${d.where}`;
  const base = { from, article, read: d.items.length, problems: d.problems, skipped: d.skipped, adjusted: 0, located: 0 };
  let side: ReturnType<typeof readSidecarFor>;
  try {
    side = readSidecarFor(article, art.norm.text.length);
  } catch (e) {
    return { ...base, status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  const loaded = loadSidecar(side.src, art.norm.text);
  if (loaded.problem)
    return { ...base, status: 'error', error: `${displayPath(side.legacyPath ?? side.path)}: ${loaded.problem.message}; not modified` };
  const owner = otherOwner(article, loaded.doc?.article);
  if (owner)
    return {
      ...base,
      status: 'error',
      error: `${displayPath(side.path)} belongs to ${displayPath(owner)} (its article: field); not modified`,
    };
  const r = importInto(loaded.annotations, d, rawOf(art), job.format.countsBom ?? false);
  const doc: SidecarDoc = {
    article: path.basename(article),
    textHash: textHash(art.norm.text),
    subjects: loaded.doc?.subjects ?? [],
    sections: loaded.doc?.sections ?? [],
    annotations: r.annotations,
  };
  const content = serializeSidecar(doc, sidecarByteLimit(art.norm.text.length));
  const done: ImportDone = {
    ...base,
    sidecar: side.path,
    status: content === side.src ? 'unchanged' : 'ok',
    merge: r.merge,
    problems: r.placed.problems,
    skipped: r.placed.skipped,
    adjusted: r.placed.adjusted,
    located: r.placed.located,
  };
  if (r.placed.reanchored) done.reanchored = r.placed.reanchored;
  if (job.dryRun || content === side.src) return done;
  try {
    writeFileAtomic(side.path, content, side.legacyPath ? null : side.src);
  } catch (e) {
    if (e instanceof ConcurrentChangeError || e instanceof FileError) return { ...done, status: 'error', error: e.message };
    throw e;
  }
  return done;
}

/** A message for any error of one file, naming it. */
export function errorMessage(e: unknown, file: string): string {
  if (e instanceof ExchangeError || e instanceof ArticleError || e instanceof InvalidEncodingError || e instanceof FileError)
    return e.message;
  if ((e as NodeJS.ErrnoException | undefined)?.code) return describeError(e, file, 'read').message;
  return `${displayPath(file)}: internal error (${e instanceof Error ? e.message.slice(0, 200) : 'unknown'}); please report it`;
}

export { formatById };
