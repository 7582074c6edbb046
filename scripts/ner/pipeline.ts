/**
 * The training pipeline shared by `train-ner.ts` and `eval-ner.ts`: prepare data, train pass 1,
 * jackknife pass-1 predictions for pass-2 training, train pass 2, and build the raw model.
 */
import { computeHistory, type Resources } from '../../src/core/ner/features';
import { builtinGazetteer } from '../../src/core/ner/gazetteer';
import type { RawModel } from '../../src/core/ner/model';
import { prepare, titleCaseHeadline, type Doc, type PreparedDoc } from './data';
import { applyIndex, attrsFor, buildIndex, decodeDoc, extract, rng, toRawStage, trainPerceptron, type TrainDoc } from './perceptron';

export interface Settings {
  epochs: number;
  /** Epochs of the jackknife pass-1 models (pass-2 training input). */
  foldEpochs: number;
  folds: number;
  /** Train a second, document-history pass. */
  twoPass: boolean;
  minCount: number;
  seed: number;
  /** Fraction of ALL-CAPS headlines rewritten in Title Case (augmentation). */
  titleCase: number;
}

export const DEFAULTS: Settings = { epochs: 12, foldEpochs: 8, folds: 5, twoPass: true, minCount: 2, seed: 1, titleCase: 0.5 };

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

/** Prepares the training documents (with case augmentation). */
export function prepareTraining(docs: Doc[], s: Settings): PreparedDoc[] {
  const random = rng(s.seed * 7919 + 17);
  const out: PreparedDoc[] = [];
  for (const d of docs) {
    const t = random() < s.titleCase ? titleCaseHeadline(d) : null;
    out.push(prepare(t ?? d));
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

/** Trains the whole model on `docs`. */
export function trainModel(docs: PreparedDoc[], clusters: ClusterTable, s: Settings, meta: Record<string, unknown>): RawModel {
  const res: Resources = { cluster: (h) => clusters.cluster(h), gazetteer: builtinGazetteer() };
  const t0 = Date.now();
  const tds = toTrainDocs(docs, res);
  const index1 = buildIndex(tds, s.minCount);
  for (const td of tds) td.idx = applyIndex(td, index1);
  log(`pass 1: ${tds.length} documents, ${index1.size} features (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const m1 = trainPerceptron(tds, index1.size, { epochs: s.epochs, seed: s.seed });
  const stages = [toRawStage(m1, index1)];
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
      const { off, hashes } = extract(td);
      td.off = off;
      td.hashes = hashes;
    }
    const index2 = buildIndex(tds, s.minCount);
    for (const td of tds) td.idx = applyIndex(td, index2);
    const m2 = trainPerceptron(tds, index2.size, { epochs: s.epochs, seed: s.seed + 101 });
    stages.push(toRawStage(m2, index2));
    log(`pass 2 trained: ${index2.size} features (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return { stages, clusterHashes: clusters.hashes, clusterCodes: clusters.codes, meta: { ...meta, settings: s, trainSeconds: Math.round((Date.now() - t0) / 1000) } };
}
