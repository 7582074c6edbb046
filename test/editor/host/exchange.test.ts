// Export Annotations… and Import Annotations… in the real editor: an article's annotations out to
// W3C and brat (the whole workspace), and another tool's doccano labels in, picked up by the open
// article without reopening it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import type { ExportSummary, ImportSummary } from '../../../src/vscode/exchange';
import { api, closeAll, copyInWorkspace, note, openArticle, waitFor, workspaceDir } from './helpers';

describe('export and import of annotation formats', () => {
  afterEach(closeAll);

  it('the two commands are in the command palette', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes(Commands.exportAnnotations));
    assert.ok(all.includes(Commands.importAnnotations));
    const pkg = vscode.extensions.all.find((e) => e.packageJSON?.name === 'news-annotator')!.packageJSON;
    const titles = pkg.contributes.commands
      .filter((c: { command: string }) => c.command === Commands.exportAnnotations || c.command === Commands.importAnnotations)
      .map((c: { title: string }) => c.title);
    assert.deepEqual(titles, ['Export Annotations…', 'Import Annotations…']);
  });

  it('Export Annotations: the open article as W3C, with the annotations the editor shows', async () => {
    const uri = copyInWorkspace('port-strike.txt', 'exchange/port-strike.txt');
    await openArticle(uri);
    const a = await api();
    await a.whenIdle(uri);
    const shown = a.annotations(uri).filter((x) => x.anchor === 'ok').length;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'na-export-'));
    const r = await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, {
      format: 'w3c',
      scope: 'article',
      outDir: out,
      uri: uri.toString(),
    });
    assert.ok(r, 'the command returns its summary');
    assert.deepEqual(r.failed, []);
    assert.equal(r.articles, 1);
    const file = path.join(out, 'exchange', 'port-strike.w3c.json');
    assert.ok(fs.existsSync(file), file);
    const c = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c.total, shown);
    note(`${c.total} annotations exported as W3C`);
  });

  it('Export Annotations: every article of the workspace as brat, with the texts and annotation.conf, with progress', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'na-export-brat-'));
    const r = await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, {
      format: 'brat',
      scope: 'workspace',
      outDir: out,
    });
    assert.ok(r);
    assert.deepEqual(r.failed, []);
    assert.ok(r.articles >= 5, `${r.articles} articles`);
    for (const f of ['port-strike', 'cup-final', 'harbour-bridge-vote']) {
      assert.ok(fs.existsSync(path.join(out, `${f}.ann`)), `${f}.ann`);
      assert.ok(fs.existsSync(path.join(out, `${f}.txt`)), `${f}.txt`);
    }
    assert.ok(fs.existsSync(path.join(out, 'annotation.conf')));
    // Not articles: the licence, the requirements list and the log of the test workspace.
    assert.ok(!fs.readdirSync(out).some((f) => /^(LICENSE|requirements)/.test(f)), fs.readdirSync(out).join(', '));
    note(
      `${r.articles} articles, ${r.annotations} annotations; not held: ${r.notHeld
        .map((l) => l.what)
        .slice(0, 3)
        .join('; ')}…`,
    );
  });

  it('Import Annotations: doccano labels land in the open article (origin import) without reopening it', async () => {
    const uri = copyInWorkspace('harbour-bridge-vote.txt', 'exchange/bridge.txt');
    await openArticle(uri);
    const a = await api();
    await a.whenIdle(uri);
    // Save first: the import merges into the annotation file on disk.
    await vscode.commands.executeCommand(Commands.saveAnnotations);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const words = 'harbour';
    const at = text.toLowerCase().indexOf(words);
    assert.ok(at >= 0);
    const cp = (u: number) => Array.from(text.slice(0, u)).length;
    const file = path.join(workspaceDir(), 'exchange', 'bridge.doccano.jsonl');
    fs.writeFileSync(file, JSON.stringify({ text, article: 'bridge.txt', label: [[cp(at), cp(at + words.length), 'MISC']] }) + '\n');
    const r = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'doccano', files: [file] });
    assert.ok(r);
    assert.equal(r.results.length, 1);
    assert.equal(r.results[0]!.status, 'ok', r.results[0]!.error);
    const imported = await waitFor('the imported annotation in the open article', () =>
      a.annotations(uri).find((x) => x.origin === 'import' && x.start === at && x.type === 'MISC'),
    );
    assert.equal(imported.status, 'accepted');
    note(`imported ${imported.text} (${imported.type}) shown in the editor`);
  });
});
