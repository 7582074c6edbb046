/**
 * Shared data shapes of the analysis core.
 *
 * Every offset in the core is a UTF-16 code-unit index (a JS string index) into the article's
 * *normalized* text: BOM removed, line endings LF (see `text.ts`). Spans are half-open `[start, end)`.
 * The CLI maps offsets back to the file's raw text; the editor adapter maps them to positions.
 */

/** A half-open `[start, end)` range of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Entity classes (CoNLL-2003 style). MISC holds nationalities, events, products, works. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Where an annotation came from. */
export type Origin = 'model' | 'lexicon' | 'user';

/** One mention of a named entity in the text. */
export interface EntityMention extends Span {
  type: EntityType;
  /** The covered text, `text.slice(start, end)`. */
  text: string;
  /** 0..1, how sure the recogniser is. */
  confidence: number;
  /** Id of the linked entity (see {@link Entity}); mentions of the same referent share it. */
  entityId: string;
  origin: Origin;
}

/** A referent: all mentions of one person / organisation / place, grouped by name linking. */
export interface Entity {
  /** Stable within one analysis: derived from the canonical name and type. */
  id: string;
  type: EntityType;
  /** The fullest name used in the article, e.g. "Donald Trump" for "Trump", "President Trump". */
  canonical: string;
  /** Other surface forms used in this article, sorted, without the canonical name. */
  aliases: string[];
  /** Roles / descriptions the text gives ("U.S. President"), in order of first appearance. */
  roles: string[];
  /** Indices into {@link Analysis.entities}, in text order. */
  mentions: number[];
}

export type FigureKind = 'money' | 'percent' | 'quantity' | 'count' | 'date' | 'number';
export const FIGURE_KINDS: readonly FigureKind[] = ['money', 'percent', 'quantity', 'count', 'date', 'number'];

/** How a date figure was resolved to a calendar value. */
export type DateResolution = 'absolute' | 'article-date' | 'file-date' | 'unresolved';

/** A number the text claims, with its meaning. */
export interface Figure extends Span {
  kind: FigureKind;
  text: string;
  /**
   * Normalized value: money/quantity/count/number/percent → a number (amount; percent as the
   * number before `%`); money named without an amount (`noAmount`) → null; date → an ISO string
   * (`2026-02-04`, `2026-04`, `2026`) or null when it cannot be resolved without guessing.
   */
  value: number | string | null;
  /** ISO 4217 currency for money, unit symbol for quantities (`t`, `km`, `bbl`), `%`/`pp` for percent. */
  unit: string | null;
  /** Upper bound of a range (`$5-6 million`), same unit. */
  valueMax?: number;
  /** For dates: how the value was obtained. */
  resolution?: DateResolution;
  /** For relative or partial dates, a human description (`next season`, `the Wednesday before 2026-02-05`). */
  note?: string;
  /**
   * Money: the amount is vague or hedged — `millions of dollars`, `a few hundred yuan`,
   * `multibillion-dollar` (`value`–`valueMax` give its range or order of magnitude), `600-plus
   * billion pesos` (at least `value`), `about $5m`.
   */
  approximate?: boolean;
  /**
   * Money written in a form several currencies share (`$`, `dollars`, `pesos`, `Rs`, `¥`): how its
   * currency was read from the article. When `basis` is `ambiguous`, `unit` is null and
   * `candidates` lists the currencies it may be. Absent when the text names the currency.
   */
  currency?: CurrencyReading;
  /**
   * Money: the text names a currency without an amount (`the US dollar fell`, `paid in baht`,
   * `Bitcoin ATMs`): `value` is null and `unit` the currency (null when ambiguous, see `currency`).
   */
  noAmount?: boolean;
  /** Money: `unit` is a cryptocurrency's usual ticker (`BTC`, `ETH`), not an ISO 4217 code. */
  nonIso?: boolean;
  /**
   * Money: the same amount in other currencies, written in brackets right after it
   * (`200 shillings (US$2)`): one figure with two renderings, its span covering both.
   */
  equivalents?: MoneyEquivalent[];
}

/** How the currency of a money figure written in a shared form was read (see `figures/currency.ts`). */
export interface CurrencyReading {
  /**
   * `evidence`: the article's places or other amounts decide; `default`: the form's usual currency,
   * nothing says otherwise; `ambiguous`: see `candidates`.
   */
  basis: 'evidence' | 'default' | 'ambiguous';
  /** ISO 4217 codes the amount may be in (ambiguous only). */
  candidates?: string[];
  /** Why, for people (`the article is about Australia (named 6 times)`). */
  evidence?: string;
}

/** Another rendering of a money figure (`US$2` in `200 shillings (US$2)`). */
export interface MoneyEquivalent extends Span {
  text: string;
  value: number | null;
  /** ISO 4217, null when ambiguous. */
  unit: string | null;
  valueMax?: number;
  approximate?: boolean;
  currency?: CurrencyReading;
}

/** A relation between two figures the text states, e.g. `from 12 million tonnes to 20 million tonnes`. */
export interface FigureRelation {
  /** Indices into {@link Analysis.figures}. */
  from: number;
  to: number;
  /** `to - from`, in the figures' unit. */
  delta: number;
  /** Relative change in percent, null when `from` is 0. */
  percent: number | null;
}

export type QuoteKind = 'direct' | 'partial' | 'scare' | 'headline' | 'block';

/** The speaker of a quote: the mention in the text that names or refers to them, and who that is. */
export interface Speaker extends Span {
  /** Resolved name: an entity's canonical name, or the noun phrase ("the Chinese readout"). */
  name: string;
  /** Linked entity ids (a plural speaker such as "the two leaders" can have several). */
  entityIds: string[];
}

export interface Quote extends Span {
  /** The quoted text including its quote marks. */
  text: string;
  kind: QuoteKind;
  speaker: Speaker | null;
  /** 0..1 confidence of the speaker attribution (0 when there is no speaker). */
  confidence: number;
  /** Name of the attribution rule that fired (`said-after`, `colon-intro`, `pronoun`, …). */
  rule: string;
  /** The reporting verb, when one was found. */
  cue?: Span & { text: string };
  /**
   * Multi-paragraph quotes (a paragraph that opens a quote without closing it, continued by the
   * next paragraph's opening mark) are reported as one quote per paragraph: every part carries the
   * start offset of the first part as `group`, its 0-based `part` number, and the same speaker.
   */
  group?: number;
  part?: number;
  /** The closing mark is missing: the quote was cut at the end of its paragraph. */
  unclosed?: boolean;
  /** Quotes inside this quote (single marks inside double), as spans. */
  nested?: Span[];
}

/** An IPTC Media Topics subject with a score (higher is more relevant). */
export interface Subject {
  /** IPTC QCode, e.g. `medtop:04000000`. */
  code: string;
  label: string;
  score: number;
  /** Narrower IPTC topics under this subject (second level, a few third level), best first. */
  subtopics?: Subject[];
}

/** A topical section of the article: headline, lede, then runs of paragraphs about the same thing. */
export interface Section extends Span {
  /** Stable id derived from the section's position and label. */
  id: string;
  /** What the section is about, e.g. "Soybeans: 12 → 20 million tonnes". */
  label: string;
  role: 'headline' | 'lede' | 'body';
  /** The section's best subject, when one stands out. */
  subject: Subject | null;
  /** Key phrases of the section, best first. */
  keyphrases: string[];
}

/** Everything the core knows about one article. */
export interface Analysis {
  /** The normalized text the offsets refer to. */
  text: string;
  entities: EntityMention[];
  /** Linked referents. */
  entityGroups: Entity[];
  figures: Figure[];
  figureRelations: FigureRelation[];
  quotes: Quote[];
  /** Whole-article subjects, best first. */
  subjects: Subject[];
  sections: Section[];
  /**
   * The article's date (ISO) when one was found, and where it came from: a dateline, evidence in
   * the text (`inferred`: a weekday beside a day and month pins the year), or the file's date.
   */
  articleDate: { value: string; source: 'dateline' | 'inferred' | 'file' } | null;
}
