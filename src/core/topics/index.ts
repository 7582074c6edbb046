/**
 * Topics: what the article is about and where. Whole-article IPTC subjects from curated keyword
 * lists (`keywords.ts`, scored in `subjects.ts`), and a section outline — headline, lede, then runs
 * of paragraphs about the same thing — labelled by their entities and TF-IDF keyphrases
 * (`sections.ts`). Pure and deterministic; linear in the size of the text.
 */
import type { Entity, EntityMention, Figure, Quote, Section, Subject } from '../types';
import { defaultIdfTable, type IdfTable } from './idf';
import { buildSections } from './sections';
import { articleTopicScores, rankSubjects, TOP_COUNT } from './subjects';
import { tokenize } from './tokens';
import type { TextIndex } from '../textIndex';

export { buildIdfTable, IdfBuilder, defaultIdfTable, idfOf, MIN_IDF_DOCS, type IdfTable } from './idf';
export { IPTC_CREDIT, IPTC_SUBTOPICS, IPTC_TOP } from './iptc';
export { explainSubjects, scoreSubjects } from './subjects';

export interface TopicInput {
  entities: readonly EntityMention[];
  groups: readonly Entity[];
  figures: readonly Figure[];
  quotes: readonly Quote[];
}

export interface TopicOptions {
  /**
   * Keyword weights for keyphrases, e.g. `buildIdfTable(workspaceArticles)` when the workspace
   * holds at least {@link MIN_IDF_DOCS} articles; the built-in table otherwise.
   */
  idf?: IdfTable;
  /** The analysis's shared text index (see `textIndex.ts`): its word tokens are read instead of tokenizing again. */
  index?: TextIndex;
}

/**
 * Subjects of the whole article (best first; `score` = share of the keyword evidence, 0..1) and its
 * sections (in text order, non-overlapping, offsets into `text`). `text` is normalized article text.
 */
export function analyzeTopics(text: string, input: TopicInput, options: TopicOptions = {}): { subjects: Subject[]; sections: Section[] } {
  const tokens = options.index?.text === text ? options.index.words : tokenize(text);
  const events: number[] = [];
  const raw = articleTopicScores(text, tokens, undefined, events);
  const subjects = rankSubjects(raw);
  let total = 0;
  for (let t = 0; t < TOP_COUNT; t++) total += raw[t]!;
  const share = new Float64Array(TOP_COUNT);
  if (total > 0) for (let t = 0; t < TOP_COUNT; t++) share[t] = raw[t]! / total;
  const sections = buildSections({ text, tokens, input, idf: options.idf ?? defaultIdfTable(), articleShare: share, events });
  return { subjects, sections };
}
