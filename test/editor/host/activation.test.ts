// The extension starts in the real host, annotates articles and leaves other text files alone.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Views } from '../../../src/vscode/ids';
import { api, closeAll, hoverCards, note, openArticle, wsUri } from './helpers';

const SAMPLES = ['cup-final.txt', 'harbour-bridge-vote.txt', 'library-closures.txt', 'port-strike.txt', 'solar-farm-approved.txt'];
const NOT_ARTICLES = ['LICENSE.txt', 'notes/requirements.txt', 'notes/server.log.txt'];

describe('activation and article detection', () => {
  afterEach(closeAll);

  it('runs in a real extension host and the extension activates with its API', async () => {
    note(`VS Code ${vscode.version}, app host ${vscode.env.appHost}, remote ${vscode.env.remoteName ?? 'none'}, Node ${process.version}`);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace is open');
    const a = await api();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    for (const k of ['isAnnotated', 'whenIdle', 'annotations', 'analysis', 'decorationRanges', 'topicsTree'] as const)
      assert.equal(typeof a[k], 'function', k);
  });

  it('contributes its commands and the Topics view container', async () => {
    const cmds = await vscode.commands.getCommands(true);
    for (const c of [
      Commands.saveAnnotations,
      Commands.annotateFile,
      Commands.rejectAnnotation,
      Commands.acceptAnnotation,
      Commands.revealSpan,
    ])
      assert.ok(cmds.includes(c), c);
    assert.ok(cmds.includes(`workbench.view.extension.${Views.container}`), 'view container command');
  });

  for (const name of SAMPLES) {
    it(`annotates the sample article ${name}`, async () => {
      const a = await api();
      const uri = wsUri(name);
      const ed = await openArticle(uri);
      assert.equal(ed.document.languageId, 'plaintext');
      assert.ok(a.isAnnotated(uri));
      const anns = a.annotations(uri);
      assert.ok(
        anns.some((x) => x.kind === 'entity'),
        'has entities',
      );
      assert.ok(
        anns.some((x) => x.kind === 'figure'),
        'has figures',
      );
      const ranges = a.decorationRanges(uri)!;
      assert.ok(
        Object.values(ranges).some((r) => r.length > 0),
        'decorations drawn',
      );
      assert.ok(a.analysis(uri), 'analysis available');
    });
  }

  for (const name of NOT_ARTICLES) {
    it(`leaves ${name} alone (not an article)`, async () => {
      const a = await api();
      const uri = wsUri(...name.split('/'));
      const ed = await openArticle(uri, { expectArticle: false });
      // Give the extension every chance to (wrongly) pick it up.
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(ed.document.languageId, 'plaintext');
      assert.equal(a.isAnnotated(uri), false, `${path.basename(name)} is not annotated`);
      assert.deepEqual(a.annotations(uri), []);
      const ranges = a.decorationRanges(uri);
      assert.ok(!ranges || Object.values(ranges).every((r) => r.length === 0), 'no decorations');
      const firstWord = ed.document.getText().search(/[A-Za-z]{3,}/);
      assert.deepEqual(await hoverCards(uri, ed.document.positionAt(firstWord + 1)), [], 'no hover card');
    });
  }
});
