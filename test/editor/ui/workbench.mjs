// What a person does in the VS Code workbench, as playwright steps: open a file with Quick Open,
// find a word on screen, point at it, open the News Annotator sidebar, run a palette command.
// The DOM facts used here (VS Code 1.139): decorations are `div.cdr` elements with a
// `…TextEditorDecorationType…` class inside `.view-overlays`; hovers are `.monaco-hover` with one
// `.rendered-markdown` per Markdown part; a view container's pane has the id
// `workbench.view.extension.<id>` and its rows are `.monaco-list-row` with `.label-name`/`.label-description`.
import fs from 'node:fs';
import path from 'node:path';

const EDITOR = '.part.editor .editor-instance .monaco-editor';

export async function waitForWorkbench(page, timeout = 90000) {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
}

/** Ctrl+P, the file name, Enter; resolves when the file is the active tab and its text is rendered. */
export async function quickOpen(page, fileName, textOnScreen) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.innerText.includes(name)),
    fileName,
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ({ sel, text }) =>
      document
        .querySelector(`${sel} .view-lines`)
        ?.textContent.replace(/\u00a0/g, ' ')
        .includes(text),
    { sel: EDITOR, text: textOnScreen },
    { timeout: 30000 },
  );
  return (await page.locator('.tabs-container .tab.active').innerText()).trim();
}

/** The on-screen box of the nth occurrence of `needle` in the active editor (text may span several spans), or null. */
export function wordBox(page, needle, nth = 0) {
  return page.evaluate(
    ({ sel, needle, nth }) => {
      let seen = 0;
      const lines = [...document.querySelectorAll(`${sel} .view-lines .view-line`)].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      for (const line of lines) {
        const nodes = [];
        let text = '';
        const w = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n; (n = w.nextNode());) {
          nodes.push({ n, at: text.length });
          text += n.textContent.replace(/\u00a0/g, ' ');
        }
        for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
          if (seen++ < nth) continue;
          const locate = (off) => {
            let k = nodes.length - 1;
            while (k > 0 && nodes[k].at > off) k--;
            return [nodes[k].n, off - nodes[k].at];
          };
          const r = document.createRange();
          r.setStart(...locate(i));
          r.setEnd(...locate(i + needle.length));
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height, cx: b.x + b.width / 2, cy: b.y + b.height / 2 };
        }
      }
      return null;
    },
    { sel: EDITOR, needle, nth },
  );
}

/** The decoration elements drawn under a box, best-fitting first, with their computed colours. */
export function decorationsAt(page, box) {
  return page.evaluate(
    ({ sel, box }) => {
      const out = [];
      for (const el of document.querySelectorAll(`${sel} .view-overlays [class*="TextEditorDecorationType"]`)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || box.cx < r.left || box.cx > r.right || box.cy < r.top || box.cy > r.bottom) continue;
        const cs = getComputedStyle(el);
        out.push({
          className: el.className,
          background: cs.backgroundColor,
          border: `${cs.borderBottomStyle} ${cs.borderBottomColor} / ${cs.borderLeftStyle} ${cs.borderLeftColor} / ${cs.borderTopStyle}`,
          misfit: Math.abs(r.width - box.width) + Math.abs(r.left - box.x),
        });
      }
      return out.sort((a, b) => a.misfit - b.misfit);
    },
    { sel: EDITOR, box },
  );
}

/** How many decoration elements the active editor shows. */
export function decorationCount(page) {
  return page.evaluate((sel) => document.querySelectorAll(`${sel} .view-overlays [class*="TextEditorDecorationType"]`).length, EDITOR);
}

/** Points at a word and waits for a hover whose text includes `expect`; returns the hover's parts. */
export async function hoverWord(page, needle, expect, nth = 0) {
  const box = await wordBox(page, needle, nth);
  if (!box) throw new Error(`"${needle}" is not on screen`);
  await page.mouse.move(box.cx - 30, box.cy + 60);
  await page.mouse.move(box.cx, box.cy, { steps: 4 });
  const handle = await page.waitForFunction(
    (expect) => {
      const h = [...document.querySelectorAll('.monaco-hover')].find((x) => x.offsetParent !== null && x.innerText.includes(expect));
      if (!h) return null;
      return {
        text: h.innerText,
        parts: [...h.querySelectorAll('.rendered-markdown')].map((p) => p.innerText.trim()),
        links: [...h.querySelectorAll('a')].map((a) => ({
          text: a.innerText.trim(),
          href: a.getAttribute('href') ?? a.dataset.href ?? '',
        })),
        images: h.querySelectorAll('img').length,
        codicons: [...h.querySelectorAll('.codicon')].map((c) =>
          [...c.classList].find((k) => k.startsWith('codicon-') && k !== 'codicon-modifier-spin'),
        ),
      };
    },
    expect,
    { timeout: 15000 },
  );
  return handle.jsonValue();
}

export async function dismissHover(page) {
  await page.mouse.move(2, 300);
  await page.keyboard.press('Escape');
  await page
    .waitForFunction(
      () => ![...document.querySelectorAll('.monaco-hover')].some((x) => x.offsetParent !== null && x.innerText.trim()),
      null,
      { timeout: 5000 },
    )
    .catch(() => {});
}

/** Clicks the activity-bar icon of a view container (by its title). */
export async function openViewContainer(page, title, containerId) {
  const pane = page.locator(`[id="workbench.view.extension.${containerId}"]`);
  if (await pane.isVisible().catch(() => false)) return;
  await page.locator(`.activitybar .action-item [aria-label^="${title}"]`).first().click();
  await pane.waitFor({ state: 'visible', timeout: 20000 });
}

/** The rows a view container shows (label, description, depth). */
export async function viewRows(page, containerId, minRows = 1) {
  const h = await page.waitForFunction(
    ({ id, minRows }) => {
      const pane = document.getElementById(`workbench.view.extension.${id}`);
      if (!pane) return null;
      const rows = [...pane.querySelectorAll('.monaco-list-row')].map((r) => ({
        label: r.querySelector('.label-name')?.innerText ?? r.innerText,
        description: r.querySelector('.label-description')?.innerText ?? '',
        level: Number(r.getAttribute('aria-level') ?? 0),
        index: Number(r.getAttribute('data-index') ?? -1),
      }));
      return rows.length >= minRows ? rows : null;
    },
    { id: containerId, minRows },
    { timeout: 20000 },
  );
  return h.jsonValue();
}

export async function clickViewRow(page, containerId, label) {
  await page
    .locator(`[id="workbench.view.extension.${containerId}"] .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first()
    .click();
}

/** The status bar's cursor item ("Ln 17, Col 22 (11 selected)") as numbers. */
export async function cursorStatus(page) {
  const t = await page.locator('[id="status.editor.selection"]').innerText({ timeout: 10000 });
  const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(t);
  return m
    ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0), text: t }
    : { line: 0, column: 0, selected: 0, text: t };
}

/** F1, the command's title, Enter. */
export async function runPaletteCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.waitForFunction(
    (title) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.innerText.includes(title)),
    title,
    { timeout: 15000 },
  );
  await page.keyboard.press('Enter');
}

/** Polls for a file and returns its text. */
export async function waitForFile(file, timeoutMs = 15000) {
  const t0 = Date.now();
  while (!fs.existsSync(file)) {
    if (Date.now() - t0 > timeoutMs) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 100));
  return fs.readFileSync(file, 'utf8');
}

/** A screenshot, after letting fades settle. */
export async function shot(page, dir, name, opts = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  await page.waitForTimeout(opts.settleMs ?? 350);
  await page.screenshot({ path: file, ...(opts.clip ? { clip: opts.clip } : {}) });
  return file;
}
