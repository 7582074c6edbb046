/**
 * The per-file work of the CLI commands, the same in the main thread and in worker threads: each
 * job reads one article (and its sidecar), and returns what to print and how it went.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze';
import { contractJsonChunks } from '../core/contract';
import { Lexicon, type LexiconEntry } from '../core/lexicon';
import { annotateWith, buildSidecar, checkSidecar, lexiconEntriesFrom, loadSidecar } from '../core/sidecar/session';
import { parseSidecar, serializeSidecar, sidecarPathFor } from '../core/sidecar/yaml';
import { ArticleError } from '../node/article-file';
import { ConcurrentChangeError, InvalidEncodingError, readTextOrNull, writeFileAtomic } from '../node/atomic';
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
      if (e instanceof ArticleError || e instanceof InvalidEncodingError) return { out: '', err: `news-annotator: ${e.message}\n`, status: 'error' };
      throw e;
    }
  };
}

function runJob(init: JobInit, lexicon: Lexicon, file: string): JobResult {
  const art = readInput(file);
  const side = sidecarPathFor(file);
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
      const lines = [
        art.path,
        `  entities: ${a.entityGroups.map((g) => `${g.canonical} (${g.type}${g.mentions.length > 1 ? ` ×${g.mentions.length}` : ''})`).join(', ') || '—'}`,
        `  figures:  ${a.figures.map((f) => f.text).join(', ') || '—'}`,
        `  quotes:   ${a.quotes.map((q) => `${q.text}${q.speaker ? ` — ${q.speaker.name}` : ''}`).join('; ') || '—'}`,
        `  subjects: ${a.subjects.slice(0, 3).map((s) => s.label).join('; ') || '—'}`,
        `  outline:  ${a.sections.map((s) => s.label).join(' | ') || '—'}`,
      ];
      return { out: lines.join('\n') + '\n', err: '', status: 'ok' };
    }
    case 'annotate': {
      const src = readTextOrNull(side);
      const loaded = loadSidecar(src, art.norm.text);
      if (loaded.problem) return { out: '', err: `news-annotator: ${side}: ${loaded.problem.message}; not modified\n`, status: 'finding' };
      const a = analyze(art.norm.text, { fileDate: art.fileDate, lexicon });
      const anns = annotateWith(a, loaded.annotations);
      const content = serializeSidecar(buildSidecar(path.basename(file), a, anns));
      if (content === src) return { out: init.quiet ? '' : `${side}: unchanged\n`, err: '', status: 'ok' };
      try {
        writeFileAtomic(side, content, src);
      } catch (e) {
        if (!(e instanceof ConcurrentChangeError)) throw e;
        return { out: '', err: `news-annotator: ${e.message}\n`, status: 'finding' };
      }
      const lost = anns.filter((x) => x.anchor !== 'ok').length;
      return { out: init.quiet ? '' : `${side}: ${anns.length} annotations${lost ? ` (${lost} need review: text changed)` : ''}\n`, err: '', status: 'ok' };
    }
    case 'check': {
      const problems = checkSidecar(readTextOrNull(side), art.norm.text);
      const out = problems.map((p) => `${side}: ${p.code}: ${p.message}\n`).join('') || (init.quiet ? '' : `${side}: ok\n`);
      return { out, err: '', status: problems.length ? 'finding' : 'ok' };
    }
  }
}

/** Writes a whole string to a file descriptor, waiting out a full pipe. */
function writeAll(fd: number, s: string): void {
  const buf = Buffer.from(s, 'utf8');
  for (let off = 0; off < buf.length; ) {
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
      src = readTextOrNull(sidecarPathFor(file));
    } catch {
      continue;
    }
    if (src === null) continue;
    const r = parseSidecar(src);
    if (r.ok) entries.push(...lexiconEntriesFrom(r.doc.annotations));
  }
  return entries;
}
