// The browser scenario: a person uses the extension in a real VS Code (code-server, plain server,
// the packaged .vsix installed in a clean profile) and we look at what the screen shows.
// Each step is a named check; a PNG is taken at each step.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { launchBrowser } from '../../../scripts/editor/browser.mjs';
import {
  clickViewRow,
  cursorStatus,
  decorationCount,
  decorationsAt,
  dismissHover,
  hoverWord,
  openViewContainer,
  quickOpen,
  runPaletteCommand,
  shot,
  viewRows,
  waitForFile,
  waitForWorkbench,
  wordBox,
} from './workbench.mjs';

/** What the scenario looks for, in the reference article or (without ../shared) in a sample. */
export const TARGETS = {
  reference: {
    file: 'trump-xi-call.txt',
    firstWords: 'All very positive',
    person: 'Donald Trump',
    organisation: 'Boeing',
    place: 'Taiwan',
    figure: '$11 billion',
    quote: '“excellent”',
    hover: { word: 'Xi Jinping', expect: 'Xi Jinping' },
    yamlEntity: { text: 'Xi Jinping', type: 'PER' },
  },
  sample: {
    file: 'port-strike.txt',
    firstWords: 'Dockworkers at Porto Vellano',
    person: 'Giulia Ferraro',
    organisation: 'Mediterranea Terminal Group',
    place: 'Italy',
    figure: '$2,100',
    quote: '"generous and final"',
    hover: { word: 'Giulia Ferraro', expect: 'Giulia Ferraro' },
    yamlEntity: { text: 'Giulia Ferraro', type: 'PER' },
  },
};

const transparent = (c) => !c || c === 'rgba(0, 0, 0, 0)' || c === 'transparent';

/**
 * @param {{ server: any, workspace: string, useReference: boolean, shotsDir: string, profileDir: string, installedIn?: string,
 *   check: (name: string, ok: boolean, detail?: string) => void }} o
 *   installedIn: the extensions folder the extension must be running from (checked in Running Extensions).
 */
export async function runUiScenario(o) {
  const t = o.useReference ? TARGETS.reference : TARGETS.sample;
  const check = o.check;
  const { ctx, page } = await launchBrowser({ profileDir: o.profileDir });
  page.setDefaultTimeout(30000);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  let step = 0;
  const snap = (name) => shot(page, o.shotsDir, `${String(++step).padStart(2, '0')}-${name}.png`);
  try {
    await page.goto(o.server.workbenchUrl(o.workspace));
    await waitForWorkbench(page);
    const explorerRows = await page.$$eval('.explorer-folders-view .monaco-list-row', (els) => els.map((e) => e.textContent?.trim() ?? ''));
    check(
      'workbench loads and the explorer lists the workspace',
      explorerRows.some((r) => r.includes(t.file)),
      `explorer rows: ${explorerRows.slice(0, 8).join(', ')}`,
    );
    await snap('workbench');

    // 1. Quick Open the article.
    const tab = await quickOpen(page, t.file, t.firstWords);
    check(`Quick Open opens ${t.file}`, tab.replace(/\s+/g, '') === t.file, `active tab "${tab}"`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.part.editor .view-overlays [class*="TextEditorDecorationType"]').length >= n,
      10,
      { timeout: 30000 },
    );
    const count = await decorationCount(page);
    check('highlights are drawn in the editor', count >= 10, `${count} decoration elements`);

    // 2. Entities, figures and quotes are drawn in different colours.
    const colours = {};
    for (const kind of ['person', 'organisation', 'place', 'figure', 'quote']) {
      const box = await wordBox(page, t[kind]);
      const decos = box ? await decorationsAt(page, box) : [];
      colours[kind] = decos[0]?.background;
      check(`${kind} "${t[kind]}" has a highlight`, !!decos.length && !transparent(decos[0].background), JSON.stringify(decos[0] ?? null));
    }
    const distinct = new Set([colours.person, colours.figure, colours.quote]);
    check(
      'person, figure and quote highlights have different colours',
      distinct.size === 3 && ![...distinct].some(transparent),
      JSON.stringify(colours),
    );
    const kinds = new Set([colours.person, colours.organisation, colours.place]);
    check('person, organisation and place highlights have different colours', kinds.size === 3, JSON.stringify(colours));
    await snap('highlights');

    // 3. Point at a name: the hover card.
    const hover = await hoverWord(page, t.hover.word, t.hover.expect).catch((e) => ({ error: e.message }));
    check(
      `hovering "${t.hover.word}" shows its person card`,
      !hover.error && /Person/.test(hover.text) && hover.parts.some((p) => p.startsWith(t.hover.expect)),
      JSON.stringify(hover),
    );
    check(
      'the card offers Accept / Reject / Change type and shows no image',
      !hover.error && ['Accept', 'Reject', 'Change type'].every((l) => hover.links.some((a) => a.text.includes(l))) && hover.images === 0,
      JSON.stringify(hover.links ?? hover),
    );
    await snap('hover');
    await dismissHover(page);

    // 4. The Topics sidebar.
    await openViewContainer(page, 'News Annotator', 'newsAnnotator');
    const rows = await viewRows(page, 'newsAnnotator', 5).catch(() => []);
    const labels = rows.map((r) => r.label);
    check(
      'the Topics view lists sections and the names in them',
      rows.length >= 5 && labels.some((l) => l.includes(t.person) || l.includes(t.hover.word)),
      JSON.stringify(rows.slice(0, 12)),
    );
    check(
      'section rows carry counts ("… names, … figures")',
      rows.some((r) => /\d+ names?/.test(r.description)),
      JSON.stringify(rows.slice(0, 6)),
    );
    await snap('topics');

    // 5. Click a figure row: the editor selects those words.
    const text = fs.readFileSync(path.join(o.workspace, t.file), 'utf8');
    const before = await cursorStatus(page);
    const target = rows
      .filter((r) => r.level >= 2 && /^(?:Money|Percentage|Quantity|Count|Date|Number)/.test(r.description) && text.includes(r.label))
      .at(-1);
    if (!target) check('a figure row to click', false, JSON.stringify(rows));
    else {
      await clickViewRow(page, 'newsAnnotator', target.label);
      await page
        .waitForFunction((b) => document.getElementById('status.editor.selection')?.innerText !== b, before.text, { timeout: 10000 })
        .catch(() => {});
      const after = await cursorStatus(page);
      const lines = text.split('\n');
      const expectedLines = lines.map((l, i) => (l.includes(target.label) ? i + 1 : 0)).filter(Boolean);
      check(
        `clicking "${target.label}" moves the editor to it and selects it`,
        expectedLines.includes(after.line) && after.selected === target.label.length && after.line !== before.line,
        `before ${before.text}, after ${after.text}, "${target.label}" on line(s) ${expectedLines.join(',')}`,
      );
      await snap('row-clicked');
    }

    // 6. Save Annotations from the command palette; the YAML lands beside the article.
    const sidecar = path.join(o.workspace, t.file.replace(/\.txt$/, '.annotations.yaml'));
    fs.rmSync(sidecar, { force: true });
    await runPaletteCommand(page, 'News Annotator: Save Annotations');
    const yamlText = await waitForFile(sidecar);
    let doc = null;
    try {
      doc = yamlText && parse(yamlText);
    } catch (e) {
      doc = { error: String(e) };
    }
    const hasEntity = !!doc?.annotations?.some((a) => a.text === t.yamlEntity.text && a.type === t.yamlEntity.type);
    check(
      `Save Annotations writes ${path.basename(sidecar)} with ${t.yamlEntity.text} (${t.yamlEntity.type})`,
      hasEntity && doc.article === t.file,
      yamlText ? `${yamlText.length} bytes, ${doc?.annotations?.length} annotations` : 'no file',
    );
    await snap('saved');

    // 7. Developer: Show Running Extensions: activated, with its icon, from the installed folder.
    await runPaletteCommand(page, 'Developer: Show Running Extensions');
    const running = await page
      .waitForFunction(
        () => {
          const row = [...document.querySelectorAll('.runtime-extensions-editor .monaco-list-row')].find(
            (r) => r.querySelector('.name')?.textContent === 'News Annotator',
          );
          const time = row?.querySelector('.activation-time')?.textContent;
          const src = row?.querySelector('img.icon')?.getAttribute('src');
          return time ? { time, icon: src ? new URL(src, location.href).searchParams.get('path') : null } : null;
        },
        null,
        { timeout: 20000 },
      )
      .then(
        (h) => h.jsonValue(),
        (e) => ({ error: e.message }),
      );
    const ms = Number(/(\d+)\s*ms/.exec(running.time ?? '')?.[1] ?? NaN);
    check(`News Annotator is activated (Running Extensions: "${running.time ?? '—'}")`, Number.isFinite(ms), JSON.stringify(running));
    if (o.installedIn)
      check(
        'it runs from the installed .vsix, with its icon',
        !!running.icon && running.icon.startsWith(`${o.installedIn}/`) && running.icon.endsWith('/media/icon.png'),
        running.icon,
      );
    await snap('running-extensions');
  } catch (e) {
    check('scenario ran to the end', false, e.stack ?? String(e));
    await snap('error').catch(() => {});
  } finally {
    fs.mkdirSync(o.shotsDir, { recursive: true });
    fs.writeFileSync(path.join(o.shotsDir, 'browser-console.log'), consoleLines.join('\n'));
    await ctx.close().catch(() => {});
  }
}
