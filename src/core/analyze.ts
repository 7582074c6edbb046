/**
 * The analysis pipeline: entities → name linking → figures → quotes → topics, on normalized text.
 */
import { linkEntities } from './entities/link';
import { recognizeInBlocks, WHOLE_TEXT_MAX } from './blocks';
import { findFigures, resolveArticleDate } from './figures';
import type { Lexicon } from './lexicon';
import { recognizeEntities, type RecognizedMention } from './ner';
import { findQuotes } from './quotes';
import { analyzeTopics, type IdfTable } from './topics';
import { TextIndex } from './textIndex';
import type { Analysis } from './types';

export interface AnalyzeOptions {
  /** Names the user taught the tool (accepted/added/rejected annotations, `entities.yaml`). */
  lexicon?: Lexicon;
  /** The file's modification date (ISO `YYYY-MM-DD`), used when the text carries no date. */
  fileDate?: string | null;
  /** Keyword weights from the user's own articles (see `buildIdfTable`); the built-in table otherwise. */
  idf?: IdfTable;
}

/** Analyses normalized article text (see `normalizeText`). Pure and deterministic. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // The text's runs and sentence stops, scanned once and read by every stage.
  const index = new TextIndex(text);
  // Long texts (liveblogs, transcripts) are tagged block by block so memory stays bounded; each
  // block's runs are scanned with it.
  const found =
    text.length > WHOLE_TEXT_MAX
      ? recognizeInBlocks(text, options.lexicon)
      : recognizeEntities(text, options.lexicon ? { lexicon: options.lexicon, runs: index.runs } : { runs: index.runs });
  return analyzeWith(text, options, found, index);
}

/**
 * The pipeline after entity recognition (the incremental analyzer supplies cached mentions, tagged
 * paragraph by paragraph); `index` is the text's shared index when the caller has built it.
 */
export function analyzeWith(text: string, options: AnalyzeOptions, found: RecognizedMention[], index = new TextIndex(text)): Analysis {
  const { mentions, groups } = linkEntities(text, found);
  const date = resolveArticleDate(text, options.fileDate);
  const articleDate = date.value && date.source ? { value: date.value, source: date.source } : null;
  const { figures, relations } = findFigures(text, {
    articleDate: date.value,
    ...(date.source ? { articleDateSource: date.source } : {}),
    articleDateNote: date.label,
    index,
  });
  const quotes = findQuotes(text, mentions, groups, index);
  const { subjects, sections } = analyzeTopics(
    text,
    { entities: mentions, groups, figures, quotes },
    options.idf ? { idf: options.idf, index } : { index },
  );
  return { text, entities: mentions, entityGroups: groups, figures, figureRelations: relations, quotes, subjects, sections, articleDate };
}
