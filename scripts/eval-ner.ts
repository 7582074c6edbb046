/**
 * Evaluates the entity tagger on the CoNLL-2003 dev split with a model that never saw it (CoNLL
 * train + the world newswire dev set, as `train:ner` trains; `--no-world` for CoNLL train only):
 * per-type and overall precision / recall / F1 (exact start + end + type; PER/ORG/LOC overall,
 * MISC separately), tagging speed and model init time.
 *
 *   npm run eval:ner                       train in-process (same settings as train:ner), evaluate
 *   npm run eval:ner -- --load             reuse the train-only model cached by the last run
 *   options: --one-pass --epochs N --threshold T --max-features N --no-consistency --errors (writes .cache/ner/errors.txt)
 *            --world-clusters (the word clusters also learn from the world newswire training text)
 *            --tag X (cache the model as model-train-only-X.raw, `--load --tag X` re-scores it)
 *
 *   npm run eval:ner -- --eval FILE        score on FILE instead of CoNLL dev: a JSON-lines file of the same shape
 *                                          ({id, text, entities}), e.g. CoNLL-2003 test or WikiGold converted
 *                                          outside the repository (their text is never committed); with
 *                                          `--shipped`, the shipped model is scored (nothing is trained)
 *
 *   npm run eval:ner -- --world            the shipped model on the world newswire dev set (it has been trained
 *                                          on that set: use --world-cv for an honest figure)
 *   npm run eval:ner -- --world-cv K       K-fold cross-validation on the world set: for each fold, train on
 *                                          CoNLL train + the other folds, score the fold; one table over all
 *                                          held-out folds (per region, per type, overall). `--folds-run a,b`
 *                                          runs only some folds; `--conll-only` trains without world data;
 *                                          `--load` reuses the fold models cached by the last run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeModel, encodeModel, fromBase64, toBase64, type RawModel } from '../src/core/ner/model';
import { CLUSTER_DEFAULTS } from './ner/clusters';
import { loadConll, readJsonLines, type Doc } from './ner/data';
import { calibrate, evaluate } from './ner/evaluate';
import { DEFAULTS, emptyClusters, loadOrBuildClusters, MAX_FEATURES, prepareTraining, trainModel, type Settings } from './ner/pipeline';
import { loadRaw, saveRaw } from './ner/raw-io';
import { foldOf, JOIN_DANGLING, loadWorld, TRAIN_TYPE_MAP, WorldScorer } from './ner/world';
import type { EntityType } from '../src/core/types';
import { recognizeWith, shippedModel } from '../src/core/ner';
import { repoRoot } from './shared';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const num = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);

const train = loadConll('train');
const dev = loadConll('dev');
if (!train || !dev) process.exit(0);
const evalFile = args.includes('--eval') ? args[args.indexOf('--eval') + 1]! : null;
const evalDocs = evalFile ? readJsonLines<Doc>(evalFile) : dev;
const evalName = evalFile ? path.basename(evalFile) : 'CoNLL-2003 dev';
if (flag('--shipped')) {
  const ev = evaluate(shippedModel(), evalDocs, { noConsistency: flag('--no-consistency') });
  console.log(`shipped model (${String(shippedModel().meta.data)}), ${evalName}, exact start+end+type:`);
  console.log(ev.scorer.report());
  if (flag('--errors')) fs.writeFileSync(path.join(repoRoot(), '.cache', 'ner', 'errors.txt'), ev.errors.join('\n') + '\n');
  process.exit(0);
}

const s: Settings = {
  ...DEFAULTS,
  epochs: num('--epochs', DEFAULTS.epochs),
  twoPass: !flag('--one-pass'),
  titleCase: num('--title-case', DEFAULTS.titleCase),
  upperLine: num('--upper-line', DEFAULTS.upperLine),
  titleLine: num('--title-line', DEFAULTS.titleLine),
  minCount: num('--min-count', DEFAULTS.minCount),
  folds: num('--folds', DEFAULTS.folds),
  foldEpochs: num('--fold-epochs', DEFAULTS.foldEpochs),
  worldWeight: num('--world-weight', DEFAULTS.worldWeight),
  openData: flag('--open-data') || (DEFAULTS.openData && !flag('--no-open-data')),
};
// `--tag X` keeps this run's models apart from the others (`model-train-only-X.raw`, `world-cv5-0-X.raw`).
const runTag = args.includes('--tag') ? `-${args[args.indexOf('--tag') + 1]}` : '';
if (flag('--world') || flag('--world-cv')) {
  runWorld();
  process.exit(0);
}
const cacheFile = path.join(repoRoot(), '.cache', 'ner', `model-train-only${runTag}.raw`);
let raw: RawModel;
const t0 = Date.now();
if (flag('--load') && fs.existsSync(cacheFile)) {
  raw = loadRaw(cacheFile);
} else {
  // Trained as `train:ner` trains the model it calibrates: CoNLL train + the world set (never CoNLL dev).
  const world = flag('--no-world') ? [] : (loadWorld(TRAIN_TYPE_MAP, JOIN_DANGLING) ?? []);
  raw = trainModel(
    prepareTraining(train, world, s),
    flag('--no-clusters')
      ? emptyClusters()
      : loadOrBuildClusters(
          train,
          { ...CLUSTER_DEFAULTS, minFreq: num('--cluster-min-freq', CLUSTER_DEFAULTS.minFreq) },
          flag('--world-clusters') ? { name: 'world-all', texts: world.map((d) => d.text) } : undefined,
        ),
    s,
    { data: world.length ? 'conll2003-train+worldwide-dev' : 'conll2003-train' },
  );
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  saveRaw(cacheFile, raw);
  console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const threshold = num('--threshold', 0.02);
const maxFeatures = num('--max-features', MAX_FEATURES);
const encodeOpts = maxFeatures ? { threshold, maxFeatures } : { threshold };
let bytes = encodeModel(raw, encodeOpts);
const calibration = calibrate(decodeModel(bytes), dev);
bytes = encodeModel({ ...raw, meta: { ...raw.meta, calibration } }, encodeOpts);
// Init as the product does it: base64 → bytes → tables.
const b64 = toBase64(bytes);
const i0 = performance.now();
const model = decodeModel(fromBase64(b64));
const initMs = performance.now() - i0;
const ev = evaluate(model, evalDocs, { noConsistency: flag('--no-consistency') });
console.log(`model trained on ${String(raw.meta.data)}, ${evalName}, exact start+end+type:`);
console.log(ev.scorer.report());
console.log(
  `model ${bytes.length} bytes (${b64.length} as base64), init ${initMs.toFixed(1)} ` +
    `ms, ${(ev.chars / ev.cpuSeconds / 1e6).toFixed(2)}M chars/s (CPU time) on dev, ` +
    `calibration ${JSON.stringify(calibration)}`,
);
if (flag('--errors')) fs.writeFileSync(path.join(repoRoot(), '.cache', 'ner', 'errors.txt'), ev.errors.join('\n') + '\n');

/** The world newswire scores: the shipped model, or K-fold cross-validation (see the header). */
function runWorld(): void {
  // `--type-map FAC=LOC,NORP=O`: train with other mappings of the world types (O: not a name).
  const map = { ...TRAIN_TYPE_MAP };
  if (args.includes('--type-map')) {
    for (const kv of args[args.indexOf('--type-map') + 1]!.split(',')) {
      const [k, v] = kv.split('=') as [string, string];
      map[k] = v === 'O' ? undefined : (v as EntityType);
    }
  }
  const world = loadWorld(map, flag('--join') || (JOIN_DANGLING && !flag('--no-join')));
  if (!world) process.exit(0);
  const scorer = new WorldScorer();
  const t0 = Date.now();
  if (flag('--world')) {
    const model = shippedModel();
    for (const d of world) scorer.add(d, recognizeWith(model, d.text, { noConsistency: flag('--no-consistency') }));
  } else {
    const k = num('--world-cv', 5);
    const only = args.includes('--folds-run') ? args[args.indexOf('--folds-run') + 1]!.split(',').map(Number) : null;
    const threshold = num('--threshold', 0.02);
    const maxFeatures = num('--max-features', MAX_FEATURES);
    const encodeOpts = maxFeatures ? { threshold, maxFeatures } : { threshold };
    const baseClusters = loadOrBuildClusters(train!);
    for (let f = 0; f < k; f++) {
      if (only && !only.includes(f)) continue;
      const trainWorld = flag('--conll-only') ? [] : world.filter((d) => foldOf(d.id, k) !== f);
      // `--world-clusters`: the clusters also learn from the fold's training documents (never its held-out ones).
      const clusters = flag('--world-clusters')
        ? loadOrBuildClusters(train!, CLUSTER_DEFAULTS, { name: `world-cv${k}-${f}`, texts: trainWorld.map((d) => d.text) })
        : baseClusters;
      // Each fold's model is cached, so post-processing changes can be measured with `--load`.
      const cached = path.join(repoRoot(), '.cache', 'ner', `world-cv${k}-${f}${flag('--conll-only') ? '-conll' : ''}${runTag}.raw`);
      let raw: RawModel;
      if (flag('--load') && fs.existsSync(cached)) raw = loadRaw(cached);
      else {
        raw = trainModel(prepareTraining(train!, trainWorld, s), clusters, s, { data: `conll2003-train+world-cv${k}-${f}` });
        fs.mkdirSync(path.dirname(cached), { recursive: true });
        saveRaw(cached, raw);
      }
      const calibration = calibrate(decodeModel(encodeModel(raw, encodeOpts)), dev!);
      const model = decodeModel(encodeModel({ ...raw, meta: { ...raw.meta, calibration } }, encodeOpts));
      const fold = new WorldScorer();
      for (const d of world) {
        if (foldOf(d.id, k) !== f) continue;
        const pred = recognizeWith(model, d.text, { noConsistency: flag('--no-consistency') });
        scorer.add(d, pred);
        fold.add(d, pred);
      }
      const ev = evaluate(model, dev!, { noConsistency: flag('--no-consistency') });
      console.log(
        `fold ${f + 1}/${k}: world held-out F1 ${fold.all.prf(['PER', 'ORG', 'LOC']).f.toFixed(2)}, CoNLL ` +
          `dev F1 ${ev.scorer.prf(['PER', 'ORG', 'LOC']).f.toFixed(2)} ` +
          `(${((Date.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  }
  const docs = world.filter((d) => scorer.byRegion.has(d.region));
  console.log(scorer.all.report());
  console.log(scorer.table(docs));
  if (flag('--errors')) {
    fs.mkdirSync(path.join(repoRoot(), '.cache', 'ner'), { recursive: true });
    fs.writeFileSync(path.join(repoRoot(), '.cache', 'ner', 'world-errors.txt'), scorer.errors.join('\n') + '\n');
  }
}
