/** Exact-match (start, end, type) precision / recall / F1 per entity type. */
import type { EntityType } from '../../src/core/types';

export interface Span {
  start: number;
  end: number;
  type: EntityType;
}

export class Scorer {
  private readonly c = new Map<EntityType, { tp: number; fp: number; fn: number }>();

  add(gold: readonly Span[], pred: readonly Span[]): void {
    const key = (s: Span) => `${s.start}:${s.end}:${s.type}`;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    for (const s of pred) this.get(s.type)[g.has(key(s)) ? 'tp' : 'fp']++;
    for (const s of gold) if (!p.has(key(s))) this.get(s.type).fn++;
  }

  private get(t: EntityType) {
    let v = this.c.get(t);
    if (!v) this.c.set(t, (v = { tp: 0, fp: 0, fn: 0 }));
    return v;
  }

  /** P/R/F1 (percent) over the given types together. */
  prf(types: readonly EntityType[]): { p: number; r: number; f: number; tp: number; fp: number; fn: number } {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const t of types) {
      const v = this.c.get(t);
      if (!v) continue;
      tp += v.tp;
      fp += v.fp;
      fn += v.fn;
    }
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    return { p: 100 * p, r: 100 * r, f: p + r ? (200 * p * r) / (p + r) : 0, tp, fp, fn };
  }

  report(): string {
    const lines: string[] = [];
    const fmt = (name: string, types: EntityType[]) => {
      const s = this.prf(types);
      lines.push(
        `${name.padEnd(12)} P ${s.p.toFixed(2).padStart(6)}  R ${s.r.toFixed(2).padStart(6)}  ` +
          `F1 ${s.f.toFixed(2).padStart(6)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
      );
    };
    for (const t of ['PER', 'ORG', 'LOC'] as EntityType[]) fmt(t, [t]);
    fmt('PER+ORG+LOC', ['PER', 'ORG', 'LOC']);
    fmt('MISC', ['MISC']);
    fmt('all four', ['PER', 'ORG', 'LOC', 'MISC']);
    return lines.join('\n');
  }
}
