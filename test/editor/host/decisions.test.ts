// Issue 12 in the real editor: a decision survives deleting its words, a reload and a save; a
// rejection can be shown and undone; a disagreement from a merge is shown and settled.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { Commands, SETTINGS_SECTION, Settings } from '../../../src/vscode/ids';
import { annotationFor, api, closeAll, copyInWorkspace, openArticle, readAnnotationFile, save, waitFor } from './helpers';

const problemsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'News Annotator');

describe('decisions are never lost', () => {
  afterEach(closeAll);

  it('accept a name, delete its paragraph, save, reopen: the file is read, the decision kept and shown until resolved', async () => {
    const a = await api();
    const uri = copyInWorkspace('port-strike.txt', 'decisions/deleted.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    const ed = await openArticle(uri);
    const giulia = { ...annotationFor(a.annotations(uri), 'Giulia Ferraro', 'entity') };
    await vscode.commands.executeCommand(Commands.acceptAnnotation, { uri: uri.toString(), id: giulia.id });
    const text = ed.document.getText();
    const start = text.lastIndexOf('\n\n', giulia.start) + 2;
    const end = text.indexOf('\n\n', giulia.end);
    await ed.edit((b) => b.delete(new vscode.Range(ed.document.positionAt(start), ed.document.positionAt(end))));
    await save(ed.document);
    const side = await waitFor('the file written after the delete', () =>
      readAnnotationFile(sidecar)?.annotations.find((x) => x.id === giulia.id && x.anchor === 'orphaned'),
    );
    assert.equal(side.status, 'accepted');
    // "Reload": close and open the article again; the extension reads its own file.
    await closeAll();
    await openArticle(uri);
    const back = await waitFor('the decision after reopening', () => a.annotations(uri).find((x) => x.id === giulia.id));
    assert.equal(back.status, 'accepted');
    assert.equal(back.anchor, 'orphaned');
    assert.deepEqual(problemsOf(vscode.Uri.file(sidecar)), [], 'no error on the annotation file');
    await waitFor('the orphaned decision in Problems', () =>
      problemsOf(uri).some((d) => d.code === giulia.id && /no longer in the article/.test(d.message)),
    );
    assert.equal(a.summary(uri)!.review, problemsOf(uri).length, 'the status bar counts what the Problems panel lists');
    // New decisions can still be saved.
    const other = annotationFor(a.annotations(uri), 'Carlo Benedetti', 'entity');
    await vscode.commands.executeCommand(Commands.rejectAnnotation, { uri: uri.toString(), id: other.id });
    await waitFor('a later decision in the file', () =>
      readAnnotationFile(sidecar)?.annotations.some((x) => x.id === other.id && x.status === 'rejected'),
    );
    // Resolved: deleting the orphaned decision takes it out of Problems.
    await vscode.commands.executeCommand(Commands.deleteAnnotation, { uri: uri.toString(), id: giulia.id });
    await waitFor('Problems cleared', () => !problemsOf(uri).some((d) => d.code === giulia.id));
  });

  it('typing inside an accepted name: saved as edited, read back as edited, accepted on the new words', async () => {
    const a = await api();
    const uri = copyInWorkspace('port-strike.txt', 'decisions/typed.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    const ed = await openArticle(uri);
    const name = { ...annotationFor(a.annotations(uri), 'Carlo Benedetti', 'entity') };
    await vscode.commands.executeCommand(Commands.acceptAnnotation, { uri: uri.toString(), id: name.id });
    await ed.edit((b) => b.insert(ed.document.positionAt(name.start + 5), ' M.'));
    await save(ed.document);
    await waitFor('the edited decision in the file', () =>
      readAnnotationFile(sidecar)?.annotations.some((x) => x.id === name.id && x.anchor === 'modified'),
    );
    await closeAll();
    const ed2 = await openArticle(uri);
    const back = await waitFor('the edited decision after reopening', () =>
      a.annotations(uri).find((x) => x.id === name.id && x.anchor === 'modified'),
    );
    ed2.selection = new vscode.Selection(ed2.document.positionAt(back.start + 1), ed2.document.positionAt(back.start + 1));
    await vscode.commands.executeCommand(Commands.acceptAnnotation);
    const now = a.annotations(uri).find((x) => x.id === name.id)!;
    assert.equal(now.anchor, 'ok');
    assert.equal(now.text, 'Carlo M. Benedetti');
  });

  it('a rejected name is hidden, shown struck through on request, and stays rejected after the article changes on disk', async () => {
    const a = await api();
    const uri = copyInWorkspace('port-strike.txt', 'decisions/rejected.txt');
    const ed = await openArticle(uri);
    const target = { ...annotationFor(a.annotations(uri), 'Marta Ricci', 'entity') };
    await vscode.commands.executeCommand(Commands.rejectAnnotation, { uri: uri.toString(), id: target.id });
    const at = (ranges: vscode.Range[]) => ranges.some((r) => ed.document.offsetAt(r.start) === target.start);
    await waitFor('hidden', () => !Object.values(a.decorationRanges(uri)!).some(at));
    const shown = await vscode.commands.executeCommand<boolean>(Commands.toggleRejected);
    try {
      assert.equal(shown, true);
      await waitFor('struck through', () => at(a.decorationRanges(uri)!.rejected));
      // The article rewritten on disk (a checkout) with text changed right around the name.
      const changed = ed.document.getText().replace('said Marta Ricci, an economist', 'according to Marta Ricci, a senior economist');
      assert.notEqual(changed, ed.document.getText());
      fs.writeFileSync(uri.fsPath, changed);
      await waitFor('the rewritten text', () => ed.document.getText() === changed, 20000);
      await a.whenIdle(uri);
      const again = a.annotations(uri).filter((x) => x.kind === 'entity' && x.text === 'Marta Ricci');
      assert.ok(
        again.length >= 1 && again.every((x) => x.status === 'rejected' && x.anchor === 'ok'),
        JSON.stringify(again.map((x) => [x.status, x.anchor])),
      );
      await waitFor('still struck through, not highlighted', () => {
        const r = a.decorationRanges(uri)!;
        const pos = again[0]!.start;
        return (
          r.rejected.some((x) => ed.document.offsetAt(x.start) === pos) && !r.person.some((x) => ed.document.offsetAt(x.start) === pos)
        );
      });
    } finally {
      await vscode.workspace
        .getConfiguration(SETTINGS_SECTION)
        .update(Settings.highlightRejected, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a disagreement from a merge is in Problems with both decisions, and the lightbulb settles it', async () => {
    const a = await api();
    const uri = copyInWorkspace('port-strike.txt', 'decisions/disagree.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    const ed = await openArticle(uri);
    await vscode.commands.executeCommand(Commands.saveAnnotations);
    const target = annotationFor(a.annotations(uri), 'Giulia Ferraro', 'entity');
    await closeAll();
    // What the merge driver writes when two reviewers decided differently.
    const src = fs.readFileSync(sidecar, 'utf8');
    const line = src.split('\n').find((l) => l.includes(`id: ${target.id},`))!;
    const disputed = line
      .replace('status: suggested', 'status: accepted, by: Ana')
      .replace(/\}$/, ', conflict: {status: rejected, by: Ben}}');
    fs.writeFileSync(sidecar, src.replace(line, disputed));
    const ed2 = await openArticle(uri);
    const d = await waitFor('the disagreement in Problems', () => problemsOf(uri).find((x) => x.code === target.id));
    assert.match(d.message, /Decided differently on two branches.*accepted.*by Ana.*rejected.*by Ben/);
    assert.equal(a.summary(uri)!.review, problemsOf(uri).length, 'the status bar counts what the Problems panel lists');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(ed2.document.positionAt(target.start + 1), ed2.document.positionAt(target.start + 1)),
    );
    const take = actions.find((x) => /Take the other branch's decision \(rejected\)/.test(x.title));
    assert.ok(take?.command, JSON.stringify(actions.map((x) => x.title)));
    await vscode.commands.executeCommand(take.command.command, ...(take.command.arguments ?? []));
    const now = a.annotations(uri).find((x) => x.id === target.id)!;
    assert.equal(now.status, 'rejected');
    assert.equal(now.conflict, undefined);
    await waitFor('Problems cleared', () => !problemsOf(uri).some((x) => x.code === target.id));
    await waitFor('the settled decision in the file', () =>
      readAnnotationFile(sidecar)?.annotations.some((x) => x.id === target.id && x.status === 'rejected' && !x.conflict && x.by === 'Ben'),
    );
    assert.ok(ed.document);
  });
});
