// The Sources view and its chart in the real editor (issue 15): speakers across the workspace's
// articles (closed ones read, analysed and merged with their files), click-through to a quote, a
// speaker name from an untrusted annotation file kept as text, and the chart page's policy.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../../src/core/analyze';
import type { Annotation } from '../../../src/core/sidecar/model';
import { annotateWith, buildSidecar } from '../../../src/core/sidecar/session';
import { serializeSidecar } from '../../../src/core/sidecar/yaml';
import { Commands } from '../../../src/vscode/ids';
import { api, closeAll, note, workspaceDir } from './helpers';

export const HOSTILE = '<img src=x onerror="window.__pwned=1"> Eve & "Co"';

/**
 * An article with an annotation file whose added quotes (`n` of them) name a hostile speaker, as a
 * tampered file could.
 */
export function writeHostileArticle(dir: string, n = 1): string {
  let text = 'Port deal signed\n\nThe port operator and the union signed a deal on Friday.\n';
  for (let i = 0; i < n; i++)
    text += `\nManagement sources said the deal number ${i + 1} is final and generous, and that the strike is over.\n`;
  const file = path.join(dir, 'hostile-source.txt');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, text);
  const a = analyze(text, { fileDate: '2026-10-09' });
  const quotes: Annotation[] = [];
  for (let i = 0; i < n; i++) {
    const words = `the deal number ${i + 1} is final and generous`;
    const start = text.indexOf(words);
    const sp = text.lastIndexOf('Management sources', start);
    quotes.push({
      id: `q${String(i).padStart(10, '0')}`,
      kind: 'quote',
      type: 'partial',
      start,
      end: start + words.length,
      text: words,
      prefix: text.slice(start - 24, start),
      suffix: text.slice(start + words.length, start + words.length + 24),
      status: 'accepted',
      origin: 'user',
      anchor: 'ok',
      by: 'Tampered',
      speaker: { name: HOSTILE, text: 'Management sources', start: sp, end: sp + 18 },
      confidence: 1,
    });
  }
  fs.writeFileSync(
    file.replace(/\.txt$/, '.annotations.yaml'),
    serializeSidecar(buildSidecar('hostile-source.txt', a, [...annotateWith(a, []), ...quotes])),
  );
  return file;
}

describe('sources', () => {
  afterEach(closeAll);

  it('lists every speaker across the articles, with roles and organisations; a click opens the article at the quote', async function () {
    this.timeout(120000);
    const a = await api();
    const hostile = writeHostileArticle(path.join(workspaceDir(), 'sources'));
    await vscode.commands.executeCommand(Commands.rebuildIndex);
    await a.whenIndexed();
    const t0 = Date.now();
    const sources = await a.sources.refresh();
    note(`Sources: ${sources.length} speakers from the workspace in ${Date.now() - t0} ms`);
    const giulia = sources.find((s) => s.name === 'Giulia Ferraro');
    assert.ok(
      giulia && giulia.quotes >= 2 && giulia.roles.includes('union secretary') && giulia.orgType === 'union',
      JSON.stringify(giulia, null, 1)?.slice(0, 800),
    );
    const ricci = sources.find((s) => s.name === 'Marta Ricci')!;
    assert.deepEqual(ricci.organisations, ['University of Bologna']);
    // The tampered file's speaker is a source, by its name as written: the view shows it as plain text.
    const bad = sources.find((s) => s.name === HOSTILE);
    assert.ok(bad, sources.map((s) => s.name).join(' | '));
    assert.equal(bad.items[0]!.by, 'Tampered');
    // Click-through: the article opens with the quote selected.
    const q = ricci.items[0]!;
    assert.equal(await vscode.commands.executeCommand(Commands.openSourceQuote, { article: q.article, start: q.start, end: q.end }), true);
    const ed = vscode.window.activeTextEditor!;
    assert.equal(ed.document.getText(ed.selection), q.text);
    // Only articles of the last build, and sane offsets.
    assert.equal(await vscode.commands.executeCommand(Commands.openSourceQuote, { article: '../../etc/passwd', start: 0, end: 1 }), false);
    assert.equal(await vscode.commands.executeCommand(Commands.openSourceQuote, { article: q.article, start: -1, end: 1 }), false);
    fs.rmSync(path.dirname(hostile), { recursive: true, force: true });
  });

  it('the chart page: strict CSP, nonce on its scripts, no remote content, names never as HTML', async () => {
    const a = await api();
    // The chart draws the most quoted sources: the hostile one is made the most quoted.
    const most = Math.max(0, ...(await a.sources.refresh()).map((s) => s.quotes));
    writeHostileArticle(path.join(workspaceDir(), 'sources'), most + 1);
    await vscode.commands.executeCommand(Commands.rebuildIndex);
    await a.whenIndexed();
    const html = await vscode.commands.executeCommand<string>(Commands.showSourcesChart);
    assert.ok(html && html === a.sources.chartHtml());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(csp)![1]!;
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]{16,}'; style-src 'nonce-/);
    assert.ok([...html.matchAll(/<script\b([^>]*)>/g)].every((m) => m[1]!.includes(`nonce="${nonce}"`)));
    assert.doesNotMatch(html, /<img|https?:\/\/|vscode-resource|\ssrc="/);
    assert.ok(html.includes('\\u003cimg src=x onerror='), 'the hostile name travels only as escaped JSON');
    // A new nonce each time the page is made.
    await vscode.commands.executeCommand(Commands.refreshSources);
    await vscode.commands.executeCommand(Commands.showSourcesChart);
    assert.notEqual(/'nonce-([A-Za-z0-9]+)'/.exec(a.sources.chartHtml()!)![1], nonce);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceDir(), 'sources'), { recursive: true, force: true });
  });
});
