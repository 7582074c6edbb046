// Money around the world (issue 16): every miss reported on real world newswire became a case here,
// written as an invented sentence of the same shape (no corpus text). Currencies written as a sign,
// an ISO code, a local abbreviation or a name, before or after the amount; lakh and crore; vague
// amounts; equivalents in brackets; and how a shared form (`$`, `pesos`, `shillings`) is read from
// the article, or shown as ambiguous.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFigures } from '../../src/core/figures';
import type { Figure } from '../../src/core/types';

const money = (text: string): Figure[] =>
  findFigures(text, { articleDate: '2026-02-04', articleDateSource: 'dateline' }).figures.filter((f) => f.kind === 'money');
/** The single money figure of `text`, checked for its text, value and currency. */
function one(text: string, written: string, value: number, unit: string | null, more: Partial<Figure> = {}): Figure {
  const got = money(text);
  assert.equal(got.length, 1, `one money figure in: ${text}\n got: ${got.map((f) => `${f.text} ${f.unit}`).join(', ')}`);
  const f = got[0]!;
  assert.equal(f.text, written, text);
  assert.equal(f.value, value, `${written}: value`);
  assert.equal(f.unit, unit, `${written}: unit`);
  for (const [k, v] of Object.entries(more)) assert.deepEqual((f as unknown as Record<string, unknown>)[k], v, `${written}: ${k}`);
  return f;
}
const noMoney = (text: string): void =>
  assert.deepEqual(
    money(text).map((f) => f.text),
    [],
    text,
  );

describe('currency written before or after the amount', () => {
  test('a country and a currency name after the amount', () => {
    one('The port upgrade will cost 312 million U.S. dollars over five years.', '312 million U.S. dollars', 312e6, 'USD');
    one('Their combined output was 14.7 trillion U.S. dollars last year.', '14.7 trillion U.S. dollars', 14.7e12, 'USD');
    one('The film took 48 million Hong Kong dollars in its first week.', '48 million Hong Kong dollars', 48e6, 'HKD');
    one('Tuition runs to eighteen million Colombian pesos a year.', 'eighteen million Colombian pesos', 18e6, 'COP');
    one('The lab signed a 15-billion US-dollar supply deal.', '15-billion US-dollar', 15e9, 'USD');
    one('The ministry expects to collect 230 billion Korean won.', '230 billion Korean won', 230e9, 'KRW');
  });
  test('a currency name or code before the amount', () => {
    one('Each family received US dollars 4500 in compensation.', 'US dollars 4500', 4500, 'USD');
    one('A kilo of lentils now sells at rupee 60 in the market.', 'rupee 60', 60, 'INR');
    one('The clinic charges Birr 2 million a year to run.', 'Birr 2 million', 2e6, 'ETB');
    one('The grant was USD 2 million.', 'USD 2 million', 2e6, 'USD');
  });
  test('dollar prefixes with spaces, dots and country letters', () => {
    one('The utility borrowed US$ 450 million from the bank.', 'US$ 450 million', 450e6, 'USD');
    one('The insurer paid out U.S.71 Million last year.', 'U.S.71 Million', 71e6, 'USD');
    one('Tickets cost US $12 at the gate.', 'US $12', 12, 'USD');
    one('A top engineer can earn COP$48 million a year.', 'COP$48 million', 48e6, 'COP');
    one('The kiosk sells a pair for N$80.', 'N$80', 80, 'NAD');
  });
  test('local abbreviations', () => {
    one('The directors siphoned off Tk 1,845 crore from the bank.', 'Tk 1,845 crore', 18_450_000_000, 'BDT');
    one('He declared Tk 42.75 lakh as his income.', 'Tk 42.75 lakh', 4_275_000, 'BDT');
    one('The state plans to borrow N350 billion next year.', 'N350 billion', 350e9, 'NGN');
    one('The shop sells honey at Ksh 720 a jar.', 'Ksh 720', 720, 'KES');
    one('The deal is worth LE 2.4 billion.', 'LE 2.4 billion', 2.4e9, 'EGP');
    one('The fund was cut by KD 85 million.', 'KD 85 million', 85e6, 'KWD');
    one('The contract is worth SR18 million.', 'SR18 million', 18e6, 'SAR');
    one('The bank holds QR14bn in assets.', 'QR14bn', 14e9, 'QAR');
    one('The startup raised RM420mil this year.', 'RM420mil', 420e6, 'MYR');
    one('The council wasted R64 million on the scheme.', 'R64 million', 64e6, 'ZAR');
    one('She was fined R85 000 by the court.', 'R85 000', 85_000, 'ZAR');
    one('Suppliers were paid N$3,45 billion in the year.', 'N$3,45 billion', 3.45e9, 'NAD');
    one('A room costs Rp 1.250.000 a night.', 'Rp 1.250.000', 1_250_000, 'IDR');
    one('The budget is Rs 3 lakh crore.', 'Rs 3 lakh crore', 3e12, 'INR');
  });
  test('signs, and codes written onto the amount', () => {
    one('Road tolls raised ₦9 billion.', '₦9 billion', 9e9, 'NGN');
    one('Entry to the park costs ₡2500.', '₡2500', 2500, 'CRC');
    one('A ripe pineapple was capped at 15CUP.', '15CUP', 15, 'CUP');
    one('The typist asked for 40 ₹ a page.', '40 ₹', 40, 'INR');
    one('He bought the bat for 900 Rs in all.', '900 Rs', 900, 'INR');
  });
  test('a currency name as an adjective', () => {
    one('She won the 25,000-pound award.', '25,000-pound', 25_000, 'GBP');
    one('The resort is a 42.5-million-peso project.', '42.5-million-peso', 42.5e6, null);
  });
});

describe('vague amounts are money with a range, marked approximate', () => {
  const vague = (text: string, written: string, lo: number, hi: number, unit: string | null) => {
    const f = one(text, written, lo, unit, { approximate: true });
    assert.equal(f.valueMax, hi, `${written}: valueMax`);
  };
  test('plural scales', () => {
    vague('Smugglers moved millions of dollars through the port.', 'millions of dollars', 1e6, 1e9, 'USD');
    vague('The outbreak could cost hundreds of millions of dollars.', 'hundreds of millions of dollars', 1e8, 1e9, 'USD');
    vague('Chip makers spent tens of billions of dollars on plants.', 'tens of billions of dollars', 1e10, 1e11, 'USD');
    vague('The two were each fined tens of millions of yuan.', 'tens of millions of yuan', 1e7, 1e8, 'CNY');
  });
  test('a few, several', () => {
    vague('The app offers a few hundred yuan of cover.', 'a few hundred yuan', 200, 900, 'CNY');
    vague('The band settled for several million dollars.', 'several million dollars', 3e6, 9e6, 'USD');
  });
  test('orders of magnitude written as adjectives', () => {
    vague('The multibillion-dollar rail line is late.', 'multibillion-dollar', 2e9, 1e12, 'USD');
    vague('It is a trillion-dollar question for the banks.', 'a trillion-dollar', 1e12, 1e13, 'USD');
    vague('The firm hopes for a billion-dollar valuation.', 'a billion-dollar', 1e9, 1e10, 'USD');
  });
  test('lower bounds and halves', () => {
    const f = one('The surplus of 450-plus billion pesos was rolled over.', '450-plus billion pesos', 450e9, null, {
      approximate: true,
      note: 'at least',
    });
    assert.equal(f.valueMax, undefined);
    one('The bank will roll over half a trillion pesos in bonds.', 'half a trillion pesos', 5e11, null);
  });
  test('hedged amounts', () => {
    one('The bridge cost about $4m to build.', '$4m', 4e6, 'USD', { approximate: true });
    assert.equal(money('The bridge cost $4m to build.')[0]!.approximate, undefined);
  });
  test('not money without a currency', () => {
    noMoney('Thousands of people marched and millions watched.');
    noMoney('A few hundred fans waited outside.');
  });
});

describe('equivalents in brackets are one figure with two renderings', () => {
  test('a local amount with its US dollar value', () => {
    const f = one('A packet of maize flour rose to 150 shillings (U.S.$1.50) in June.', '150 shillings (U.S.$1.50)', 150, null);
    assert.deepEqual(
      f.equivalents?.map((x) => [x.text, x.value, x.unit]),
      [['U.S.$1.50', 1.5, 'USD']],
    );
  });
  test('a bare $ after an amount in another dollar is US dollars', () => {
    const f = one(
      'The comedy grossed 52 million Hong Kong dollars ($6.7 million) in ten days.',
      '52 million Hong Kong dollars ($6.7 million)',
      52e6,
      'HKD',
    );
    assert.deepEqual(
      f.equivalents?.map((x) => [x.value, x.unit, x.currency?.basis]),
      [[6.7e6, 'USD', 'evidence']],
    );
  });
  test('several renderings, hedges inside the bracket', () => {
    const f = one('Profit was A$2.2bn ($1.6bn; £1.1bn) last year.', 'A$2.2bn ($1.6bn; £1.1bn)', 2.2e9, 'AUD');
    assert.deepEqual(
      f.equivalents?.map((x) => x.unit),
      ['USD', 'GBP'],
    );
    const g = one(
      'They hope to earn 98 billion Korean won (some 75 million US dollars).',
      '98 billion Korean won (some 75 million US dollars)',
      98e9,
      'KRW',
    );
    assert.equal(g.equivalents?.[0]!.approximate, true);
  });
  test('a weight converted in brackets stays a weight', () => {
    noMoney('Each sack holds 50kg (110 pounds) of rice.');
  });
});

describe('a shared form is read from the article, or shown as ambiguous', () => {
  test('no other dollar in play: US dollars by default', () => {
    const f = one('The company raised $40m from investors.', '$40m', 40e6, 'USD');
    assert.equal(f.currency?.basis, 'default');
  });
  test('an article about a dollar country: ambiguous, with the candidates', () => {
    const text =
      "SYDNEY: Australia's miners had a good year. Australian exporters in Perth and Brisbane said the " +
      'Australian market grew. Rents rose by $300 a month.';
    const f = money(text).find((x) => x.text === '$300')!;
    assert.equal(f.unit, null);
    assert.equal(f.currency?.basis, 'ambiguous');
    assert.deepEqual(f.currency?.candidates, ['AUD', 'USD']);
  });
  test('…and local when the article writes US dollars out where it means them', () => {
    const text =
      "SYDNEY: Australia's miners had a good year, Australian exporters in Perth said. They sold US$2bn " +
      'of ore abroad. Rents rose by $300 a month.';
    const f = money(text).find((x) => x.text === '$300')!;
    assert.equal(f.unit, 'AUD');
    assert.equal(f.currency?.basis, 'evidence');
  });
  test('a topic is not a locale: a country named among others does not make $ local', () => {
    const text =
      "U.S. officials met Chinese officials in Beijing. China and the U.S. discussed Taiwan, and Taiwan's " +
      'defence. The U.S. approved a $9 billion arms sale for Taiwan, China said.';
    assert.equal(money(text)[0]!.unit, 'USD');
  });
  test('pesos, shillings and rupees take the country the article names', () => {
    assert.equal(money("Argentina's central bank in Buenos Aires sold 300m pesos of bonds.")[0]!.unit, 'ARS');
    assert.equal(money('In Kenya, a packet of flour costs 180 shillings.')[0]!.unit, 'KES');
    assert.equal(money('Pakistan raised fuel prices in Karachi to Rs 280 a litre.')[0]!.unit, 'PKR');
    const f = money('A packet of flour costs 180 shillings.')[0]!;
    assert.equal(f.unit, null);
    assert.deepEqual(f.currency?.candidates, ['KES', 'UGX', 'TZS', 'SOS']);
  });
});

describe('traps', () => {
  test('labels and codes that look like money', () => {
    noMoney('Leaders met at COP27 and again at COP 28 in Dubai.');
    noMoney('The plan supports SDG 15 on life on land.');
    noMoney('The WORLD CUP 2022 final was watched by millions.');
    noMoney('Take the R2 road and wear an N95 mask.');
    noMoney('Arsenal won 2 of their last five games.');
    noMoney('Euro 96 was held in England.');
  });
  test('web addresses are skipped whole', () => {
    assert.deepEqual(findFigures('Source: https://example.org/2022/07/SR10-billion-deal').figures, []);
  });
});

describe('the CLI record', () => {
  test('carries the renderings, range and currency reading, with offsets into the raw CRLF text', async () => {
    const { normalizeText } = await import('../../src/core/text');
    const { toContractRecord } = await import('../../src/core/contract');
    const { analyze } = await import('../../src/core/analyze');
    const raw = 'Flour prices\r\n\r\nA packet hit 150 shillings (U.S.$1.50) while smugglers moved millions of dollars.\r\n';
    const norm = normalizeText(raw);
    const rec = toContractRecord('x.txt', analyze(norm.text, {}), norm);
    const [flour, vague] = rec.figures.filter((f) => f.kind === 'money');
    assert.equal(raw.slice(flour!.start, flour!.end), '150 shillings (U.S.$1.50)');
    const eq = flour!.equivalents![0]!;
    assert.deepEqual([raw.slice(eq.start, eq.end), eq.value, eq.unit], ['U.S.$1.50', 1.5, 'USD']);
    assert.equal(flour!.currency!.basis, 'ambiguous');
    assert.deepEqual([vague!.text, vague!.value, vague!.valueMax, vague!.approximate], ['millions of dollars', 1e6, 1e9, true]);
  });
});
