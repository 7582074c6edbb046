// The editor logic without the editor: the same ArticleStore, IndexBuilder and RegistryService the
// extension runs, driven through in-memory fakes of files, documents and settings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as corrections from '../../src/core/sidecar/corrections';
import { needsReview } from '../../src/core/sidecar/model';
import { ArticleStore } from '../../src/core/workspace/articleStore';
import { IndexBuilder, type IndexHost } from '../../src/core/workspace/indexBuilder';
import { LexiconService } from '../../src/core/workspace/lexiconService';
import { RegistryService } from '../../src/core/workspace/registryService';
import { Emitter } from '../../src/core/workspace/events';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';
import { findNames } from '../../src/core/names';
import { CountingAnalyzer, FakeDocument, InMemoryFiles, InMemoryMemento, MemoryLog, realTimers, settings } from './fakes/workspace';

const ARTICLE = fs.readFileSync(path.join(__dirname, '../../../samples/port-strike.txt'), 'utf8');
const URI = 'file:///news/port-strike.txt';
const SIDE = 'file:///news/port-strike.annotations.yaml';

function setup(over: { files?: InMemoryFiles; knowledge?: LexiconService } = {}) {
  const files = over.files ?? new InMemoryFiles();
  const analyzer = new CountingAnalyzer();
  const log = new MemoryLog();
  const store = new ArticleStore({
    files,
    memento: new InMemoryMemento(),
    settings: settings(),
    log,
    analyzer,
    timers: realTimers,
    delayMs: 5,
    ...(over.knowledge ? { knowledge: over.knowledge } : {}),
  });
  const events: string[] = [];
  store.onDidChange((e) => events.push(`${e.reason} ${e.uri}`));
  return { files, analyzer, log, store, events };
}

test('an article is opened, analysed, corrected and saved; a correction on a clean document is written at once', async () => {
  const { store, files, events } = setup();
  const doc = new FakeDocument(URI, ARTICLE);
  store.consider(doc);
  await store.whenIdle(URI);
  const state = store.get(URI)!;
  assert.ok(state.analysis && state.annotations.length > 10);
  assert.deepEqual(events.slice(0, 2), [`opened ${URI}`, `analysed ${URI}`]);
  const giulia = state.annotations.find((a) => a.text === 'Giulia Ferraro')!;
  corrections.accept(giulia, state.live, { by: 'Ana' });
  store.corrected(state);
  await new Promise((r) => setTimeout(r, 20));
  assert.match(
    files.files.get(SIDE)!,
    new RegExp(`id: ${giulia.id}, type: PER, start: \\d+, text: Giulia Ferraro, status: accepted, by: Ana`),
  );
  assert.equal(state.unsavedCorrections, false);
});

test(
  'the annotation file changed on disk meanwhile: both sides’ decisions are kept (merged by id), ' + 'nothing overwritten blindly',
  async () => {
    const { store, files } = setup();
    const doc = new FakeDocument(URI, ARTICLE);
    store.consider(doc);
    await store.whenIdle(URI);
    const state = store.get(URI)!;
    assert.equal((await store.saveSidecar(state)).ok, true);
    // Someone else rejects Carlo Benedetti in the file; here Marta Ricci is accepted, unsaved (dirty document).
    const benedetti = state.annotations.find((a) => a.text === 'Carlo Benedetti')!;
    const before = files.files.get(SIDE)!;
    const edited = before.replace(new RegExp(`(id: ${benedetti.id}, [^\\n]*status: )suggested`), '$1rejected, by: Other');
    assert.notEqual(edited, before, 'the other reviewer’s rejection is in the file');
    files.files.set(SIDE, edited);
    doc.isDirty = true;
    const ricci = state.annotations.find((a) => a.text === 'Marta Ricci')!;
    corrections.accept(ricci, state.live);
    store.corrected(state);
    const r = await store.saveSidecar(state);
    assert.equal(r.ok, true, r.message);
    const side = files.files.get(SIDE)!;
    assert.match(side, new RegExp(`id: ${benedetti.id}, [^\\n]*status: rejected`));
    assert.match(side, new RegExp(`id: ${ricci.id}, [^\\n]*status: accepted`));
  },
);

test('a conflicted annotation file is never overwritten; the problem is kept for the editor to show', async () => {
  const files = new InMemoryFiles();
  files.files.set(SIDE, '<<<<<<< ours\nversion: 2\n=======\nversion: 1\n>>>>>>> theirs\n');
  const { store } = setup({ files });
  store.consider(new FakeDocument(URI, ARTICLE));
  await store.whenIdle(URI);
  const state = store.get(URI)!;
  assert.equal(state.sidecarProblem?.kind, 'conflict');
  const r = await store.saveSidecar(state);
  assert.equal(r.ok, false);
  assert.equal(files.writes, 0);
});

test(
  'edits shift annotations at once and analyse after a pause; a deleted accepted name stays in ' + 'the file as orphaned and needs review',
  async () => {
    const { store, files } = setup();
    const doc = new FakeDocument(URI, ARTICLE);
    store.consider(doc);
    await store.whenIdle(URI);
    const state = store.get(URI)!;
    const giulia = state.annotations.find((a) => a.text === 'Giulia Ferraro')!;
    corrections.accept(giulia, state.live);
    const start = giulia.start;
    store.edit(URI, doc, [doc.edit(0, 0, 'UPDATE: ')]);
    assert.equal(state.annotations.find((a) => a.id === giulia.id)!.start, start + 8, 'shifted synchronously');
    store.edit(URI, doc, [doc.edit(giulia.start, giulia.end, '')]);
    await store.whenIdle(URI);
    const orphan = state.annotations.find((a) => a.id === giulia.id)!;
    assert.equal(orphan.anchor, 'orphaned');
    assert.ok(needsReview(orphan));
    store.saved(URI);
    await new Promise((r) => setTimeout(r, 20));
    assert.match(files.files.get(SIDE)!, /text: Giulia Ferraro, status: accepted, anchor: orphaned/);
  },
);

test('an article’s own decisions never make it analyse again; a name taught elsewhere does', async () => {
  const index = new WorkspaceIndex();
  const registry = new RegistryService({
    folder: () => null,
    join: (f) => f,
    setting: () => undefined,
    openText: () => null,
    readText: async () => null,
    log: new MemoryLog(),
  });
  const lexicon = new LexiconService(index, registry, realTimers, 5);
  const { store, analyzer } = setup({ knowledge: lexicon });
  const doc = new FakeDocument(URI, ARTICLE);
  store.consider(doc);
  await store.whenIdle(URI);
  const state = store.get(URI)!;
  assert.equal(analyzer.runs.get(URI), 1);
  // Its own record teaches Giulia Ferraro: no new run.
  const giulia = state.annotations.find((a) => a.text === 'Giulia Ferraro')!;
  corrections.accept(giulia, state.live);
  const { recordFromAnnotations } = await import('../../src/core/workspaceIndex');
  index.set(recordFromAnnotations({ uri: URI, label: 'port-strike.txt', source: 'editor', stamp: 'live' }, state.annotations));
  store.reanalyze();
  await store.whenIdle(URI);
  assert.equal(analyzer.runs.get(URI), 1, 'its own decision does not analyse it again');
  // Another article teaches a name: analysed again.
  index.set(
    recordFromAnnotations({ uri: 'file:///news/other.txt', label: 'other.txt', source: 'sidecar', stamp: '1' }, [
      {
        id: 'e1',
        kind: 'entity',
        type: 'ORG',
        start: 0,
        end: 11,
        text: 'Harbourline',
        prefix: '',
        suffix: '',
        status: 'accepted',
        origin: 'user',
        anchor: 'ok',
      },
    ]),
  );
  store.reanalyze();
  await store.whenIdle(URI);
  assert.equal(analyzer.runs.get(URI), 2);
});

test('the index builder reads annotated articles first, skips non-articles, and re-indexes a closed article from its files', async () => {
  const texts = new Map<string, string>();
  for (const f of fs.readdirSync(path.join(__dirname, '../../../samples')))
    texts.set(`file:///ws/${f}`, fs.readFileSync(path.join(__dirname, '../../../samples', f), 'utf8'));
  texts.set('file:///ws/LICENSE.txt', 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n');
  const order: string[] = [];
  const log = new MemoryLog();
  const host: IndexHost = {
    enabled: () => true,
    maxFiles: () => 1000,
    maxFileBytes: () => 10 << 20,
    findFiles: async () => ({ articles: [...texts.keys()].sort(), sidecars: ['file:///ws/port-strike.annotations.yaml'] }),
    stat: async (u) => (texts.has(u) || u.endsWith('.yaml') ? { size: (texts.get(u) ?? 'x').length, mtime: 1, directory: false } : null),
    readText: async (u) => (u.endsWith('.yaml') ? null : (texts.get(u) ?? null)),
    // Called as each article is indexed, in the order they are indexed.
    label: (u) => (order.push(u), u.replace('file:///ws/', '')),
    sidecarFor: (u) => u.replace(/\.txt$/, '.annotations.yaml'),
    names: (t, lex) => findNames(t, lex),
    idfCollector: () => null,
    withProgress: async (_total, run) => run(() => {}),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    now: () => Date.now(),
    timers: realTimers,
    log,
  };
  const index = new WorkspaceIndex();
  const builder = new IndexBuilder(index, host, () => undefined);
  let changes = 0;
  builder.onDidChange(() => changes++);
  await builder.rebuild();
  assert.equal(order[0], 'file:///ws/port-strike.txt', 'the article with an annotation file first');
  assert.ok(!order.includes('file:///ws/LICENSE.txt'));
  assert.ok(index.has('file:///ws/cup-final.txt'));
  assert.ok(!index.has('file:///ws/LICENSE.txt'), 'a licence is not an article');
  assert.ok(changes >= 1);
  builder.indexOpen('file:///ws/cup-final.txt', []);
  assert.equal(index.get('file:///ws/cup-final.txt')!.source, 'editor');
  builder.closed('file:///ws/cup-final.txt');
  await new Promise((r) => setTimeout(r, 450));
  await builder.flush();
  assert.equal(index.get('file:///ws/cup-final.txt')!.source, 'analysis', 'indexed from its file again after closing');
});

test('the registry: a path leaving the folder is refused; listeners hear of a change only when the text changed', async () => {
  const log = new MemoryLog();
  let setting: string | undefined = '../outside.yaml';
  let file: string | null = 'version: 1\nentities:\n  - {name: Giulia Ferraro, type: PER, aliases: [Ferraro]}\n';
  const reg = new RegistryService({
    folder: () => 'file:///ws',
    join: (f, parts) => `${f}/${parts.join('/')}`,
    setting: () => setting,
    openText: () => null,
    readText: async () => file,
    log,
  });
  assert.equal(reg.location(), 'file:///ws/entities.yaml');
  assert.ok(log.lines.some((l) => /must be a \.yaml file inside/.test(l)));
  setting = 'data/people.yml';
  assert.equal(reg.location(), 'file:///ws/data/people.yml');
  let fired = 0;
  reg.onDidChange(() => fired++);
  await reg.load();
  await reg.load();
  assert.equal(fired, 1);
  assert.deepEqual(reg.namesOf('PER', 'Ferraro').sort(), ['Ferraro', 'Giulia Ferraro']);
  file = null;
  await reg.load();
  assert.equal(fired, 2);
  assert.equal(reg.index.size, 0);
});

test('a listener that throws does not keep the others from hearing the event', () => {
  const errors: unknown[] = [];
  const emitter = new Emitter<number>((e) => errors.push(e));
  const heard: number[] = [];
  emitter.event(() => {
    throw new Error('first listener broke');
  });
  emitter.event((n) => heard.push(n));
  emitter.fire(7);
  assert.deepEqual(heard, [7]);
  assert.equal(errors.length, 1);
  // Without a handler, every listener still runs and the first error is thrown afterwards.
  const bare = new Emitter<number>();
  const heard2: number[] = [];
  bare.event(() => {
    throw new Error('boom');
  });
  bare.event((n) => heard2.push(n));
  assert.throws(() => bare.fire(1), /boom/);
  assert.deepEqual(heard2, [1]);
});
