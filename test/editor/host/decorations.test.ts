// The highlights drawn in the editor: one decoration type per kind, on exactly the annotated words.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import { api, closeAll, hasReference, note, openArticle, REFERENCE, textAt, waitFor, wsUri } from './helpers';

describe('decorations', () => {
  afterEach(closeAll);

  async function check(name: string, mustHave: string[]) {
    const a = await api();
    const uri = wsUri(name);
    const ed = await openArticle(uri);
    const ranges = a.decorationRanges(uri)!;
    const counts = Object.fromEntries(Object.entries(ranges).map(([k, v]) => [k, v.length]));
    note(`${name}: ${JSON.stringify(counts)}`);
    for (const k of mustHave) assert.ok(ranges[k as keyof typeof ranges].length > 0, `${k} ranges in ${name}: ${JSON.stringify(counts)}`);
    assert.ok(ranges.quote.length + ranges.quoteUncertain.length > 0, 'quote ranges');
    assert.equal(ranges.modified.length, 0, 'nothing modified in a freshly opened article');
    // Every drawn range covers an annotation of that kind, on its exact words.
    const anns = a.annotations(uri);
    for (const [kind, list] of Object.entries(ranges)) {
      for (const r of list) {
        const start = ed.document.offsetAt(r.start);
        const end = ed.document.offsetAt(r.end);
        const ann = anns.find((x) => x.start === start && x.end === end);
        assert.ok(ann, `${kind} range ${start}-${end} "${textAt(ed.document, { start, end })}" is an annotation`);
        assert.equal(textAt(ed.document, ann), ann.text);
        // What each highlight means (the Legend), not how decorations.ts decides it.
        const meaning: Record<string, string[]> = { PER: ['person'], ORG: ['organisation'], LOC: ['place'], MISC: ['other'] };
        const allowed = ann.kind === 'entity' ? meaning[ann.type]! : ann.kind === 'figure' ? ['figure'] : ['quote', 'quoteUncertain'];
        assert.ok(allowed.includes(kind), `"${ann.text}" (${ann.kind} ${ann.type}) drawn as ${kind}`);
        if (kind === 'quoteUncertain')
          assert.ok(!ann.speaker || (ann.confidence ?? 0) < 0.9, `"${ann.text}": a confidently attributed quote drawn dashed`);
      }
    }
    // …and every live annotation is drawn.
    const drawn = Object.values(ranges).reduce((n, l) => n + l.length, 0);
    assert.equal(drawn, anns.filter((x) => x.status !== 'rejected' && x.anchor === 'ok').length, 'one range per live annotation');
    return { uri, ranges };
  }

  it('reference article: persons, organisations, places, other names, figures and quotes', async function () {
    if (!hasReference()) {
      note(`skipped: ${REFERENCE} not in the workspace (../shared absent)`);
      return this.skip();
    }
    await check(REFERENCE, ['person', 'organisation', 'place', 'other', 'figure']);
  });

  it('sample articles: each kind appears somewhere', async () => {
    const seen = new Set<string>();
    for (const name of ['port-strike.txt', 'harbour-bridge-vote.txt', 'solar-farm-approved.txt', 'cup-final.txt', 'library-closures.txt']) {
      const { ranges } = await check(name, ['person', 'figure']);
      for (const [k, v] of Object.entries(ranges)) if (v.length) seen.add(k);
    }
    for (const k of ['person', 'organisation', 'place', 'other', 'figure', 'quote', 'quoteUncertain'])
      assert.ok(seen.has(k), `${k} drawn in some sample`);
  });

  it('Toggle Highlights clears and restores them', async () => {
    const a = await api();
    const uri = wsUri('port-strike.txt');
    await openArticle(uri);
    const before = Object.values(a.decorationRanges(uri)!).reduce((n, l) => n + l.length, 0);
    assert.ok(before > 0);
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    try {
      await waitFor('highlights off', () => Object.values(a.decorationRanges(uri)!).every((l) => l.length === 0));
    } finally {
      await vscode.commands.executeCommand(Commands.toggleHighlights);
    }
    await waitFor('highlights back', () => Object.values(a.decorationRanges(uri)!).reduce((n, l) => n + l.length, 0) === before);
  });

  it('a highlight setting turns one kind off', async () => {
    const a = await api();
    const uri = wsUri('port-strike.txt');
    await openArticle(uri);
    const cfg = vscode.workspace.getConfiguration('newsAnnotator');
    await cfg.update('highlight.figures', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        'no figure highlights',
        () => a.decorationRanges(uri)!.figure.length === 0 && a.decorationRanges(uri)!.person.length > 0,
      );
    } finally {
      await cfg.update('highlight.figures', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('figure highlights back', () => a.decorationRanges(uri)!.figure.length > 0);
  });
});
