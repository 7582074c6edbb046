// The token-per-line converter that turns outside NER test sets (CoNLL-2003 test, WikiGold) into the
// evaluation's JSON lines: detokenization as the shared corpus has it, and spans from IOB, IOBES
// and IO tags. Invented text only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convertTokenFile, detokenize } from '../../scripts/ner/conll-to-jsonl';

const spansOf = (text: string, docs = convertTokenFile(text, 'x')) =>
  docs.map((d) => d.entities.map((e) => `${d.text.slice(e.start, e.end)}/${e.type}`));

describe('conll-to-jsonl', () => {
  test('punctuation, clitics, brackets and double quotes are joined as the shared corpus joins them', () => {
    const words = ['"', 'We', "'re", 'ready', ',', '"', 'Ana', 'Melo', "'s", 'aide', 'said', '(', 'in', 'Lisbon', ')', '.'];
    const { text, offsets } = detokenize(words.map((w) => [w, 'O'] as const));
    assert.equal(text, `"We're ready," Ana Melo's aide said (in Lisbon).`);
    words.forEach((w, i) => assert.equal(text.slice(...offsets[i]!), w));
  });

  test('a standalone apostrophe keeps its space, as in the shared corpus', () => {
    assert.equal(detokenize(['the', 'players', "'", 'union'].map((w) => [w, 'O'] as const)).text, "the players ' union");
  });

  test('IOBES, IOB2 and IO tags give the same spans; documents and sentences split where marked', () => {
    const iobes =
      '-DOCSTART- O\n\nAna B-PER\nMelo E-PER\nleft O\nPorto S-LOC\n.\tO\n\n' +
      'Rio B-ORG\nMotors E-ORG\nwon O\n\n-DOCSTART- O\n\nLisbon S-LOC\n';
    const iob2 = iobes.replace(/\bE-/g, 'I-').replace(/\bS-/g, 'B-');
    const io = iobes.replace(/\b[BES]-/g, 'I-');
    const want = [['Ana Melo/PER', 'Porto/LOC', 'Rio Motors/ORG'], ['Lisbon/LOC']];
    for (const form of [iobes, iob2, io]) assert.deepEqual(spansOf(form), want);
    const docs = convertTokenFile(iobes, 'demo');
    assert.equal(docs[0]!.text, 'Ana Melo left Porto.\nRio Motors won');
    assert.deepEqual(
      docs.map((d) => d.id),
      ['demo-0001', 'demo-0002'],
    );
  });

  test('B- starts a new span next to one of the same type; a bare 0 reads as O', () => {
    assert.deepEqual(spansOf('Ana B-PER\nLuis B-PER\nsaw 0\nRui I-PER\n'), [['Ana/PER', 'Luis/PER', 'Rui/PER']]);
  });
});
