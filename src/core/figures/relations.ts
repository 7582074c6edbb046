/**
 * Relations between figures that the text states: `from X to Y`, `rose … to Y from X`,
 * `Y, up from X`, `Y compared with X`. Both figures must have the same kind and unit (a bare
 * number borrows them from its partner: `from 12 to 20 million tonnes`).
 */
import type { FigureRelation } from '../types';
import type { FigureCandidate } from './scan';
import { TextIndex } from '../textIndex';

const NUMERIC = new Set(['money', 'percent', 'quantity', 'count', 'number']);
/** Cue right before the earlier-in-time figure X. */
const FROM_CUES = 'from|up from|down from|compared with|compared to|versus|vs\\.?|against';
const FROM = new RegExp(
  String.raw`(?:^|[^\p{L}])(${FROM_CUES})\s+(?:about |around |some |nearly |almost |just |roughly |over |under )?$`,
  'iu',
);
const TO_BEFORE =
  /(?:^|[^\p{L}])(?:to|at|reach(?:ed|ing)?|hit|of)\s+(?:about |around |some |nearly |almost |just |roughly |over |under |a record )?$/iu;
const BETWEEN_TO = /^\s+to\s+(?:about |around |some |nearly |almost |just |roughly |over |under |a record )?$/iu;

const numeric = (c: FigureCandidate): boolean => NUMERIC.has(c.kind) && c.value !== null;
function compatible(a: FigureCandidate, b: FigureCandidate): boolean {
  return a.kind === b.kind && a.unit === b.unit;
}
/**
 * True when `text[a, b)` crosses a sentence end or a line break: a `\n`, or a `.`, `!` or `?`
 * followed by a space (inside the range) and an ASCII capital. A view over the index's stops.
 */
function crossesSentence(index: TextIndex, a: number, b: number): boolean {
  const { text, stops } = index;
  for (let s = index.stopFrom(a); s < stops.length; s++) {
    const k = stops[s]!;
    if (k >= b) return false;
    if (text.charCodeAt(k) === 10) return true;
    if (k + 1 < b && text.charCodeAt(k + 1) === 32) {
      const n = text.charCodeAt(k + 2);
      if (n >= 65 && n <= 90) return true;
    }
  }
  return false;
}

/** Finds relations among `cands` (sorted), letting a bare `from` figure inherit its partner's unit (mutates it). */
export function findRelations(text: string, cands: FigureCandidate[], index?: TextIndex): FigureRelation[] {
  let shared = index;
  const out: FigureRelation[] = [];
  const used = new Set<number>();
  for (let i = 0; i < cands.length; i++) {
    const x = cands[i]!;
    if (!numeric(x) || used.has(i)) continue;
    const m = FROM.exec(text.slice(Math.max(0, x.start - 24), x.start));
    if (!m) continue;
    const cue = m[1]!.toLowerCase();
    // from X to Y
    const y = cands[i + 1];
    if (cue === 'from' && y && numeric(y) && BETWEEN_TO.test(text.slice(x.end, y.start))) {
      if (x.bare && !y.bare && (x.kind === 'number' || x.kind === y.kind)) {
        x.kind = y.kind;
        x.unit = y.unit;
        if (x.exp === 0 && y.exp !== 0) x.value = Number(`${x.value}e${y.exp}`);
        x.exp = y.exp;
        x.bare = false;
      }
      if (compatible(x, y)) {
        out.push(rel(x, y, i, i + 1));
        used.add(i).add(i + 1);
        continue;
      }
    }
    // Y … from X (Y preceded by `to`), Y, up from X; Y compared with X
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const p = cands[k]!;
      if (crossesSentence((shared ??= new TextIndex(text)), p.end, x.start)) break;
      if (!numeric(p) || !compatible(p, x) || used.has(k)) continue;
      if (cue === 'from' && !TO_BEFORE.test(text.slice(Math.max(0, p.start - 24), p.start))) break;
      out.push(rel(x, p, i, k));
      used.add(k).add(i);
      break;
    }
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

function rel(a: FigureCandidate, b: FigureCandidate, ia: number, ib: number): FigureRelation {
  const delta = clean(b.value! - a.value!);
  return { from: ia, to: ib, delta, percent: a.value === 0 ? null : clean(((b.value! - a.value!) / Math.abs(a.value!)) * 100) };
}
/** Rounds away float noise (`20e6 - 12e6` is exact, `1.13e9 - 0.639e9` is not). */
function clean(v: number): number {
  if (!Number.isFinite(v)) return v;
  return Number(v.toPrecision(12));
}
