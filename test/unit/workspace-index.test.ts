// The workspace index: compact records, cross-article queries, the user lexicon, incremental
// updates, renames in sidecars, and folding the registry onto an article.
import { findNames } from '../../src/core/names';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { Lexicon } from '../../src/core/lexicon';
import { applyEdits, lineEdits } from '../../src/core/lineDiff';
import { applyRegistry, canonicalizeAnnotations, parseRegistry, RegistryIndex } from '../../src/core/registry';
import { annotationsFromAnalysis, type Annotation } from '../../src/core/sidecar/model';
import { buildSidecar } from '../../src/core/sidecar/session';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/yaml';
import type { Analysis } from '../../src/core/types';
import {
  buildRecord,
  indexArticle,
  parseRecords,
  recordFromAnnotations,
  renameInSidecar,
  serializeRecords,
  WorkspaceIndex,
  type EntityOccurrence,
} from '../../src/core/workspaceIndex';

const ARTICLE_A = `Mayor backs tram plan

Glenmouth mayor Fiona McLeod said on Tuesday the city would spend money on a tram line. Fiona McLeod said it was right.
`;

function ann(over: Partial<Annotation> & Pick<Annotation, 'start' | 'end' | 'text'>): Annotation {
  return {
    id: `e${String(over.start).padStart(10, '0')}`,
    kind: 'entity',
    type: 'PER',
    prefix: '',
    suffix: '',
    status: 'suggested',
    origin: 'model',
    anchor: 'ok',
    ...over,
  };
}

function occ(type: 'PER' | 'ORG' | 'LOC' | 'MISC', canonical: string, text: string, start: number): EntityOccurrence {
  return { type, canonical, text, start, end: start + text.length };
}

test('a record keeps names, types and mention offsets; rejected and unanchored mentions are left out', () => {
  const anns: Annotation[] = [
    ann({ start: 10, end: 22, text: 'Donald Trump', entity: 'Donald Trump', status: 'accepted' }),
    ann({ start: 40, end: 45, text: 'Trump', entity: 'Donald Trump' }),
    ann({ start: 60, end: 65, text: 'Trump', entity: 'Donald Trump', status: 'rejected' }),
    ann({ start: 70, end: 75, text: 'Trump', entity: 'Donald Trump', anchor: 'orphaned' }),
    ann({ start: 80, end: 85, text: 'China', type: 'LOC', origin: 'user', status: 'accepted' }),
    { ...ann({ start: 90, end: 94, text: '£40m' }), kind: 'figure', type: 'money' },
  ];
  const r = recordFromAnnotations({ uri: 'file:///a.txt', label: 'a.txt', source: 'sidecar', stamp: '1' }, anns);
  assert.equal(r.entities.length, 2);
  const trump = r.entities.find((e) => e.canonical === 'Donald Trump')!;
  assert.deepEqual(trump.aliases, ['Trump']);
  assert.deepEqual([...r.spans.subarray(trump.first * 2, (trump.first + trump.count) * 2)], [10, 22, 40, 45]);
  // Rejections stay in their article (they do not ban a name elsewhere): only acceptances and additions teach.
  assert.deepEqual(r.lexicon, [
    { name: 'Donald Trump', type: 'PER', canonical: 'Donald Trump' },
    { name: 'China', type: 'LOC' },
  ]);
  assert.ok(!('text' in r), 'no article text in a record');
});

test('queries across articles: who mentions an entity, where, a cheap summary for hovers', () => {
  const idx = new WorkspaceIndex();
  idx.set(
    buildRecord(
      { uri: 'file:///b.txt', label: 'politics/b.txt', source: 'analysis', stamp: '1' },
      [occ('PER', 'Donald Trump', 'Donald Trump', 0), occ('PER', 'Donald Trump', 'Trump', 30), occ('LOC', 'China', 'China', 50)],
      [],
    ),
  );
  idx.set(
    buildRecord(
      { uri: 'file:///a.txt', label: 'politics/a.txt', source: 'analysis', stamp: '1' },
      [occ('PER', 'Donald Trump', 'Trump', 5)],
      [],
    ),
  );
  idx.set(
    buildRecord(
      { uri: 'file:///c.txt', label: 'sport/c.txt', source: 'analysis', stamp: '1' },
      [occ('PER', 'Trump', 'Trump', 7), occ('PER', 'Xi Jinping', 'Xi', 20)],
      [],
    ),
  );
  assert.deepEqual(idx.articlesMentioning('PER', ['Donald Trump']), ['file:///a.txt', 'file:///b.txt']);
  assert.deepEqual(idx.articlesMentioning('PER', ['Donald  Trump']), ['file:///a.txt', 'file:///b.txt'], 'whitespace-insensitive');
  assert.deepEqual(idx.articlesMentioning('LOC', ['Donald Trump']), []);
  // With the registry's names, "Trump" alone is the same referent.
  assert.deepEqual(idx.articlesMentioning('PER', ['Donald Trump', 'Trump']), ['file:///a.txt', 'file:///b.txt', 'file:///c.txt']);
  assert.deepEqual(idx.mentions('PER', ['Donald Trump', 'Trump']), [
    { uri: 'file:///a.txt', start: 5, end: 10 },
    { uri: 'file:///b.txt', start: 0, end: 12 },
    { uri: 'file:///b.txt', start: 30, end: 35 },
    { uri: 'file:///c.txt', start: 7, end: 12 },
  ]);
  assert.deepEqual(idx.mentions('PER', ['Donald Trump'], 'file:///b.txt').length, 2);
  const s = idx.summary('PER', ['Donald Trump', 'Trump'], 'file:///b.txt', 1);
  assert.equal(s.count, 2);
  assert.deepEqual(
    s.sample.map((r) => r.label),
    ['politics/a.txt'],
  );
  assert.equal(idx.summary('PER', ['Donald Trump'], 'file:///b.txt').count, 1);
  assert.equal(idx.summary('PER', ['Nobody'], null).count, 0);
  assert.equal(idx.entityAt('file:///b.txt', 31)?.canonical, 'Donald Trump');
  assert.equal(idx.entityAt('file:///b.txt', 29), undefined);
  assert.deepEqual(idx.otherNames('PER', ['Donald Trump']), ['Trump']);
  assert.deepEqual(idx.stats(), { articles: 3, entities: 4, mentions: 6, bySource: { sidecar: 0, analysis: 3, editor: 0 } });
});

test('incremental: replacing or deleting a record updates every query', () => {
  const idx = new WorkspaceIndex();
  idx.set(buildRecord({ uri: 'u1', label: 'a', source: 'analysis', stamp: '1' }, [occ('ORG', 'Boeing', 'Boeing', 0)], []));
  idx.set(buildRecord({ uri: 'u2', label: 'b', source: 'analysis', stamp: '1' }, [occ('ORG', 'Boeing', 'Boeing', 3)], []));
  const v = idx.version;
  idx.set(buildRecord({ uri: 'u1', label: 'a', source: 'editor', stamp: '2' }, [occ('ORG', 'Airbus', 'Airbus', 0)], []));
  assert.ok(idx.version > v);
  assert.deepEqual(idx.articlesMentioning('ORG', ['Boeing']), ['u2']);
  assert.deepEqual(idx.articlesMentioning('ORG', ['Airbus']), ['u1']);
  assert.equal(idx.delete('u2'), true);
  assert.equal(idx.delete('u2'), false);
  assert.deepEqual(idx.articlesMentioning('ORG', ['Boeing']), []);
  assert.equal(idx.stats().entities, 1);
});

test('the lexicon: decisions from every article plus the registry; its signature changes only with its content', () => {
  const idx = new WorkspaceIndex();
  idx.set(buildRecord({ uri: 'u1', label: 'a', source: 'sidecar', stamp: '1' }, [], [{ name: 'Glenmouth', type: 'LOC' }]));
  const s1 = idx.lexiconSignature();
  idx.set(buildRecord({ uri: 'u2', label: 'b', source: 'analysis', stamp: '1' }, [occ('PER', 'X', 'X', 0)], []));
  assert.equal(idx.lexiconSignature(), s1, 'an analysis-only record teaches nothing');
  idx.set(
    buildRecord(
      { uri: 'u2', label: 'b', source: 'editor', stamp: '2' },
      [],
      [
        { name: 'Harbour Trust', type: 'ORG' },
        { name: 'Every', type: 'PER', rejected: true },
      ],
    ),
  );
  assert.notEqual(idx.lexiconSignature(), s1);
  const reg = parseRegistry('version: 1\nentities:\n  - {name: Donald Trump, type: PER, aliases: [Trump]}\n');
  assert.ok(reg.ok);
  idx.setRegistry(new RegistryIndex(reg.registry));
  assert.deepEqual(idx.lexiconEntries(), [
    { name: 'Glenmouth', type: 'LOC' },
    { name: 'Harbour Trust', type: 'ORG' },
    { name: 'Donald Trump', type: 'PER' },
    { name: 'Every', type: 'PER', rejected: true },
    { name: 'Trump', type: 'PER', canonical: 'Donald Trump' },
  ]);
  const before = idx.lexiconSignature();
  idx.delete('u2');
  assert.notEqual(idx.lexiconSignature(), before);
});

/** ARTICLE_A's annotations, by hand (independent of today's recogniser): two mentions of Fiona McLeod. */
function articleA(): { analysis: Analysis; anns: Annotation[] } {
  const analysis = analyze(ARTICLE_A);
  const at = (t: string, n: number) =>
    ARTICLE_A.split(t, n + 1)
      .slice(0, n + 1)
      .join(t).length;
  const anns = [0, 1].map((n) => {
    const start = at('Fiona McLeod', n);
    return ann({
      id: `e${n}000000000`,
      start,
      end: start + 12,
      text: 'Fiona McLeod',
      entity: 'Fiona McLeod',
      prefix: ARTICLE_A.slice(Math.max(0, start - 24), start),
      suffix: ARTICLE_A.slice(start + 12, start + 36),
    });
  });
  anns[0]!.status = 'accepted';
  return { analysis, anns };
}

test('indexing an article: a usable sidecar is the record (re-anchored); otherwise an entity-only analysis', () => {
  const { analysis, anns } = articleA();
  const sidecar = serializeSidecar(buildSidecar('a.txt', analysis, anns));
  const fromSidecar = indexArticle({ uri: 'u', label: 'a.txt', stamp: '1' }, ARTICLE_A, sidecar, findNames);
  assert.equal(fromSidecar.source, 'sidecar');
  assert.deepEqual(fromSidecar.lexicon, [{ name: 'Fiona McLeod', type: 'PER' }], 'an entity named as written needs no canonical name');
  assert.equal(fromSidecar.entities[0]!.count, 2);
  // The article gained a line at the top: the sidecar's spans are re-anchored onto the new text.
  const edited = 'UPDATED\n' + ARTICLE_A;
  const moved = indexArticle({ uri: 'u', label: 'a.txt', stamp: '2' }, edited, sidecar, findNames);
  const e = moved.entities.find((x) => x.canonical === 'Fiona McLeod')!;
  assert.equal(e.count, 2);
  assert.equal(edited.slice(moved.spans[e.first * 2]!, moved.spans[e.first * 2 + 1]!), 'Fiona McLeod');
  // A broken sidecar is not trusted: the article is analysed instead.
  const text = 'Vote\n\nThe opposition leader Tom Hargreaves said the plan was reckless, Tom Hargreaves added.\n';
  const broken = indexArticle({ uri: 'u', label: 'a.txt', stamp: '3' }, text, '<<<<<<< HEAD\n' + sidecar, findNames);
  assert.equal(broken.source, 'analysis');
  assert.ok(broken.entities.some((x) => x.type === 'PER' && /Hargreaves/.test(x.canonical)));
  assert.deepEqual(broken.lexicon, [], 'nothing learned from an analysis');
  assert.equal(indexArticle({ uri: 'u', label: 'a.txt', stamp: '4' }, text, null, findNames).source, 'analysis');
});

test('names taught in one article are recognised in another (the index lexicon feeds the analysis)', () => {
  const text = 'Council news\n\nThe plan was backed by Castellan Moore on Friday, people said.\n';
  const plain = indexArticle({ uri: 'u2', label: 'b.txt', stamp: '1' }, text, null, findNames);
  assert.ok(!plain.entities.some((x) => x.canonical === 'Castellan Moore' && x.type === 'MISC'));
  const idx = new WorkspaceIndex();
  idx.set(buildRecord({ uri: 'u1', label: 'a.txt', source: 'sidecar', stamp: '1' }, [], [{ name: 'Castellan Moore', type: 'MISC' }]));
  const taught = indexArticle({ uri: 'u2', label: 'b.txt', stamp: '1' }, text, null, findNames, {
    lexicon: new Lexicon(idx.lexiconEntries()),
  });
  assert.ok(taught.entities.some((x) => x.canonical === 'Castellan Moore' && x.type === 'MISC'));
});

test('rename in a sidecar changes only entity fields; the line edits are small and exact', () => {
  const { analysis, anns } = articleA();
  const src = serializeSidecar(buildSidecar('a.txt', analysis, anns));
  const out = renameInSidecar(src, 'PER', ['Fiona McLeod'], 'Fiona M. McLeod');
  assert.ok(out);
  const parsed = parseSidecar(out!);
  assert.ok(parsed.ok);
  const named = parsed.doc.annotations.filter((a) => a.entity === 'Fiona M. McLeod');
  assert.equal(named.length, 2);
  for (const a of named) assert.equal(ARTICLE_A.slice(a.start, a.end), a.text, 'spans untouched');
  const edits = lineEdits(src, out!);
  const changedLines = edits.flatMap((ed) => ed.text.split('\n').slice(0, -1));
  assert.equal(changedLines.length, named.length, 'one line per renamed annotation');
  for (const l of changedLines) assert.match(l, /^ {2}- \{id: e\d+, type: PER, .*, entity: Fiona M\. McLeod[,}]/);
  assert.equal(applyEdits(src, edits), out);
  assert.equal(renameInSidecar(src, 'ORG', ['Fiona McLeod'], 'X'), null, 'other types untouched');
  assert.equal(renameInSidecar('not: [valid', 'PER', ['Fiona McLeod'], 'X'), null);
});

test('line edits always reproduce the new text (property)', () => {
  const line = fc.constantFrom('a\n', 'b\n', 'c\n', '  entity: X\n', '\n', 'd');
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
      const a = x.join('');
      const b = y.join('');
      const edits = lineEdits(a, b);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i]!.start >= edits[i - 1]!.end);
      assert.equal(applyEdits(a, edits), b);
    }),
    { numRuns: 500 },
  );
});

test('the registry folds names onto an article: canonical names, merged referents, annotations', () => {
  const text = 'Trump spoke. Donald Trump left. Xi stayed.\n';
  const mk = (t: string, n: number, id: string) => {
    const start = text
      .split(t, n + 1)
      .slice(0, n + 1)
      .join(t).length;
    return { start, end: start + t.length, type: 'PER' as const, text: t, confidence: 0.8, entityId: id, origin: 'model' as const };
  };
  const analysis: Analysis = {
    text,
    entities: [mk('Trump', 0, 'PER:Trump'), mk('Donald Trump', 0, 'PER:Donald Trump'), mk('Xi', 0, 'PER:Xi')],
    entityGroups: [
      { id: 'PER:Trump', type: 'PER', canonical: 'Trump', aliases: [], roles: [], mentions: [0] },
      { id: 'PER:Donald Trump', type: 'PER', canonical: 'Donald Trump', aliases: [], roles: ['President'], mentions: [1] },
      { id: 'PER:Xi', type: 'PER', canonical: 'Xi', aliases: [], roles: [], mentions: [2] },
    ],
    figures: [],
    figureRelations: [],
    quotes: [
      {
        start: 0,
        end: 5,
        text: 'Trump',
        kind: 'scare',
        speaker: { start: 13, end: 25, name: 'Donald Trump', entityIds: ['PER:Donald Trump'] },
        confidence: 1,
        rule: 'x',
      },
    ],
    subjects: [],
    sections: [],
    articleDate: null,
  };
  const reg = parseRegistry(
    'version: 1\nentities:\n  - {name: Donald J. Trump, type: PER, aliases: [Trump, Donald Trump]}\n  - ' +
      '{name: Xi Jinping, type: PER, aliases: [Xi]}\n',
  );
  assert.ok(reg.ok);
  const idx = new RegistryIndex(reg.registry);
  applyRegistry(analysis, idx);
  assert.deepEqual(
    analysis.entityGroups.map((g) => [g.id, g.canonical, g.aliases, g.mentions]),
    [
      ['PER:Trump', 'Donald J. Trump', ['Donald Trump', 'Trump'], [0, 1]],
      ['PER:Xi', 'Xi Jinping', ['Xi'], [2]],
    ],
  );
  assert.deepEqual(
    analysis.entities.map((m) => m.entityId),
    ['PER:Trump', 'PER:Trump', 'PER:Xi'],
  );
  assert.deepEqual(analysis.quotes[0]!.speaker!.entityIds, ['PER:Trump']);
  assert.deepEqual(analysis.entityGroups[0]!.roles, ['President']);
  const anns = annotationsFromAnalysis(analysis);
  assert.deepEqual(
    anns.filter((a) => a.kind === 'entity').map((a) => a.entity),
    ['Donald J. Trump', 'Donald J. Trump', 'Xi Jinping'],
  );
  const user = [
    ann({ start: 0, end: 5, text: 'Trump', origin: 'user', status: 'accepted' }),
    ann({ start: 37, end: 42, text: 'Other', origin: 'user', status: 'accepted' }),
  ];
  assert.equal(canonicalizeAnnotations(user, idx), 1);
  assert.deepEqual(
    user.map((a) => a.entity),
    ['Donald J. Trump', undefined],
  );
});

test('records survive a session in the extension storage; another version or a malformed file is ignored', () => {
  const a = buildRecord(
    { uri: 'file:///a.txt', label: 'a.txt', source: 'sidecar', stamp: '1:2:-' },
    [occ('PER', 'Donald Trump', 'Trump', 5), occ('PER', 'Donald Trump', 'Donald Trump', 20)],
    [
      { name: 'Trump', type: 'PER', canonical: 'Donald Trump' },
      { name: 'X', type: 'ORG', rejected: true },
    ],
  );
  const b = buildRecord(
    { uri: 'file:///b.txt', label: 'b.txt', source: 'analysis', stamp: '3:4:-' },
    [occ('LOC', 'China', 'China', 0)],
    [],
  );
  const live = buildRecord(
    { uri: 'file:///c.txt', label: 'c.txt', source: 'editor', stamp: 'live' },
    [occ('LOC', 'China', 'China', 0)],
    [],
  );
  const src = serializeRecords([a, b, live], '0.2.0');
  const back = parseRecords(src, '0.2.0');
  assert.deepEqual(back, [a, b], 'editor records are not kept: they are rebuilt from the open document');
  assert.equal(parseRecords(src, '0.3.0'), null);
  assert.equal(parseRecords('{', '0.2.0'), null);
  const o = JSON.parse(src);
  o.records[0].p.push(-1, 3);
  assert.equal(parseRecords(JSON.stringify(o), '0.2.0'), null);
  const o2 = JSON.parse(src);
  o2.records[0].e[0][4] = 99;
  assert.equal(parseRecords(JSON.stringify(o2), '0.2.0'), null, 'mentions past the offsets');
  const o3 = JSON.parse(src);
  o3.records[0].x[0].type = 'EVIL';
  assert.equal(parseRecords(JSON.stringify(o3), '0.2.0'), null);
});
