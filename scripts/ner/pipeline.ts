/**
 * The training pipeline shared by `train-ner.ts` and `eval-ner.ts`: prepare data, train pass 1,
 * jackknife pass-1 predictions for pass-2 training, train pass 2, and build the raw model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { computeHistory, type Resources } from '../../src/core/ner/features';
import { buildGazetteer } from './gazetteer-data';
import type { RawModel } from '../../src/core/ner/model';
import { repoRoot } from '../shared';
import { buildClusters, CLUSTER_DEFAULTS, clusterTable, type ClusterOptions } from './clusters';
import { prepare, recaseBodyLine, titleCaseHeadline, unlabelledTexts, type Doc, type PreparedDoc } from './data';
import { applyIndex, attrsFor, buildIndex, decodeDoc, extract, rng, toRawStage, trainPerceptron, type TrainDoc } from './perceptron';

export interface Settings {
  epochs: number;
  /** Epochs of the jackknife pass-1 models (pass-2 training input). */
  foldEpochs: number;
  folds: number;
  /** Train a second pass with document-history features. */
  twoPass: boolean;
  minCount: number;
  seed: number;
  /** Fraction of ALL-CAPS headlines rewritten in Title Case (augmentation). */
  titleCase: number;
  /** Fractions of documents with one body line upper-cased / Title Cased (augmentation). */
  upperLine: number;
  titleLine: number;
  /** Also the gazetteer lists compiled from open-licence data packages (`gazetteer-open.ts`). */
  openData: boolean;
  /** Weight of a world newswire document's perceptron updates (a CoNLL document's count 1). */
  worldWeight: number;
}

export const DEFAULTS: Settings = {
  epochs: 12,
  foldEpochs: 8,
  folds: 5,
  twoPass: true,
  minCount: 2,
  seed: 1,
  titleCase: 0.5,
  upperLine: 0.2,
  titleLine: 0.2,
  openData: true,
  worldWeight: 0.3,
};

/** Features kept per pass in the shipped model (see `EncodeOptions.maxFeatures`). */
export const MAX_FEATURES = 30000;

export interface ClusterTable {
  hashes: Int32Array;
  codes: Uint16Array;
  cluster(h: number): number;
}

export function emptyClusters(): ClusterTable {
  return { hashes: new Int32Array(0), codes: new Uint16Array(0), cluster: () => 0 };
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

/** Prepares the training documents (with case augmentation): CoNLL ones, then world newswire ones weighted `s.worldWeight`. */
export function prepareTraining(conll: Doc[], world: Doc[], s: Settings): PreparedDoc[] {
  const docs = [...conll, ...world.map((d) => ({ ...d, weight: s.worldWeight }))];
  const random = rng(s.seed * 7919 + 17);
  const out: PreparedDoc[] = [];
  for (const d of docs) {
    let doc = (random() < s.titleCase ? titleCaseHeadline(d) : null) ?? d;
    const u = random();
    const pu = random();
    if (u < s.upperLine) doc = recaseBodyLine(doc, 'upper', pu) ?? doc;
    const t = random();
    const pt = random();
    if (t < s.titleLine) doc = recaseBodyLine(doc, 'title', pt) ?? doc;
    out.push(prepare(doc));
  }
  return out;
}

function toTrainDocs(docs: PreparedDoc[], res: Resources): TrainDoc[] {
  return docs.map((doc) => {
    const attrs = attrsFor(doc, res);
    const { off, hashes } = extract({ attrs });
    return { doc, attrs, off, hashes, idx: new Int32Array(0) };
  });
}

/** Trains the whole model on `docs` (deterministic: nothing but the data and `s.seed` reaches the model). */
export function trainModel(docs: PreparedDoc[], clusters: ClusterTable, s: Settings, meta: Record<string, unknown>): RawModel {
  const gazetteer = buildGazetteer(s.openData);
  const res: Resources = { cluster: (h) => clusters.cluster(h), gazetteer };
  const t0 = Date.now();
  const tds = toTrainDocs(docs, res);
  const index1 = buildIndex(tds, s.minCount);
  for (const td of tds) td.idx = applyIndex(td, index1);
  log(`pass 1: ${tds.length} documents, ${index1.size} features (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const m1 = trainPerceptron(tds, index1.size, { epochs: s.epochs, seed: s.seed });
  const stages = [toRawStage(m1, index1, 'base')];
  log(`pass 1 trained (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (s.twoPass) {
    // Jackknife: pass-1 labels of each fold come from a model that did not see it.
    const fold = tds.map((_, i) => i % s.folds);
    for (let k = 0; k < s.folds; k++) {
      const trainIdx = tds.filter((_, i) => fold[i] !== k);
      const sub = buildIndex(trainIdx, s.minCount);
      for (const td of trainIdx) td.idx = applyIndex(td, sub);
      const mk = trainPerceptron(trainIdx, sub.size, { epochs: s.foldEpochs, seed: s.seed + k + 1, onEpoch: () => {} });
      tds.forEach((td, i) => {
        if (fold[i] !== k) return;
        td.idx = applyIndex(td, sub);
        computeHistory(td.attrs, decodeDoc(td, mk));
      });
      log(`  fold ${k + 1}/${s.folds} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    for (const td of tds) {
      const { off, hashes } = extract(td, 'full');
      td.off = off;
      td.hashes = hashes;
    }
    const index2 = buildIndex(tds, s.minCount);
    for (const td of tds) td.idx = applyIndex(td, index2);
    const m2 = trainPerceptron(tds, index2.size, { epochs: s.epochs, seed: s.seed + 101 });
    stages.push(toRawStage(m2, index2, 'full'));
    log(`pass 2 trained: ${index2.size} features (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return {
    stages,
    clusterHashes: clusters.hashes,
    clusterCodes: clusters.codes,
    gazetteer: gazetteer.packed(),
    meta: { ...meta, settings: s },
  };
}

/**
 * Word clusters from CoNLL train + BBC + PolNeAR text, cached in `.cache/ner/` (hashes and codes
 * only; rebuilt when the options change). `extra`: more unlabelled LF text (the world newswire
 * training documents), cached under its own name.
 */
export function loadOrBuildClusters(
  train: Doc[],
  opts: ClusterOptions = CLUSTER_DEFAULTS,
  extra?: { name: string; texts: string[] },
): ClusterTable {
  const key = JSON.stringify(opts);
  const file = path.join(repoRoot(), '.cache', 'ner', extra ? `clusters-${extra.name}.json` : 'clusters.json');
  if (fs.existsSync(file)) {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; hashes: number[]; codes: number[] };
    if (c.key === key) return clusterTable(Int32Array.from(c.hashes), Uint16Array.from(c.codes));
  }
  const t0 = Date.now();
  const c = buildClusters([...unlabelledTexts(train), ...(extra?.texts ?? [])], opts);
  log(`clusters: ${c.hashes.length} words in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ key, hashes: [...c.hashes], codes: [...c.codes] }));
  // A human-readable listing for inspection (local cache only, never committed or shipped).
  const byCode = new Map<number, string[]>();
  c.words.forEach((w, i) => {
    const k = c.codes[i]! >> 4;
    const list = byCode.get(k) ?? [];
    list.push(w);
    byCode.set(k, list);
  });
  fs.writeFileSync(
    path.join(path.dirname(file), 'clusters.txt'),
    [...byCode.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, ws]) => `${k.toString(2)}\t${ws.slice(0, 30).join(' ')}`)
      .join('\n'),
  );
  return c;
}
