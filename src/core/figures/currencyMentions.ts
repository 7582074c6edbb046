/**
 * Currencies named without an amount: `the US dollar fell`, `paid in baht`, `the rupee's slide`,
 * `dollar-denominated debt`, `Bitcoin ATMs`. For a fact-checker these are claims about money (the
 * annotation guidelines of news corpora, OntoNotes MONEY, tag them too), so they become money
 * figures with `value: null`, `noAmount: true` and `unit` the currency — ISO 4217, or for a
 * cryptocurrency its usual ticker (`BTC`, `ETH`) with `nonIso: true`. A shared name (`the
 * dollar`, `rupees`) is read from the article like an amount in that form (`currency.ts`), but
 * never counts as evidence for how the article's amounts are read.
 *
 * What counts (the rest of a sentence is not read; see README, "Currencies named without an amount"):
 * - a currency name in lower case (`dollar`, `yuan`, `pesos`, `greenback`), or any case after a
 *   country that uses it (`US Dollar`, `Emirati dirhams`; the span then covers the country);
 * - names that are also ordinary words (`won`, `real`, `rand`, `pound`, `sterling`, `sol` …) only
 *   after such a country, or as `the X` moving on a market (`the won weakened`, `the pound's
 *   fall`, `against the rand`); `a yen for` is a wish, not money;
 * - a few ISO codes alone (`USD worth more than …`), not in a line written in capitals;
 * - cryptocurrencies by name (`Bitcoin`, `Ethereum`, `Litecoin`, `Dogecoin`, `Monero`, `TerraUSD`,
 *   `XRP`); an amount in one (`5 bitcoins`, `0.5 BTC`) is money with that value. The generic words
 *   (`crypto`, `cryptocurrency`, `cash`, `currency`) name no currency and are left alone.
 * Never inside a web address, never overlapping a figure the scanner found.
 */
import { FAMILIES, GATED, NAMES } from './currency';
import { type FigureCandidate, makeCandidate, qualifierBefore, type WordWatch, wordHash } from './scan';

/**
 * Cryptocurrency names (lower-case) → the ticker used as their unit. Names that are ordinary words
 * or people (`Luna`, `Solana`, `tether`) are left out.
 */
export const CRYPTO: Record<string, string> = {
  bitcoin: 'BTC',
  bitcoins: 'BTC',
  ethereum: 'ETH',
  litecoin: 'LTC',
  litecoins: 'LTC',
  dogecoin: 'DOGE',
  dogecoins: 'DOGE',
  monero: 'XMR',
  terrausd: 'UST',
  xrp: 'XRP',
};
/** Tickers read only right after an amount (`0.5 BTC`): alone they are also other things (`ETH Zurich`, the `BTC` pipeline). */
export const CRYPTO_TICKERS = new Set(['BTC', 'ETH', 'LTC', 'DOGE', 'XMR', 'XRP', 'USDT', 'USDC', 'UST']);

/** ISO codes read alone: the widely traded ones that are no common abbreviation (not `CAD`, `SAR`, `PHP`, `ALL`). */
const LONE_CODES = new Set([
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'RMB',
  'HKD',
  'INR',
  'CHF',
  'AUD',
  'NZD',
  'SGD',
  'KRW',
  'TWD',
  'ZAR',
  'NGN',
  'KES',
  'BDT',
  'THB',
  'MYR',
  'IDR',
  'BRL',
  'MXN',
  'RUB',
  'AED',
  'EGP',
  'PKR',
]);
/** Names that are also ordinary words, besides the scanner's `GATED` ones: weight, an adjective, shoe soles, a bird. */
const WORDLIKE = new Set([...GATED, 'pound', 'pounds', 'sterling', 'soles', 'quetzal', 'quetzales', 'quetzals']);
/** What a currency does on a market, right after `the X` (`the won weakened`, `the pound has fallen`). */
const MOVES = new Set([
  'rose',
  'rises',
  'rise',
  'rising',
  'fell',
  'falls',
  'fall',
  'falling',
  'slid',
  'slides',
  'sliding',
  'slipped',
  'slips',
  'gained',
  'gains',
  'lost',
  'loses',
  'dropped',
  'drops',
  'climbed',
  'climbs',
  'jumped',
  'jumps',
  'surged',
  'surges',
  'soared',
  'soars',
  'plunged',
  'plunges',
  'plummeted',
  'tumbled',
  'tumbles',
  'weakened',
  'weakens',
  'weakening',
  'strengthened',
  'strengthens',
  'strengthening',
  'firmed',
  'firms',
  'eased',
  'eases',
  'recovered',
  'recovers',
  'rallied',
  'rallies',
  'hit',
  'hits',
  'traded',
  'trades',
  'trading',
  'depreciated',
  'depreciates',
  'appreciated',
  'appreciates',
  'edged',
  'steadied',
  'held',
  'has',
  'had',
  'is',
  'was',
  'against',
  'closed',
  'ended',
  'opened',
  'touched',
  'sank',
  'crashed',
  'collapsed',
]);
/** Words after a hyphen that keep `dollar-denominated`, `yuan-based` a currency (not `euro-sceptic`). */
const HYPHEN_OK = new Set(['denominated', 'priced', 'pegged', 'linked', 'based', 'backed']);

const isLetter = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isD = (c: number): boolean => c >= 48 && c <= 57;

let watched: Uint32Array | null = null;
/**
 * The words to look for, as a filter of the scanner's word hashes: every currency name (as written
 * in lower case and capitalised), cryptocurrency name, lone code and ticker. The scanner finds them
 * in its own pass (no second pass over the article) and puts their spans in `found`, new for each
 * article; a word that only shares a bit is dropped by `read`.
 */
export function currencyWords(): WordWatch {
  if (!watched) {
    const forms = ['TerraUSD', 'XRP', ...LONE_CODES, ...CRYPTO_TICKERS];
    for (const w of [...Object.keys(NAMES), ...Object.keys(CRYPTO)]) forms.push(w, w.charAt(0).toUpperCase() + w.slice(1));
    watched = new Uint32Array(2048);
    for (const w of forms) {
      const h = wordHash(w);
      watched[(h >>> 5) & 2047]! |= 1 << (h & 31);
    }
  }
  return { bits: watched, found: [] };
}

/** The word ending right before `i` (spaces or one hyphen between), as [start, end], or null. */
function wordBefore(s: string, i: number): [number, number] | null {
  let e = i;
  if (s.charCodeAt(e - 1) === 45) e--;
  else while (e > 0 && s.charCodeAt(e - 1) === 32) e--;
  if (e === i) return null;
  let b = e;
  while (b > 0 && isLetter(s.charCodeAt(b - 1))) b--;
  return b < e ? [b, e] : null;
}
/** The word starting after the spaces at `i`, as [start, end], or null. */
function wordAfter(s: string, i: number): [number, number] | null {
  let k = i;
  while (s.charCodeAt(k) === 32) k++;
  let e = k;
  while (isLetter(s.charCodeAt(e))) e++;
  return e > k ? [k, e] : null;
}
/** Inside a web address or a path (`…/weak-dollar-hits-exports/`, `www.x.com/dollar`). */
function inAddress(s: string, i: number, j: number): boolean {
  let b = i;
  while (b > 0 && b > i - 200 && !/\s/.test(s.charAt(b - 1))) b--;
  let e = j;
  while (e < s.length && e < j + 200 && !/\s/.test(s.charAt(e))) e++;
  const tok = s.slice(b, e);
  return tok.includes('://') || tok.startsWith('www.') || (tok.includes('/') && /\.[a-z]{2,4}\//i.test(tok));
}
/** A money candidate without an amount, in `cur` (ISO code, `*family` or crypto ticker). */
function mention(start: number, end: number, cur: string, crypto: boolean): FigureCandidate {
  const fam = cur.charCodeAt(0) === 42 ? cur.slice(1) : null;
  const c = makeCandidate(start, end, 'money', null, fam ? (FAMILIES[fam]?.usual ?? null) : cur);
  c.noAmount = true;
  if (fam) c.cur = fam;
  if (crypto) c.nonIso = true;
  return c;
}
/** `the X` moving on a market, `the X's`, `against the X`: a word-like name used as a currency. */
function onMarket(s: string, i: number, j: number, w: string): boolean {
  const b = wordBefore(s, i);
  const before = b ? s.slice(b[0], b[1]).toLowerCase() : '';
  // `against sterling`, `in sterling`, `pound sterling`: the adjective (`a sterling effort`) never stands there.
  if (w === 'sterling' && (before === 'against' || before === 'in' || before === 'versus' || before === 'pound' || before === 'pounds'))
    return true;
  if (!b || before !== 'the') return false;
  // the pound's
  if (s.charCodeAt(j) === 39 || s.charCodeAt(j) === 0x2019) return s.charCodeAt(j + 1) === 115 && !isLetter(s.charCodeAt(j + 2));
  const a = wordAfter(s, j);
  if (a && a[0] > j && MOVES.has(s.slice(a[0], a[1]).toLowerCase())) return true;
  const bb = wordBefore(s, b[0]);
  return !!bb && /^(?:against|versus)$/i.test(s.slice(bb[0], bb[1]));
}

/**
 * Adds to `cands` (sorted, non-overlapping, from the scanner) the currencies the text names without
 * an amount — `found` holds the `[start, end)` pairs of the watched words the scanner saw (see
 * {@link currencyWords}) — and turns a number right before a cryptocurrency into an amount in it.
 * Returns a new sorted list (or `cands` itself when there is nothing to add).
 */
export function addCurrencyMentions(s: string, cands: FigureCandidate[], found: readonly number[]): FigureCandidate[] {
  for (const c of cands) {
    if (c.kind !== 'count' || c.unit === null) continue;
    const code = CRYPTO[c.unit.toLowerCase()];
    if (code) toCrypto(c, code); // `5 bitcoins`
  }
  if (!found.length) return cands;
  const add: FigureCandidate[] = [];
  let k = 0; // the first candidate that does not end before the word
  for (let f = 0; f < found.length; f += 2) {
    const i = found[f]!;
    const j = found[f + 1]!;
    while (k < cands.length && cands[k]!.end <= i) k++;
    if (k < cands.length && cands[k]!.start < j) continue; // inside a figure
    const w = s.slice(i, j);
    if (k > 0 && (cryptoAmount(s, cands[k - 1]!, i, j, w) || sterlingAfter(s, cands[k - 1]!, i, j, w))) continue;
    const c = read(s, i, j, w);
    if (c && !inAddress(s, i, j)) add.push(c);
  }
  if (!add.length) return cands;
  const out: FigureCandidate[] = [];
  let a = 0;
  for (const f of add) {
    while (a < cands.length && cands[a]!.start < f.start) out.push(cands[a++]!);
    if (a < cands.length && cands[a]!.start < f.end) continue;
    if (out.length && out[out.length - 1]!.end > f.start) continue; // a country reaching back over a figure
    out.push(f);
  }
  while (a < cands.length) out.push(cands[a++]!);
  return out;
}

function toCrypto(c: FigureCandidate, code: string): void {
  c.kind = 'money';
  c.unit = code;
  c.nonIso = true;
  c.bare = false;
}

/** `300,000 pounds sterling`: the word belongs to the amount before it, which it makes British pounds (mutates `c`). */
function sterlingAfter(s: string, c: FigureCandidate, i: number, j: number, w: string): boolean {
  if (w !== 'sterling' || c.kind !== 'money' || c.cur !== 'pound' || c.alt || c.end !== i - 1 || s.charCodeAt(c.end) !== 32) return false;
  c.end = j;
  c.unit = 'GBP';
  c.cur = undefined;
  return true;
}

/** `2,000 bitcoin at its peak`, `0.5 BTC`: a number right before a cryptocurrency becomes an amount in it (mutates `c`). */
function cryptoAmount(s: string, c: FigureCandidate, i: number, j: number, w: string): boolean {
  const code = CRYPTO[w.toLowerCase()] ?? (CRYPTO_TICKERS.has(w) ? w : undefined);
  if (
    !code ||
    c.value === null ||
    (c.kind !== 'number' && c.kind !== 'count') ||
    c.unit !== null ||
    c.end >= i ||
    !/^ {1,2}$/.test(s.slice(c.end, i))
  )
    return false;
  // Not `880 Bitcoin ATMs` (a count of machines).
  const a = wordAfter(s, j);
  if (
    a &&
    a[0] > j &&
    !/^(?:of|in|to|worth|and|or|was|were|is|are|from|at|for|on|each|per|into|with|by|a|an|the|last|this|that|which|as|than|while)$/i.test(
      s.slice(a[0], a[1]),
    )
  )
    return false;
  c.end = j;
  toCrypto(c, code);
  return true;
}

/** Words after `Korean won`, `Brazilian real` that make them a person who won something, or real estate. */
const NOT_AFTER = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'this',
  'that',
  'every',
  'all',
  'both',
  'gold',
  'silver',
  'bronze',
  'estate',
  'time',
  'world',
  'life',
]);
function notCurrencyAfter(s: string, j: number): boolean {
  if (s.charCodeAt(j) === 45) return true; // real-time
  const a = wordAfter(s, j);
  if (!a) return isD(s.charCodeAt(j + 1)); // won 3-1
  return a[0] > j && NOT_AFTER.has(s.slice(a[0], a[1]).toLowerCase());
}

/** A currency named at `[i, j)` (the word `w`), or null when the word is not used as one here. */
function read(s: string, i: number, j: number, w: string): FigureCandidate | null {
  const lw = w.toLowerCase();
  const crypto = CRYPTO[lw];
  if (crypto) return mention(i, j, crypto, true);
  if (CRYPTO_TICKERS.has(w)) return null; // a ticker alone: see CRYPTO_TICKERS
  if (LONE_CODES.has(w)) {
    if (isD(s.charCodeAt(j + 1)) || isD(s.charCodeAt(i - 2))) return null; // beside a number the scanner did not take as an amount
    const b = wordBefore(s, i);
    const a = wordAfter(s, j);
    const caps = (x: [number, number] | null) => !!x && x[1] - x[0] > 1 && s.slice(x[0], x[1]) === s.slice(x[0], x[1]).toUpperCase();
    if (caps(b) && caps(a)) return null; // a line in capitals
    if (a && a[0] > j && s.charCodeAt(a[0]) < 97) return null; // a name (`BRL Hardy`)
    return mention(i, j, w === 'RMB' ? 'CNY' : w, false);
  }
  const cur = NAMES[lw];
  if (!cur) return null;
  const q = qualifierBefore(s, i, cur);
  if (q) return WORDLIKE.has(lw) && notCurrencyAfter(s, j) ? null : mention(q.start, j, q.code, false);
  if (w !== lw) return null; // `Dollar General`, `Donnie Yen`, `Executive Yuan`
  if (s.charCodeAt(i - 1) === 45) {
    // `peso-dollar`, `anti-dollar`; not a given name (`Jui-yuan`, `Jae-won`).
    const b = wordBefore(s, i);
    if (b && s.charCodeAt(b[0]) < 97 && NAMES[s.slice(b[0], b[1]).toLowerCase()] === undefined) return null;
  }
  if (WORDLIKE.has(lw)) return onMarket(s, i, j, lw) ? mention(i, j, cur, false) : null;
  // Hyphenated: `peso-dollar`, `dollar-denominated`; not `euro-sceptic`.
  if (s.charCodeAt(j) === 45 && isLetter(s.charCodeAt(j + 1))) {
    const a = wordAfter(s, j + 1)!;
    const next = s.slice(a[0], a[1]).toLowerCase();
    if (!HYPHEN_OK.has(next) && NAMES[next] === undefined) return null;
  }
  const a = wordAfter(s, j);
  const next = a && a[0] > j ? s.slice(a[0], a[1]).toLowerCase() : '';
  if (lw.startsWith('euro') && (next === 'zone' || next === 'area')) return null;
  if (lw === 'yen') {
    const b = wordBefore(s, i);
    if (b && /^(?:a|an|my|his|her|their|our|your|no)$/i.test(s.slice(b[0], b[1]))) return null; // a yen for travel
  }
  return mention(i, j, cur, false);
}
