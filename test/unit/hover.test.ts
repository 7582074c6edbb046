// Hover cards: content of entity, figure and quote cards, layout and the trust split of the parts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import {
  HOVER_ACTIONS,
  hoverCards,
  renderHover,
  formatValue,
  type EntityFacts,
  type HoverAction,
  type HoverContext,
} from '../../src/core/hover';
import { commandHref, parseCommandHref, shorten } from '../../src/core/markdown';
import { annotationsFromAnalysis, type Annotation } from '../../src/core/sidecar/model';
import type { Analysis, Entity, EntityMention, EntityType, Figure, Quote } from '../../src/core/types';

const ARTICLE = `Councillors back £240m Harbour Bridge

Published: 2026-05-21

Council leader Fiona McLeod said the bridge would "finally connect the east side to the rest of the city" and cut commutes.

The opposition called it reckless. "We are borrowing £90m at the worst possible moment," said their group leader, Tom Hargreaves.

Costs rose from £200m to £240m in a year. McLeod said she was confident. "Every pound will be accounted for," McLeod said.
`;

const COMMANDS = Object.fromEntries(HOVER_ACTIONS.map((a) => [a, `newsAnnotator.test.${a}`])) as Record<HoverAction, string>;
const render = (cards: ReturnType<typeof hoverCards>) =>
  renderHover(cards, { doc: 'd0123456789abcdef', entityRef: () => 'n0123456789abcdef', commands: COMMANDS });

/** Offset of the nth occurrence of `needle` (0-based). */
function find(needle: string, nth = 0, text = ARTICLE): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
}
const span = (needle: string, nth = 0) => ({ start: find(needle, nth), end: find(needle, nth) + needle.length });

/**
 * A hand-built analysis of ARTICLE (independent of how good the analyzers are today): two people,
 * three quotes, four money figures with one change.
 */
function fixture(): { analysis: Analysis; anns: Annotation[] } {
  const ents: [string, number, EntityType, string][] = [
    ['Fiona McLeod', 0, 'PER', 'PER:Fiona McLeod'],
    ['Tom Hargreaves', 0, 'PER', 'PER:Tom Hargreaves'],
    ['McLeod', 1, 'PER', 'PER:Fiona McLeod'],
    ['McLeod', 2, 'PER', 'PER:Fiona McLeod'],
  ];
  const entities: EntityMention[] = ents
    .map(([t, n, type, id]) => ({ ...span(t, n), type, text: t, confidence: 0.6, entityId: id, origin: 'model' as const }))
    .sort((a, b) => a.start - b.start);
  const idx = (t: string, n: number) => entities.findIndex((m) => m.start === find(t, n));
  const groups: Entity[] = [
    {
      id: 'PER:Fiona McLeod',
      type: 'PER',
      canonical: 'Fiona McLeod',
      aliases: ['McLeod'],
      roles: ['Council leader', 'then a long and rambling phrase, that is no role'],
      mentions: [idx('Fiona McLeod', 0), idx('McLeod', 1), idx('McLeod', 2)],
    },
    {
      id: 'PER:Tom Hargreaves',
      type: 'PER',
      canonical: 'Tom Hargreaves',
      aliases: [],
      roles: ['group leader'],
      mentions: [idx('Tom Hargreaves', 0)],
    },
  ];
  const money = (t: string, n: number, v: number): Figure => ({ ...span(t, n), kind: 'money', text: t, value: v, unit: 'GBP' });
  const figures: Figure[] = [money('£240m', 0, 240e6), money('£90m', 0, 90e6), money('£200m', 0, 200e6), money('£240m', 1, 240e6)];
  const q = (t: string, who: [string, number] | null, rule: string, confidence: number, cue?: [string, number]): Quote => ({
    ...span(t),
    text: t,
    kind: 'direct',
    speaker: who
      ? {
          ...span(who[0], who[1]),
          name: who[0] === 'Tom Hargreaves' ? 'Tom Hargreaves' : 'Fiona McLeod',
          entityIds: [who[0] === 'Tom Hargreaves' ? 'PER:Tom Hargreaves' : 'PER:Fiona McLeod'],
        }
      : null,
    confidence,
    rule,
    ...(cue ? { cue: { ...span(cue[0], cue[1]), text: cue[0] } } : {}),
  });
  const quotes: Quote[] = [
    q('"finally connect the east side to the rest of the city"', ['Fiona McLeod', 0], 'subject-verb', 0.8, ['said', 0]),
    q('"We are borrowing £90m at the worst possible moment,"', ['Tom Hargreaves', 0], 'said-after', 0.9, ['said', 1]),
    q('"Every pound will be accounted for,"', ['McLeod', 2], 'verb-after', 0.8, ['said', 3]),
  ];
  const analysis: Analysis = {
    text: ARTICLE,
    entities,
    entityGroups: groups,
    figures,
    figureRelations: [{ from: 2, to: 3, delta: 40e6, percent: 20 }],
    quotes,
    subjects: [],
    sections: [],
    articleDate: { value: '2026-05-21', source: 'dateline' },
  };
  return { analysis, anns: annotationsFromAnalysis(analysis) };
}

test('entity card: canonical name, other names here, mentions, quotes, other articles, registry, note', () => {
  const { analysis, anns } = fixture();
  const facts: EntityFacts = {
    otherArticles: { count: 4, sample: ['politics/001.txt', 'politics/002.txt', 'x.txt', 'y.txt'] },
    registry: {
      name: 'Fiona McLeod',
      description: 'Leader of Glenmouth City Council since 2022',
      aliases: ['McLeod'],
      links: { wikidata: 'Q42', isni: '0000 0001' },
    },
  };
  const asked: string[] = [];
  const ctx: HoverContext = { entity: (type, name) => (asked.push(`${type}:${name}`), facts) };
  const mention = anns.find((a) => a.kind === 'entity' && a.text === 'McLeod')!;
  mention.note = 'check the spelling';
  const cards = hoverCards(analysis, anns, mention.start, ctx);
  const card = cards.find((c) => c.title === 'Person')!;
  assert.ok(card, 'a person card');
  assert.deepEqual(asked, ['PER:Fiona McLeod']);
  const body = card.body.join('\n');
  assert.match(body, /^\*\*Fiona McLeod\*\* — Council leader/);
  assert.match(body, /Also here: “McLeod”/);
  assert.match(body, /3 mentions here/);
  assert.match(body, /quoted twice/);
  assert.match(body, /› “finally connect the east side to the rest of the city”\n› “Every pound will be accounted for”\n\*Registry:\*/);
  assert.doesNotMatch(body, /rambling/, 'implausible roles are left out');
  assert.match(body, /in 4 other articles: politics\\\/001\\\.txt, politics\\\/002\\\.txt, x\\\.txt, …/);
  assert.match(body, /\*Registry:\* Leader of Glenmouth City Council since 2022 \(isni 0000 0001, wikidata Q42\)/);
  assert.match(body, /\*Your note:\* check the spelling/);
  assert.equal(card.badge, 'suggested · 60% sure');
  assert.deepEqual(card.actions, ['accept', 'reject', 'retype', 'findMentions', 'otherArticles', 'describe', 'openLink']);
  assert.deepEqual(card.links, ['wikidata']);
  assert.equal(card.otherArticles, 4);
  assert.ok(card.body.length <= 9, 'no wall of text');
});

test('entity card without workspace facts or analysis still names the entity and counts mentions', () => {
  const { anns } = fixture();
  const mention = anns.find((a) => a.kind === 'entity' && a.text === 'Tom Hargreaves')!;
  mention.status = 'accepted';
  const [card] = hoverCards(null, anns, mention.start);
  assert.equal(card!.badge, 'accepted');
  assert.match(card!.body[0]!, /^\*\*Tom Hargreaves\*\*$/);
  assert.match(card!.body.join('\n'), /1 mention here/);
  assert.deepEqual(card!.actions, ['accept', 'reject', 'retype', 'findMentions', 'describe']);
});

test('figure card: normalized value with currency, what was written, change from → to', () => {
  const { analysis, anns } = fixture();
  const cards = hoverCards(analysis, anns, find('£240m in a year') + 1);
  const card = cards.find((c) => c.title === 'Money')!;
  assert.equal(card.body[0], '**£240 million** (GBP) · written “£240m”');
  assert.match(card.body.join('\n'), /Changed from: £200 million → £240 million: \+£40 million \(\+20%\)/);
  assert.deepEqual(card.actions, ['accept', 'reject', 'retype']);
  assert.equal(formatValue(12.5, '%'), '12.5%');
  assert.equal(formatValue(2e7, 't'), '20 million t');
  assert.equal(formatValue(5e6, 'USD', 6e6), '$5 million–6 million');
});

test('money card: equivalents in brackets, vague amounts, how the currency was read', () => {
  const text = 'Prices\n\nFlour hit 200 shillings (US$2) while repairs cost millions of dollars and rent rose by $300.\n';
  const at = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length });
  const analysis: Analysis = {
    text,
    entities: [],
    entityGroups: [],
    figures: [
      {
        ...at('200 shillings (US$2)'),
        kind: 'money',
        text: '200 shillings (US$2)',
        value: 200,
        unit: 'KES',
        currency: { basis: 'evidence', evidence: 'the article names Kenya 3 times' },
        equivalents: [{ ...at('US$2'), text: 'US$2', value: 2, unit: 'USD' }],
      },
      {
        ...at('millions of dollars'),
        kind: 'money',
        text: 'millions of dollars',
        value: 1e6,
        valueMax: 1e9,
        unit: 'USD',
        approximate: true,
        note: 'vague amount',
        currency: { basis: 'default', evidence: 'no other currency written this way is in play in the article' },
      },
      {
        ...at('$300'),
        kind: 'money',
        text: '$300',
        value: 300,
        unit: null,
        currency: { basis: 'ambiguous', candidates: ['AUD', 'USD'], evidence: 'the article is datelined there' },
      },
    ],
    figureRelations: [],
    quotes: [],
    subjects: [],
    sections: [],
    articleDate: null,
  };
  const anns = annotationsFromAnalysis(analysis);
  const card = (t: string) => hoverCards(analysis, anns, text.indexOf(t) + 1).find((c) => c.title === 'Money')!;
  const shillings = card('200 shillings');
  assert.equal(shillings.body[0], '**200 KES** · written “200 shillings \\(US\\$2\\)”');
  assert.equal(shillings.body[1], 'Same amount: \\$2 (USD) · written “US\\$2”');
  assert.equal(shillings.body[2], 'Currency KES: from the article — the article names Kenya 3 times');
  const vague = card('millions of dollars');
  assert.equal(vague.body[0], '**≈ \\$1 million–1 billion** (USD) · written “millions of dollars”');
  assert.equal(vague.body[1], 'Vague amount: the range is its order of magnitude');
  const rent = card('$300');
  assert.equal(rent.body[0], '**300** (AUD or USD?) · written “\\$300”');
  assert.equal(rent.body[1], 'Currency ambiguous: AUD, USD — the article is datelined there');
});

test('date card says how the date was resolved', () => {
  const text = 'Mayor speaks\n\nThe council met on Tuesday and will vote in the spring.\n';
  const tue = { start: text.indexOf('Tuesday'), end: text.indexOf('Tuesday') + 7 };
  const spring = { start: text.indexOf('the spring'), end: text.indexOf('the spring') + 10 };
  const analysis: Analysis = {
    text,
    entities: [],
    entityGroups: [],
    figures: [
      {
        ...tue,
        kind: 'date',
        text: 'Tuesday',
        value: '2026-05-19',
        unit: null,
        resolution: 'file-date',
        note: 'the Tuesday before 2026-05-21',
      },
      { ...spring, kind: 'date', text: 'the spring', value: null, unit: null, resolution: 'unresolved', note: 'season' },
    ],
    figureRelations: [],
    quotes: [],
    subjects: [],
    sections: [],
    articleDate: { value: '2026-05-21', source: 'file' },
  };
  const anns = annotationsFromAnalysis(analysis);
  const [tuesday] = hoverCards(analysis, anns, tue.start + 1);
  assert.equal(tuesday!.title, 'Date');
  assert.equal(tuesday!.body[0], '**2026\\-05\\-19** · written “Tuesday”');
  assert.equal(
    tuesday!.body[1],
    'How: resolved against the file date 2026\\-05\\-21 (no date in the text); the Tuesday before 2026\\-05\\-21',
  );
  const [unresolved] = hoverCards(analysis, anns, spring.start + 1);
  assert.equal(unresolved!.body[0], '**Unresolved date** · written “the spring”');
  assert.equal(unresolved!.body[1], 'How: not resolved: it would need a guess; season');
});

test('cards on a real analysis of the sample article are well formed', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../../samples/harbour-bridge-vote.txt'), 'utf8');
  const analysis = analyze(text);
  const anns = annotationsFromAnalysis(analysis);
  let n = 0;
  for (const a of anns) {
    for (const card of hoverCards(analysis, anns, a.start)) {
      n++;
      assert.ok(card.body.length >= 1 && card.body.length <= 10, 'concise');
      for (const line of card.body) assert.ok(line.length <= 700 && !line.includes('\n'), 'one bounded line each');
    }
  }
  assert.ok(n >= anns.length);
});

test('quote card: speaker linked to the entity, confidence, rule and cue; a way to the speaker', () => {
  const { analysis, anns } = fixture();
  const cards = hoverCards(analysis, anns, find('Every pound') + 1);
  const card = cards.find((c) => c.icon === 'quote')!;
  assert.equal(card.body[0], 'Speaker: **Fiona McLeod** (“McLeod”) — Council leader');
  assert.equal(card.body[1], 'Attribution confident (80%) · rule: reporting verb later in the sentence · cue “said”');
  assert.ok(card.speakerSpan && ARTICLE.slice(card.speakerSpan.start, card.speakerSpan.end) === 'McLeod');
  assert.ok(card.actions.includes('revealSpeaker'));
});

test('nested annotations: the quote first, the entity inside it last; rejected and orphaned ones never shown', () => {
  const { analysis, anns } = fixture();
  const quote = anns.find((a) => a.kind === 'quote' && a.text.includes('borrowing'))!;
  const off = quote.start + quote.text.indexOf('£90m') + 1;
  const cards = hoverCards(analysis, anns, off);
  assert.deepEqual(
    cards.map((c) => c.icon),
    ['quote', 'credit-card'],
  );
  const fig = anns.find((a) => a.kind === 'figure' && a.text === '£90m')!;
  fig.status = 'rejected';
  assert.deepEqual(
    hoverCards(analysis, anns, off).map((c) => c.icon),
    ['quote'],
  );
  quote.anchor = 'orphaned';
  assert.deepEqual(hoverCards(analysis, anns, off), []);
});

test('rendered parts: header and body untrusted, actions trusted for exactly the commands they use', () => {
  const { analysis, anns } = fixture();
  const mention = anns.find((a) => a.kind === 'entity' && a.text === 'McLeod')!;
  const parts = render(hoverCards(analysis, anns, mention.start, { entity: () => ({ otherArticles: { count: 2, sample: [] } }) }));
  assert.deepEqual(
    parts.map((p) => p.role),
    ['header', 'body', 'actions'],
  );
  const [header, body, actions] = parts as [(typeof parts)[0], (typeof parts)[0], (typeof parts)[0]];
  assert.equal(header.trusted, false);
  assert.equal(header.markdown, '$(person) **Person** · suggested · 60% sure');
  assert.equal(body.trusted, false);
  assert.equal(body.themeIcons, false);
  assert.equal(actions.trusted, true);
  assert.deepEqual(
    actions.enabledCommands,
    ['accept', 'describe', 'findMentions', 'otherArticles', 'reject', 'retype'].map((a) => `newsAnnotator.test.${a}`),
  );
  const hrefs = [...actions.markdown.matchAll(/\]\((command:[^)]*)\)/g)].map((m) => parseCommandHref(m[1]!));
  assert.equal(hrefs.length, 6);
  for (const h of hrefs) {
    assert.ok(h && actions.enabledCommands.includes(h.command));
    const [arg] = h!.args as [Record<string, unknown>];
    for (const [k, v] of Object.entries(arg)) {
      assert.ok(['doc', 'id', 'entity'].includes(k), k);
      assert.match(String(v), /^(d0123456789abcdef|n0123456789abcdef|e[0-9a-f]{10})$/);
    }
  }
  assert.match(actions.markdown, /\[\$\(files\) 2 other articles\]/);
});

test('command links are encoded exactly like VS Code Uri.toString() of createCommandUri', () => {
  // VS Code: Uri.from({ scheme: 'command', path: id, query: encodeURIComponent(JSON.stringify(args)) }).toString(),
  // whose query encoder keeps only [A-Za-z0-9-._~] and percent-encodes everything else (so % → %25).
  const vscodeEncode = (s: string) =>
    [...s]
      .map((c) =>
        /[A-Za-z0-9\-._~]/.test(c) ? c : encodeURIComponent(c).replace(/[!'()*]/g, (x) => '%' + x.charCodeAt(0).toString(16).toUpperCase()),
      )
      .join('');
  const args = [{ doc: 'd1', id: "e0'()*!~x", n: 'ä [x](y) <z> "q" %41' }];
  assert.equal(
    commandHref('newsAnnotator.accept', args),
    `command:newsAnnotator.accept?${vscodeEncode(encodeURIComponent(JSON.stringify(args)))}`,
  );
  assert.deepEqual(parseCommandHref(commandHref('a.b', args))?.args, args);
  assert.doesNotMatch(commandHref('a.b', args), /[()\s<>[\]"']/);
  assert.throws(() => commandHref('x) [y](command:z', []));
});

test('file names in the card keep their end: cut in the middle after invisible characters are revealed', () => {
  const { analysis, anns } = fixture();
  const mention = anns.find((a) => a.kind === 'entity' && a.text === 'Tom Hargreaves')!;
  const long = `politics/${'very-long-folder-name/'.repeat(4)}\u202eevil-article.txt`;
  const [card] = hoverCards(analysis, anns, mention.start, { entity: () => ({ otherArticles: { count: 1, sample: [long] } }) });
  const line = card!.body.find((l) => l.includes('other article'))!.replace(/\\(.)/g, '$1');
  assert.match(line, /in 1 other article: politics\/very-long-folder-name…name\/⟦U\+202E⟧evil-article\.txt$/);
  assert.ok(!line.includes('\u202e'));
});

test('explanations are cut at the end of a word, never inside one', () => {
  const { analysis, anns } = fixture();
  const mention = anns.find((a) => a.kind === 'entity' && a.text === 'McLeod')!;
  const description =
    'Leader of Glenmouth City Council since 2022, previously chair of the transport committee, ' +
    'known for campaigning on harbour regeneration and affordable housing '.repeat(5);
  mention.note = 'Double-check the spelling of her surname against the council register before publication; '.repeat(5);
  const [card] = hoverCards(analysis, anns, mention.start, {
    entity: () => ({ otherArticles: { count: 0, sample: [] }, registry: { name: 'Fiona McLeod', description, aliases: [], links: {} } }),
  });
  const unescape = (l: string) => l.replace(/\\(.)/g, '$1');
  const registry = unescape(card!.body.find((l) => l.startsWith('*Registry:*'))!).replace('*Registry:* ', '');
  const note = unescape(card!.body.find((l) => l.startsWith('*Your note:*'))!).replace('*Your note:* ', '');
  for (const [shown, full] of [
    [registry, description],
    [note, mention.note],
  ] as const) {
    assert.ok(shown.endsWith('…') && shown.length < full.length, shown);
    const kept = shown.slice(0, -1);
    assert.ok(full.startsWith(kept), `a prefix of the text: ${kept}`);
    assert.match(
      full.slice(kept.length),
      /^[\s,;:]/,
      `cut after a whole word: "${kept.slice(-20)}|${full.slice(kept.length, kept.length + 10)}"`,
    );
    assert.doesNotMatch(kept, /[\s,;:]$/, 'no dangling space or comma before the ellipsis');
  }
});

test('shorten: word ends when there are any, surrogate pairs kept whole, a single long word cut', () => {
  assert.equal(shorten('the quick brown fox jumps', 12), 'the quick…');
  assert.equal(shorten('the quick brown fox jumps', 11), 'the quick…');
  assert.equal(shorten('the quick, brown fox', 12), 'the quick…');
  assert.equal(shorten('short', 10), 'short');
  assert.equal(shorten('https://example.org/a/very/long/path', 12), 'https://exa…');
  assert.equal(shorten('a https://example.org/a/very/long/path', 12), 'a https://e…', 'a word boundary too early (under half) is not used');
  assert.equal(shorten('😀😀😀😀😀😀', 6), '😀😀…');
  for (let max = 2; max < 40; max++)
    assert.ok(shorten('Councillors back £240m Harbour Bridge 😀 plan'.repeat(2), max).length <= max, `max ${max}`);
});
