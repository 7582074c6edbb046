/**
 * The per-file work of the CLI commands, the same in the main thread and in worker threads: each
 * job reads one article (and its sidecar), and returns what to print and how it went.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze';
import { contractJsonChunks } from '../core/contract';
import { Lexicon, type LexiconEntry } from '../core/lexicon';
import { isUserDecision } from '../core/sidecar/model';
import { annotateWith, checkSidecarFile, lexiconEntriesFrom, loadSidecar, sidecarSource } from '../core/sidecar/session';
import { parseSidecar } from '../core/sidecar/yaml';
import { ArticleError } from '../node/article-file';
import { ConcurrentChangeError, describeError, displayPath, FileError, InvalidEncodingError, writeFileAtomic } from '../node/atomic';
import { otherOwner, readSidecarFor } from '../node/sidecar-file';
import { contractLine, readInput } from './inputs';

export type JobKind = 'analyze-json' | 'analyze-text' | 'annotate' | 'check';

export interface JobInit {
  kind: JobKind;
  quiet: boolean;
  lexicon: LexiconEntry[];
  /** Write the output to stdout from here (a worker with a large result), rather than returning it. */
  writeDirect?: boolean;
}

export interface JobResult {
  out: string;
  err: string;
  /** ok; finding (check failed, sidecar not written); error (the article could not be read). */
  status: 'ok' | 'finding' | 'error';
}

/** Builds the job function for one command (the lexicon is built once per thread). */
export function makeJob(init: JobInit): (file: string) => JobResult {
  const lexicon = new Lexicon(init.lexicon);
  return (file) => {
    try {
      const r = runJob(init, lexicon, file);
      if (init.writeDirect && r.out) {
        writeAll(1, r.out);
        return { ...r, out: '' };
      }
      return r;
    } catch (e) {
      // One file's trouble never stops the batch: say which file and what happened, go on.
      if (e instanceof ArticleError || e instanceof InvalidEncodingError || e instanceof FileError)
        return { out: '', err: `news-annotator: ${e.message}\n`, status: 'error' };
      if (e instanceof RangeError && /memory|allocation/i.test(e.message))
        return { out: '', err: `news-annotator: ${displayPath(file)}: out of memory; not processed\n`, status: 'error' };
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      if (code) return { out: '', err: `news-annotator: ${describeError(e, file, 'read').message}\n`, status: 'error' };
      return {
        out: '',
        err:
          `news-annotator: ${displayPath(file)}: internal error ` +
          `(${e instanceof Error ? displayPath(e.message).slice(0, 200) : 'unknown'}); please report it\n`,
        status: 'error',
      };
    }
  };
}

function runJob(init: JobInit, lexicon: Lexicon, file: string): JobResult {
  const art = readInput(file);
  const shown = displayPath(art.path);
  switch (init.kind) {
    case 'analyze-json': {
      const a = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
      if (init.writeDirect) {
        // A very long article: write its record piece by piece.
        for (const chunk of contractJsonChunks(file, a, art.norm)) writeAll(1, chunk);
        writeAll(1, '\n');
        return { out: '', err: '', status: 'ok' };
      }
      return { out: contractLine(art, a), err: '', status: 'ok' };
    }
    case 'analyze-text': {
      const a = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
      const entities = a.entityGroups.map((g) => `${g.canonical} (${g.type}${g.mentions.length > 1 ? ` ×${g.mentions.length}` : ''})`);
      const lines = [
        shown,
        `  entities: ${entities.join(', ') || '—'}`,
        `  figures:  ${a.figures.map((f) => f.text).join(', ') || '—'}`,
        `  quotes:   ${a.quotes.map((q) => `${q.text}${q.speaker ? ` — ${q.speaker.name}` : ''}`).join('; ') || '—'}`,
        `  subjects: ${
          a.subjects
            .slice(0, 3)
            .map((s) => s.label)
            .join('; ') || '—'
        }`,
        `  outline:  ${a.sections.map((s) => s.label).join(' | ') || '—'}`,
      ];
      return { out: lines.join('\n') + '\n', err: '', status: 'ok' };
    }
    case 'annotate': {
      const side = readSidecarFor(file, art.norm.text.length);
      const sideShown = displayPath(side.path);
      const loaded = loadSidecar(side.src, art.norm.text);
      if (loaded.problem)
        return {
          out: '',
          err: `news-annotator: ${displayPath(side.legacyPath ?? side.path)}: ${loaded.problem.message}; not modified\n`,
          status: 'finding',
        };
      const owner = otherOwner(file, loaded.doc?.article);
      if (owner)
        return {
          out: '',
          err:
            `news-annotator: ${sideShown} belongs to ${displayPath(owner)} (its article: field); not modified ` +
            `(rename one of the two articles)\n`,
          status: 'finding',
        };
      const a = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
      const anns = annotateWith(a, loaded.annotations);
      const content = sidecarSource(path.basename(file), a, anns);
      if (content === side.src && !side.legacyPath) return { out: init.quiet ? '' : `${sideShown}: unchanged\n`, err: '', status: 'ok' };
      try {
        writeFileAtomic(side.path, content, side.legacyPath ? null : side.src);
      } catch (e) {
        if (e instanceof ConcurrentChangeError || e instanceof FileError)
          return { out: '', err: `news-annotator: ${e.message}\n`, status: e instanceof FileError ? 'error' : 'finding' };
        throw e;
      }
      // The file had the name an earlier release gave it: it now has its own; the old one goes if nobody changed it.
      if (side.legacyPath) removeIfUnchanged(side.legacyPath, side.src);
      const lost = anns.filter((x) => x.anchor !== 'ok' && isUserDecision(x)).length;
      return {
        out: init.quiet ? '' : `${sideShown}: ${anns.length} annotations${lost ? ` (${lost} decisions need review: text changed)` : ''}\n`,
        err: '',
        status: 'ok',
      };
    }
    case 'check': {
      const side = readSidecarFor(file, art.norm.text.length);
      const sideShown = displayPath(side.path);
      // Read once: a large file is not parsed again for its article: field.
      const { findings: problems, article } = checkSidecarFile(side.src, art.norm.text);
      if (!problems.length && side.legacyPath)
        problems.push({ code: 'stale', message: `kept under its old name ${displayPath(side.legacyPath)} (run: news-annotator annotate)` });
      const owner = article !== null ? otherOwner(file, article) : null;
      if (owner)
        problems.unshift({ code: 'invalid', message: `belongs to ${displayPath(owner)} (its article: field), not to this article` });
      const out = problems.map((p) => `${sideShown}: ${p.code}: ${p.message}\n`).join('') || (init.quiet ? '' : `${sideShown}: ok\n`);
      return { out, err: '', status: problems.length ? 'finding' : 'ok' };
    }
  }
}

function removeIfUnchanged(file: string, content: string | null): void {
  try {
    if (fs.readFileSync(file, 'utf8') === content) fs.rmSync(file);
  } catch {
    /* already gone, or unreadable: leave it */
  }
}

/** Writes a whole string to a file descriptor, waiting out a full pipe. */
function writeAll(fd: number, s: string): void {
  const buf = Buffer.from(s, 'utf8');
  for (let off = 0; off < buf.length;) {
    try {
      off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** The user's taught names from the sidecars of the given articles (unreadable ones are skipped). */
export function lexiconFromSidecars(files: readonly string[]): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const file of files) {
    let src: string | null;
    try {
      // The article's size is not known yet: the largest limit (an article of 50 MB).
      src = readSidecarFor(file, 50 * 1024 * 1024).src;
    } catch {
      continue;
    }
    if (src === null) continue;
    const r = parseSidecar(src);
    if (r.ok) entries.push(...lexiconEntriesFrom(r.doc.annotations));
  }
  return entries;
}
