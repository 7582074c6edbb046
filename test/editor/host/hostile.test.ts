// Article text is untrusted: whatever it holds, a hover card renders it as text. No link, image,
// HTML or command link may come out of it; command links exist only in our own trusted strings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { parse, stringify } from 'yaml';
import { HOVER_COMMANDS } from '../../../src/vscode/hover';
import { Commands } from '../../../src/vscode/ids';
import { api, closeAll, hoverParts, note, openArticle, sleep, waitFor, writeInWorkspace } from './helpers';

const HOSTILE = [
  'Council backs harbour plan after [x](command:workbench.action.terminal.new) campaign',
  '',
  'GLENMOUTH, Scotland, Oct. 5, 2026 — The Glenmouth City Council approved a £12m harbour plan on ' +
    'Tuesday after a long debate in the chamber.',
  '',
  '"<img src=x onerror=alert(1)> is what they sent us," said councillor Anna Berg, who led the campaign against the plan.',
  '',
  '"[x](command:workbench.action.terminal.new) was the link in the email," said Tom Hargreaves of the Liberal Democrats.',
  '',
  '"![i](http://x/p.png) appeared on the council website overnight," said Ruth Okoro, a spokeswoman for the harbour trust.',
  '',
  'Mayor Fiona McLeod said the plan would cost £12m and create 300 jobs in the harbour district over the next five years.',
  '',
  '"We will publish <script>alert(2)</script> every figure and every contract," said Tom [Hargreaves](https://attacker.invalid/) later.',
  '',
  'The vote was 31 to 12, with <b>three</b> abstentions, and Ruth <a ' +
    'href="javascript:alert(3)">Okoro</a> said the council would meet again on Wednesday.',
  '',
].join('\n');

/** What a hostile annotation file may put in names and values. */
const HOSTILE_NAME = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![i](http://x/p.png)';

/** Fragments of the article that must never reach a trusted string or render as markup. */
const MARKERS = ['command:', 'onerror', '<img', 'http://x', '<script', 'attacker.invalid', 'javascript:', '<b>'];
/** The commands our hover links may run (review actions, mentions, other articles, registry, speaker). */
const OUR_LINK_COMMANDS = new Set<string>(Object.values(HOVER_COMMANDS));

/** Checks every Markdown part of the hovers at `positions`; returns how many parts (and how many carried hostile text). */
async function checkHovers(
  uri: vscode.Uri,
  doc: vscode.TextDocument,
  positions: vscode.Position[],
): Promise<{ parts: number; hostile: number }> {
  const md = new MarkdownIt({ html: true, linkify: true });
  let parts = 0;
  let hostile = 0;
  for (const pos of positions) {
    for (const p of await hoverParts(uri, pos)) {
      parts++;
      const where = `hover part at ${pos.line}:${pos.character} of ${doc.uri.path.replace(/^.*\//, '')}: ${JSON.stringify(p)}`;
      if (p.isTrusted) {
        const links = [...p.value.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]!);
        assert.ok(
          !MARKERS.some((m) => p.value.replace(/\]\(command:newsAnnotator\.\w+/g, '').includes(m)),
          `a trusted string holds article text: ${where}`,
        );
        assert.ok(typeof p.isTrusted === 'object', `trust limited to enabled commands: ${where}`);
        for (const c of p.isTrusted.enabledCommands) assert.ok(OUR_LINK_COMMANDS.has(c), `enabled command ${c}`);
        for (const c of links) assert.ok(OUR_LINK_COMMANDS.has(c), `link to ${c}: ${where}`);
        assert.ok(!p.supportHtml, `no HTML in a trusted string: ${where}`);
      } else {
        assert.ok(!p.supportHtml, `supportHtml off: ${where}`);
        if (MARKERS.some((m) => p.value.replace(/\\(.)/g, '$1').includes(m))) hostile++;
        const html = md.render(p.value);
        assert.doesNotMatch(html, /<(?:a|img|script|iframe|b|svg)\b/i, `rendered untrusted part holds markup: ${html} (${where})`);
        assert.ok(!/\]\(command:/.test(p.value.replace(/\\./g, '')), `unescaped command link: ${where}`);
      }
    }
  }
  return { parts, hostile };
}

async function openHostile(name: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument }> {
  const a = await api();
  const uri = writeInWorkspace(name, HOSTILE);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await sleep(300);
  if (!a.isAnnotated(uri)) {
    note('(not detected as an article: annotating it on request)');
    await vscode.commands.executeCommand(Commands.annotateFile);
  }
  await openArticle(uri);
  return { uri, doc };
}

describe('hostile text in hover cards', () => {
  afterEach(closeAll);

  it('article text renders as text: untrusted, no HTML, links or images; command links only in trusted strings of ours', async () => {
    const a = await api();
    const { uri, doc } = await openHostile('hostile/article.txt');
    const anns = a.annotations(uri);
    assert.ok(anns.length >= 5, `${anns.length} annotations`);
    const positions = anns.map((x) => doc.positionAt(x.start + Math.min(1, x.end - x.start - 1)));
    const text = doc.getText();
    for (const m of ['Anna Berg', 'Tom Hargreaves', 'Ruth Okoro', 'onerror', 'p.png', 'script', 'Okoro</a>'])
      positions.push(doc.positionAt(text.indexOf(m) + 1));
    const r = await checkHovers(uri, doc, positions);
    note(`${positions.length} positions, ${r.parts} Markdown parts checked, ${r.hostile} carried hostile text (escaped)`);
    assert.ok(r.hostile > 0, 'some card shows hostile article text (a quote on its speaker card), so the check is not vacuous');
  });

  it('names and values from a hostile annotation file render as text too', async () => {
    const a = await api();
    const { uri, doc } = await openHostile('hostile/sidecar.txt');
    const sidecar = await vscode.commands.executeCommand<string>(Commands.saveAnnotations);
    assert.ok(sidecar, 'annotation file written');
    const file = vscode.Uri.parse(sidecar).fsPath;
    const y = parse(fs.readFileSync(file, 'utf8'));
    const text = doc.getText();
    const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
    const person = span('a long debate');
    const figure = span('in the chamber');
    const quote = span('The vote was 31 to 12');
    const berg = span('Anna Berg');
    y.annotations.push(
      {
        id: 'e-user-hostile',
        kind: 'entity',
        type: 'PER',
        ...person,
        prefix: '',
        suffix: '',
        status: 'accepted',
        origin: 'user',
        entity: HOSTILE_NAME,
      },
      {
        id: 'f-user-hostile',
        kind: 'figure',
        type: 'number',
        ...figure,
        prefix: '',
        suffix: '',
        status: 'accepted',
        origin: 'user',
        value: HOSTILE_NAME,
        unit: '<img src=x onerror=alert(4)>',
      },
      {
        id: 'q-user-hostile',
        kind: 'quote',
        type: 'scare',
        ...quote,
        prefix: '',
        suffix: '',
        status: 'accepted',
        origin: 'user',
        confidence: 0.9,
        speaker: { name: HOSTILE_NAME, ...berg },
      },
    );
    fs.writeFileSync(file, stringify(y));
    // The extension watches annotation files and merges outside changes.
    await waitFor('the edited annotation file to be loaded', () => a.annotations(uri).some((x) => x.id === 'e-user-hostile'), 20000);
    const at = [person, figure, quote].map((x) => doc.positionAt(x.start + 2));
    const r = await checkHovers(uri, doc, at);
    note(`${r.parts} Markdown parts checked, ${r.hostile} carried the hostile name or value (escaped)`);
    // (An accepted name joins the lexicon, so its card shows the name as the text gives it; the figure's value and
    // the quote's speaker come from the file.)
    const shown = (await Promise.all(at.map((p) => hoverParts(uri, p)))).flat().map((p) => p.value);
    assert.ok(r.hostile >= 2, `the figure and quote cards show the hostile values, escaped: ${JSON.stringify(shown)}`);
  });
});
