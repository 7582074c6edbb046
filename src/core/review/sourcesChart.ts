/**
 * The Sources chart as one HTML page for a webview: quotes per source, per organisation type and per
 * week, drawn by a small script from figures embedded as JSON. Safe by construction:
 *
 * - a Content-Security-Policy that allows nothing but the page's own nonce'd script and style
 *   (`default-src 'none'`): no remote content, no other script, no inline handlers, no frames;
 * - every label (names from articles and annotation files are untrusted) travels only inside the JSON
 *   block, with `<`, `>`, `&` and line separators escaped, and the script puts it on the page with
 *   `textContent`, never as HTML;
 * - the only message the page sends back is "show this source", with the source's opaque key.
 */
import type { SourcesChartData } from './sources';

/** A nonce is 16 or more characters of [A-Za-z0-9] (the caller makes it from a secure random source). */
const NONCE = /^[A-Za-z0-9]{16,128}$/;

/** JSON that can sit inside a `<script>` element: nothing in it can close the element or start markup. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The Content-Security-Policy of the chart page. */
export function chartCsp(nonce: string): string {
  return (
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; ` +
    `connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`
  );
}

const STYLE =
  `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; }
h1 { font-size: 1.3em; font-weight: 600; }
h2 { font-size: 1.05em; font-weight: 600; margin: 22px 0 8px; }
.totals { color: var(--vscode-descriptionForeground); }
.row { display: grid; grid-template-columns: minmax(120px, 28%) 1fr 3.5em; align-items: center; gap: 8px; margin: 3px 0; }
.label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track { background: var(--vscode-editorWidget-background, rgba(128,128,128,.12)); height: 14px; border-radius: 2px; }
.bar { height: 14px; border-radius: 2px; background: var(--vscode-charts-blue, #3794ff); }
.bar.certain { background: var(--vscode-charts-green, #388a34); }
.count { text-align: right; font-variant-numeric: tabular-nums; }
button.row { all: unset; display: grid; grid-template-columns: minmax(120px, 28%) 1fr 3.5em; ` +
  `align-items: center; gap: 8px; margin: 3px 0; width: 100%; cursor: pointer; }
button.row:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.legend { color: var(--vscode-descriptionForeground); font-size: .9em; }
.split { display: flex; height: 14px; }
`;

/** The script: reads the JSON block, draws the three charts with DOM calls and textContent only. */
const SCRIPT =
  `
(function () {
  const vscode = acquireVsCodeApi();
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  const root = document.getElementById('sources-chart');
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; ` +
  `if (text !== undefined) e.textContent = String(text); return e; };
  const t = data.totals;
  root.appendChild(el('p', 'totals', t.quotes + ' quotes from ' + t.sources + ' sources in ' + t.articles + ' articles' + ` +
  `(t.unattributed ? ' (' + t.unattributed + ' more without a speaker)' : '')));
  const section = (title, rows, opts) => {
    root.appendChild(el('h2', '', title));
    if (!rows.length) { root.appendChild(el('p', 'legend', 'Nothing yet.')); return; }
    const max = Math.max.apply(null, rows.map((r) => r.count)) || 1;
    for (const r of rows) {
      const row = el(opts.click ? 'button' : 'div', 'row');
      row.setAttribute('data-kind', opts.kind);
      row.appendChild(el('span', 'label', r.label)).title = r.label;
      const track = row.appendChild(el('span', 'track'));
      const split = track.appendChild(el('span', 'split'));
      split.style.width = (100 * r.count / max).toFixed(1) + '%';
      if (opts.certain) {
        const sure = split.appendChild(el('span', 'bar certain'));
        sure.style.width = (r.count ? 100 * r.certain / r.count : 0).toFixed(1) + '%';
        const rest = split.appendChild(el('span', 'bar'));
        rest.style.width = (r.count ? 100 * (r.count - r.certain) / r.count : 0).toFixed(1) + '%';
      } else {
        split.appendChild(el('span', 'bar')).style.width = '100%';
      }
      row.appendChild(el('span', 'count', r.count));
      if (opts.click) row.addEventListener('click', () => vscode.postMessage({ type: 'showSource', key: r.key }));
      root.appendChild(row);
    }
    if (opts.certain) root.appendChild(el('p', 'legend', 'Green: attribution certain (confident, or accepted by a reviewer). ` +
  `Blue: uncertain. Click a source to see its quotes.'));
  };
  section('Quotes per source (most quoted)', data.bySource, { kind: 'source', certain: true, click: true });
  section('Quotes per organisation type', data.byOrgType, { kind: 'orgType' });
  section('Quotes per week', data.byWeek, { kind: 'week' });
})();
`;

/** The whole page. Throws on a malformed nonce (the page would be unusable, not unsafe). */
export function sourcesChartHtml(data: SourcesChartData, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('the nonce must be 16–128 letters and digits');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${chartCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sources</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1>Who is quoted</h1>
<div id="sources-chart"></div>
<script type="application/json" id="chart-data" nonce="${nonce}">${scriptSafeJson(data)}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}
