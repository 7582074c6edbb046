/**
 * Converts a token-per-line NER file (CoNLL-2003 `eng.testb`, WikiGold `wikigold.conll.txt`, …) into
 * the JSON lines the evaluation reads (`{id, text, entities:[{start, end, type, text}]}`), so that
 * `npm run eval:ner -- --eval FILE` can score outside test sets. Their text is never committed:
 * write the output outside the repository.
 *
 *   node scripts/run-ts.mjs scripts/ner/conll-to-jsonl.ts eng.testb conll-test > /tmp/conll2003-test.jsonl
 *
 * The detokenization is the one the shared corpus used: run on CoNLL-2003 `eng.testa` it gives
 * `corpus/ner/conll2003-dev.jsonl` exactly (216 of 216 documents, text and spans). Tags may be IOB1,
 * IOB2, IOBES or plain IO (`I-PER` only); the last column is the tag, `-DOCSTART-` starts a document,
 * a blank line ends a sentence (one sentence a line in the text).
 */
import fs from 'node:fs';
import type { Doc, GoldEntity } from './data';

type Token = readonly [word: string, tag: string];

/** Tokens that attach to the word before them (no space before). */
const ATTACH_LEFT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', '...', "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"]);
/** Tokens that attach to the word after them. */
const ATTACH_RIGHT = new Set(['(', '[', '{', '$']);

/** The documents of a token-per-line file, each a list of sentences. */
export function readTokenFile(content: string): Token[][][] {
  const docs: Token[][][] = [];
  let doc: Token[][] = [];
  let sentence: Token[] = [];
  const endSentence = () => {
    if (sentence.length) doc.push(sentence);
    sentence = [];
  };
  for (const line of content.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim()) {
      endSentence();
      continue;
    }
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    const tag = cols[cols.length - 1]!;
    sentence.push([cols[0]!, tag === '0' ? 'O' : tag]); // WikiGold has one `0` for `O`
  }
  endSentence();
  if (doc.length) docs.push(doc);
  return docs;
}

/** One sentence as text, with each token's offsets in it. */
export function detokenize(sentence: readonly Token[]): { text: string; offsets: [number, number][] } {
  let text = '';
  const offsets: [number, number][] = [];
  let inQuote = false;
  sentence.forEach(([w], i) => {
    let space = i > 0;
    const prev = i > 0 ? sentence[i - 1]![0] : '';
    if (ATTACH_LEFT.has(w) || ATTACH_LEFT.has(w.toLowerCase()) || ATTACH_RIGHT.has(prev)) space = false;
    else if (w === '"') space = i > 0 && !inQuote;
    else if (prev === '"' && inQuote) space = false;
    if (w === '"') inQuote = !inQuote;
    if (space) text += ' ';
    offsets.push([text.length, text.length + w.length]);
    text += w;
  });
  return { text, offsets };
}

/** The entity spans of one sentence (offsets relative to it). */
function sentenceEntities(sentence: readonly Token[], offsets: readonly [number, number][]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let open: [number, number, string] | null = null;
  const close = () => {
    if (open) out.push(open);
    open = null;
  };
  sentence.forEach(([, tag], i) => {
    const [a, b] = offsets[i]!;
    if (tag === 'O') return close();
    const dash = tag.indexOf('-');
    const prefix = dash > 0 ? tag.slice(0, dash) : 'I';
    const type = dash > 0 ? tag.slice(dash + 1) : tag;
    if (prefix === 'B' || prefix === 'S' || !open || open[2] !== type) {
      close();
      open = [a, b, type];
    } else open[1] = b;
    if (prefix === 'E' || prefix === 'S') close();
  });
  close();
  return out;
}

/** Converts a token-per-line file's content into documents with ids `<prefix>-0001`, …. */
export function convertTokenFile(content: string, prefix: string): Doc[] {
  return readTokenFile(content).map((doc, k) => {
    let text = '';
    const entities: GoldEntity[] = [];
    for (const sentence of doc) {
      const { text: line, offsets } = detokenize(sentence);
      const base = text.length;
      for (const [a, b, type] of sentenceEntities(sentence, offsets)) {
        entities.push({ start: base + a, end: base + b, type, text: line.slice(a, b) } as GoldEntity);
      }
      text += line + '\n';
    }
    text = text.replace(/\n$/, '');
    return { id: `${prefix}-${String(k + 1).padStart(4, '0')}`, text, entities };
  });
}

if (process.argv[1] && /conll-to-jsonl/.test(process.argv[1])) {
  const [file, prefix = 'doc'] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: conll-to-jsonl.ts FILE [ID-PREFIX] > out.jsonl\n');
    process.exit(2);
  }
  for (const d of convertTokenFile(fs.readFileSync(file, 'utf8'), prefix)) process.stdout.write(JSON.stringify(d) + '\n');
}
