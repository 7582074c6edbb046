// The Topics view's tree (what the sidebar shows) and the reveal command its rows run.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopicNode } from '../../../src/core/topicTree';
import { Commands } from '../../../src/vscode/ids';
import { api, closeAll, hasReference, openArticle, REFERENCE, textAt, waitFor, wsUri } from './helpers';

const flat = (ns: readonly TopicNode[]): TopicNode[] => ns.flatMap((n) => [n, ...flat(n.children)]);

describe('Topics view', () => {
  afterEach(closeAll);

  const article = () => (hasReference() ? REFERENCE : 'port-strike.txt');

  it('shows the sections of the active article, with the names, quotes and figures inside them', async () => {
    const a = await api();
    const uri = wsUri(article());
    const ed = await openArticle(uri);
    const roots = await waitFor('the Topics tree', () => (a.topicsTree().some((n) => n.kind === 'section') ? a.topicsTree() : null));
    const sections = roots.filter((n) => n.kind === 'section');
    assert.ok(sections.length >= 3, `${sections.length} sections`);
    const text = ed.document.getText();
    for (const s of sections) {
      assert.ok(s.start !== undefined && s.end !== undefined && s.start < s.end && s.end <= text.length, `section ${s.label} has a span`);
      for (const leaf of s.children) {
        assert.ok(leaf.start! >= s.start! && leaf.end! <= s.end!, `${leaf.label} inside its section`);
        assert.equal(leaf.parentId, s.id);
      }
    }
    const all = flat(roots);
    assert.ok(
      all.some((n) => n.kind === 'entity'),
      'entity rows',
    );
    assert.ok(
      all.some((n) => n.kind === 'figure'),
      'figure rows',
    );
    assert.ok(
      all.some((n) => n.kind === 'quote'),
      'quote rows',
    );
    assert.equal(new Set(all.map((n) => n.id)).size, all.length, 'ids are unique');
    if (hasReference()) {
      assert.ok(
        all.some((n) => n.kind === 'entity' && n.label === 'Donald Trump'),
        'Donald Trump row',
      );
      assert.ok(
        all.some((n) => n.kind === 'figure' && n.label === '$11 billion'),
        '$11 billion row',
      );
    }
  });

  it('follows the active editor', async () => {
    const a = await api();
    await openArticle(wsUri(article()));
    const first = a
      .topicsTree()
      .map((n) => n.label)
      .join('|');
    await openArticle(wsUri('cup-final.txt'));
    await waitFor(
      'the tree to change',
      () =>
        a
          .topicsTree()
          .map((n) => n.label)
          .join('|') !== first,
    );
    assert.ok(
      flat(a.topicsTree()).some((n) => n.label.includes('Okafor')),
      'rows of cup-final.txt',
    );
  });

  it('a row reveals and selects its words in the article', async () => {
    const a = await api();
    const uri = wsUri(article());
    const ed = await openArticle(uri);
    const leaf = flat(a.topicsTree())
      .filter((n) => n.kind === 'figure')
      .at(-1)!;
    assert.ok(leaf, 'a figure row');
    await vscode.commands.executeCommand(Commands.revealSpan, { uri: uri.toString(), start: leaf.start, end: leaf.end });
    const sel = vscode.window.activeTextEditor!.selection;
    assert.equal(vscode.window.activeTextEditor!.document.uri.toString(), uri.toString());
    assert.equal(textAt(ed.document, { start: ed.document.offsetAt(sel.start), end: ed.document.offsetAt(sel.end) }), leaf.label);
  });
});
