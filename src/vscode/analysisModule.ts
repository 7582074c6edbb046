/**
 * The analysis core as a separate bundle (dist/analysis.js), loaded on the first article rather than
 * at activation: the trained model and word lists make it most of the extension's code.
 */
export { analyze } from '../core/analyze';
export { IncrementalAnalyzer } from '../core/incremental';
export { Lexicon } from '../core/lexicon';
export { findNames } from '../core/names';
export { IdfBuilder, decodeIdfTable, encodeIdfTable, MIN_IDF_DOCS } from '../core/topics/idf';
