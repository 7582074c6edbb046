/**
 * Word lists for quote attribution: reporting verbs and the closed word classes the light-weight
 * phrase finder needs (determiners, pronouns, prepositions, auxiliaries, adverbs).
 */

/**
 * Reporting-verb forms from the Gender Gap Tracker's quote-verb list (257 forms).
 * MIT licence, Copyright (c) 2018-2023 Maite Taboada (Discourse Processing Lab, Simon Fraser University).
 */
const GGT_QUOTE_VERBS =
  'accept accepted acclaim acclaimed acclaiming acclaims acknowledge acknowledged acknowledges ' +
  'acknowledging add added adding adds admit admits admitted admitting advise advised advises ' +
  'advising announce announced announces announcing argue argued argues arguing assert asserted ' +
  'asserting asserts assure assured assures assuring claim claimed claiming claims clarified ' +
  'clarifies clarify clarifying comment commented commenting comments conclude concluded concludes ' +
  'concluding confirm confirmed confirming confirms continue continued continues continuing convince ' +
  'convinced convinces convincing criticize criticized criticizes criticizing declaim declaimed ' +
  'declaiming declaims declare declared declares declaring decried decries decry decrying demonstrate ' +
  'demonstrated demonstrates demonstrating denounce denounced denounces denouncing describe described ' +
  'describes describing disclaim disclaimed disclaiming disclaims dispute disputed disputes disputing ' +
  'ensure ensured ensures ensuring estimated estimates exclaim exclaimed exclaiming exclaims explain ' +
  'explained explaining explains finding finds highlight highlighted highlighting highlights ' +
  'illustrate illustrated illustrates illustrating indicate indicated indicates indicating inform ' +
  'informed informing informs insist insisted insisting insists mention mentioned mentioning mentions ' +
  'note noted notes notified notifies notify notifying noting persist persisted persisting persists ' +
  'point pointed pointing points preach preached preaches preaching predict predicted predicting ' +
  'predicts present presenting presents proclaim proclaimed proclaiming proclaims rave raved raves ' +
  'raving reassert reasserted reasserting reasserts reassure reassured reassures reassuring reckon ' +
  'reckoned reckoning reckons reconfirm reconfirmed reconfirming reconfirms release released releases ' +
  'releasing remind reminded reminding reminds replied replies reply replying report reported ' +
  'reporting reports respond responded responding responds restate restated restates restating retell ' +
  'retelling retells retold said say saying says state stated states stating suggest suggested ' +
  'suggesting suggests tell telling tells told testified testifies testify testifying think thinking ' +
  'thinks thought tweet tweeted tweeting tweets warn warned warning warns write writes writing wrote ';

/**
 * Reporting verbs the list above lacks, found in news attribution (`stressed`, `urged`, `pledged`,
 * `quipped`, …). Each base form is expanded to its -s/-ed/-ing forms by {@link inflect}.
 */
const EXTRA_VERB_BASES =
  'accuse ask answer blast boast brag call caution chant charge chide cite complain concede confess contend counter cry echo ' +
  'emphasise emphasize hail insist interject joke label lament muse observe plead pledge post promise quip recall ' +
  'recount remark repeat reiterate retort scoff scream shout slam snap stress swear tout urge vow whisper wonder yell';

/** Irregular or spelled-out forms of the extra verbs. */
const EXTRA_VERB_FORMS = 'labelled labelling cried cries crying swore sworn pleaded pled quipped quipping snapped snapping read reads';

function inflect(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const ys = /[^aeiou]y$/.test(base);
  const third = ys ? base.slice(0, -1) + 'ies' : /(?:s|sh|ch|x|z)$/.test(base) ? base + 'es' : base + 's';
  const past = ys ? base.slice(0, -1) + 'ied' : base.endsWith('e') ? base + 'd' : base + 'ed';
  return [base, third, past, stem + 'ing'];
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Every reporting-verb form, lower case. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  ...words(GGT_QUOTE_VERBS),
  ...words(EXTRA_VERB_BASES).flatMap(inflect),
  ...words(EXTRA_VERB_FORMS),
]);

/**
 * Verb forms that, in the GGT list, mostly carry other senses in news text (`finding`, `present`,
 * `release`, `point`, `state` as a noun, `thought` as a noun…): they only count as cues right
 * next to a quote, never when searched for in the sentence.
 */
export const WEAK_VERBS: ReadonlySet<string> = new Set(
  words(
    'accept accepted accepts acclaim continue continues continuing demonstrate demonstrated demonstrates ' +
      'demonstrating ensure ensured ensures ensuring estimates finding finds illustrate illustrates ' +
      'illustrated illustrating persist persisted persisting persists point pointing points present presenting presents ' +
      'release released releases releasing report reporting reports state states think thinking thinks thought convince ' +
      'convinced convinces convincing inform informing informs call calls calling post posts posting echo echoes ' +
      'charge charges charging counter counters cry posted read reads',
  ),
);

/** Reporting verbs whose subject is the speaker and which take the quote as their content. */
export function isCue(lower: string): boolean {
  return REPORTING_VERBS.has(lower);
}

export const DETERMINERS: ReadonlySet<string> = new Set(
  words(
    'the a an this that these those his her their its our my your another each every some any no one two three four five ' +
      'six several many both all other few',
  ),
);

/** Personal pronouns that can name a speaker. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(words('he she they it we i you'));
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(words('who which that whom'));

export const PREPOSITIONS: ReadonlySet<string> = new Set(
  words(
    'in on at for with from by about as into over under after before during through between against without within ' +
      'among across since until toward towards upon via per like than despite amid amidst near around behind beyond ' +
      'outside inside off onto out up down to throughout following including regarding concerning',
  ),
);

export const CONJUNCTIONS: ReadonlySet<string> = new Set(
  words('and or but nor yet so because although though while whereas if unless when whenever where whether once then thus'),
);

export const AUXILIARIES: ReadonlySet<string> = new Set(
  words(
    'is are was were be been being am has have had having do does did will would shall should can could may might must ' +
      'not never also just only later then once again still even further previously recently reportedly repeatedly ' +
      'subsequently later earlier often always already now first finally initially meanwhile too specifically ' +
      "simply flatly bluntly openly publicly privately quickly quietly loudly angrily proudly cannot can’t can't won’t " +
      "won't didn’t didn't doesn’t doesn't don’t don't isn’t isn't wasn’t wasn't hasn’t hasn't haven’t haven't " +
      "wouldn’t would't",
  ),
);

/** Conjunctions that may open a sentence's clause (`But Mutu has hit out …`, `And soon after …,`). */
export const COORDINATORS: ReadonlySet<string> = new Set(['but', 'and', 'yet', 'so']);

/** Words that open an introductory phrase before the subject (`During the call, Trump …`). */
export const INTRO_WORDS: ReadonlySet<string> = new Set(
  words(
    'in on at for with from by about as after before during through between against without within among across since ' +
      'until despite amid following when while if although though but and yet so however meanwhile still later earlier ' +
      'then now asked speaking writing last this on in addition instead indeed also moreover separately elsewhere ' +
      'once even yesterday today tonight recently previously afterwards afterward already here there back still',
  ),
);

/** Nouns naming a role a person has; a definite phrase ending in one refers back to a named person. */
export const PERSON_ROLES: ReadonlySet<string> = new Set(
  words(
    'president minister premier chancellor senator governor mayor congressman congresswoman representative lawmaker ' +
      'legislator nominee candidate contender challenger frontrunner front-runner spokesman spokeswoman spokesperson ' +
      'secretary chairman chairwoman chair leader director ambassador envoy general commander coach manager captain ' +
      'striker judge justice official officer diplomat businessman businesswoman billionaire mogul executive founder ' +
      'ceo chief king queen prince princess pope prosecutor attorney lawyer adviser advisor aide strategist economist ' +
      'analyst expert professor scientist author writer columnist commentator host anchor reporter journalist editor ' +
      'activist campaigner organizer organiser pollster consultant owner player star actor actress singer rapper ' +
      'veteran democrat republican conservative liberal progressive mother father wife husband son daughter man woman ' +
      'boy girl friend neighbor neighbour resident voter supporter critic opponent rival incumbent vice-president ' +
      'governor-elect president-elect speaker whip'.replace(/\n/g, ' '),
  ),
);

/** Plural heads that refer to a group of people (`the two leaders`, `both men`). */
export const PLURAL_PERSON_HEADS: ReadonlySet<string> = new Set(
  words('leaders men women presidents ministers candidates officials sides rivals senators governors nominees pair duo couple'),
);

/** Lower-case words ending in "ly" that are not adverbs. */
export const LY_NOUNS: ReadonlySet<string> = new Set(words('family ally rally italy july reply supply assembly anomaly monopoly'));
