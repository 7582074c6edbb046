/** Public façade of the pure analysis core (no `vscode`, no Node built-ins). */
export * from './types';
export * from './text';
export { analyze, type AnalyzeOptions } from './analyze';
export { Lexicon, type LexiconEntry } from './lexicon';
