// Compare with Branch… in the real editor (issue 15): a git repository where another reviewer's
// branch decided differently; the differences in Problems, "take theirs" and "keep mine" from the
// lightbulb, "take all", undo, and the comparison following the article.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse, stringify } from 'yaml';
import { Commands, SETTINGS_SECTION, Settings } from '../../../src/vscode/ids';
import { annotationFor, api, closeAll, note, openArticle, waitFor, workspaceDir } from './helpers';

const problemsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'News Annotator (branch)');

describe('compare with branch', () => {
  afterEach(closeAll);

  it("shows where the other branch's reviewer decided differently, and takes theirs or keeps mine", async function () {
    this.timeout(120000);
    const a = await api();
    const repo = path.join(workspaceDir(), 'compare-repo');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    try {
      execFileSync('git', ['--version']);
    } catch {
      note('skipped: git is not installed');
      return this.skip();
    }
    fs.rmSync(repo, { recursive: true, force: true });
    fs.mkdirSync(repo, { recursive: true });
    const article = path.join(repo, 'story.txt');
    const sidecar = path.join(repo, 'story.annotations.yaml');
    fs.copyFileSync(path.join(workspaceDir(), 'port-strike.txt'), article);
    const uri = vscode.Uri.file(article);
    // The suggestions, saved and committed on main.
    await openArticle(uri);
    await vscode.commands.executeCommand(Commands.saveAnnotations);
    await waitFor('the annotation file', () => fs.existsSync(sidecar));
    await closeAll();
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Test');
    git('config', 'user.email', 'test@example.org');
    git('add', '.');
    git('commit', '-q', '-m', 'suggestions');
    // Ben's branch: rejects Marta Ricci, accepts Giulia Ferraro, adds "the main gate" as a place.
    git('checkout', '-q', '-b', 'ben');
    const text = fs.readFileSync(article, 'utf8');
    const doc = parse(fs.readFileSync(sidecar, 'utf8'));
    const find = (t: string) =>
      doc.annotations.find((x: { text: string; type: string }) => x.text === t && ['PER', 'LOC', 'ORG', 'MISC'].includes(x.type));
    Object.assign(find('Marta Ricci'), { status: 'rejected', by: 'Ben', prefix: 'ket prices," said ', suffix: ', an economist at the Un' });
    Object.assign(find('Giulia Ferraro'), {
      status: 'accepted',
      by: 'Ben',
      prefix: 'onger," union secretary ',
      suffix: ' said outside the main g',
    });
    const gate = text.indexOf('the main gate');
    doc.annotations.push({
      id: 'e00000000aa',
      type: 'LOC',
      start: gate,
      text: 'the main gate',
      status: 'accepted',
      origin: 'user',
      by: 'Ben',
      prefix: text.slice(gate - 24, gate),
      suffix: text.slice(gate + 13, gate + 37),
    });
    fs.writeFileSync(sidecar, stringify(doc));
    git('commit', '-q', '-am', 'Ben reviews');
    git('checkout', '-q', 'main');
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.reviewer, 'Ana', vscode.ConfigurationTarget.Global);
    try {
      const ed = await openArticle(uri);
      const marta = annotationFor(a.annotations(uri), 'Marta Ricci', 'entity');
      await vscode.commands.executeCommand(Commands.acceptAnnotation, { uri: uri.toString(), id: marta.id });
      const r = await vscode.commands.executeCommand<{ branch: string; differences: number }>(Commands.compareWithBranch, { ref: 'ben' });
      assert.deepEqual(r, { branch: 'ben', differences: 3 });
      const probs = await waitFor('three differences in Problems', () => (problemsOf(uri).length === 3 ? problemsOf(uri) : null));
      assert.ok(
        probs.some((d) => d.message === '“Marta Ricci”: here accepted by Ana; on ben rejected by Ben.'),
        probs.map((d) => d.message).join('\n'),
      );
      assert.ok(probs.some((d) => /“Giulia Ferraro”: undecided here; on ben accepted by Ben/.test(d.message)));
      assert.ok(probs.some((d) => /On ben: “the main gate” added by Ben/.test(d.message)));
      // The lightbulb on Marta Ricci: take Ben's rejection.
      const at = ed.document.positionAt(marta.start + 1);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(at, at),
      );
      const take = actions.find((x) => x.title === "Take ben's decision: rejected (Ben)");
      assert.ok(take?.command, actions.map((x) => x.title).join(' | '));
      await vscode.commands.executeCommand(take.command.command, ...(take.command.arguments ?? []));
      const m = a.annotations(uri).find((x) => x.id === marta.id)!;
      assert.deepEqual([m.status, m.by], ['rejected', 'Ben'], 'their decision, with their name');
      await waitFor('two left', () => problemsOf(uri).length === 2);
      // Keep mine on Giulia Ferraro: the difference goes, her annotation stays undecided.
      const giulia = annotationFor(a.annotations(uri), 'Giulia Ferraro', 'entity');
      const gAt = ed.document.positionAt(giulia.start + 1);
      const gActions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(gAt, gAt),
      );
      const keep = gActions.find((x) => x.title === "Keep this side's decision (undecided)")!;
      await vscode.commands.executeCommand(keep.command!.command, ...(keep.command!.arguments ?? []));
      assert.equal(a.annotations(uri).find((x) => x.id === giulia.id)?.status, 'suggested');
      await waitFor('one left', () => problemsOf(uri).length === 1);
      // Take all: the place Ben added is added here, with his name; then undone as one decision.
      assert.equal(await vscode.commands.executeCommand(Commands.takeAllBranchDecisions), 1);
      const added = a.annotations(uri).find((x) => x.text === 'the main gate');
      assert.deepEqual([added?.type, added?.status, added?.origin, added?.by], ['LOC', 'accepted', 'user', 'Ben']);
      await waitFor('none left', () => problemsOf(uri).length === 0);
      await vscode.commands.executeCommand(Commands.undoDecision);
      assert.ok(!a.annotations(uri).some((x) => x.text === 'the main gate'), 'undone');
      await waitFor('the difference back', () => problemsOf(uri).length === 1);
      // Garbage arguments are refused; closing the comparison clears Problems.
      assert.equal(await vscode.commands.executeCommand(Commands.takeBranchDecision, { uri: uri.toString(), id: 'nope' }), undefined);
      assert.equal(await vscode.commands.executeCommand(Commands.compareWithBranch, { ref: '--output=/tmp/x' }), undefined);
      await vscode.commands.executeCommand(Commands.closeComparison);
      await waitFor('Problems cleared', () => problemsOf(uri).length === 0);
    } finally {
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.reviewer, undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
