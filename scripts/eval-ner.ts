/**
 * Evaluates the entity tagger on the CoNLL-2003 dev split with a model trained on train only:
 * per-type and overall precision / recall / F1 (exact start + end + type; PER/ORG/LOC overall,
 * MISC separately), tagging speed and model init time.
 *
 *   npm run eval:ner                       train in-process (same settings as train:ner), evaluate
 *   npm run eval:ner -- --load             reuse the train-only model cached by the last run
 *   options: --one-pass --epochs N --threshold T --max-features N --no-consistency --errors (writes .cache/ner/errors.txt)
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeModel, encodeModel, fromBase64, toBase64, type RawModel } from '../src/core/ner/model';
import { CLUSTER_DEFAULTS } from './ner/clusters';
import { loadConll } from './ner/data';
import { calibrate, evaluate } from './ner/evaluate';
import { DEFAULTS, emptyClusters, loadOrBuildClusters, prepareTraining, trainModel, type Settings } from './ner/pipeline';
import { loadRaw, saveRaw } from './ner/raw-io';
import { repoRoot } from './shared';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const num = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);

const train = loadConll('train');
const dev = loadConll('dev');
if (!train || !dev) process.exit(0);

const s: Settings = { ...DEFAULTS, epochs: num('--epochs', DEFAULTS.epochs), twoPass: !flag('--one-pass'), titleCase: num('--title-case', DEFAULTS.titleCase), upperLine: num('--upper-line', DEFAULTS.upperLine), titleLine: num('--title-line', DEFAULTS.titleLine), minCount: num('--min-count', DEFAULTS.minCount), folds: num('--folds', DEFAULTS.folds), foldEpochs: num('--fold-epochs', DEFAULTS.foldEpochs) };
const cacheFile = path.join(repoRoot(), '.cache', 'ner', 'model-train-only.raw');
let raw: RawModel;
const t0 = Date.now();
if (flag('--load') && fs.existsSync(cacheFile)) {
  raw = loadRaw(cacheFile);
} else {
  raw = trainModel(prepareTraining(train, s), flag('--no-clusters') ? emptyClusters() : loadOrBuildClusters(train, { ...CLUSTER_DEFAULTS, minFreq: num('--cluster-min-freq', CLUSTER_DEFAULTS.minFreq) }), s, { data: 'conll2003-train' });
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  saveRaw(cacheFile, raw);
  console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const threshold = num('--threshold', 0.02);
const maxFeatures = num('--max-features', 20000);
const encodeOpts = maxFeatures ? { threshold, maxFeatures } : { threshold };
let bytes = encodeModel(raw, encodeOpts);
const calibration = calibrate(decodeModel(bytes), dev);
bytes = encodeModel({ ...raw, meta: { ...raw.meta, calibration } }, encodeOpts);
// Init as the product does it: base64 → bytes → tables.
const b64 = toBase64(bytes);
const i0 = performance.now();
const model = decodeModel(fromBase64(b64));
const initMs = performance.now() - i0;
const ev = evaluate(model, dev, { noConsistency: flag('--no-consistency') });
console.log('train-only model, CoNLL-2003 dev, exact start+end+type:');
console.log(ev.scorer.report());
console.log(`model ${bytes.length} bytes (${b64.length} as base64), init ${initMs.toFixed(1)} ms, ${(ev.chars / ev.cpuSeconds / 1e6).toFixed(2)}M chars/s (CPU time) on dev, calibration ${JSON.stringify(calibration)}`);
if (flag('--errors')) fs.writeFileSync(path.join(repoRoot(), '.cache', 'ner', 'errors.txt'), ev.errors.join('\n') + '\n');
