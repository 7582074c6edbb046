// The Sources view and its chart, seen in the browser (the installed .vsix in code-server): the view
// lists the speakers; the chart webview draws its bars under a strict Content-Security-Policy, loads
// nothing from elsewhere, shows a speaker name from a tampered annotation file as text (no image, no
// handler run), and a click on a bar selects that source in the view.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { launchBrowser } from '../../../scripts/editor/browser.mjs';
import { ROOT } from '../../../scripts/editor/paths.mjs';
import { openViewContainer, runPaletteCommand, shot, viewRows, waitForWorkbench } from './workbench.mjs';

export const HOSTILE = '<img src=x onerror="window.__pwned=1"> Eve';

/** An article whose annotation file (tampered) adds a quote by a speaker named with HTML. */
function writeHostileArticle(dir) {
  const text =
    'Port deal signed\n\nThe port operator and the union signed a deal on Friday.\n\nManagement sources ' +
    'said the deal is final and generous, and that the strike is over.\n';
  const file = path.join(dir, 'hostile-source.txt');
  fs.writeFileSync(file, text);
  execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'annotate', '-q', file]);
  const side = file.replace(/\.txt$/, '.annotations.yaml');
  const doc = parse(fs.readFileSync(side, 'utf8'));
  const words = 'the deal is final and generous';
  const start = text.indexOf(words);
  const sp = text.indexOf('Management sources');
  doc.annotations.push({
    id: 'q00000000aa',
    type: 'partial',
    start,
    text: words,
    status: 'accepted',
    origin: 'user',
    by: 'Tampered',
    speaker: { name: HOSTILE, text: 'Management sources', start: sp, end: sp + 18 },
    confidence: 1,
    prefix: text.slice(start - 24, start),
    suffix: text.slice(start + words.length, start + words.length + 24),
  });
  fs.writeFileSync(side, stringify(doc));
}

/** The chart's frame (the webview's inner document), once its rows are drawn. */
async function chartFrame(page, timeoutMs = 30000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    for (const f of page.frames()) {
      const n = await f.evaluate(() => document.querySelectorAll('#sources-chart .row').length).catch(() => 0);
      if (n) return f;
    }
    await page.waitForTimeout(250);
  }
  return null;
}

/**
 * @param {{ server: any, workspace: string, shotsDir: string, profileDir: string,
 *   check: (name: string, ok: boolean, detail?: string) => void }} o
 */
export async function runSourcesScenario(o) {
  const check = o.check;
  writeHostileArticle(o.workspace);
  const { ctx, page } = await launchBrowser({ profileDir: o.profileDir });
  page.setDefaultTimeout(30000);
  const consoleLines = [];
  const requests = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(o.server.workbenchUrl(o.workspace));
    await waitForWorkbench(page);
    const origin = new URL(page.url()).origin;

    // 1. The Sources view in the News Annotator sidebar.
    await openViewContainer(page, 'News Annotator', 'newsAnnotator');
    await runPaletteCommand(page, 'Focus on Sources View');
    const rows = await viewRows(page, 'newsAnnotator', 8).catch(() => []);
    const labels = rows.map((r) => r.label);
    check(
      'the Sources view lists the speakers of the workspace',
      labels.includes('Giulia Ferraro') && labels.includes('Dave Kerr'),
      JSON.stringify(rows.slice(0, 20)),
    );
    const giulia = rows.find((r) => r.label === 'Giulia Ferraro');
    check(
      'a source row says how often and as what (“2 quotes · 1 article · union secretary”)',
      !!giulia && /^2 quotes · 1 article · union secretary/.test(giulia.description),
      JSON.stringify(giulia),
    );
    await shot(page, o.shotsDir, 'sources-01-view.png');

    // 2. The chart.
    const before = requests.length;
    await runPaletteCommand(page, 'News Annotator: Show Sources Chart');
    const frame = await chartFrame(page);
    check('the chart webview draws its bars', !!frame, 'no frame with #sources-chart rows');
    if (frame) {
      const facts = await frame.evaluate(() => ({
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        rows: [...document.querySelectorAll('#sources-chart .row')].map((r) => ({
          kind: r.getAttribute('data-kind'),
          label: r.querySelector('.label')?.textContent ?? '',
          count: r.querySelector('.count')?.textContent ?? '',
        })),
        images: document.querySelectorAll('img').length,
        pwned: /** @type {any} */ (window).__pwned ?? null,
        barWidths: [...document.querySelectorAll('#sources-chart .split')].map((b) => b.getBoundingClientRect().width),
      }));
      check(
        "its Content-Security-Policy allows nothing but the page's nonce'd script and style",
        /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]{16,}'; style-src 'nonce-[A-Za-z0-9]{16,}';/.test(facts.csp) &&
          !/unsafe|https?:/.test(facts.csp),
        facts.csp,
      );
      const kinds = new Set(facts.rows.map((r) => r.kind));
      check(
        'quotes per source, per organisation type and per week',
        ['source', 'orgType', 'week'].every((k) => kinds.has(k)) && facts.rows.some((r) => r.label === 'Giulia Ferraro' && r.count === '2'),
        JSON.stringify(facts.rows.slice(0, 12)),
      );
      check(
        'bars have lengths (drawn by the nonce’d script)',
        facts.barWidths.length > 0 && facts.barWidths.some((w) => w > 20),
        JSON.stringify(facts.barWidths.slice(0, 10)),
      );
      check(
        'a speaker name with HTML in it is shown as text: no image, no handler ran',
        facts.rows.some((r) => r.label === HOSTILE) && facts.images === 0 && facts.pwned === null,
        JSON.stringify({
          images: facts.images,
          pwned: facts.pwned,
          labels: facts.rows.map((r) => r.label).filter((l) => l.includes('Eve')),
        }),
      );
      await shot(page, o.shotsDir, 'sources-02-chart.png');
      // A click on a bar selects the source in the view.
      await frame.locator('button.row', { hasText: 'Giulia Ferraro' }).first().click();
      const selected = await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('[id="workbench.view.extension.newsAnnotator"] .monaco-list-row.selected')]
              .map((r) => r.innerText)
              .join(' | ') || null,
          null,
          { timeout: 10000 },
        )
        .then(
          (h) => h.jsonValue(),
          () => '',
        );
      check('clicking a bar shows that source in the Sources view', /Giulia Ferraro/.test(selected), selected);
    }
    const foreign = requests.slice(before).filter((u) => !u.startsWith(origin) && !/^(?:data|blob|vscode-webview|vscode-file):/.test(u));
    check('the chart loads nothing from elsewhere', foreign.length === 0, foreign.join('\n'));
    const refused = consoleLines.filter((l) => /Refused to|Content Security Policy/i.test(l));
    check('no Content-Security-Policy violation in the console', refused.length === 0, refused.join('\n'));
  } catch (e) {
    check('sources scenario ran to the end', false, e.stack ?? String(e));
    await shot(page, o.shotsDir, 'sources-error.png').catch(() => {});
  } finally {
    fs.writeFileSync(path.join(o.shotsDir, 'sources-browser-console.log'), consoleLines.join('\n'));
    await ctx.close().catch(() => {});
  }
}
