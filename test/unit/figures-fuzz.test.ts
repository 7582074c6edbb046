// Fuzzing the figure recogniser: no input throws, and every result keeps its invariants —
// `text.slice(start, end) === figure.text`, spans sorted and non-overlapping, values finite or
// null (dates: strings or null; money only when a currency is named without an amount), relations
// pointing at numeric figures of the same kind and unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findFigures, resolveArticleDate } from '../../src/core/figures';

function check(text: string, articleDate: string | null): void {
  const { figures, relations } = findFigures(text, articleDate ? { articleDate, articleDateSource: 'file' } : {});
  let last = 0;
  for (const f of figures) {
    assert.ok(
      Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= last && f.end > f.start && f.end <= text.length,
      `span ${f.start}-${f.end} after ${last}`,
    );
    assert.equal(text.slice(f.start, f.end), f.text);
    last = f.end;
    if (f.kind === 'date') assert.ok(f.value === null || typeof f.value === 'string', 'date value');
    else if (f.kind === 'money' && f.noAmount) assert.equal(f.value, null, 'a currency named without an amount has no value');
    else assert.ok(typeof f.value === 'number' && Number.isFinite(f.value), `${f.kind} value ${f.value}`);
    if (f.valueMax !== undefined) assert.ok(Number.isFinite(f.valueMax));
  }
  for (const r of relations) {
    const a = figures[r.from]!;
    const b = figures[r.to]!;
    assert.ok(a && b && a.kind === b.kind && a.unit === b.unit, 'relation between compatible figures');
    assert.ok(Number.isFinite(r.delta), `relation delta ${r.delta}`);
    assert.ok(r.percent === null || Number.isFinite(r.percent), `relation percent ${r.percent}`);
  }
}

// Pieces that exercise the recognisers (and their edges) far more often than random characters do.
const PIECES = [
  '$',
  '£',
  '€',
  '¥',
  '₹',
  'US$',
  'HK$',
  'A$',
  'Rs',
  'Rs.',
  'USD',
  '5',
  '12',
  '0',
  '007',
  '1,200',
  '2,025',
  '1.13',
  '.',
  ',',
  '-',
  '–',
  '/',
  ':',
  '%',
  '(',
  ')',
  "'",
  '’',
  '"',
  '“',
  '#',
  '+',
  ' ',
  ' ',
  ' ',
  '\n',
  '\u00a0',
  'm',
  'bn',
  'k',
  'million',
  'billion',
  'crore',
  'per cent',
  'percent',
  'percentage points',
  'basis points',
  'tonnes',
  'barrels a day',
  'km',
  'ft',
  'ins',
  'st',
  'lb',
  'feet',
  'inches',
  'square',
  'miles',
  'years',
  'ago',
  'year-old',
  'people',
  'leaders',
  'new',
  'the',
  'a',
  'an',
  'two',
  'twenty',
  'one',
  'hundred',
  'dozen',
  'February',
  'Feb',
  'May',
  'March',
  'Wednesday',
  'Sunday',
  'last',
  'next',
  'this',
  'current',
  'season',
  'quarter',
  'week',
  'yesterday',
  'mid',
  'between',
  'and',
  'from',
  'to',
  'up from',
  'compared with',
  'every',
  'page',
  'Boeing',
  '2026',
  '1990s',
  '2004-05',
  '9am',
  '12:30',
  'th',
  'st',
  'nd',
  '21st',
  'p',
  'C',
  '°',
  'GB',
  'MW',
  'x',
  'é',
  '😀',
  '\ud800',
  '\udc00',
  'per',
  'a day',
  'will',
  'was',
  'dollar',
  'US dollars',
  'yen',
  'won',
  'fell',
  'Bitcoin',
  'bitcoins',
  'BTC',
  'https://x.org/',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
const spacedPieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(' '));
const dates = fc.option(
  fc.constantFrom('2026-02-04', '2026-11-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31', 'not-a-date', '2026-13-45'),
  { nil: null },
);

test('no input throws and invariants hold: random unicode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), dates, (s, d) => check(s, d)),
    { numRuns: 400 },
  );
});
test('no input throws and invariants hold: figure-like pieces', () => {
  fc.assert(
    fc.property(pieceText, dates, (s, d) => check(s, d)),
    { numRuns: 1500 },
  );
  fc.assert(
    fc.property(spacedPieces, dates, (s, d) => check(s, d)),
    { numRuns: 1500 },
  );
});
test('huge numbers, nested currency signs, unbalanced brackets', () => {
  for (const s of [
    '9'.repeat(400),
    '$' + '9'.repeat(400) + 'bn',
    '1,' + '000,'.repeat(200) + '000 people',
    '$$$£€¥5m',
    'US$US$HK$5',
    '((((5%',
    ')))$5)))',
    '5-6-7-8-9-10-11 people',
    '1.2.3.4.5.6',
    '1e400 tonnes',
    '0.' + '0'.repeat(400) + '1%',
    'between between $5m and and $6m',
    'from from 12 to to 20 million tonnes',
    'Wednesday, (4 February), Wednesday, (31 February)',
    '31/02/2026 and 29/02/2025 and 00/00/0000',
    '2026-02-30',
    '\ud83d'.repeat(50) + '5m',
  ]) {
    check(s, '2026-02-04');
    check(s, null);
  }
});
test('resolveArticleDate never throws', () => {
  fc.assert(
    fc.property(
      fc.oneof(pieceText, fc.string({ unit: 'binary', maxLength: 100 })),
      fc.option(fc.constantFrom('2026-11-29', '2000-01-01', 'garbage', ''), { nil: null }),
      (s, fd) => {
        const r = resolveArticleDate(s, fd);
        assert.ok(r.value === null || /^\d{4}-\d{2}-\d{2}$/.test(r.value));
      },
    ),
    { numRuns: 500 },
  );
});
