// The annotation file beside the article: written by the Save Annotations command and on save.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import {
  closeAll,
  copyInWorkspace,
  hasReference,
  note,
  openArticle,
  readAnnotationFile,
  REFERENCE,
  save,
  waitFor,
  type FileAnnotation,
} from './helpers';

function readSidecar(file: string): { article: string; version: number; annotations: FileAnnotation[] } {
  return readAnnotationFile(file)!;
}

describe('annotation file (YAML sidecar)', () => {
  afterEach(closeAll);

  it('Save Annotations writes article.annotations.yaml with the expected entities and figures', async () => {
    const ref = hasReference();
    if (!ref) note(`(${REFERENCE} absent: using samples/port-strike.txt)`);
    const uri = copyInWorkspace(ref ? REFERENCE : 'port-strike.txt', 'saved/article.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    assert.ok(!fs.existsSync(sidecar), 'no sidecar before');
    await openArticle(uri);
    const written = await vscode.commands.executeCommand<string>(Commands.saveAnnotations);
    assert.equal(written, vscode.Uri.file(sidecar).toString(), 'the command returns the sidecar URI');
    assert.ok(fs.existsSync(sidecar), 'sidecar on disk');
    const doc = readSidecar(sidecar);
    assert.equal(doc.version, 2);
    assert.equal(doc.article, 'article.txt');
    const text = fs.readFileSync(uri.fsPath, 'utf8').replace(/\r\n?/g, '\n');
    for (const a of doc.annotations) assert.equal(text.slice(a.start, a.end), a.text, `offsets of ${a.id}`);
    const entities = doc.annotations.filter((a) => a.kind === 'entity');
    if (ref) {
      const trump = entities.filter((a) => a.type === 'PER' && (a.entity ?? a.text) === 'Donald Trump');
      assert.ok(
        trump.some((a) => a.text === 'Trump') && trump.some((a) => a.text === 'Donald Trump'),
        'Trump mentions linked to Donald Trump',
      );
      assert.ok(
        entities.some((a) => a.type === 'PER' && a.text === 'Xi Jinping'),
        'Xi Jinping',
      );
      assert.ok(
        entities.some((a) => a.type === 'LOC' && a.text === 'Taiwan'),
        'Taiwan',
      );
      const money = doc.annotations.find((a) => a.kind === 'figure' && a.text === '$11 billion');
      assert.ok(money, '$11 billion');
      assert.equal(money.type, 'money');
      assert.equal(money.value, 11e9);
    } else {
      assert.ok(entities.some((a) => a.type === 'PER' && a.text === 'Giulia Ferraro'));
      assert.ok(doc.annotations.some((a) => a.kind === 'figure' && a.type === 'money' && a.text === '€310 million'));
    }
    assert.ok(
      doc.annotations.every((a) => a.status === 'suggested'),
      'all suggested before any review',
    );
  });

  it('saving the article rewrites the annotation file for the new text', async () => {
    const uri = copyInWorkspace('harbour-bridge-vote.txt', 'saved/bridge.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    const ed = await openArticle(uri);
    const added = '\n\nThe council said the bridge would cost £250m if work started in 2027.\n';
    assert.ok(await ed.edit((b) => b.insert(ed.document.lineAt(ed.document.lineCount - 1).range.end, added)), 'edit applied');
    await save(ed.document);
    const doc = await waitFor('the sidecar with the new figure', () => {
      if (!fs.existsSync(sidecar)) return null;
      const d = readSidecar(sidecar);
      return d.annotations.some((a) => a.text === '£250m') ? d : null;
    });
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    for (const a of doc.annotations) assert.equal(text.slice(a.start, a.end), a.text, `offsets of ${a.id} (${a.text})`);
    assert.equal(path.basename(sidecar), 'bridge.annotations.yaml');
  });
});
