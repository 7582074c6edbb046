// Live anchoring: annotations follow the words they are on while the user edits.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  annotationFor,
  closeAll,
  copyInWorkspace,
  hasReference,
  openArticle,
  positionOf,
  REFERENCE,
  textAt,
  waitFor,
} from './helpers';

describe('live anchoring while editing', () => {
  afterEach(closeAll);

  const source = () =>
    hasReference()
      ? { file: REFERENCE, name: 'Xi Jinping', figure: '$11 billion' }
      : { file: 'port-strike.txt', name: 'Giulia Ferraro', figure: '€310 million' };

  it('text inserted above an annotation keeps it on the same words, before and after re-analysis', async () => {
    const a = await api();
    const src = source();
    const uri = copyInWorkspace(src.file, 'edit/above.txt');
    const ed = await openArticle(uri);
    const name = { ...annotationFor(a.annotations(uri), src.name, 'entity') }; // a copy: the live one moves
    const fig = { ...annotationFor(a.annotations(uri), src.figure, 'figure') };
    const inserted = 'UPDATE, 10:42: This story has been updated with a statement from the ministry.\n\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(2, 0), inserted);
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    // Synchronously shifted (the re-analysis runs only after a pause).
    const moved = a.annotations(uri).find((x) => x.id === name.id);
    assert.ok(moved, `${src.name} kept its id`);
    assert.equal(moved.start, name.start + inserted.length, 'shifted by the insertion');
    assert.equal(textAt(ed.document, moved), src.name);
    assert.equal(moved.anchor, 'ok');
    await a.whenIdle(uri);
    for (const before of [name, fig]) {
      const after = a.annotations(uri).find((x) => x.id === before.id);
      assert.ok(after, `${before.text} survives re-analysis`);
      assert.equal(textAt(ed.document, after), before.text);
      assert.equal(after.start, before.start + inserted.length);
    }
    // The drawn highlight moved too.
    const ranges = a.decorationRanges(uri)!;
    const expected = new vscode.Range(
      ed.document.positionAt(name.start + inserted.length),
      ed.document.positionAt(name.end + inserted.length),
    );
    assert.ok(
      ranges.person.some((r) => r.isEqual(expected)),
      'person highlight on the moved name',
    );
  });

  it('deleting text above and typing on the same line keep annotations on their words', async () => {
    const a = await api();
    const src = source();
    const uri = copyInWorkspace(src.file, 'edit/delete.txt');
    const ed = await openArticle(uri);
    const fig = { ...annotationFor(a.annotations(uri), src.figure, 'figure') };
    const figPos = ed.document.positionAt(fig.start);
    // Delete the headline (line 0) and type a word at the start of the figure's line.
    const headline = ed.document.lineAt(0).rangeIncludingLineBreak;
    const removed = ed.document.getText(headline).length;
    await ed.edit((b) => {
      b.delete(headline);
      b.insert(new vscode.Position(figPos.line, 0), 'Officially, ');
    });
    const now = a.annotations(uri).find((x) => x.id === fig.id);
    assert.ok(now);
    assert.equal(now.start, fig.start - removed + 'Officially, '.length);
    assert.equal(textAt(ed.document, now), src.figure);
    await a.whenIdle(uri);
    // Re-analysis re-derives a suggestion's id from its context (which changed): look it up by place.
    const start = fig.start - removed + 'Officially, '.length;
    const fresh = a.annotations(uri).find((x) => x.kind === 'figure' && x.start === start);
    assert.ok(fresh, `the figure is still annotated at ${start}`);
    assert.equal(textAt(ed.document, fresh), src.figure);
  });

  it('an edit inside a name marks it as modified (wavy underline) instead of moving it', async () => {
    const a = await api();
    const src = source();
    const uri = copyInWorkspace(src.file, 'edit/inside.txt');
    const ed = await openArticle(uri);
    const name = { ...annotationFor(a.annotations(uri), src.name, 'entity') }; // a copy: the live one moves
    const pos = ed.document.positionAt(name.end - 1);
    await ed.edit((b) => b.replace(new vscode.Range(pos, pos.translate(0, 1)), 'X'));
    const now = a.annotations(uri).find((x) => x.id === name.id);
    assert.ok(now, 'still there');
    assert.equal(now.anchor, 'modified');
    assert.equal(textAt(ed.document, now), src.name.slice(0, -1) + 'X', 'covers the changed words');
    await waitFor('a "modified" highlight', () => a.decorationRanges(uri)!.modified.length > 0);
    assert.ok(positionOf(ed.document, src.name.slice(0, -1) + 'X'));
  });
});
