// Issue 12, item 1: no edit can make the annotation file unreadable or lose a decision.
// Random edit sequences through the path the editor takes — live edits (LiveDocument), fresh
// suggestions merged in, the reviewer's corrections, write the file, read it back (for the same text
// and after an outside change), check it — and after every write:
//   - the file is read without a problem, and `check` finds nothing invalid;
//   - every decision made so far is in it, with its status, origin, type, entity link and note;
//   - an annotation on its words covers exactly its text.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { LiveDocument } from '../../src/core/liveDocument';
import { invariantViolations } from '../../src/core/sidecar/anchor';
import * as corrections from '../../src/core/sidecar/corrections';
import { annotationsFromAnalysis, isUserDecision, mergeAnnotations, TYPES, type Annotation } from '../../src/core/sidecar/model';
import { checkSidecar, loadSidecar, sidecarSource } from '../../src/core/sidecar/session';
import type { Analysis } from '../../src/core/types';

const RUNS = Number(process.env.DECISION_RUNS ?? 10_000);

// The first paragraphs of a bundled (invented) sample article: names, figures and quotes.
const TEXT =
  fs.readFileSync(path.join(__dirname, '../../../samples/port-strike.txt'), 'utf8').split('\n\n').slice(0, 5).join('\n\n') + '\n';
const SUGGESTIONS = annotationsFromAnalysis(analyze(TEXT, { fileDate: '2026-10-03' }));

function analysisOf(text: string): Analysis {
  return {
    text,
    entities: [],
    entityGroups: [],
    figures: [],
    figureRelations: [],
    quotes: [],
    subjects: [],
    sections: [],
    articleDate: null,
  };
}

/** A decision as the reviewer made it: what must survive every write and read. */
function decisionOf(a: Annotation) {
  return { status: a.status, origin: a.origin, type: a.type, entity: a.entity ?? null, note: a.note ?? null };
}

const piece = fc.constantFrom(
  'x',
  ' ',
  'Ferraro',
  '\n',
  '\n\n',
  '“',
  '”',
  '"',
  "'",
  '€',
  '😀',
  'é',
  '\u0301',
  ', ',
  '. ',
  'said',
  '40',
  'Giulia Ferraro',
);
const insertion = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));

type Op =
  | {
      op: 'edit';
      at: number;
      how: 'inside' | 'across-start' | 'across-end' | 'over' | 'replace-over' | 'edge-start' | 'edge-end' | 'paragraph' | 'anywhere';
      k: number;
      m: number;
      ins: string;
    }
  | { op: 'decide'; at: number; what: 'accept' | 'reject' | 'retype' | 'link' | 'note' | 'remove' | 'add' | 'reattach'; n: number }
  | { op: 'analyse' }
  | { op: 'save' }
  | { op: 'outside'; ins: string; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      at: fc.nat(),
      how: fc.constantFrom(
        'inside',
        'across-start',
        'across-end',
        'over',
        'replace-over',
        'edge-start',
        'edge-end',
        'paragraph',
        'anywhere' as const,
      ),
      k: fc.nat(12),
      m: fc.nat(12),
      ins: insertion,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('decide' as const),
      at: fc.nat(),
      what: fc.constantFrom('accept', 'reject', 'retype', 'link', 'note', 'remove', 'add', 'reattach' as const),
      n: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'analyse' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'save' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('outside' as const), ins: insertion, at: fc.nat() }) },
);

/** Moves an offset off the middle of a surrogate pair (editors never split one). */
function safe(text: string, o: number): number {
  o = Math.max(0, Math.min(text.length, o));
  const c = text.charCodeAt(o);
  return o > 0 && c >= 0xdc00 && c <= 0xdfff ? o - 1 : o;
}

class Session {
  live = new LiveDocument(TEXT, structuredClone(SUGGESTIONS));
  /** Every decision made, by id, as it must read back. */
  readonly decisions = new Map<string, ReturnType<typeof decisionOf>>();
  writes = 0;

  get anns(): Annotation[] {
    return this.live.annotations;
  }

  pick(at: number): Annotation | undefined {
    const list = this.anns;
    return list.length ? list[at % list.length] : undefined;
  }

  remember(a: Annotation): void {
    this.decisions.set(a.id, decisionOf(a));
  }

  edit(o: Extract<Op, { op: 'edit' }>): void {
    const text = this.live.text;
    const a = this.pick(o.at);
    let start: number;
    let end: number;
    let ins = o.ins;
    if (!a || o.how === 'anywhere') {
      start = (o.at * 7919) % (text.length + 1);
      end = start + o.m;
    } else if (o.how === 'inside') {
      start = end = a.start + (a.end > a.start ? 1 + (o.k % Math.max(1, a.end - a.start - 1)) : 0);
      if (!ins) ins = 'x';
    } else if (o.how === 'across-start') [start, end] = [a.start - o.k, a.start + 1 + o.m];
    else if (o.how === 'across-end') [start, end] = [a.end - 1 - o.m, a.end + o.k];
    else if (o.how === 'over') [start, end, ins] = [a.start - o.k, a.end + o.m, ''];
    else if (o.how === 'replace-over')
      [start, end, ins] = [a.start - o.k, a.end + o.m, o.k % 2 ? text.slice(a.start - o.k, a.end + o.m) : ins];
    else if (o.how === 'edge-start') start = end = a.start;
    else if (o.how === 'edge-end') start = end = a.end;
    else {
      // The reviewer selects the annotation's whole paragraph and deletes it (the repro).
      start = text.lastIndexOf('\n\n', a.start) + 1;
      const e = text.indexOf('\n\n', a.end);
      [end, ins] = [e < 0 ? text.length : e, ''];
    }
    start = safe(text, start);
    end = safe(text, Math.max(start, end));
    this.live.apply([{ start, end, text: ins }]);
  }

  decide(o: Extract<Op, { op: 'decide' }>): void {
    const a = this.pick(o.at);
    const text = this.live;
    const ctx = o.n % 3 === 0 ? { by: 'Reviewer One' } : {};
    if (o.what === 'add') {
      const start = safe(text.text, (o.at * 31) % Math.max(1, text.length));
      const end = safe(text.text, start + 1 + (o.n % 15));
      const types = [...TYPES.entity, ...TYPES.figure, ...TYPES.quote];
      const r = corrections.add(this.anns, { start, end, type: types[o.n % types.length]! }, text, ctx);
      if (r.ok) {
        this.live.setAnnotations(r.annotations);
        this.remember(r.added);
      }
      return;
    }
    if (!a) return;
    if (o.what === 'accept') corrections.accept(a, text, ctx);
    else if (o.what === 'reject') corrections.reject(a, ctx);
    else if (o.what === 'retype') corrections.retype(a, TYPES[a.kind][o.n % TYPES[a.kind].length]!, text, ctx);
    else if (o.what === 'link') corrections.link(a, o.n % 2 ? 'Giulia M. Ferraro' : a.text, text, ctx);
    else if (o.what === 'note') corrections.annotateNote(a, o.n % 2 ? 'check the spelling: “Ferraro”\n(two r)' : '');
    else if (o.what === 'reattach') {
      if (!corrections.reattach(a, a.candidates?.[o.n % Math.max(1, a.candidates.length)] ?? -1, text)) return;
    } else {
      const goes = a.origin === 'user' || a.anchor !== 'ok';
      this.live.setAnnotations(corrections.remove(this.anns, a, ctx));
      if (goes) {
        this.decisions.delete(a.id);
        return;
      }
    }
    // Clearing the only note of a suggestion takes the decision back.
    if (isUserDecision(a)) this.remember(a);
    else this.decisions.delete(a.id);
  }

  /** Fresh suggestions (those of the original analysis still on their words) merged in, as after each analysis. */
  analyse(): void {
    const text = this.live.text;
    const fresh = structuredClone(SUGGESTIONS).filter((s) => s.end <= text.length && text.slice(s.start, s.end) === s.text);
    this.live.setAnnotations(mergeAnnotations(this.anns, fresh));
  }

  /** Writes the file and reads it back, as a reload of the window does. */
  save(): string {
    const text = this.live.text;
    const src = sidecarSource('port-strike.txt', analysisOf(text), this.anns);
    this.writes++;
    const loaded = loadSidecar(src, text);
    assert.equal(loaded.problem, null, `the file written could not be read: ${loaded.problem?.message}\n${src}`);
    this.checkDecisions(loaded.annotations, 'after reading the file back');
    const findings = checkSidecar(src, text).filter((f) => f.code !== 'unanchored');
    assert.deepEqual(findings, [], 'check finds nothing wrong with a file just written for this text');
    assert.deepEqual(invariantViolations(loaded.annotations, text), []);
    this.live.setAnnotations(loaded.annotations);
    return src;
  }

  /** The article changes outside the editor (a checkout): the file is read against the new text. */
  outside(o: Extract<Op, { op: 'outside' }>): void {
    const src = this.save();
    const old = this.live.text;
    const at = safe(old, (o.at * 104729) % (old.length + 1));
    const text = 'Updated: ' + old.slice(0, at) + o.ins + old.slice(at);
    const loaded = loadSidecar(src, text);
    assert.equal(loaded.problem, null);
    assert.equal(loaded.stale, true);
    this.checkDecisions(loaded.annotations, 'after an outside change');
    assert.deepEqual(invariantViolations(loaded.annotations, text), []);
    this.live = new LiveDocument(text, loaded.annotations);
  }

  checkDecisions(anns: readonly Annotation[], when: string): void {
    const byId = new Map(anns.map((a) => [a.id, a]));
    for (const [id, d] of this.decisions) {
      const a = byId.get(id);
      assert.ok(a, `decision ${id} lost ${when}`);
      assert.deepEqual(decisionOf(a), d, `decision ${id} changed ${when}`);
    }
  }
}

test(`random edits never make the annotation file unreadable or lose a decision (${RUNS} sequences)`, () => {
  let writes = 0;
  let edited = 0;
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
      const s = new Session();
      for (const o of ops) {
        if (o.op === 'edit') s.edit(o);
        else if (o.op === 'decide') s.decide(o);
        else if (o.op === 'analyse') s.analyse();
        else if (o.op === 'outside') s.outside(o);
        else s.save();
      }
      s.save();
      writes += s.writes;
      if (s.anns.some((a) => a.anchor !== 'ok' && isUserDecision(a))) edited++;
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
  // The property must have met its hard cases, not only easy ones.
  assert.ok(edited > RUNS / 20, `only ${edited} sequences ended with an edited, ambiguous or orphaned decision`);
  assert.ok(writes >= RUNS, `${writes} files written`);
});

test('a suggestion found again where the same name now stands earlier never takes an accepted name’s id', () => {
  // Found by the property above (seed -1958538764): the pasted copy of `Giulia Ferraro` sits where
  // the accepted one stood, the analysis finds it there with the id it had, and the accepted name was
  // renamed `…-2`: its decision no longer read back under its id.
  const s = new Session();
  const ops: Op[] = [
    { op: 'edit', at: 31561575, how: 'anywhere', k: 0, m: 0, ins: 'x😀Giulia Ferraro' },
    { op: 'edit', at: 0, how: 'inside', k: 0, m: 0, ins: ', Giulia Ferraro' },
    { op: 'edit', at: 696925, how: 'inside', k: 0, m: 0, ins: '' },
    { op: 'decide', at: 1609154593, what: 'accept', n: 0 },
  ];
  for (const o of ops) {
    if (o.op === 'edit') s.edit(o);
    else if (o.op === 'decide') s.decide(o);
  }
  const [id] = [...s.decisions.keys()];
  assert.ok(id && s.anns.find((a) => a.id === id)?.text === 'Giulia Ferraro', 'the accepted name is Giulia Ferraro');
  s.analyse();
  assert.equal(s.anns.filter((a) => a.text === 'Giulia Ferraro' && a.status === 'suggested').length, 1, 'the analysis finds the copy');
  s.edit({ op: 'edit', at: 0, how: 'inside', k: 0, m: 0, ins: '' });
  s.save();
});

test('the issue 12 repro: accept a name, delete its paragraph, save, reload — the decision is kept and shown as orphaned', () => {
  const s = new Session();
  const giulia = s.anns.find((a) => a.text === 'Giulia Ferraro');
  assert.ok(giulia, 'the analysis finds Giulia Ferraro');
  corrections.accept(giulia, s.live);
  s.remember(giulia);
  const start = s.live.text.lastIndexOf('\n\n', giulia.start) + 2;
  const end = s.live.text.indexOf('\n\n', giulia.end);
  s.live.apply([{ start, end, text: '' }]);
  const src = s.save();
  assert.match(src, /text: Giulia Ferraro, status: accepted, .*anchor: orphaned/);
  const back = loadSidecar(src, s.live.text).annotations.find((a) => a.id === giulia.id)!;
  assert.equal(back.anchor, 'orphaned');
  assert.deepEqual(
    checkSidecar(src, s.live.text).map((f) => f.code),
    ['unanchored'],
    'check reports it until it is resolved',
  );
});

test('typing inside an accepted name keeps it as edited across a reload; accepting it then takes the new words', () => {
  const s = new Session();
  const a = s.anns.find((x) => x.text === 'Giulia Ferraro')!;
  corrections.accept(a, s.live);
  s.live.apply([{ start: a.start + 6, end: a.start + 6, text: ' M.' }]);
  assert.equal(a.anchor, 'modified');
  const src = s.save();
  const back = loadSidecar(src, s.live.text).annotations.find((x) => x.id === a.id)!;
  assert.equal(back.anchor, 'modified', 'still shown as edited after a reload');
  assert.equal(back.text, 'Giulia Ferraro', 'the words that were accepted');
  corrections.accept(back, s.live);
  assert.equal(back.text, 'Giulia M. Ferraro');
  assert.equal(back.anchor, 'ok');
});
