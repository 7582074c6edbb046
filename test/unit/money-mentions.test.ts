// Currencies named without an amount (`the US dollar fell`, `paid in baht`, `Bitcoin kiosks`) are
// money figures with value null, `noAmount`, and the currency as unit (a crypto ticker marked
// `nonIso`). Every sentence is invented, in the shapes the world newswire misses had.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { toContractRecord } from '../../src/core/contract';
import { findFigures } from '../../src/core/figures';
import { hoverCards } from '../../src/core/hover';
import { annotationsFromAnalysis } from '../../src/core/sidecar/model';
import { normalizeText } from '../../src/core/text';
import type { Figure } from '../../src/core/types';

const money = (text: string): Figure[] =>
  findFigures(text, { articleDate: '2026-02-04', articleDateSource: 'dateline' }).figures.filter((f) => f.kind === 'money');
/** The money figures of `text` as `written unit` (`-` for no amount), e.g. `baht THB -`. */
const shown = (text: string): string[] =>
  money(text).map((f) => `${f.text} ${f.unit ?? '?'} ${f.noAmount ? '-' : f.value}${f.nonIso ? ' nonIso' : ''}`);

describe('a currency named without an amount', () => {
  test('names in lower case, with the country that uses them in the span', () => {
    assert.deepEqual(shown('Traders said the rupee’s slide deepened on Monday.'), ['rupee INR -']);
    assert.deepEqual(shown('Rice sold across the border is usually paid for in baht.'), ['baht THB -']);
    assert.deepEqual(shown('The kyat kept weakening against the US dollar.'), ['kyat MMK -', 'US dollar USD -']);
    assert.deepEqual(shown('Fuel bills are settled in U.S. dollars, never in yuan.'), ['U.S. dollars USD -', 'yuan CNY -']);
    assert.deepEqual(shown('Exporters may now invoice in Saudi riyals or Emirati dirhams.'), [
      'Saudi riyals SAR -',
      'Emirati dirhams AED -',
    ]);
    assert.deepEqual(shown('Banks cut their exposure to the US Dollar last year.'), ['US Dollar USD -']);
    assert.deepEqual(shown('The firm refinanced its dollar-denominated bonds.'), ['dollar USD -']);
    assert.deepEqual(shown('The informal peso-dollar rate jumped again.'), ['peso ? -', 'dollar USD -']);
    assert.deepEqual(shown('Savers turned to the greenback.'), ['greenback USD -']);
  });
  test('a shared name is read from the article like an amount, and flagged when ambiguous', () => {
    const [rupee] = money('LAHORE: Pakistani exporters welcomed the cheaper rupee. Karachi traders agreed.');
    assert.equal(rupee!.unit, 'PKR');
    assert.equal(rupee!.currency?.basis, 'evidence');
    const [peso] = money('The peso fell again.');
    assert.equal(peso!.unit, null);
    assert.equal(peso!.currency?.basis, 'ambiguous');
  });
  test('a currency named without an amount is no evidence for how amounts are read', () => {
    const text = 'HONG KONG (Wire) - Exporters cut their exposure to the US dollar. The start-up raised $5 million.';
    const amount = money(text).find((f) => !f.noAmount)!;
    assert.equal(amount.text, '$5 million');
    assert.equal(amount.unit, null);
    assert.deepEqual(amount.currency?.candidates, ['HKD', 'USD']);
  });
  test('names, other words and given names are not currencies', () => {
    for (const t of [
      'Dollar General opened a store in the town.',
      'Donnie Yen stars in the film, which the Executive Yuan praised.',
      'Her book Tick Tick Dollar sold well.',
      'Deputy minister Lin Jui-yuan took questions.',
      'Arsenal won the game, the real test comes next, and it was a real risk.',
      'He lost 20 pounds and bought a pound of bananas.',
      'It was a sterling effort from the whole team.',
      'She has a yen for travel.',
      'Euro zone ministers and euro-sceptic MPs met.',
      'Ministers tried to protect foreign currency reserves and cash flow.',
      'The South Korean won the final and a Brazilian real estate firm sponsored it.',
    ])
      assert.deepEqual(
        money(t)
          .filter((f) => f.noAmount)
          .map((f) => f.text),
        [],
        t,
      );
  });
  test('names that are also common words count only as a currency on a market, or with their country', () => {
    assert.deepEqual(shown('The won weakened for a third day.'), ['won KRW -']);
    assert.deepEqual(shown('Importers fear the real could slide; the real slid.'), ['real BRL -']);
    assert.deepEqual(shown('The pound fell against the euro.'), ['pound GBP -', 'euro EUR -']);
    assert.deepEqual(shown('Shares gained against sterling.'), ['sterling GBP -']);
    assert.deepEqual(shown('He moved for 250,000 pounds sterling in June.'), ['250,000 pounds sterling GBP 250000']);
    assert.deepEqual(shown('Farmers are paid in South African rand.'), ['South African rand ZAR -']);
    assert.deepEqual(shown('The yen rose after the vote.'), ['yen JPY -']);
    assert.deepEqual(shown('Germany is one of the countries that share the euro.'), ['euro EUR -']);
  });
  test('ISO codes alone, not in a name or a line in capitals', () => {
    assert.deepEqual(
      shown('Investigators found jewellery and USD worth more than ₹40 lakh.').filter((x) => x.startsWith('USD')),
      ['USD USD -'],
    );
    assert.deepEqual(
      money('The winemaker bought BRL Hardy.').map((f) => f.text),
      [],
    );
    assert.deepEqual(
      money('MARKETS: THE USD RALLY CONTINUES').map((f) => f.text),
      [],
    );
  });
  test('never inside a web address', () => {
    assert.deepEqual(
      money('Read more: https://news.example/markets/weak-dollar-hits-exporters/ today').map((f) => f.text),
      [],
    );
    assert.deepEqual(
      money('See news.example.com/markets/first-bitcoin-kiosk-opens/ today').map((f) => f.text),
      [],
    );
  });
});

describe('cryptocurrencies', () => {
  test('by name: a ticker as unit, marked as no ISO code', () => {
    assert.deepEqual(shown('The town got its first Bitcoin kiosk this week.'), ['Bitcoin BTC - nonIso']);
    assert.deepEqual(shown('Over 500 Bitcoin kiosks were installed in May.'), ['Bitcoin BTC - nonIso']);
    assert.deepEqual(shown('The exchange lists bitcoin, Ethereum and Dogecoin.'), [
      'bitcoin BTC - nonIso',
      'Ethereum ETH - nonIso',
      'Dogecoin DOGE - nonIso',
    ]);
  });
  test('an amount in one is money with that value', () => {
    assert.deepEqual(shown('He sold 3 bitcoins last year.'), ['3 bitcoins BTC 3 nonIso']);
    assert.deepEqual(shown('The wallet held 0.25 BTC at the time.'), ['0.25 BTC BTC 0.25 nonIso']);
    assert.deepEqual(shown('The fund held 2,000 bitcoin at its peak.'), ['2,000 bitcoin BTC 2000 nonIso']);
  });
  test('generic words and tickers alone are not a currency', () => {
    for (const t of [
      'She keeps her savings in a crypto wallet.',
      'The cryptocurrency exchange was raided.',
      'She studied at ETH Zurich.',
      'The BTC pipeline carries oil.',
    ]) {
      assert.deepEqual(
        money(t).map((f) => f.text),
        [],
        t,
      );
    }
  });
});

describe('shown as a currency without an amount', () => {
  const text = 'Border trade\n\nMost goods are paid for in US dollars, some in baht, and a few in Bitcoin.\n';
  test('on the hover card', () => {
    const analysis = analyze(text, { fileDate: '2026-02-04' });
    const anns = annotationsFromAnalysis(analysis);
    const card = (w: string) => hoverCards(analysis, anns, text.indexOf(w) + 1).find((c) => c.title === 'Money')!;
    assert.equal(card('US dollars').body[0], 'Currency: **US dollar** (USD) — no amount · written “US dollars”');
    assert.equal(card('baht').body[0], 'Currency: **Thai baht** (THB) — no amount · written “baht”');
    const btc = card('Bitcoin');
    assert.equal(btc.body[0], 'Currency: **Bitcoin** (BTC) — no amount · written “Bitcoin”');
    assert.equal(btc.body[1], 'BTC is a cryptocurrency, not an ISO 4217 currency code');
    const sale = 'Payments\n\nHe sold 3 bitcoins last year.\n';
    const a = analyze(sale, { fileDate: '2026-02-04' });
    const [three] = hoverCards(a, annotationsFromAnalysis(a), sale.indexOf('3 bitcoins') + 1).filter((c) => c.title === 'Money');
    assert.deepEqual(three!.body.slice(0, 2), [
      '**3 BTC** · written “3 bitcoins”',
      'BTC is a cryptocurrency (Bitcoin), not an ISO 4217 currency code',
    ]);
  });
  test('in the CLI record', () => {
    const raw = text.replace(/\n/g, '\r\n');
    const norm = normalizeText(raw);
    const figs = toContractRecord('x.txt', analyze(norm.text, { fileDate: '2026-02-04' }), norm).figures.filter((f) => f.kind === 'money');
    assert.deepEqual(
      figs.map((f) => [raw.slice(f.start, f.end), f.value, f.unit, f.noAmount, f.nonIso]),
      [
        ['US dollars', null, 'USD', true, undefined],
        ['baht', null, 'THB', true, undefined],
        ['Bitcoin', null, 'BTC', true, true],
      ],
    );
  });
});
