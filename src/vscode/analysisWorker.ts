/**
 * Worker thread for long articles (dist/analysis-worker.js): analyses off the extension host's thread
 * so typing never waits, and keeps the incremental analyzer's per-block cache between runs.
 */
import { parentPort } from 'node:worker_threads';
import type { LexiconEntry } from '../core/lexicon';
import type { IdfTable } from '../core/topics/idf';
import type * as AnalysisModule from './analysisModule';

export interface WorkerRequest {
  id: number;
  key: string;
  text: string;
  fileDate: string | null;
  lexicon: LexiconEntry[];
  lexiconKey: string;
  idf?: IdfTable;
}

// Loaded at run time from beside this file, so the analysis code exists once in the package.
// The analysis bundle beside this one (a plain require: esbuild must not inline it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mod = require('./analysis.js') as typeof AnalysisModule;
const analyzers = new Map<string, InstanceType<typeof mod.IncrementalAnalyzer>>();
let lexicon = new mod.Lexicon([]);
let lexiconKey = '';

parentPort!.on('message', (r: WorkerRequest) => {
  try {
    if (r.lexiconKey !== lexiconKey) {
      lexicon = new mod.Lexicon(r.lexicon);
      lexiconKey = r.lexiconKey;
    }
    let inc = analyzers.get(r.key);
    if (!inc) analyzers.set(r.key, (inc = new mod.IncrementalAnalyzer()));
    const t0 = Date.now();
    const analysis = inc.analyze(r.text, { lexicon, fileDate: r.fileDate, ...(r.idf ? { idf: r.idf } : {}) });
    parentPort!.postMessage({ id: r.id, analysis, ms: Date.now() - t0, tagged: inc.lastTagged, blocks: inc.lastBlocks });
  } catch (e) {
    parentPort!.postMessage({ id: r.id, error: e instanceof Error ? e.message : String(e) });
  }
});
