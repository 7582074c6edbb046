// Random texts and annotation sets for the format tests: astral characters (emoji, CJK extension B),
// combining marks, CRLF and lone CR line breaks, a BOM, tabs, and the characters Python's
// splitlines() breaks at (which brat's .ann reader splits lines on).
import fc from 'fast-check';
import { assignIds, contextAround, TYPES, type Annotation, type AnnotationKind } from '../../src/core/sidecar/model';

export const TOKENS = [
  'Trump',
  'Xi',
  ' ',
  ' ',
  ' ',
  'the ',
  'U.S.',
  '“',
  '”',
  '"',
  '😀',
  '𠀋',
  'said',
  ', ',
  'Xi Jinping',
  '$11 billion',
  '.',
  'e\u0301',
  'Ångström',
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '\t',
  '\u2028',
  '\u0085',
  '\u000b',
  '\ufeff',
  '👩‍👩‍👧',
  '🇫🇷',
  'ﬁ',
  '中文',
];
const token = fc.constantFrom(...TOKENS);

/** A text as another tool sees it: any line endings, maybe a BOM. */
export const seenTextArb = fc
  .tuple(fc.boolean(), fc.array(token, { minLength: 1, maxLength: 40 }))
  .map(([bom, t]) => (bom ? '\ufeff' : '') + t.join(''));

function splits(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  return /[\ud800-\udbff]/.test(text[i - 1]!) && /[\udc00-\udfff]/.test(text[i]!);
}

export interface SpanSeed {
  a: number;
  b: number;
  kind: number;
  type: number;
  status: number;
  origin: number;
  extra: number;
}
export const spanSeedArb = fc.record({
  a: fc.nat(),
  b: fc.nat(),
  kind: fc.nat(),
  type: fc.nat(),
  status: fc.nat(),
  origin: fc.nat(),
  extra: fc.nat(),
});

/**
 * Annotations on `text` (the model text) from random seeds: every kind, type, status and origin;
 * notes, reviewers, entity links, figure values, quote speakers and confidences here and there.
 * Spans never split a surrogate pair and always hold a non-space character.
 */
export function annotationsFrom(text: string, seeds: readonly SpanSeed[]): Annotation[] {
  const out: Annotation[] = [];
  const kinds: AnnotationKind[] = ['entity', 'figure', 'quote'];
  for (const s of seeds) {
    if (!text.length) break;
    let start = Math.min(s.a, s.b) % text.length;
    let end = Math.max(s.a, s.b) % (text.length + 1);
    if (end <= start) end = Math.min(text.length, start + 1 + (s.extra % 7));
    if (splits(text, start)) start--;
    if (splits(text, end)) end++;
    if (end <= start || !text.slice(start, end).trim()) continue;
    const kind = kinds[s.kind % 3]!;
    const type = TYPES[kind][s.type % TYPES[kind].length]!;
    const status = (['suggested', 'accepted', 'rejected'] as const)[s.status % 3]!;
    const origin = (['model', 'user', 'import'] as const)[s.origin % 3]!;
    const a: Annotation = {
      id: '',
      kind,
      type,
      start,
      end,
      text: text.slice(start, end),
      ...contextAround(text, start, end),
      status,
      origin,
      anchor: 'ok',
    };
    const x = s.extra;
    if (x % 5 === 1) a.note = ['check this', 'two\nlines', 'tab\there', 'ünïcödé 😀'][x % 4]!;
    if (x % 7 === 2) a.by = ['alice@example.org', 'Bob Jones'][x % 2]!;
    if (kind === 'entity' && x % 3 === 0) a.entity = ['Donald Trump', 'Xi Jinping', 'Ångström Labs'][x % 3]!;
    if (kind === 'figure') {
      a.value = [12000000, '2026-02-04', null, 0.5][x % 4]!;
      if (x % 2) a.unit = ['USD', 't', '%'][x % 3]!;
    }
    if (kind === 'quote') {
      if (x % 3 === 0) a.speaker = null;
      else {
        let ss = (x * 7) % text.length;
        let se = Math.min(text.length, ss + 1 + (x % 5));
        if (splits(text, ss)) ss--;
        if (splits(text, se)) se++;
        if (text.slice(ss, se).trim()) {
          const st = text.slice(ss, se);
          a.speaker = { name: x % 2 ? st : 'Xi Jinping', text: st, start: ss, end: se };
        }
      }
      if (x % 4 !== 3) a.confidence = [0.5, 0.93, 1, 0][x % 4]!;
    }
    out.push(a);
  }
  // No two annotations of one kind on one span (the model keeps one per kind and span).
  const seen = new Set<string>();
  const unique = out.filter((a) => {
    const k = `${a.kind}:${a.start}:${a.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  assignIds(unique);
  return unique;
}

/**
 * Some annotations taken off their words, as the loader leaves them after an outside change: edited
 * (the span covers other words now), ambiguous (candidates) or orphaned.
 */
export function unanchorSome(text: string, anns: Annotation[], seed: number): void {
  anns.forEach((a, i) => {
    const r = (seed + i * 7) % 13;
    if (r === 1) {
      a.anchor = 'modified';
      a.text = a.text + ' (old words)';
    } else if (r === 2) {
      a.anchor = 'orphaned';
      a.end = a.start;
      a.text = 'words that are gone';
    } else if (r === 3) {
      a.anchor = 'ambiguous';
      a.candidates = [0, Math.min(text.length, a.end)].filter((c, k, l) => l.indexOf(c) === k && !splits(text, c));
      a.end = a.start;
    }
  });
}

import { serializeSidecar, textHash } from '../../src/core/sidecar/yaml';
/** The annotation file of a text with these annotations. */
export function sidecarOf(name: string, text: string, anns: readonly Annotation[]): string {
  return serializeSidecar({ article: name, textHash: textHash(text), subjects: [], sections: [], annotations: [...anns] });
}

/** An accepted annotation of the reviewer on `[start, end)` (kind from the type), with a fixed id. */
export function ann(text: string, start: number, end: number, type: string, extra: Partial<Annotation> = {}): Annotation {
  const kind: AnnotationKind = /^[A-Z]/.test(type) ? 'entity' : TYPES.quote.includes(type) ? 'quote' : 'figure';
  return {
    id: `${kind[0]}${String(start).padStart(10, '0')}`,
    kind,
    type,
    start,
    end,
    text: text.slice(start, end),
    ...contextAround(text, start, end),
    status: 'accepted',
    origin: 'user',
    anchor: 'ok',
    ...extra,
  };
}
