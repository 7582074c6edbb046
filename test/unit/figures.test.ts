// Figures: every kind with its value, date resolution with and without an article date, the
// article date inferred from the text, relations, and the classic false positives. The sentences
// are invented; the reference article is read from ../shared when present.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { findArticleDate, findFigures, resolveArticleDate, type FigureOptions } from '../../src/core/figures';
import { analyze } from '../../src/core/analyze';
import type { Figure } from '../../src/core/types';
import { loadGold, sameValue } from '../../scripts/figures-gold';

const root = path.resolve(__dirname, '../../..');
const FEB4: FigureOptions = { articleDate: '2026-02-04', articleDateSource: 'dateline' };

function figs(text: string, opts: FigureOptions = FEB4): Figure[] {
  return findFigures(text, opts).figures;
}
/** The single figure whose text is `t`. */
function one(text: string, t: string, opts: FigureOptions = FEB4): Figure {
  const f = figs(text, opts).filter((x) => x.text === t);
  assert.equal(
    f.length,
    1,
    `expected one figure "${t}" in: ${text}\n got: ${figs(text, opts)
      .map((x) => `${x.text}/${x.kind}`)
      .join(', ')}`,
  );
  return f[0]!;
}
function expect(text: string, t: string, kind: Figure['kind'], value: Figure['value'], unit: string | null = null): Figure {
  return check(one(text, t, FEB4), t, kind, value, unit);
}
/** `expect` with other options, for figures without a unit. */
function expectIn(opts: FigureOptions, text: string, t: string, kind: Figure['kind'], value: Figure['value']): Figure {
  return check(one(text, t, opts), t, kind, value, null);
}
function check(f: Figure, t: string, kind: Figure['kind'], value: Figure['value'], unit: string | null): Figure {
  assert.equal(f.kind, kind, `${t}: kind`);
  assert.ok(sameValue(f.value, value), `${t}: value ${JSON.stringify(f.value)} ≠ ${JSON.stringify(value)} (${f.note ?? ''})`);
  assert.equal(f.unit, unit, `${t}: unit`);
  return f;
}
function none(text: string, opts: FigureOptions = FEB4): void {
  assert.deepEqual(
    figs(text, opts).map((f) => `${f.text}/${f.kind}`),
    [],
    text,
  );
}

describe('money', () => {
  test('symbols, shorthand scales and ISO currencies', () => {
    expect('It raised $11 billion.', '$11 billion', 'money', 11e9, 'USD');
    expect('Profit hit $1.13bn.', '$1.13bn', 'money', 1.13e9, 'USD');
    expect('It paid £600m.', '£600m', 'money', 6e8, 'GBP');
    expect('A grant of €5.2 million.', '€5.2 million', 'money', 5.2e6, 'EUR');
    expect('Worth US$2bn in all.', 'US$2bn', 'money', 2e9, 'USD');
    expect('Fares of HK$300 each.', 'HK$300', 'money', 300, 'HKD');
    expect('It cost Rs 500 crore.', 'Rs 500 crore', 'money', 5e9, 'INR');
    expect('A fee of 500 yuan.', '500 yuan', 'money', 500, 'CNY');
    expect('Aid of 11 billion dollars.', '11 billion dollars', 'money', 11e9, 'USD');
    expect('A stamp is 50p.', '50p', 'money', 0.5, 'GBP');
    expect('It lost five million pounds.', 'five million pounds', 'money', 5e6, 'GBP');
  });
  test('ranges keep the upper bound', () => {
    assert.equal(expect('It costs $5-6m.', '$5-6m', 'money', 5e6, 'USD').valueMax, 6e6);
    assert.equal(expect('It costs $5m-$6m.', '$5m-$6m', 'money', 5e6, 'USD').valueMax, 6e6);
    assert.equal(expect('It costs between $5m and $6m now.', 'between $5m and $6m', 'money', 5e6, 'USD').valueMax, 6e6);
  });
  test('pounds of weight are not money', () => {
    expect('He lost 20 pounds in a month.', '20 pounds', 'quantity', 20, 'lb');
  });
});

describe('percent', () => {
  test('%, per cent, percent, percentage points, basis points', () => {
    expect('Sales rose 76%.', '76%', 'percent', 76, '%');
    expect('Inflation is 5 per cent.', '5 per cent', 'percent', 5, '%');
    expect('Turnout was 62.5 percent.', '62.5 percent', 'percent', 62.5, '%');
    expect('Rates rose 0.25 percentage points.', '0.25 percentage points', 'percent', 0.25, 'pp');
    expect('A cut of 25 basis points.', '25 basis points', 'percent', 25, 'bp');
    expect('Sixty percent agreed.', 'Sixty percent', 'percent', 60, '%');
    assert.equal(expect('Growth of 6-6.5% is due.', '6-6.5%', 'percent', 6, '%').valueMax, 6.5);
  });
});

describe('quantity', () => {
  test('units and scales', () => {
    expect('It buys 12 million tonnes a year.', '12 million tonnes', 'quantity', 12e6, 't');
    expect('It pumps 300 barrels a day.', '300 barrels a day', 'quantity', 300, 'bbl/d');
    expect('Winds of 40 mph hit.', '40 mph', 'quantity', 40, 'mph');
    expect('A 120km route.', '120km', 'quantity', 120, 'km');
    expect('It makes 500 MW.', '500 MW', 'quantity', 500, 'MW');
    expect('It covers 2,000 acres.', '2,000 acres', 'quantity', 2000, 'acre');
    expect('It covers 300 hectares.', '300 hectares', 'quantity', 300, 'ha');
    expect('Homes use 3,100 kWh.', '3,100 kWh', 'quantity', 3100, 'kWh');
    expect('It holds 1.5 litres.', '1.5 litres', 'quantity', 1.5, 'L');
    expect('They lost 3,000 square miles.', '3,000 square miles', 'quantity', 3000, 'mi²');
    expect('Talks lasted three hours.', 'three hours', 'quantity', 3, 'h');
  });
  test('5ft 9ins is one quantity; so are 12st 7lb and 5 feet 6 inches', () => {
    expect('He is 5ft 9ins tall.', '5ft 9ins', 'quantity', 5.75, 'ft');
    expect('She weighs 12st 7lb now.', '12st 7lb', 'quantity', 12.5, 'st');
    expect('She is 5 feet 6 inches tall.', '5 feet 6 inches', 'quantity', 5.5, 'ft');
  });
  test('m is million before a noun and metres in a race or a jump', () => {
    expect('About 2m people watched.', '2m people', 'count', 2e6, 'people');
    expect('He won the 100m final.', '100m', 'quantity', 100, 'm');
    expect('She cleared 4.85m in the vault.', '4.85m', 'quantity', 4.85, 'm');
    expect('It is worth 300m.', '300m', 'number', 3e8, null);
  });
  test('ages and compound adjectives', () => {
    expect('A 25-year-old man.', '25-year-old', 'quantity', 25, 'year');
    expect('A three-day visit.', 'three-day', 'quantity', 3, 'day');
  });
});

describe('count', () => {
  test('number words and digits before nouns', () => {
    expect('The two leaders met.', 'two leaders', 'count', 2, 'leaders');
    expect('Three people died.', 'Three people', 'count', 3, 'people');
    expect('It has 1,200 workers.', '1,200 workers', 'count', 1200, 'workers');
    expect('It adds 400 new jobs.', '400 new jobs', 'count', 400, 'jobs');
    expect('He has 163 MPs.', '163 MPs', 'count', 163, 'MPs');
    expect('We saw twenty-five ships.', 'twenty-five ships', 'count', 25, 'ships');
    expect('Only one person was hurt.', 'one person', 'count', 1, 'person');
    expect('A total of 2000 people came.', '2000 people', 'count', 2000, 'people');
    assert.equal(expect('It has 80,000 to 100,000 members.', '80,000 to 100,000 members', 'count', 8e4, 'members').valueMax, 1e5);
  });
  test('bare number words are not figures; "one of" is not a count', () => {
    none('One of the two said no.');
    none('The Six Nations starts soon.');
    none('Both of them stayed while the two held talks.');
  });
});

describe('dates', () => {
  test('absolute dates need no article date', () => {
    const noDate: FigureOptions = {};
    expectIn(noDate, 'Signed on 4 February 2026.', '4 February 2026', 'date', '2026-02-04');
    expectIn(noDate, 'Signed on Feb. 4, 2026.', 'Feb. 4, 2026', 'date', '2026-02-04');
    expectIn(noDate, 'Signed on 2026-02-04.', '2026-02-04', 'date', '2026-02-04');
    expectIn(noDate, 'Signed in March 2019.', 'March 2019', 'date', '2019-03');
    expectIn(noDate, 'Founded in 1998.', '1998', 'date', '1998');
    expectIn(noDate, 'Big in the 1990s.', '1990s', 'date', '1990/1999');
    expectIn(noDate, 'The 2004-05 season.', '2004-05', 'date', '2004/2005');
    expectIn(noDate, 'Opened on 14/02/2025.', '14/02/2025', 'date', '2025-02-14');
    assert.equal(one('Signed in 1998.', '1998', noDate).resolution, 'absolute');
  });
  test('relative dates resolve against the article date and say how', () => {
    const w = expect('Trump spoke on Wednesday.', 'Wednesday', 'date', '2026-02-04');
    assert.equal(w.resolution, 'article-date');
    assert.match(w.note!, /2026-02-04/);
    expect('They met on Monday.', 'Monday', 'date', '2026-02-02');
    expect('He will visit in April.', 'April', 'date', '2026-04');
    expect('It was approved in December.', 'December', 'date', '2025-12');
    expect('Prices rose last year.', 'last year', 'date', '2025');
    expect('The vote is next week.', 'next week', 'date', '2026-W07');
    expect('He quit yesterday.', 'yesterday', 'date', '2026-02-03');
    expect('Growth slowed two years ago.', 'two years ago', 'date', '2024');
    expect('Profits fell in October last year.', 'October last year', 'date', '2025-10');
    expect('Talks resume next Tuesday.', 'next Tuesday', 'date', '2026-02-10');
    expect('The strike began last Friday.', 'last Friday', 'date', '2026-01-30');
    expect('Talks collapsed on 30 January.', '30 January', 'date', '2026-01-30');
  });
  test('tense picks the past or the coming month', () => {
    expect('Sales rose 2% in March.', 'March', 'date', '2025-03');
    expect('Sales will rise 2% in March.', 'March', 'date', '2026-03');
    const nov: FigureOptions = { articleDate: '2026-11-29', articleDateSource: 'file' };
    const a = expectIn(nov, 'In April the plant closed.', 'April', 'date', '2026-04');
    assert.equal(a.resolution, 'file-date');
    expectIn(nov, 'The plant will close in February.', 'February', 'date', '2027-02');
  });
  test('without an article date, relative dates are unresolved and say why', () => {
    for (const [text, t] of [
      ['He spoke on Wednesday.', 'Wednesday'],
      ['Prices rose last year.', 'last year'],
      ['The vote was on 4 February.', '4 February'],
      ['It opens in April.', 'April'],
    ] as const) {
      const f = expectIn({}, text, t, 'date', null);
      assert.equal(f.resolution, 'unresolved');
      assert.match(f.note!, /no article date/);
    }
  });
  test('seasons, quarters, recurring and ambiguous dates stay unresolved even with an article date', () => {
    for (const [text, t] of [
      ['Results improved in the current season.', 'the current season'],
      ['He hopes to return next season.', 'next season'],
      ['Revenue fell in the previous quarter.', 'the previous quarter'],
      ['The market opens every Friday.', 'every Friday'],
      ['The letter is dated 04/02/2025.', '04/02/2025'],
      ['He left, and the following year he returned.', 'the following year'],
    ] as const) {
      const f = expect(text, t, 'date', null);
      assert.equal(f.resolution, 'unresolved', t);
      assert.ok(f.note && f.note.length > 10, `${t} has a note`);
    }
  });
  test('a weekday beside a day and month takes that date, or is flagged when they disagree', () => {
    const fs2 = figs('They spoke on Wednesday, (4 February), about trade.');
    assert.deepEqual(
      fs2.map((f) => [f.text, f.value]),
      [
        ['Wednesday', '2026-02-04'],
        ['4 February', '2026-02-04'],
      ],
    );
    const bad = one('They spoke on Thursday, (4 February), about trade.', 'Thursday');
    assert.equal(bad.value, null);
    assert.match(bad.note!, /Wednesday/);
  });
  test('month names that are not months', () => {
    none('May said she would resign.');
    none('April Jones said it was fine.');
    none('The Sunday Times reported it.');
    none('Shoppers queued on Black Friday.');
    expect('It opened in May.', 'May', 'date', '2025-05');
  });
});

describe('article date', () => {
  test('a dateline near the top', () => {
    assert.equal(findArticleDate('Storm hits coast\n4 February 2026\n\nThe storm…'), '2026-02-04');
    assert.equal(findArticleDate('Published: 2026-02-04 10:00\nText'), '2026-02-04');
    assert.equal(
      findArticleDate(
        'Headline\n\nA long first paragraph that goes on and on about the history of the treaty, which was ' +
          'signed on 4 February 1990 in a city far away, and more.',
      ),
      null,
    );
    assert.deepEqual(resolveArticleDate('Headline\nFeb. 4, 2026\nText.', '2026-11-29'), {
      value: '2026-02-04',
      source: 'dateline',
      evidence: 'dateline',
      label: 'dateline',
    });
  });
  test('a weekday beside a day and month pins the year, with the file date as upper bound', () => {
    const r = resolveArticleDate('Leaders spoke on Wednesday, (4 February), about trade.', '2026-11-29');
    assert.equal(r.value, '2026-02-04');
    assert.equal(r.source, 'inferred');
    // 4 February 2026 is after this file date: the latest earlier Wednesday 4 February is in 2015.
    assert.equal(resolveArticleDate('Leaders spoke on Wednesday, (4 February).', '2025-06-01').value, '2015-02-04');
    // Without a file date the year cannot be pinned.
    assert.equal(resolveArticleDate('Leaders spoke on Wednesday, (4 February).', null).value, null);
  });
  test('the file date, unless the text names only years long before it', () => {
    assert.deepEqual(resolveArticleDate('Prices rose last year.', '2026-11-29'), {
      value: '2026-11-29',
      source: 'file',
      evidence: 'file date',
      label: 'file date',
    });
    const old = resolveArticleDate('Profits rose in 2004 and again last year.', '2026-11-29');
    assert.equal(old.value, null);
    assert.match(old.evidence, /2004/);
    const f = findFigures('Profits rose in 2004 and again last year.', { articleDate: old.value, articleDateNote: old.label }).figures.find(
      (x) => x.text === 'last year',
    )!;
    assert.equal(f.value, null);
    assert.match(f.note!, /2004/);
  });
  test('analyze() uses the inferred date', () => {
    const a = analyze('Leaders spoke on Wednesday, (4 February), and will meet in April.', { fileDate: '2026-11-29' });
    assert.deepEqual(a.articleDate, { value: '2026-02-04', source: 'inferred' });
    assert.equal(a.figures.find((f) => f.text === 'April')!.value, '2026-04');
  });
});

describe('relations', () => {
  test('from X to Y', () => {
    const r = findFigures('Buying rose from 12 million tonnes to 20 million tonnes.', FEB4);
    assert.equal(r.relations.length, 1);
    const x = r.relations[0]!;
    assert.equal(r.figures[x.from]!.text, '12 million tonnes');
    assert.equal(r.figures[x.to]!.text, '20 million tonnes');
    assert.equal(x.delta, 8e6);
    assert.ok(Math.abs(x.percent! - 66.6667) < 1e-3);
  });
  test('a bare from-number borrows the unit and scale: from 12 to 20 million tonnes', () => {
    const r = findFigures('Output grew from 12 to 20 million tonnes.', FEB4);
    const f = r.figures.find((x) => x.text === '12')!;
    assert.deepEqual([f.kind, f.value, f.unit], ['quantity', 12e6, 't']);
    assert.equal(r.relations[0]!.delta, 8e6);
  });
  test('rose to Y from X; Y, up from X; Y compared with X', () => {
    const a = findFigures('Sales rose 2% to $11.1bn from $10.9bn.', FEB4);
    assert.deepEqual(
      a.relations.map((x) => [a.figures[x.from]!.text, a.figures[x.to]!.text]),
      [['$10.9bn', '$11.1bn']],
    );
    assert.ok(Math.abs(a.relations[0]!.delta - 2e8) < 1);
    const b = findFigures('Unemployment is 5.2%, up from 4.9%.', FEB4);
    assert.deepEqual(
      b.relations.map((x) => [b.figures[x.from]!.text, b.figures[x.to]!.text, x.delta]),
      [['4.9%', '5.2%', 0.3]],
    );
    const c = findFigures('Turnover was $44.7bn, compared with $45.9bn a year ago.', FEB4);
    assert.deepEqual(
      c.relations.map((x) => [c.figures[x.from]!.text, c.figures[x.to]!.text]),
      [['$45.9bn', '$44.7bn']],
    );
  });
  test('no relation across units, kinds or sentences', () => {
    assert.deepEqual(findFigures('It rose from $5m to 6 million tonnes.', FEB4).relations, []);
    assert.deepEqual(findFigures('Sales were $5m. Costs fell from $4m a year ago.', FEB4).relations, []);
  });
});

describe('false positives', () => {
  test('scores, times, models, phones, labels, versions', () => {
    for (const t of [
      'She won 6-4 6-3 in the final.',
      'He took the set 7-6 (7/5).',
      'The home side secured a 2-1 win.',
      'The score was 98-95 after overtime.',
      'The meeting started at 12:30 sharp.',
      'The train leaves at 9am.',
      'The show starts at 7.30pm.',
      'The bus left at 12.30 on the dot.',
      'The flight leaves at 1330 from gate B.',
      'He flew a Boeing 737 to Paris.',
      'The new iPhone 15 sold out.',
      'Pilots flew the F-16 over the base.',
      'The A380 and the MP3 player and the 4G network.',
      'Call 0800 123 4567 for help.',
      'Dial 555-123-4567 now.',
      'Her number is +44 20 7946 0958.',
      'See page 12 and section 5 of the report.',
      'Under Article 50 the country left.',
      'He lives at No 10.',
      'The Covid-19 rules ended.',
      'Version 2.1.3 fixed the bug.',
      'Flight 370 vanished.',
      'The team used a 4-3-3 formation.',
      'The Stoxx 600 index and the FTSE 100 index rose.',
    ])
      none(t);
  });
  test('from 12 in "from 12 million tonnes" is a quantity, not a time', () => {
    const f = figs('Imports grew from 12 million tonnes last year.');
    assert.equal(f[0]!.text, '12 million tonnes');
  });
  test('years: in 2025 is a date, 2,025 is a number, 2000 people is a count', () => {
    expectIn({}, 'It happened in 2025.', '2025', 'date', '2025');
    expectIn({}, 'The 2025 budget passed.', '2025', 'date', '2025');
    expect('The town has 2,025 residents now.', '2,025 residents', 'count', 2025, 'residents');
    expect('The index stood at 2,025.', '2,025', 'number', 2025, null);
    expect('About 2000 people came.', '2000 people', 'count', 2000, 'people');
  });
  test('ordinals', () => {
    expect('He finished 3rd in the race.', '3rd', 'number', 3, 'ordinal');
    expect('It was signed on 21st January.', '21st January', 'date', '2026-01-21');
  });
});

describe('gold sets', () => {
  // The gold sets double as regression tests: every labelled figure is found with its value,
  // and nothing else is found.
  for (const file of ['figures-gold.txt', 'figures-gold-heldout.txt']) {
    test(file, () => {
      const problems: string[] = [];
      for (const c of loadGold(path.join(root, 'test', 'fixtures', file))) {
        const got = findFigures(c.text, c.options).figures;
        const want = c.figures.map((g) => `${g.start}:${g.end}:${g.kind}:${JSON.stringify(g.value)}:${g.unit}:${g.valueMax ?? ''}`);
        const have = got.map(
          (g) =>
            `${g.start}:${g.end}:${g.kind}:` +
            `${JSON.stringify(typeof g.value === 'number' ? Number(g.value.toPrecision(12)) : g.value)}:` +
            `${g.unit}:${g.valueMax ?? ''}`,
        );
        if (want.join('|') !== have.join('|'))
          problems.push(`line ${c.line}: ${c.text}\n   want ${want.join(' ')}\n   got  ${have.join(' ')}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});

describe('the reference article', () => {
  const seed = path.resolve(process.env.NEWS_ANNOTATOR_SHARED || path.join(root, '..', 'shared'), 'corpus', 'seed', 'trump-xi-call.txt');
  test(
    'budget figures (file date late 2026, article date inferred from the text)',
    { skip: !fs.existsSync(seed) && 'shared data not present' },
    () => {
      const text = fs
        .readFileSync(seed, 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
      const a = analyze(text, { fileDate: '2026-11-29' });
      assert.deepEqual(a.articleDate, { value: '2026-02-04', source: 'inferred' });
      const by = (t: string) => a.figures.filter((f) => f.text === t);
      assert.deepEqual(
        by('Wednesday').map((f) => f.value),
        ['2026-02-04'],
      );
      assert.deepEqual(
        by('4 February').map((f) => f.value),
        ['2026-02-04'],
      );
      assert.deepEqual(
        by('April').map((f) => f.value),
        ['2026-04', '2026-04'],
      );
      assert.deepEqual(
        by('December').map((f) => f.value),
        ['2025-12'],
      );
      assert.deepEqual(
        by('two leaders').map((f) => [f.kind, f.value]),
        [['count', 2]],
      );
      for (const [t, v] of [
        ['12 million tonnes', 12e6],
        ['20 million tonnes', 20e6],
        ['25 million tonnes', 25e6],
      ] as const)
        assert.deepEqual(
          by(t).map((f) => [f.kind, f.value, f.unit]),
          [['quantity', v, 't']],
        );
      assert.deepEqual(
        by('$11 billion').map((f) => [f.kind, f.value, f.unit]),
        [['money', 11e9, 'USD']],
      );
      for (const t of ['the current season', 'next season']) {
        const f = by(t)[0]!;
        assert.equal(f.value, null);
        assert.equal(f.resolution, 'unresolved');
        assert.match(f.note!, /relative/);
      }
      const rel = a.figureRelations.map((r) => [a.figures[r.from]!.text, a.figures[r.to]!.text, r.delta]);
      assert.deepEqual(rel, [['12 million tonnes', '20 million tonnes', 8e6]]);
    },
  );
});
