/**
 * Noun-phrase finding on tokens without a tagger: closed word classes bound the phrase, open-class
 * words inside it are taken as nouns and adjectives. Good enough to find a reporting verb's subject
 * (`the two leaders pledged`, `Sen. Tom Udall of New Mexico, who …, said`) and the phrase after
 * `said` / `according to`.
 */
import {
  COORDINATORS,
  AUXILIARIES,
  CONJUNCTIONS,
  DETERMINERS,
  INTRO_WORDS,
  LY_NOUNS,
  PERSON_ROLES,
  PREPOSITIONS,
  RELATIVE_PRONOUNS,
  REPORTING_VERBS,
  SUBJECT_PRONOUNS,
} from './lexicon';
import { type Tok, TokType } from './tokens';

/** A token range `[a, b)`. */
export interface TokRange {
  a: number;
  b: number;
}

/** Other verbs and function words that never sit inside a speaker's noun phrase. */
const NON_NP = new Set(
  (
    'not no nor than there here what whose whom whoever whatever how why where when also very too so such ' +
    'him them me us itself himself herself themselves myself ourselves yourself mine yours hers ours theirs ' +
    'if unless whether however although though because while since'
  ).split(' '),
);

/** Capitalised reporting verbs inside a sentence are still verbs (`Murphy Tweeted`, `Stated Stone:`). */
const CAP_VERBS = new Set(
  'said says tweeted stated added asked told tells wrote writes claimed claims declared noted warned replied'.split(' '),
);

/** Determiners that can head a phrase on their own (`another said`, `both agreed`). */
const DET_HEADS = new Set('another one both some many few several all others each'.split(' '));

/** A lower-case `-ly` word (`reportedly`); capitalised ones are names (`Carly`, `Kelly`) unless listed. */
export function isAdverb(w: string, cap = false): boolean {
  if (cap) return CAP_ADVERBS.has(w);
  return w.length > 4 && w.endsWith('ly') && !LY_NOUNS.has(w);
}

const CAP_ADVERBS = new Set(
  (
    'meanwhile separately additionally finally similarly previously recently currently ultimately initially eventually ' +
    'originally unfortunately fortunately clearly obviously apparently notably importantly interestingly ironically ' +
    'personally publicly privately reportedly lately shortly subsequently consequently accordingly likewise earlier later'
  ).split(' '),
);

/** Words that name a time, not a speaker (`last week`, `on Friday`, `two weeks ago`). */
export const TEMPORAL = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december jan. feb. mar. apr. jun. jul. aug. sept. sep. oct. nov. dec. yesterday today ' +
    'tonight tomorrow week weeks month months year years day days morning afternoon evening night weekend ago last ' +
    'this next earlier later time hours minutes moment'
  ).split(' '),
);

export function isPronoun(t: Tok | undefined): boolean {
  return !!t && t.type === TokType.Word && SUBJECT_PRONOUNS.has(t.w);
}

/**
 * A reporting-verb form. Capitalised, only the unambiguous forms count (`Said Stone:`,
 * `Continued Stone:`), so `the Washington Post` and `United States` are not cues.
 */
export function isCueTok(t: Tok | undefined): boolean {
  return !!t && t.type === TokType.Word && REPORTING_VERBS.has(t.w) && (!t.cap || CAP_VERBS.has(t.w) || t.w.endsWith('ed'));
}

/**
 * Can this word sit inside a noun phrase? Capitalised words inside a sentence always can (names:
 * `Theresa May`, `Will Hurd`); `first` is true for the sentence's first token, whose capital says nothing.
 */
export function isNpWord(t: Tok | undefined, first = false): boolean {
  if (!t || t.type !== TokType.Word) return false;
  if (t.cap && !first && t.w !== 'i' && !CAP_VERBS.has(t.w)) return true;
  const w = t.w;
  if (PREPOSITIONS.has(w) && w !== 'of') return false;
  if (w === 'of') return false;
  return !(
    CONJUNCTIONS.has(w) ||
    AUXILIARIES.has(w) ||
    RELATIVE_PRONOUNS.has(w) ||
    REPORTING_VERBS.has(w) ||
    SUBJECT_PRONOUNS.has(w) ||
    NON_NP.has(w) ||
    isAdverb(w, t.cap)
  );
}

function isDet(t: Tok | undefined): boolean {
  return !!t && t.type === TokType.Word && DETERMINERS.has(t.w) && t.w !== 'that';
}

function isPunct(t: Tok | undefined, chars: string): boolean {
  return !!t && t.type === TokType.Punct && chars.includes(t.w);
}

/** The noun phrase ending at token `i` (inclusive), not extending before `lo`. */
export function phraseLeft(toks: readonly Tok[], i: number, lo: number): TokRange | null {
  const t = toks[i];
  if (!t || !isNpWord(t, i === 0) || (isDet(t) && !DET_HEADS.has(t.w))) return null;
  let j = i;
  while (j - 1 >= lo && i - j < 10) {
    const p = toks[j - 1]!;
    if (p.type !== TokType.Word) break;
    if (isDet(p)) {
      j--;
      // `the two leaders`, `all the`.
      if (j - 1 >= lo && isDet(toks[j - 1]) && toks[j - 1]!.w !== p.w) j--;
      break;
    }
    if (p.w === 'of' && j - 2 >= lo && isNpWord(toks[j - 2], j - 2 === 0) && !isDet(toks[j - 2])) {
      j--;
      continue;
    }
    if (isNpWord(p, j - 1 === 0)) {
      j--;
      continue;
    }
    break;
  }
  return { a: j, b: i + 1 };
}

/** The noun phrase starting at token `i`, not extending to `hi`. */
export function phraseRight(toks: readonly Tok[], i: number, hi: number): TokRange | null {
  const t = toks[i];
  if (!t || t.type !== TokType.Word) return null;
  if (SUBJECT_PRONOUNS.has(t.w)) return { a: i, b: i + 1 };
  let j = i;
  let head = false;
  let ofs = 0;
  if (isDet(t)) {
    j++;
    if (DET_HEADS.has(t.w)) head = true;
  }
  while (j < hi && j - i < 12) {
    const u = toks[j]!;
    if (u.type === TokType.Punct) {
      if (u.w === '(' && head) {
        // A parenthetical (`Jeffries (D-N.Y.)`) joins the phrase; one holding a quote does not.
        let k = j + 1;
        while (k < hi && k - j < 8 && !isPunct(toks[k], ')') && toks[k]!.type !== TokType.Quote) k++;
        if (k < hi && isPunct(toks[k], ')')) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    if (u.type !== TokType.Word) break;
    // A determiner after the head starts another phrase (`the readout framed the discussion`), and
    // a lower-case -ed word after a noun is the verb.
    if (head && j > i && isDet(u) && toks[j - 1]!.w !== 'of') break;
    if (head && !u.cap && u.w.length > 4 && u.w.endsWith('ed') && toks[j - 1]!.type === TokType.Word && !isDet(toks[j - 1])) break;
    // `Donald Trump held an …`: a lower-case word after a name, followed by a determiner or a
    // preposition, is the verb.
    if (head && !u.cap && toks[j - 1]!.cap && isVerbSlot(toks[j + 1])) break;
    if (
      u.w === 'of' &&
      head &&
      ofs === 0 &&
      j + 1 < hi &&
      (isDet(toks[j + 1]) || (toks[j + 1]!.type === TokType.Word && toks[j + 1]!.cap))
    ) {
      ofs++;
      j++;
      if (isDet(toks[j])) j++;
      continue;
    }
    if (
      isNpWord(u, j === 0) ||
      (!u.cap && REPORTING_VERBS.has(u.w) && !u.w.endsWith('ed') && j > i && (isDet(toks[j - 1]) || (head && isCueTok(toks[j + 1]))))
    ) {
      // (`the report`, `the release`: a reporting-verb form right after a determiner is a noun;
      // so is one right before the verb: `the congressional report said`.)
      head = true;
      j++;
      continue;
    }
    break;
  }
  if (!head) return null;
  // Do not end on a dangling "of" or determiner.
  // A determiner that heads the phrase alone stays (`read one`, `added another`).
  while (j > i && (toks[j - 1]!.w === 'of' || (isDet(toks[j - 1]) && !(j - 1 === i && DET_HEADS.has(t.w))))) j--;
  return j > i ? { a: i, b: j } : null;
}

function isVerbSlot(t: Tok | undefined): boolean {
  if (!t) return true;
  if (t.type !== TokType.Word) return false;
  return (isDet(t) && t.w !== 'one') || (PREPOSITIONS.has(t.w) && t.w !== 'of') || t.w === 'that';
}

/**
 * The start of the clause holding token `v`: just after the last quote token, colon, semicolon or
 * dash before it, else `lo`.
 */
export function clauseStart(toks: readonly Tok[], v: number, lo: number): number {
  for (let i = v - 1; i >= lo; i--) {
    const t = toks[i]!;
    if (t.type === TokType.Quote) return i + 1;
    if (t.type === TokType.Punct && (t.w === ':' || t.w === ';' || t.w === '—' || t.w === '–')) return i + 1;
  }
  return lo;
}

/**
 * The first noun phrase of the clause `[a, b)`, skipping introductory phrases that end in a comma
 * (`During the call, Trump …`, `Hours later, Trump …`, `Appearing on CNN, she …`, `But Trump …`).
 */
export function firstPhrase(toks: readonly Tok[], a: number, b: number): TokRange | null {
  let i = a;
  while (i < b && toks[i]!.type === TokType.Punct) i++;
  // A dateline: `WASHINGTON —`, `PHILADELPHIA, July 25 (UPI) —`.
  if (i < b && isDateline(toks, i, b)) {
    while (i < b && !isPunct(toks[i], '—–-')) i++;
    i++;
  }
  for (let round = 0; round < 4 && i < b; round++) {
    const t = toks[i]!;
    if (t.type !== TokType.Word) return null;
    const comma = nextComma(toks, i, b);
    const intro = INTRO_WORDS.has(t.w) || isAdverb(t.w, t.cap) || (t.w.endsWith('ing') && t.w.length > 5 && !t.caps);
    if (intro && !(t.cap && i > a && !INTRO_WORDS.has(t.w))) {
      // `But David Frost, director general of …, warned`: a conjunction before a name is skipped
      // alone; the comma closes the name's appositive, not an introductory phrase.
      if (COORDINATORS.has(t.w) && comma > i + 1 && capitalisedRun(toks, i + 1, comma)) {
        i++;
        continue;
      }
      if (comma >= 0) {
        i = comma + 1;
        continue;
      }
      if (CONJUNCTIONS.has(t.w) || AUXILIARIES.has(t.w) || isAdverb(t.w, t.cap) || t.w === 'however' || t.w === 'meanwhile') {
        i++;
        continue;
      }
      return null;
    }
    const np = isPronoun(t) ? { a: i, b: i + 1 } : phraseRight(toks, i, b);
    if (np && !isAllTemporal(toks, np)) return np;
    // Not a subject (`Eight years ago,`, `Here in Columbia,`): try after the next comma.
    if (comma < 0) return null;
    i = comma + 1;
  }
  return null;
}

function nextComma(toks: readonly Tok[], i: number, b: number): number {
  for (let k = i + 1; k < b && k - i < 16; k++) {
    const u = toks[k]!;
    if (u.type === TokType.Quote) return -1;
    if (u.type === TokType.Punct && u.w === ',') return k;
  }
  return -1;
}

function isDateline(toks: readonly Tok[], i: number, b: number): boolean {
  const t = toks[i]!;
  if (t.type !== TokType.Word || !t.caps) return false;
  for (let k = i; k < b && k - i < 10; k++) {
    const u = toks[k]!;
    if (isPunct(u, '—–-')) return k > i;
    if (u.type === TokType.Quote) return false;
  }
  return false;
}

export interface Subject extends TokRange {
  /** For a relative pronoun subject (`…, who said`): the phrase it refers to. */
  antecedent?: TokRange;
}

/**
 * The subject of the verb at token `v`, searched in `[lo, v)`: skips auxiliaries and adverbs
 * (`has also said`), a parenthetical (`Jeffries (D-N.Y.) said`), prepositional and time phrases
 * (`Trump at the time said`, `Feinstein last week said`), and an appositive or relative clause
 * between commas (`Udall, who …, said` → `Udall`); `X … and said` takes the clause's subject.
 */
export function subjectOf(toks: readonly Tok[], v: number, lo: number): Subject | null {
  let i = v - 1;
  for (let round = 0; round < 4; round++) {
    while (i >= lo && toks[i]!.type === TokType.Word && (AUXILIARIES.has(toks[i]!.w) || isAdverb(toks[i]!.w)) && !toks[i]!.cap) i--;
    if (i >= lo && isPunct(toks[i], ')')) {
      let k = i - 1;
      while (k >= lo && i - k < 10 && !isPunct(toks[k], '(')) k--;
      if (k >= lo && isPunct(toks[k], '(')) i = k - 1;
    }
    if (i < lo) return null;
    const t = toks[i]!;
    if (t.type === TokType.Word) {
      if (RELATIVE_PRONOUNS.has(t.w) && t.w !== 'that') {
        const r: Subject = { a: i, b: i + 1 };
        if (i - 1 >= lo && isPunct(toks[i - 1], ',')) {
          const ante = phraseLeft(toks, i - 2, lo);
          if (ante) r.antecedent = ante;
        }
        return r;
      }
      if (t.w === 'that') return null;
      if (SUBJECT_PRONOUNS.has(t.w)) return { a: i, b: i + 1 };
      if ((t.w === 'and' || t.w === 'but' || t.w === 'then' || t.w === 'or') && i > lo) {
        // "X downplayed the attack and said …": the subject of the first verb.
        const cs = clauseStart(toks, v, lo);
        // `When Mook was asked …, he laughed and said`: a pronoun opening the main clause after a comma.
        let k = i - 1;
        while (k > cs && !isPunct(toks[k], ',')) k--;
        if (k > cs && SUBJECT_PRONOUNS.has(toks[k + 1]!.w)) return { a: k + 1, b: k + 2 };
        return firstPhrase(toks, cs, i);
      }
      const np = phraseLeft(toks, i, lo);
      if (!np) return null;
      const before = toks[np.a - 1];
      const allTime = isAllTemporal(toks, np);
      if (before && before.type === TokType.Word && PREPOSITIONS.has(before.w) && !before.cap && np.a - 1 > lo && !namesSomeone(toks, np)) {
        // A prepositional phrase between subject and verb: keep looking left.
        i = np.a - 2;
        continue;
      }
      if (allTime && np.a - 1 >= lo) {
        i = np.a - 1;
        continue;
      }
      if (allTime) return null;
      return appositiveHead(toks, np, lo) ?? np;
    }
    if (t.type === TokType.Punct && t.w === ',') {
      // "X, meanwhile, said" / "X, the nominee, said" / "X, who …, said" / "…, adding": the clause's
      // subject; "its regional organiser, Dave Kerr, said": the role phrase with the name it introduces.
      const fp = firstPhrase(toks, clauseStart(toks, v, lo), v);
      return fp ? withAppositiveName(toks, fp, v) : null;
    }
    return null;
  }
  return null;
}

/** Only capitalised words (a name, `Sen. Richard J. Durbin (D-Ill.)`) in `[a, b)`, the first not an introductory word. */
function capitalisedRun(toks: readonly Tok[], a: number, b: number): boolean {
  if (INTRO_WORDS.has(toks[a]!.w)) return false;
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (t.type === TokType.Word ? !t.cap : !(t.w === '.' || t.w === '(' || t.w === ')' || t.w === '-')) return false;
  }
  return true;
}

/**
 * `their group leader, Tom Hargreaves`: a role phrase followed by the name it introduces; the
 * mention covers both, so the name is the one resolved.
 */
export function withAppositiveName(toks: readonly Tok[], np: TokRange, hi: number): TokRange {
  const head = toks[np.b - 1]!;
  // A role phrase: lower-case head, or a determiner before capitalised words (`The Shadow Secretary`).
  if (head.cap && !isDet(toks[np.a]!)) return np;
  // `The Shadow Secretary of State for the Family, Theresa May`: the role's tail up to the comma.
  let c = np.b;
  if (!isPunct(toks[c], ',') && isDet(toks[np.a]!)) {
    while (c < hi && c - np.b < 8 && toks[c]!.type === TokType.Word) c++;
  }
  if (!isPunct(toks[c], ',')) return np;
  const t = toks[c + 1];
  if (!t || t.type !== TokType.Word || !t.cap) return np;
  const name = phraseRight(toks, c + 1, hi);
  if (!name) return np;
  for (let i = name.a; i < name.b; i++) if (!toks[i]!.cap) return np;
  const after = toks[name.b];
  if (after && !(after.type === TokType.Quote || isPunct(after, ',') || isPunct(after, '.') || isPunct(after, ';'))) return np;
  return { a: np.a, b: name.b };
}

/**
 * `Scott Stanzel, a spokesman for the Bush-Cheney campaign said`: the phrase found before the verb
 * is the tail of an appositive (often left unclosed); the name before the comma is the subject.
 */
function appositiveHead(toks: readonly Tok[], np: TokRange, lo: number): TokRange | null {
  let k = np.a - 1;
  let n = 0;
  while (k >= lo && n < 12) {
    const t = toks[k]!;
    if (t.type !== TokType.Word) break;
    if (!(isNpWord(t, k === 0) || isDet(t) || /^(?:for|of|at|from|with|in|on)$/.test(t.w))) return null;
    k--;
    n++;
  }
  if (k < lo + 1 || !isPunct(toks[k], ',')) return null;
  const after = toks[k + 1];
  if (!after || !(isDet(after) || PERSON_ROLES.has(after.w) || after.w === 'from' || after.w === 'of' || after.w === 'at')) return null;
  const name = phraseLeft(toks, k - 1, lo);
  if (!name || isAllTemporal(toks, name)) return null;
  // The name opens its clause (`On Thursday, the senator said` has no appositive).
  const before = toks[name.a - 1];
  if (
    before &&
    !(before.type === TokType.Quote || isPunct(before, ':;—–(') || (before.type === TokType.Word && /^(?:and|but|so|then)$/.test(before.w)))
  )
    return null;
  for (let i = name.a; i < name.b; i++) if (toks[i]!.cap && (i > 0 || name.b - name.a > 1)) return name;
  return null;
}

/** A name or a pronoun: after `after`, `when`, `as` it is a subject, not a prepositional object. */
function namesSomeone(toks: readonly Tok[], r: TokRange): boolean {
  for (let k = r.a; k < r.b; k++) {
    const t = toks[k]!;
    if ((t.cap && k > 0) || SUBJECT_PRONOUNS.has(t.w)) return true;
  }
  return false;
}

/** `Twenty-two years ago`, `several weeks`: numbers in words. */
const NUMBER_WORD = new RegExp(
  '^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|' +
    'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|couple|dozen)(?:-\\w+)?$',
);
function isAllTemporal(toks: readonly Tok[], r: TokRange): boolean {
  // Determiners alone (`another said`, `Some chanted`) name people, not a time.
  let time = false;
  for (let k = r.a; k < r.b; k++) {
    const w = toks[k]!.w;
    if (DETERMINERS.has(w)) continue;
    if (!(TEMPORAL.has(w) || /^\d/.test(w) || NUMBER_WORD.test(w))) return false;
    time = true;
  }
  return time;
}
