/**
 * Evaluates the entity tagger on the CoNLL-2003 dev split with a model trained on train only.
 *   node scripts/run-ts.mjs scripts/eval-ner.ts [--load] [--epochs N] [--one-pass] ...
 */
import fs from 'node:fs';
import path from 'node:path';
import { recognizeWith } from '../src/core/ner';
import { decodeModel, encodeModel } from '../src/core/ner/model';
import { loadConll } from './ner/data';
import { DEFAULTS, emptyClusters, prepareTraining, trainModel, type Settings } from './ner/pipeline';
import { Scorer } from './ner/score';
import { repoRoot } from './shared';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const num = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);

const train = loadConll('train');
const dev = loadConll('dev');
if (!train || !dev) process.exit(0);

const s: Settings = { ...DEFAULTS, epochs: num('--epochs', DEFAULTS.epochs), twoPass: !flag('--one-pass'), titleCase: num('--title-case', DEFAULTS.titleCase), minCount: num('--min-count', DEFAULTS.minCount), folds: num('--folds', DEFAULTS.folds), foldEpochs: num('--fold-epochs', DEFAULTS.foldEpochs) };
const cacheFile = path.join(repoRoot(), '.cache', 'ner', 'model-train-only.bin');
let bytes: Uint8Array;
if (flag('--load') && fs.existsSync(cacheFile)) {
  bytes = new Uint8Array(fs.readFileSync(cacheFile));
} else {
  const raw = trainModel(prepareTraining(train, s), emptyClusters(), s, { data: 'conll2003-train' });
  bytes = encodeModel(raw, { threshold: num('--threshold', 0.002) });
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, bytes);
}
const t0 = performance.now();
const model = decodeModel(bytes);
const initMs = performance.now() - t0;
const scorer = new Scorer();
let chars = 0;
const t1 = performance.now();
for (const d of dev) {
  const pred = recognizeWith(model, d.text);
  chars += d.text.length;
  scorer.add(d.entities, pred);
}
const secs = (performance.now() - t1) / 1000;
console.log(scorer.report());
console.log(`model ${bytes.length} bytes, init ${initMs.toFixed(1)} ms, ${(chars / secs / 1e6).toFixed(2)}M chars/s on dev`);
