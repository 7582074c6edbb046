// The review loop with the keyboard only, through the real workbench's keybindings (the installed
// .vsix in code-server, a browser pressing keys): Next Suggestion shows the card, Accept and Next,
// Reject and Next, Ctrl+Z undoes a decision (and, after typing, the typing), Previous, a bulk
// decision through the palette and its preview, the status bar's progress — then the annotation
// file on disk is read.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { launchBrowser } from '../../../scripts/editor/browser.mjs';
import { cursorStatus, quickOpen, shot, waitForWorkbench } from './workbench.mjs';

export const REVIEWER = 'Keyboard Reviewer';
const FILE = 'library-closures.txt';

/** The review item of the status bar ("3 / 30 reviewed"), as numbers. */
async function progress(page) {
  const t = await page.evaluate(
    () => [...document.querySelectorAll('.statusbar-item')].map((e) => e.innerText).find((x) => /\d+ \/ \d+ reviewed/.test(x)) ?? '',
  );
  const m = /(\d+) \/ (\d+) reviewed/.exec(t);
  return m ? { reviewed: Number(m[1]), total: Number(m[2]), text: t } : { reviewed: -1, total: -1, text: t };
}

async function waitProgress(page, reviewed) {
  await page
    .waitForFunction(
      (n) =>
        [...document.querySelectorAll('.statusbar-item')].some((e) => new RegExp(`^\\D*${n} / \\d+ reviewed`).test(e.innerText.trim())),
      reviewed,
      { timeout: 10000 },
    )
    .catch(() => {});
  return progress(page);
}

/** The visible hover's text, waiting for one (null: none appeared). */
async function visibleHover(page) {
  return page
    .waitForFunction(
      () => [...document.querySelectorAll('.monaco-hover')].find((x) => x.offsetParent !== null && x.innerText.trim())?.innerText ?? null,
      null,
      { timeout: 8000 },
    )
    .then(
      (h) => h.jsonValue(),
      () => null,
    );
}

/** Waits until the cursor is at `at` (1-based line and column, as the status bar shows them). */
async function waitCursor(page, at) {
  await page
    .waitForFunction(
      (a) => new RegExp(`Ln ${a.line}, Col ${a.column}\\b`).test(document.getElementById('status.editor.selection')?.innerText ?? ''),
      at,
      { timeout: 8000 },
    )
    .catch(() => {});
  const c = await cursorStatus(page);
  return { ...c, ok: c.line === at.line && c.column === at.column };
}

/** Runs a palette command by typing its title, then answers quick picks by typing and Enter. */
async function palette(page, title, answers) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(`>${title}`);
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.innerText.includes(t)),
    title,
    { timeout: 15000 },
  );
  await page.keyboard.press('Enter');
  for (const a of answers) {
    await page.waitForFunction(() => document.querySelector('.quick-input-widget')?.offsetParent !== null, null, { timeout: 15000 });
    // A new quick pick: wait for its title to change, then type to filter and press Enter.
    await page.waitForTimeout(300);
    if (a.text) {
      await page.keyboard.type(a.text);
      await page.waitForFunction(
        (t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.innerText.includes(t)),
        a.expect ?? a.text,
        { timeout: 15000 },
      );
    } else if (a.waitFor) {
      await page.waitForFunction((t) => (document.querySelector('.quick-input-widget')?.innerText ?? '').includes(t), a.waitFor, {
        timeout: 30000,
      });
    }
    await page.keyboard.press('Enter');
  }
}

/**
 * @param {{ server: any, workspace: string, shotsDir: string, profileDir: string,
 *   check: (name: string, ok: boolean, detail?: string) => void }} o
 */
export async function runReviewScenario(o) {
  const check = o.check;
  const { ctx, page } = await launchBrowser({ profileDir: o.profileDir });
  page.setDefaultTimeout(30000);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  let step = 0;
  const snap = (name) => shot(page, o.shotsDir, `review-${String(++step).padStart(2, '0')}-${name}.png`);
  const text = fs.readFileSync(path.join(o.workspace, FILE), 'utf8');
  /** Where the nth `needle` starts, as the status bar counts (1-based line and column). */
  const posOf = (needle, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    const before = text.slice(0, i).split('\n');
    return { line: before.length, column: before.at(-1).length + 1 };
  };
  // The headline's place name, the second suggestion of the article.
  const place = posOf('Ashworth');
  const sidecar = path.join(o.workspace, FILE.replace(/\.txt$/, '.annotations.yaml'));
  fs.rmSync(sidecar, { force: true });
  try {
    await page.goto(o.server.workbenchUrl(o.workspace));
    await waitForWorkbench(page);
    await quickOpen(page, FILE, 'Campaigners vow');
    await page.waitForFunction(
      () => document.querySelectorAll('.part.editor .view-overlays [class*="TextEditorDecorationType"]').length >= 10,
      null,
      { timeout: 30000 },
    );
    await page.keyboard.press('Control+Home');

    // 1. Next Suggestion (Ctrl+F8): the first suggestion, its card shown. The status bar item is
    // updated after the highlights are drawn: wait for it rather than read it at once.
    const start = await waitProgress(page, 0);
    check(`the status bar shows the progress (“${start.text.trim()}”)`, start.reviewed === 0 && start.total > 20, start.text);
    await page.keyboard.press('Control+F8');
    const card1 = await visibleHover(page);
    check(
      'Ctrl+F8 goes to the first suggestion and shows its card',
      !!card1 && /suggested/.test(card1) && /quote/i.test(card1),
      card1 ?? 'no hover',
    );
    await snap('next');

    // 2. Accept and Next (Alt+Enter).
    await page.keyboard.press('Alt+Enter');
    let p = await waitProgress(page, 1);
    const atPlace = await waitCursor(page, place);
    const card2 = await visibleHover(page);
    check(
      'Alt+Enter accepts it and moves on to the next, with its card',
      p.reviewed === 1 && atPlace.ok && /Place/.test(card2 ?? ''),
      `${p.text} · ${atPlace.text} · ${card2}`,
    );

    // 3. Reject and Next (Alt+Backspace), then Ctrl+Z undoes the rejection and goes back to it.
    await page.keyboard.press('Alt+Backspace');
    p = await waitProgress(page, 2);
    check('Alt+Backspace rejects it and moves on', p.reviewed === 2, p.text);
    await page.keyboard.press('Control+z');
    p = await waitProgress(page, 1);
    const back = await waitCursor(page, place);
    const dirty = /\bdirty\b/.test((await page.locator('.tabs-container .tab.active').getAttribute('class')) ?? '');
    check(
      'Ctrl+Z right after a decision undoes the decision (not the text) and returns to it',
      p.reviewed === 1 && back.ok && !dirty,
      `${p.text} · ${back.text} · dirty ${dirty}`,
    );
    await snap('undone');

    // 4. Next, then Previous (Ctrl+Shift+F8) comes back; reject it for good.
    await page.keyboard.press('Control+F8');
    await visibleHover(page);
    await page.keyboard.press('Control+Shift+F8');
    const prev = await waitCursor(page, place);
    check('Ctrl+Shift+F8 goes back to the previous suggestion', prev.ok, prev.text);
    await page.keyboard.press('Alt+Backspace');
    p = await waitProgress(page, 2);

    // 5. After typing, Ctrl+Z is the editor's text undo again; the decisions stay.
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type(' TYPED');
    await page
      .waitForFunction(() => document.querySelector('.part.editor .view-lines')?.textContent.includes('TYPED'), null, { timeout: 5000 })
      .catch(() => {});
    await page.keyboard.press('Control+z');
    const gone = await page
      .waitForFunction(() => !document.querySelector('.part.editor .view-lines')?.textContent.includes('TYPED'), null, { timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    p = await progress(page);
    check('after typing, Ctrl+Z undoes the typing and leaves the decisions', gone && p.reviewed === 2, p.text);

    // 6. A bulk decision through the palette: every Person suggestion, previewed, confirmed with Enter.
    await page.keyboard.press('Control+Home');
    await palette(page, 'News Annotator: Accept or Reject in Bulk', [
      { text: 'Accept every suggestion of a type' },
      { text: 'Person' },
      { text: 'This article' },
      { waitFor: 'untick any to leave undecided' },
    ]);
    p = await waitProgress(page, 6);
    check('a bulk decision from the palette (type, scope, preview, Enter) decides every Person', p.reviewed === 6, p.text);
    await snap('bulk');

    // 7. The annotation file: every decision, with the reviewer's name.
    await page.keyboard.press('Control+s');
    const ok = await (async () => {
      for (let i = 0; i < 50; i++) {
        try {
          const doc = parse(fs.readFileSync(sidecar, 'utf8'));
          const anns = doc.annotations ?? [];
          const by = (pred) => anns.filter(pred);
          const quote = by((a) => a.start === text.indexOf("'heartless'"))[0];
          const placeAnn = by((a) => a.start === text.indexOf('Ashworth') && a.type === 'LOC')[0];
          const persons = by((a) => a.type === 'PER');
          if (
            quote?.status === 'accepted' &&
            quote.by === REVIEWER &&
            placeAnn?.status === 'rejected' &&
            placeAnn.by === REVIEWER &&
            persons.length >= 4 &&
            persons.every((x) => x.status === 'accepted' && x.by === REVIEWER)
          )
            return { quote, place: placeAnn, persons: persons.length };
        } catch {
          /* not written yet */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      return null;
    })();
    check(
      `the annotation file holds the decisions with by: ${REVIEWER}`,
      !!ok,
      ok ? JSON.stringify(ok) : fs.existsSync(sidecar) ? fs.readFileSync(sidecar, 'utf8').slice(0, 1500) : 'no file',
    );
  } catch (e) {
    check('review scenario ran to the end', false, e.stack ?? String(e));
    await snap('error').catch(() => {});
  } finally {
    fs.writeFileSync(path.join(o.shotsDir, 'review-browser-console.log'), consoleLines.join('\n'));
    await ctx.close().catch(() => {});
  }
}
