// The user's decisions: reject/accept through the commands that the hover links run; they survive
// re-analysis, reach the annotation file, and survive the article being rewritten on disk.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { parse, stringify } from 'yaml';
import { Commands } from '../../../src/vscode/ids';
import {
  annotationFor,
  api,
  closeAll,
  copyInWorkspace,
  hasReference,
  hoverCards,
  openArticle,
  readAnnotationFile,
  REFERENCE,
  save,
  textAt,
  waitFor,
} from './helpers';

const readSide = readAnnotationFile;

describe('corrections', () => {
  afterEach(closeAll);

  const source = () =>
    hasReference()
      ? { file: REFERENCE, reject: 'Boeing', accept: 'Xi Jinping', paragraph: 'Both sides did not comment', rejectOnDisk: 'Vladimir Putin' }
      : {
          file: 'port-strike.txt',
          reject: 'Harbourline',
          accept: 'Giulia Ferraro',
          paragraph: 'Transport Minister Carlo Benedetti',
          rejectOnDisk: 'Marta Ricci',
        };

  it('Reject (the hover link command) survives re-analysis and lands in the YAML', async () => {
    const a = await api();
    const src = source();
    const uri = copyInWorkspace(src.file, 'review/rejected.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    const ed = await openArticle(uri);
    // A rejected name is not suggested again in any open article: the other tests use other names.
    const target = { ...annotationFor(a.annotations(uri), src.reject, 'entity') };
    const id = await vscode.commands.executeCommand<string>(Commands.rejectAnnotation, { uri: uri.toString(), id: target.id });
    assert.equal(id, target.id);
    assert.equal(a.annotations(uri).find((x) => x.id === target.id)?.status, 'rejected');
    const drawnAt = (ranges: vscode.Range[]) => ranges.some((r) => ed.document.offsetAt(r.start) === target.start);
    await waitFor('the highlight to go', () => !Object.values(a.decorationRanges(uri)!).some(drawnAt));
    assert.deepEqual(await hoverCards(uri, ed.document.positionAt(target.start + 1)), [], 'no card on a rejected name');
    // Re-analyse (command, then an edit elsewhere): the model must not bring it back.
    await vscode.commands.executeCommand(Commands.reanalyze);
    await ed.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated: '));
    await a.whenIdle(uri);
    const after = a.annotations(uri).filter((x) => x.text === src.reject && x.kind === 'entity');
    assert.ok(
      after.length >= 1 && after.every((x) => x.status === 'rejected'),
      `still rejected: ${JSON.stringify(after.map((x) => x.status))}`,
    );
    assert.ok(
      !Object.values(a.decorationRanges(uri)!).some((rs) =>
        rs.some((r) => textAt(ed.document, { start: ed.document.offsetAt(r.start), end: ed.document.offsetAt(r.end) }) === src.reject),
      ),
    );
    // Saved: the YAML holds the decision.
    await save(ed.document);
    const side = await waitFor('the rejection in the YAML', () => {
      const s = readSide(sidecar);
      return s?.annotations.some((x) => x.id === target.id && x.status === 'rejected') ? s : null;
    });
    assert.ok(side.annotations.filter((x) => x.text === src.reject).every((x) => x.status === 'rejected'));
  });

  it('Accept at the cursor (no argument) marks the annotation accepted', async () => {
    const a = await api();
    const src = source();
    const uri = copyInWorkspace(src.file, 'review/accepted.txt');
    const ed = await openArticle(uri);
    const target = annotationFor(a.annotations(uri), src.accept, 'entity');
    ed.selection = new vscode.Selection(ed.document.positionAt(target.start + 1), ed.document.positionAt(target.start + 1));
    await vscode.commands.executeCommand(Commands.acceptAnnotation);
    assert.equal(a.annotations(uri).find((x) => x.id === target.id)?.status, 'accepted');
    // The document is not dirty, so the decision is written at once.
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    await waitFor('the acceptance in the YAML', () =>
      readSide(sidecar)?.annotations.some((x) => x.id === target.id && x.status === 'accepted'),
    );
  });

  it('invalid command arguments are ignored', async () => {
    const a = await api();
    const uri = copyInWorkspace('port-strike.txt', 'review/invalid.txt');
    await openArticle(uri);
    const before = JSON.stringify(a.annotations(uri).map((x) => x.status));
    for (const bad of [
      { uri: uri.toString(), id: '../../etc' },
      { uri: uri.toString() },
      'e0123456789',
      [1, 2],
      { uri: 42, id: 'e0123456789' },
    ]) {
      await vscode.commands.executeCommand(Commands.rejectAnnotation, bad);
    }
    assert.equal(JSON.stringify(a.annotations(uri).map((x) => x.status)), before);
  });

  it('the article rewritten on disk while open: annotations re-anchored, the rejection kept', async () => {
    const a = await api();
    const src = source();
    const uri = copyInWorkspace(src.file, 'review/rewritten.txt');
    const sidecar = uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
    const ed = await openArticle(uri);
    const target = annotationFor(a.annotations(uri), src.rejectOnDisk, 'entity');
    await vscode.commands.executeCommand(Commands.rejectAnnotation, { uri: uri.toString(), id: target.id });
    await waitFor('the rejection saved', () => readSide(sidecar)?.annotations.some((x) => x.id === target.id && x.status === 'rejected'));
    // Another program rewrites the file: a new first paragraph, one paragraph removed.
    const old = fs.readFileSync(uri.fsPath, 'utf8');
    const lines = old.split('\n');
    const dropped = lines.findIndex((l) => l.startsWith(src.paragraph));
    assert.ok(dropped > 0, `paragraph "${src.paragraph}" found`);
    const droppedText = lines[dropped]!;
    const rewritten = [
      'EDITOR’S NOTE: An earlier version of this story misstated the date of the call.',
      '',
      ...lines.filter((_, i) => i !== dropped),
    ].join('\n');
    fs.writeFileSync(uri.fsPath, rewritten);
    await waitFor('the editor to reload the file', () => ed.document.getText() === rewritten, 20000);
    await a.whenIdle(uri);
    const anns = a.annotations(uri);
    for (const x of anns) {
      if (x.anchor === 'ok') assert.equal(textAt(ed.document, x), x.text, `"${x.text}" re-anchored on its words`);
    }
    const live = anns.filter((x) => x.anchor === 'ok');
    assert.ok(live.length > 10, 'most annotations still anchored');
    const rej = anns.filter((x) => x.text === src.rejectOnDisk && x.kind === 'entity');
    if (droppedText.includes(src.rejectOnDisk)) {
      assert.ok(
        rej.every((x) => x.anchor !== 'ok' || x.status === 'rejected'),
        'a dropped rejected name is not revived',
      );
    } else {
      assert.ok(
        rej.length && rej.every((x) => x.status === 'rejected'),
        `rejection kept: ${JSON.stringify(rej.map((x) => [x.status, x.anchor]))}`,
      );
    }
    // Nothing is drawn on words that are not annotated any more.
    const ranges = a.decorationRanges(uri)!;
    for (const list of Object.values(ranges)) {
      for (const r of list) {
        const start = ed.document.offsetAt(r.start);
        assert.ok(
          anns.some((x) => x.start === start && x.status !== 'rejected'),
          `highlight at ${start} belongs to a live annotation`,
        );
      }
    }
    // The annotation file follows after a save command.
    await vscode.commands.executeCommand(Commands.saveAnnotations);
    const side = readSide(sidecar)!;
    for (const x of side.annotations.filter((y) => !y.anchor))
      assert.equal(rewritten.slice(x.start, x.end), x.text, `YAML offsets of "${x.text}" match the new text`);
    assert.ok(
      side.annotations.some((x) => x.id === target.id && x.status === 'rejected') || droppedText.includes(src.rejectOnDisk),
      'the rejection is still in the YAML',
    );
  });

  it('a name linked to an entity in the annotation file shows that entity on its card', async () => {
    const a = await api();
    const uri = copyInWorkspace('port-strike.txt', 'review/linked.txt');
    const ed = await openArticle(uri);
    const sidecar = await vscode.commands.executeCommand<string>(Commands.saveAnnotations);
    const file = vscode.Uri.parse(sidecar!).fsPath;
    const y = parse(fs.readFileSync(file, 'utf8'));
    const text = ed.document.getText();
    const words = 'the consultancy Harbourline';
    const start = text.indexOf(words);
    y.annotations = y.annotations.filter(
      (x: { start: number; end?: number; text: string }) => (x.end ?? x.start + x.text.length) <= start || x.start >= start + words.length,
    );
    y.annotations.push({
      id: 'e-user-linked',
      kind: 'entity',
      type: 'ORG',
      start,
      end: start + words.length,
      text: words,
      prefix: '',
      suffix: '',
      status: 'accepted',
      origin: 'user',
      entity: 'Harbourline Shipping Analytics',
    });
    fs.writeFileSync(file, stringify(y));
    await waitFor('the linked name to be loaded', () => a.annotations(uri).some((x) => x.id === 'e-user-linked'), 20000);
    await a.whenIdle(uri);
    const cards = await hoverCards(uri, ed.document.positionAt(start + 3));
    assert.ok(
      cards.some((c) => c.body.startsWith('**Harbourline Shipping Analytics**')),
      JSON.stringify(cards),
    );
  });
});
