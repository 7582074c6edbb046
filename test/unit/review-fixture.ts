// A small article and its annotations, shared by the review tests.
import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/sidecar/model';

export const TEXT = 'Ana Lopez met Ben Ortiz in Paris. Ana Lopez paid €5 million. "We agree," Ortiz said.';

export function ann(p: Partial<Annotation> & { id: string; start: number; end: number }): Annotation {
  return {
    kind: 'entity',
    type: 'PER',
    text: TEXT.slice(p.start, p.end),
    prefix: '',
    suffix: '',
    status: 'suggested',
    origin: 'model',
    anchor: 'ok',
    ...p,
  } as Annotation;
}

/** The span of the nth occurrence of `words` in TEXT. */
export function at(words: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(words, i + 1);
  assert.ok(i >= 0, words);
  return { start: i, end: i + words.length };
}

/** Seven suggestions: five names (one linked), a figure, a quote. */
export function sample(): Annotation[] {
  return [
    ann({ id: 'e1', ...at('Ana Lopez') }),
    ann({ id: 'e2', ...at('Ben Ortiz') }),
    ann({ id: 'e3', ...at('Paris'), type: 'LOC' }),
    ann({ id: 'e4', ...at('Ana Lopez', 1), entity: 'Ana Lopez' }),
    ann({ id: 'f1', ...at('€5 million'), kind: 'figure', type: 'money' }),
    ann({ id: 'q1', ...at('"We agree,"'), kind: 'quote', type: 'direct', confidence: 0.6 }),
    ann({ id: 'e5', ...at('Ortiz', 1) }),
  ];
}
