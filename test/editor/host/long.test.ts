// Long articles: analysed in the worker thread, highlights only near what is on screen, edits still
// shift everything at once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, openArticle, textAt, workspaceDir, writeInWorkspace } from './helpers';

describe('long articles', () => {
  afterEach(closeAll);

  it('a 600 kB article is analysed off the editor thread and keeps up with edits', async function () {
    this.timeout(120000);
    const a = await api();
    const parts = ['port-strike.txt', 'cup-final.txt', 'harbour-bridge-vote.txt', 'solar-farm-approved.txt'].map((f) =>
      fs.readFileSync(path.join(workspaceDir(), f), 'utf8'),
    );
    let text = '';
    for (let i = 0; text.length < 600_000; i++) text += `Update ${i}\n\n${parts[i % parts.length]}\n\n`;
    const uri = writeInWorkspace('long/liveblog.txt', text);
    try {
      await checkLongArticle(a, uri, text);
    } finally {
      // Later suites index the workspace: a 600 kB article left behind slowed their every rebuild
      // (on a loaded 2-core machine past their time limits).
      await closeAll();
      fs.rmSync(path.dirname(uri.fsPath), { recursive: true, force: true });
    }
  });
});

/** Analysed in the worker thread, drawn only near the screen, edits shift everything at once. */
async function checkLongArticle(a: Awaited<ReturnType<typeof api>>, uri: vscode.Uri, text: string): Promise<void> {
  const ed = await openArticle(uri);
  await a.whenIdle(uri);
  const anns = a.annotations(uri);
  assert.ok(anns.length > 5000, `${anns.length} annotations`);
  assert.equal(a.lastRun(uri)?.where, 'worker', 'a long article is analysed in the worker thread');
  const ranges = a.decorationRanges(uri)!;
  const drawn = Object.values(ranges).reduce((n, r) => n + r.length, 0);
  assert.ok(drawn > 0 && drawn < anns.length, `only what is near the screen is drawn (${drawn} of ${anns.length})`);
  // An edit at the top moves the last annotation at once.
  const last = { ...anns[anns.length - 1]! };
  const ins = 'BREAKING: ';
  assert.ok(await ed.edit((b) => b.insert(new vscode.Position(0, 0), ins)));
  const moved = a.annotations(uri).find((x) => x.id === last.id)!;
  assert.equal(moved.start, last.start + ins.length);
  assert.equal(textAt(ed.document, moved), last.text);
  await a.whenIdle(uri);
  const after = a.analysis(uri)!;
  assert.equal(after.text.length, text.length + ins.length, 'the analysis caught up with the edit');
}
