/**
 * Pathological inputs for the scaling suite (test/unit/scaling.test.ts) and `npm run bench`: text
 * shapes that make a scanner or parser rescan what it has already seen. Each generator returns raw
 * article text of about `n` characters (never much more: the scaling suite compares n with 4n and
 * sizes memory ceilings by length), built by repeating a unit, so that the same generator at 4n is
 * the same pathology four times longer. Raw text: run it through `normalizeText` before `analyze`
 * (the CRLF case is only pathological before normalization).
 *
 * Sidecar-side cases (serialize/parse of many identical annotations) can be added beside these.
 */

export interface Pathology {
  /** Short name, shown in test names and bench rows. */
  name: string;
  /** What the text looks like, for failure messages. */
  shape: string;
  /** About `n` characters of raw article text. */
  make(n: number): string;
  /**
   * Size for the scaling suite: one `analyze` takes about 5–50 ms of CPU on a 2-core machine (the
   * suite repeats faster ones), and the pathology's old quadratic cost shows clearly between n and 4n.
   */
  n: number;
}

/** `unit(i)` repeated (i = 0, 1, …) until the text reaches `n` characters. */
function repeatUnits(n: number, unit: (i: number) => string, head = ''): string {
  const parts: string[] = [head];
  let len = head.length;
  for (let i = 0; len < n; i++) {
    const u = unit(i);
    parts.push(u);
    len += u.length;
  }
  return parts.join('');
}

/** A distinct made-up name for each i (`Koba`, `Tiko`, `Nebaru`, …). */
function madeUpName(i: number): string {
  const syllables = ['ba', 'ko', 'ti', 'ne', 'ru', 'mo', 'la', 'si', 'de', 'fa', 'go', 'pe', 'zu', 'vi', 'ha', 'jo'];
  let s = '';
  for (let k = i + 16; k > 0; k = Math.floor(k / 16)) s += syllables[k % 16];
  return s[0]!.toUpperCase() + s.slice(1);
}

const WORDS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Theta', 'Iota', 'Kappa', 'Lambda', 'Sigma', 'Omega'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEPARATORS = [',', '.', ':', '/'];

export const PATHOLOGIES: readonly Pathology[] = [
  {
    name: 'digit groups',
    shape: '1,000,000,000,… (one number, comma groups)',
    make: (n) => repeatUnits(n, () => ',000', '1'),
    n: 30_000,
  },
  {
    name: 'mixed digit separators',
    shape: '1,000.000:000/000,… (digit runs joined by , . : /)',
    make: (n) => repeatUnits(n, (i) => SEPARATORS[i % 4]! + String(100 + (i % 900)), '1'),
    n: 30_000,
  },
  {
    name: 'open quotes',
    shape: '"Hello "Hello "Hello … (an opening quote then a word, never closed)',
    make: (n) => repeatUnits(n, () => '"Hello '),
    n: 10_000,
  },
  {
    name: 'open curly quotes',
    shape: '“Hello ‘Hello “Hello … (curly openers, never closed)',
    make: (n) => repeatUnits(n, (i) => (i % 2 ? '‘Hello ' : '“Hello ')),
    n: 10_000,
  },
  {
    name: 'capitalised run',
    shape: 'Alpha Beta Gamma Delta … (capitalised words, no punctuation)',
    make: (n) => repeatUnits(n, (i) => WORDS[i % WORDS.length]! + ' '),
    n: 20_000,
  },
  {
    name: 'dollar amounts',
    shape: '$1 $2 $3 … (money with no words between)',
    make: (n) => repeatUnits(n, (i) => `$${i + 1} `),
    n: 10_000,
  },
  {
    name: 'dollar signs',
    shape: '$$$$$$$$… (currency signs, no digits)',
    make: (n) => '$'.repeat(n),
    n: 60_000,
  },
  {
    name: 'repeated sentence',
    shape: 'one news sentence (name, figure, quote) repeated on one line',
    make: (n) =>
      repeatUnits(
        n,
        () =>
          'Finance Minister Anna Berg said on Monday that the plan would cost $5.2 million, up 12% from 2024, ' +
          'and told reporters in Paris: "We will not wait." ',
      ),
    n: 15_000,
  },
  {
    name: 'long line without spaces',
    shape: 'abcDEF123-x.y… (one word-like line, no spaces)',
    make: (n) => repeatUnits(n, (i) => 'abcDEF' + (i % 10) + '-x.y'),
    n: 60_000,
  },
  {
    name: 'deep nesting',
    shape: '(((("\'[{«… then the closers (brackets and quotes nested thousands deep)',
    make: (n) => {
      const open = '((("\'[{«“‘ Word ';
      const close = ' word’”»}]\'")))';
      const k = Math.max(1, Math.floor(n / (open.length + close.length)));
      return open.repeat(k) + close.repeat(k);
    },
    n: 20_000,
  },
  {
    name: 'identical mentions',
    shape: 'Xi Xi Xi Xi … (one name over and over)',
    make: (n) => repeatUnits(n, () => 'Xi '),
    n: 10_000,
  },
  {
    name: 'long name, many mentions',
    shape: 'Xi Xi … Xi said. Xi said. Xi said. … (one very long name, then many mentions linked to it)',
    make: (n) => repeatUnits(n, () => 'Xi said. ', 'Xi '.repeat(Math.floor(n / 6)) + 'said. '),
    n: 10_000,
  },
  {
    name: 'shared surname',
    shape: 'Mr Koba Smith said. Smith agreed. Mr Tiko Smith said. … (thousands of people, one surname)',
    make: (n) => repeatUnits(n, (i) => `Mr ${madeUpName(i)} Smith said. Smith agreed. `),
    n: 10_000,
  },
  {
    name: 'shared organisation word',
    shape: 'The Koba Bank said. The Tiko Bank said. … (thousands of organisations, one last word)',
    make: (n) => repeatUnits(n, (i) => `The ${madeUpName(i)} Bank said. `),
    n: 10_000,
  },
  {
    name: 'dates run',
    shape: '1 January 2020, 2 February 2021, … (dates and nothing else)',
    make: (n) => repeatUnits(n, (i) => `${(i % 28) + 1} ${MONTHS[i % 12]} ${2000 + (i % 30)}, `),
    n: 15_000,
  },
  {
    name: 'percentages run',
    shape: '5% 6.5% 7% … (percentages and nothing else)',
    make: (n) => repeatUnits(n, (i) => (i % 3 ? `${i % 100}% ` : `${i % 100}.5% `)),
    n: 30_000,
  },
  {
    name: 'words without a full stop',
    shape: 'koba harvest tiko harvest … (lower-case words, no period anywhere)',
    make: (n) => repeatUnits(n, (i) => `${madeUpName(i).toLowerCase()} harvest `),
    n: 150_000,
  },
  {
    name: 'places in compounds',
    shape: 'Kenya-based Koba. Kenya-based Tiko. … (a known place inside a compound before each name)',
    make: (n) => repeatUnits(n, (i) => `Kenya-based ${madeUpName(i)}. `),
    n: 30_000,
  },
  {
    name: 'CRLF only',
    shape: '\\r\\n\\r\\n… (line endings and nothing else)',
    make: (n) => '\r\n'.repeat(Math.ceil(n / 2)),
    n: 120_000,
  },
  {
    name: 'emoji and ZWJ run',
    shape: '👩‍👩‍👧‍👦👍🏽 … (emoji joined by zero-width joiners, skin-tone modifiers)',
    make: (n) => repeatUnits(n, (i) => (i % 5 === 4 ? ' ' : '👩\u200d👩\u200d👧\u200d👦👍🏽')),
    n: 60_000,
  },
];

/** The pathology called `name` (throws when there is none: a typo must not skip a test). */
export function pathology(name: string): Pathology {
  const p = PATHOLOGIES.find((x) => x.name === name);
  if (!p) throw new Error(`no pathology called ${name}`);
  return p;
}
