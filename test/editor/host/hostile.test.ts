// Article text is untrusted: whatever it holds, a hover card renders it as text. No link, image,
// HTML or command link may come out of it; command links exist only in our own trusted strings.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import { api, closeAll, hoverParts, note, openArticle, sleep, writeInWorkspace } from './helpers';

const HOSTILE = [
  'Council backs harbour plan after [x](command:workbench.action.terminal.new) campaign',
  '',
  'GLENMOUTH, Scotland, Oct. 5, 2026 — The Glenmouth City Council approved a £12m harbour plan on Tuesday after a long debate in the chamber.',
  '',
  '"[Click here](command:newsAnnotator.rejectAnnotation) to read the plan and the <img src=x onerror=alert(1)> figures," said councillor Anna Berg, who led the campaign against it.',
  '',
  'Mayor ![i](http://x/p.png) Fiona McLeod said the plan would cost £12m and create 300 jobs in the harbour district over the next five years.',
  '',
  '"We will publish <script>alert(2)</script> every figure and every contract," said Tom [Hargreaves](https://attacker.invalid/) of the Liberal Democrats.',
  '',
  'The vote was 31 to 12, with <b>three</b> abstentions, and Ruth <a href="javascript:alert(3)">Okoro</a> said the council would meet again on Wednesday.',
  '',
].join('\n');

/** Fragments of the article that must never reach a trusted string or render as markup. */
const MARKERS = ['command:workbench', 'onerror', '<img', 'http://x', '<script', 'attacker.invalid', 'javascript:', '<b>'];
const OUR_LINK_COMMANDS = new Set<string>([Commands.acceptAnnotation, Commands.rejectAnnotation, Commands.retypeAnnotation]);

describe('hostile article text in hover cards', () => {
  afterEach(closeAll);

  it('renders as text: untrusted, no HTML, no links, no images; command links only in trusted strings of ours', async () => {
    const a = await api();
    const uri = writeInWorkspace('hostile/article.txt', HOSTILE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await sleep(300);
    if (!a.isAnnotated(uri)) {
      note('(not detected as an article: annotating it on request)');
      await vscode.commands.executeCommand(Commands.annotateFile);
    }
    await openArticle(uri);
    const md = new MarkdownIt({ html: true, linkify: true });
    const anns = a.annotations(uri);
    assert.ok(anns.length >= 5, `${anns.length} annotations`);
    const positions = anns.map((x) => doc.positionAt(x.start + Math.min(1, x.end - x.start - 1)));
    const text = doc.getText();
    for (const m of ['Click here', 'onerror', 'p.png', 'script', 'Hargreaves', 'Okoro']) positions.push(doc.positionAt(text.indexOf(m) + 1));
    let parts = 0;
    let bodiesWithMarkers = 0;
    for (const pos of positions) {
      for (const p of await hoverParts(uri, pos)) {
        parts++;
        const where = `hover part at ${pos.line}:${pos.character}: ${JSON.stringify(p)}`;
        const hasMarker = MARKERS.some((m) => p.value.includes(m));
        if (hasMarker) bodiesWithMarkers++;
        if (p.isTrusted) {
          assert.ok(!hasMarker, `a trusted string holds article text: ${where}`);
          assert.ok(typeof p.isTrusted === 'object', `trust limited to enabled commands: ${where}`);
          for (const c of p.isTrusted.enabledCommands) assert.ok(OUR_LINK_COMMANDS.has(c), `enabled command ${c}`);
          for (const m of p.value.matchAll(/\]\(command:([^?)]+)/g)) assert.ok(OUR_LINK_COMMANDS.has(m[1]!), `link to ${m[1]}: ${where}`);
          assert.ok(!p.supportHtml, `no HTML in a trusted string: ${where}`);
        } else {
          assert.ok(!p.supportHtml, `supportHtml off: ${where}`);
          const html = md.render(p.value);
          assert.doesNotMatch(html, /<(?:a|img|script|iframe|b|svg)\b/i, `rendered untrusted part holds markup: ${html} (${where})`);
          assert.ok(!/\]\(command:/.test(p.value.replace(/\\./g, '')), `unescaped command link: ${where}`);
        }
      }
    }
    note(`${positions.length} positions, ${parts} Markdown parts checked, ${bodiesWithMarkers} carried hostile text (escaped)`);
    assert.ok(parts > 0, 'hover parts seen');
  });
});
