// Workspace knowledge in the real editor: the background index, hovers that know the other
// articles, Find All References / Rename / Go to Definition for entities, the registry, forged
// command arguments, and hostile file names.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { parseCommandHref } from '../../../src/core/markdown';
import { Commands } from '../../../src/vscode/ids';
import {
  api,
  closeAll,
  hoverCards,
  hoverParts,
  note,
  openArticle,
  positionOf,
  waitFor,
  workspaceDir,
  writeInWorkspace,
  wsUri,
} from './helpers';

const FOLLOW_UP = [
  'Council leader defends bridge costs',
  '',
  'GLENMOUTH, May 28, 2026 — Council leader Fiona McLeod defended the cost of the Harbour Bridge on ' +
    'Thursday as opposition councillors demanded an audit.',
  '',
  '"Every contract will be published," Fiona McLeod told the council chamber, adding that the scheme was on budget.',
  '',
  'Opposition leader Tom Hargreaves said the figures did not add up and called for an independent review of the project.',
  '',
].join('\n');

/** A file name an attacker could choose: Markdown link, HTML and a bidi override. */
const HOSTILE_FILE = '0 [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> \u202eevil.txt';

describe('workspace knowledge', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('indexes the workspace in the background and knows the other articles in hovers', async () => {
    const a = await api();
    writeInWorkspace('knowledge/follow-up.txt', FOLLOW_UP);
    writeInWorkspace(HOSTILE_FILE, FOLLOW_UP.replace('Council leader defends', 'Leader defends'));
    await a.whenIndexed();
    await waitFor('the new articles in the index', () => a.indexStats().articles >= 6);
    note(`index: ${JSON.stringify(a.indexStats())}`);
    const uri = wsUri('harbour-bridge-vote.txt');
    const ed = await openArticle(uri);
    const pos = positionOf(ed.document, 'Fiona McLeod', 0, 3);
    // Other suites' copies of the article may be listed too; the hostile name sorts first once indexed.
    const cards = await waitFor('a card that knows the new articles', async () =>
      (await hoverCards(uri, pos)).find(
        (c) => Number(/in (\d+) other articles/.exec(c.body)?.[1] ?? 0) >= 2 && c.body.includes('evil\\.txt'),
      ),
    );
    note(cards.body.split('\n').find((l) => l.includes('other articles')));
    assert.match(cards.body, /^\*\*Fiona McLeod\*\*/);
    const parts = await hoverParts(uri, pos);
    const md = new MarkdownIt({ html: true, linkify: true });
    const trusted = parts.filter((p) => p.isTrusted);
    assert.ok(trusted.length >= 1);
    for (const p of parts) {
      if (p.isTrusted) {
        assert.doesNotMatch(
          p.value.replace(/\]\(command:newsAnnotator\.\w+/g, ''),
          /workbench|onerror|img|evil|knowledge/,
          'no file name in a trusted part',
        );
        const enabled = (p.isTrusted as { enabledCommands: readonly string[] }).enabledCommands;
        for (const m of p.value.matchAll(/\]\((command:[^)]*)\)/g)) assert.ok(enabled.includes(parseCommandHref(m[1]!)!.command));
      } else {
        assert.doesNotMatch(md.render(p.value), /<(?:a|img|script)\b/);
        assert.ok(!p.value.includes('\u202e'), 'the bidi override is shown, not applied');
      }
    }
    // Bodies are escaped Markdown: compare their text with the backslashes taken out.
    const unescape = (v: string) => v.replace(/\\(.)/g, '$1');
    assert.ok(
      parts.some(
        (p) =>
          !p.isTrusted && /^0 \[x\]\(command:workb.*….*⟦U\+202E⟧evil\.txt/m.test(unescape(p.value).replace(/^.*other articles: /m, '')),
      ),
      'the hostile file name is listed as text, its bidi override revealed',
    );
  });

  it('Find All References lists the mentions in every article', async () => {
    const a = await api();
    await a.whenIndexed();
    const uri = wsUri('harbour-bridge-vote.txt');
    const ed = await openArticle(uri);
    const locs = await waitFor('references in three articles', async () => {
      const r =
        (await vscode.commands.executeCommand<vscode.Location[]>(
          'vscode.executeReferenceProvider',
          uri,
          positionOf(ed.document, 'Fiona McLeod', 0, 3),
        )) ?? [];
      return new Set(r.map((l) => l.uri.toString())).size >= 3 ? r : null;
    });
    for (const l of locs) {
      if (l.uri.path.endsWith('.yaml')) continue;
      const doc = await vscode.workspace.openTextDocument(l.uri);
      assert.match(
        doc.getText(l.range),
        /^(Fiona McLeod|McLeod)$/,
        `${path.basename(l.uri.fsPath)} ${l.range.start.line}:${l.range.start.character}`,
      );
    }
    note(`${locs.length} mentions in ${new Set(locs.map((l) => l.uri.toString())).size} files`);
  });

  it('Rename changes the registry and the annotation files, never the article text; Go to Definition opens the entry', async () => {
    const a = await api();
    await a.whenIndexed();
    const uri = wsUri('harbour-bridge-vote.txt');
    const ed = await openArticle(uri);
    const before = ed.document.getText();
    const pos = positionOf(ed.document, 'Fiona McLeod', 0, 3);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      uri,
      pos,
      'Fiona J. McLeod',
    );
    assert.ok(edit, 'a workspace edit');
    const touched = edit.entries().map(([u]) => path.basename(u.fsPath));
    assert.ok(!touched.some((f) => f.endsWith('.txt')), `no article edited: ${touched.join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.workspace.saveAll(false);
    const registry = path.join(workspaceDir(), 'entities.yaml');
    await waitFor(
      'the registry written',
      () => fs.existsSync(registry) && /name: Fiona J\. McLeod/.test(fs.readFileSync(registry, 'utf8')),
    );
    assert.match(fs.readFileSync(registry, 'utf8'), /aliases:\n\s+- Fiona McLeod/);
    assert.equal(ed.document.getText(), before, 'article text untouched');
    // The open article folds the registry's name onto its mentions.
    await waitFor('the new canonical name in the card', async () =>
      (await hoverCards(uri, pos)).some((c) => c.body.startsWith('**Fiona J\\. McLeod**')),
    );
    const def = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri, pos);
    assert.ok(def?.length && def[0]!.uri.fsPath === registry, JSON.stringify(def));
    fs.rmSync(registry, { force: true });
  });

  it('forged command arguments are ignored', async () => {
    const uri = wsUri('harbour-bridge-vote.txt');
    await openArticle(uri);
    const a = await api();
    const before = JSON.stringify(a.annotations(uri));
    for (const arg of [
      { doc: 'd0000000000000000', id: 'e0000000000' },
      { uri: uri.toString(), id: '../../x' },
      { doc: 'x', id: 'y', extra: 1 },
      'e0000000000',
      [{}],
    ]) {
      assert.equal(await vscode.commands.executeCommand(Commands.acceptAnnotation, arg), undefined, JSON.stringify(arg));
    }
    for (const arg of [{ entity: 'n0000000000000000' }, { entity: 'Fiona McLeod' }, { entity: 'n0000000000000000', link: 'javascript' }]) {
      assert.equal(await vscode.commands.executeCommand(Commands.openEntityLink, arg), undefined);
      assert.equal(await vscode.commands.executeCommand(Commands.showEntityArticles, arg), undefined);
    }
    assert.equal(JSON.stringify(a.annotations(uri)), before);
  });
});
