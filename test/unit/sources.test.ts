// Who the sources are (issue 15): speakers with their roles and organisations from the text,
// certainty, grouping across articles, ISO weeks, chart figures and spreadsheet-safe CSV.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import {
  aggregateSources,
  articleSourceQuotes,
  chartData,
  csvCell,
  isoWeek,
  orgTypeOf,
  sourcesCsv,
  unattributed,
} from '../../src/core/review/sources';
import { chartCsp, scriptSafeJson, sourcesChartHtml } from '../../src/core/review/sourcesChart';
import * as corrections from '../../src/core/sidecar/corrections';
import { annotateWith } from '../../src/core/sidecar/session';

const root = path.resolve(__dirname, '../../..');
const sample = (name: string) => fs.readFileSync(path.join(root, 'samples', name), 'utf8');

function quotesOf(name: string, change?: (anns: ReturnType<typeof annotateWith>, text: string) => void) {
  const text = sample(name);
  const a = analyze(text, { fileDate: '2026-01-01' });
  const anns = annotateWith(a, []);
  change?.(anns, text);
  return articleSourceQuotes(name, a, anns);
}

test('speakers with the roles and organisations the text gives them', () => {
  const sources = aggregateSources([
    ...quotesOf('port-strike.txt'),
    ...quotesOf('library-closures.txt'),
    ...quotesOf('harbour-bridge-vote.txt'),
  ]);
  const by = (n: string) => sources.find((s) => s.name === n)!;
  const giulia = by('Giulia Ferraro');
  assert.equal(giulia.quotes, 2);
  assert.deepEqual(giulia.roles, ['union secretary'], 'the role before the name, not also its last word');
  assert.equal(giulia.orgType, 'union');
  assert.deepEqual(by('Marta Ricci').organisations, ['University of Bologna'], 'from "an economist at the University of Bologna"');
  assert.equal(by('Marta Ricci').orgType, 'academia');
  assert.deepEqual(by('Dave Kerr').organisations, ['Unison'], '"Its regional organiser": the organisation named just before');
  assert.deepEqual(by('Dave Kerr').roles, ['regional organiser'], '"Mr Kerr" gives no role');
  assert.deepEqual(by('Fiona McLeod').organisations, ['Glenmouth City Council'], '"Council leader": the one council the article names');
  assert.deepEqual(by('Tom Hargreaves').organisations, ['Liberal Democrats']);
  assert.equal(by('Tom Hargreaves').orgType, 'politics');
  assert.equal(by('Carlo Benedetti').orgType, 'government', 'Transport Minister');
  const org = by('Mediterranea Terminal Group');
  assert.equal(org.type, 'ORG');
  assert.deepEqual(org.organisations, ['Mediterranea Terminal Group'], 'an organisation speaks for itself');
  // Most quoted first.
  assert.ok(sources[0]!.quotes >= sources.at(-1)!.quotes);
});

test('certainty: confident attribution, or a reviewer accepted the quote; a rejected quote is not counted', () => {
  const plain = quotesOf('port-strike.txt');
  const unsure = plain.find((q) => q.speaker === 'Carlo Benedetti')!;
  assert.ok(unsure.confidence < 0.75 && !unsure.certain);
  const decided = quotesOf('port-strike.txt', (anns, text) => {
    const q = anns.find((x) => x.kind === 'quote' && x.start === unsure.start)!;
    corrections.accept(q, text, { by: 'Ana' });
    corrections.reject(
      anns.find((x) => x.kind === 'quote' && x.text.includes('generous and final'))!,
      { by: 'Ana' },
    );
  });
  const now = decided.find((q) => q.start === unsure.start)!;
  assert.equal(now.certain, true);
  assert.equal(now.by, 'Ana');
  assert.ok(!decided.some((q) => q.text.includes('generous and final')));
  assert.equal(decided.length, plain.length - 1);
});

test('the same speaker across articles is one source; quotes without a speaker are counted apart', () => {
  const a = quotesOf('port-strike.txt');
  const b = quotesOf('port-strike.txt').map((q) => ({ ...q, article: 'copy.txt', date: '2026-10-12' }));
  const noSpeaker = { ...a[0]!, speaker: null, certain: false };
  const sources = aggregateSources([...a, ...b, noSpeaker]);
  const giulia = sources.find((s) => s.name === 'Giulia Ferraro')!;
  assert.equal(giulia.quotes, 4);
  assert.equal(giulia.articles, 2);
  assert.equal(unattributed([...a, noSpeaker]), 1);
  const chart = chartData(sources, [...a, ...b, noSpeaker]);
  assert.equal(chart.totals.quotes, a.length * 2);
  assert.equal(chart.totals.unattributed, 1);
  assert.deepEqual(
    chart.byWeek.map((w) => w.label),
    ['2026-W40', '2026-W42'],
    'the dateline 3 Oct 2026 and the copy 12 Oct',
  );
  assert.equal(
    chart.byOrgType.reduce((n, x) => n + x.count, 0),
    chart.totals.quotes,
  );
});

test('ISO weeks: the textbook year boundaries', () => {
  assert.equal(isoWeek('2021-01-03'), '2020-W53');
  assert.equal(isoWeek('2021-01-04'), '2021-W01');
  assert.equal(isoWeek('2024-12-30'), '2025-W01');
  assert.equal(isoWeek('2026-10-03'), '2026-W40');
  assert.equal(isoWeek('2026'), null);
  assert.equal(isoWeek(null), null);
});

test('organisation types: names first, then roles', () => {
  assert.equal(orgTypeOf(['University of Bologna'], ['economist']), 'academia');
  assert.equal(orgTypeOf([], ['Tory leader']), 'politics');
  assert.equal(orgTypeOf([], ['British Prime Minister']), 'government');
  assert.equal(orgTypeOf([], ['Lord Chief Justice']), 'justice');
  assert.equal(orgTypeOf(['Boeing Co'], []), 'none');
  assert.equal(orgTypeOf([], []), 'none');
});

test('CSV: quoted where needed, and never a formula in a spreadsheet', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "no"'), '"say ""no"""');
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('+1 555'), "'+1 555");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell(-3), '-3', 'numbers stay numbers');
  const csv = sourcesCsv(aggregateSources(quotesOf('port-strike.txt')));
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'source,kind,quotes,articles,roles,organisations,organisation_type,certain,uncertain,first_article');
  assert.ok(lines.some((l) => l.startsWith('Giulia Ferraro,PER,2,1,union secretary,,union,')));
  assert.equal(lines.at(-1), '', 'ends with a line break');
});

test('the chart page: a strict CSP, nonce on every script and style, labels only as escaped JSON', () => {
  const hostile = '</script><img src=x onerror=alert(1)>&amp; \u2028"Eve"';
  const data = {
    bySource: [{ label: hostile, count: 2, certain: 1, key: 'PER:x' }],
    byOrgType: [{ label: 'Media', count: 2, key: 'media' as const }],
    byWeek: [{ label: '2026-W40', count: 2 }],
    totals: { quotes: 2, sources: 1, articles: 1, unattributed: 0 },
  };
  const nonce = 'abcDEF0123456789xyz';
  const html = sourcesChartHtml(data, nonce);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.equal(csp, chartCsp(nonce));
  assert.match(csp!, /^default-src 'none'; script-src 'nonce-abcDEF0123456789xyz'; style-src 'nonce-abcDEF0123456789xyz';/);
  assert.doesNotMatch(csp!, /unsafe|https?:|\*/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 2);
  assert.ok(scripts.every((attrs) => attrs!.includes(`nonce="${nonce}"`)));
  assert.ok([...html.matchAll(/<style\b([^>]*)>/g)].every((m) => m[1]!.includes(`nonce="${nonce}"`)));
  // The hostile label cannot close the data block or make markup; it comes back intact from the JSON.
  assert.doesNotMatch(html, /<img|<\/script><img|onerror=alert\(1\)>/);
  assert.doesNotMatch(html, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|https?:\/\//);
  const block = /<script type="application\/json" id="chart-data" nonce="[^"]+">([^<]*)<\/script>/.exec(html)![1]!;
  assert.deepEqual(JSON.parse(block), data);
  assert.throws(() => sourcesChartHtml(data, 'short'), /nonce/);
  assert.throws(() => sourcesChartHtml(data, 'a"b'.repeat(8)), /nonce/);
  assert.equal(scriptSafeJson('\u2029<>&'), '"\\u2029\\u003c\\u003e\\u0026"');
});
