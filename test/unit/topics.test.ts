// Topics: subjects from the curated keyword lists, the section outline, the IDF table.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { normalizeText, paragraphs } from '../../src/core/text';
import { analyzeTopics, buildIdfTable, defaultIdfTable, idfOf, IPTC_SUBTOPICS, IPTC_TOP, scoreSubjects } from '../../src/core/topics';
import { candidates, contentMask, internWords, PhraseTable } from '../../src/core/topics/keyphrases';
import { paragraphSpans } from '../../src/core/topics/sections';
import { tokenize } from '../../src/core/topics/tokens';
import type { Section } from '../../src/core/types';

const root = path.resolve(__dirname, '../../..');
const shared = path.resolve(process.env.NEWS_ANNOTATOR_SHARED || path.join(root, '..', 'shared'));
const NONE = { entities: [], groups: [], figures: [], quotes: [] };

const top = (text: string) => scoreSubjects(text)[0]?.code;
const rank = (text: string, code: string) => scoreSubjects(text).findIndex((s) => s.code === `medtop:${code}`);

// Invented articles, one per kind.
const ARTICLES: Record<string, string> = {
  '04000000':
    `Carmaker profits jump as sales recover

Shares in the carmaker rose 6% after it reported quarterly profits of $2bn, beating analysts' ` +
    `forecasts, as sales recovered in Europe and Asia.

The firm said revenue grew 12% and it would raise its dividend. Investors welcomed the results, ` +
    `although the chief executive warned that higher steel prices and interest rates could squeeze ` +
    `margins next year.`,
  '01000000':
    `Director's new film tops box office

The new film from the award-winning director took $40m at the box office in its opening weekend, ` +
    `beating the animated sequel that had topped the charts.

Critics praised the cast, and the lead actress is tipped for an Oscar nomination. The soundtrack ` +
    `album, featuring songs by the singer's band, is also climbing the charts.`,
  '11000000':
    `Minister faces vote on schools bill

The education minister faces a Commons vote on Tuesday after opposition MPs and some Labour ` +
    `backbenchers said they would reject the government's plans.

The Conservatives said the bill was a broken manifesto pledge, and Liberal Democrats called for the ` +
    `prime minister to intervene before the election campaign begins.`,
  '15000000':
    `Striker's late goal sends City top of the league

A late header from the striker gave City a 2-1 win at home and sent them top of the league table.

The manager praised his squad after the match, saying the players had shown the fitness to beat ` +
    `their rivals, and the captain said the title race was far from over with ten games of the season left.`,
  '13000000':
    `New phone lets users browse the web faster

The handset maker unveiled a mobile phone that downloads web pages twice as fast over wireless ` +
    `broadband networks, using a new chip and software.

The device runs a new operating system, and users will be able to download music and video. ` +
    `Security researchers warned that hackers could target the software with viruses and spam.`,
  '07000000': `Hospitals struggle with flu outbreak

Hospitals across the region cancelled surgery as a flu outbreak filled wards, doctors said.

Patients with heart disease and the elderly are most at risk, and nurses urged people to get the vaccine from their GP.`,
  '17000000': `Storms bring heavy rain and snow

Forecasters warned of gales, heavy rain and snow as storms swept in, with temperatures falling below freezing overnight.

The weather service said the cold snap would last until the weekend, with fog and icy roads in the north.`,
  '02000000':
    `Man jailed for bank robbery

A man was jailed for eight years on Friday after a jury found him guilty of robbery and assault.

The judge told the court the crime had left victims traumatised. Police said the arrest followed a ` +
    `long investigation, and his lawyer said he would appeal against the conviction and sentence.`,
};

for (const [code, text] of Object.entries(ARTICLES)) {
  const label = IPTC_TOP.find((t) => t.code === `medtop:${code}`)!.label;
  test(`an invented ${label} article comes out as ${label}`, () => {
    assert.equal(top(text), `medtop:${code}`, JSON.stringify(scoreSubjects(text).slice(0, 3)));
  });
}

test('subjects are ranked, scored 0..1 and credited to IPTC codes', () => {
  const subs = scoreSubjects(ARTICLES['04000000']!);
  assert.ok(subs.length >= 1);
  for (let i = 1; i < subs.length; i++) assert.ok(subs[i - 1]!.score >= subs[i]!.score);
  for (const s of subs) {
    assert.match(s.code, /^medtop:\d{8}$/);
    assert.ok(s.score > 0 && s.score <= 1);
    assert.ok(IPTC_TOP.some((t) => t.code === s.code && t.label === s.label));
  }
  const total = subs.reduce((a, s) => a + s.score, 0);
  assert.ok(total > 0.95 && total <= 1.02, `shares sum to ~1 (${total})`);
});

test('word senses: "stressed" is not health, "holiday season" is not sport, "computer virus" is technology', () => {
  const stressed =
    'Talks resume\n\nThe minister stressed that the government would not change its policy, and ' +
    'officials stressed the talks were continuing.';
  assert.equal(rank(stressed, '07000000'), -1, 'no health evidence');
  const retail =
    'Retailers upbeat\n\nShops reported strong sales over the holiday season, and the retailer said the festive season had lifted profits.';
  assert.equal(top(retail), 'medtop:04000000');
  assert.equal(rank(retail, '15000000'), -1, 'no sport evidence');
  const virus =
    'Virus hits PCs\n\nA computer virus spread by e-mail infected thousands of PCs, security firms ' +
    'said, urging users to update their software.';
  assert.equal(top(virus), 'medtop:13000000');
  const ties = 'Leaders meet\n\nThe two leaders pledged to strengthen bilateral ties and diplomatic relations during the summit.';
  assert.equal(top(ties), 'medtop:11000000');
});

test('the headline counts more than the body', () => {
  const body = 'The company said sales of the album rose, and the band will tour next year.';
  const share = (text: string, code: string) => scoreSubjects(text).find((s) => s.code === `medtop:${code}`)?.score ?? 0;
  const asBusiness = `Record label profits soar\n\n${body}`;
  const asMusic = `Band announces world tour\n\n${body}`;
  assert.ok(share(asBusiness, '04000000') > share(asMusic, '04000000'));
  assert.ok(share(asMusic, '01000000') > share(asBusiness, '01000000'));
  assert.equal(top(asMusic), 'medtop:01000000');
});

test('narrower topics appear under their subject, with IPTC labels', () => {
  const s = scoreSubjects(ARTICLES['15000000']!).find((x) => x.code === 'medtop:15000000')!;
  assert.ok(
    s.subtopics?.some((x) => x.code === 'medtop:20001065'),
    'soccer',
  );
  for (const sub of IPTC_SUBTOPICS)
    assert.ok(
      IPTC_TOP.some((t) => t.code === sub.parent),
      sub.code,
    );
});

test(
  'IPTC codes and labels match the taxonomy file',
  { skip: !fs.existsSync(path.join(shared, 'corpus/taxonomy/mediatopic_flat_en-US.tsv')) },
  () => {
    const rows = new Map(
      fs
        .readFileSync(path.join(shared, 'corpus/taxonomy/mediatopic_flat_en-US.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'))
        .map((c) => [c[0]!, c[1]!] as const),
    );
    for (const t of [...IPTC_TOP, ...IPTC_SUBTOPICS]) assert.equal(rows.get(t.code), t.label, t.code);
  },
);

function checkSections(text: string, sections: Section[]): void {
  const ids = new Set<string>();
  let prevEnd = 0;
  for (const s of sections) {
    assert.ok(s.start >= prevEnd, `ordered, non-overlapping: ${s.label}`);
    assert.ok(s.end > s.start && s.end <= text.length, `within the text: ${s.label}`);
    assert.ok(!/^\s|\s$/.test(text.slice(s.start, s.end)), 'trimmed');
    assert.ok(s.label.length > 0 && s.label.length <= 100, `label length: ${s.label}`);
    assert.ok(!ids.has(s.id), `unique id ${s.id}`);
    ids.add(s.id);
    prevEnd = s.end;
  }
}

const seedPath = path.join(shared, 'corpus/seed/trump-xi-call.txt');
test('the reference article: subjects and an editor-like outline', { skip: !fs.existsSync(seedPath) }, () => {
  const text = normalizeText(fs.readFileSync(seedPath, 'utf8')).text;
  const a = analyze(text);
  const { subjects, sections } = analyzeTopics(text, {
    entities: a.entities,
    groups: a.entityGroups,
    figures: a.figures,
    quotes: a.quotes,
  });
  const codes = subjects.map((s) => s.code);
  assert.ok(['medtop:11000000', 'medtop:04000000'].includes(codes[0]!), `top subject politics or economy: ${codes[0]}`);
  const conflict = codes.indexOf('medtop:16000000');
  assert.ok(conflict > codes.indexOf('medtop:11000000') && conflict > codes.indexOf('medtop:04000000'), 'conflict secondary');
  assert.ok(subjects.find((s) => s.code === 'medtop:04000000')!.subtopics?.some((x) => x.label === 'international trade'));

  checkSections(text, sections);
  assert.equal(sections[0]!.role, 'headline');
  assert.equal(sections[1]!.role, 'lede');
  const labels = sections.map((s) => s.label);
  const has = (re: RegExp) =>
    assert.ok(
      labels.some((l) => re.test(l)),
      `a label matching ${re}: ${labels.join(' | ')}`,
    );
  has(/^Soybeans: 12 → 20 million tonnes$/);
  has(/Taiwan/);
  has(/Iran/);
  has(/Boeing|aircraft/i);
  has(/Putin|call/i);
  assert.ok(!labels.some((l) => /^Tags$/.test(l)), 'no section for the "Tags" tail');
  assert.ok(!text.slice(sections[sections.length - 1]!.start, sections[sections.length - 1]!.end).endsWith('Tags'));
  // The two Taiwan paragraphs form one section.
  const taiwan = sections.find((s) => text.slice(s.start, s.end).includes('great prudence'))!;
  assert.ok(text.slice(taiwan.start, taiwan.end).includes('$11 billion arms package'));
  const soy = sections.find((s) => s.label.startsWith('Soybeans'))!;
  assert.equal(soy.subject?.code, 'medtop:04000000');
  assert.ok(soy.keyphrases.length > 0);
  // Deterministic: the same input gives the same ids.
  const again = analyzeTopics(text, { entities: a.entities, groups: a.entityGroups, figures: a.figures, quotes: a.quotes });
  assert.deepEqual(again.sections, sections);
});

test('sections of an invented article without entity input', () => {
  const text = `Council approves new bridge

The city council approved plans for a new river bridge on Monday, ending a ten-year dispute over traffic in the old town.

The bridge will cost £40m and carry trams as well as cars. Engineers said construction of the bridge would start next spring.

Shopkeepers in the old town welcomed the decision, saying traffic jams had driven customers away for years.

Meanwhile the council also agreed to raise parking fees in the city centre, a move opposed by the drivers' association.

Tags
Share this article`;
  const { sections, subjects } = analyzeTopics(text, NONE);
  checkSections(text, sections);
  assert.ok(subjects.length > 0);
  assert.deepEqual(
    sections.map((s) => s.role),
    ['headline', 'lede', ...sections.slice(2).map(() => 'body')],
  );
  assert.equal(sections[0]!.label, 'Council approves new bridge');
  assert.ok(!sections.some((s) => /Tags|Share/.test(s.label)), 'tail lines are not sections');
  assert.ok(sections[sections.length - 1]!.end <= text.indexOf('Tags'));
  assert.ok(
    sections.some((s) => /parking fees/i.test(s.label) || s.keyphrases.includes('parking fees')),
    sections.map((s) => s.label).join(' | '),
  );
});

test('a paragraph that continues an open quote stays in its section', () => {
  const text = `Chief quits

The chief executive resigned on Friday. "I have decided that the time is right to leave the company I have led for ten years.

"The board has my full support and I wish my successor well," she said in a statement.

Shares in the retailer fell 3% on the news, and analysts questioned the succession plan.`;
  const { sections } = analyzeTopics(text, NONE);
  checkSections(text, sections);
  const quote = sections.find((s) => text.slice(s.start, s.end).includes('The board has my full support'))!;
  assert.ok(text.slice(quote.start, quote.end).includes('I have decided') || quote.role === 'body');
});

test('keyphrases: noun runs without verbs, stopwords or names', () => {
  const text =
    'During the call, Trump highlighted commercial ties between the two countries, including energy purchases and aircraft deliveries.';
  const t = tokenize(text);
  const words = internWords(t, () => 5);
  const mask = contentMask(text, t, words, (i) => t.lower[i] === 'trump');
  const found: string[] = [];
  const table = new PhraseTable();
  candidates({ tokens: t, words, table, content: mask }, 0, t.count, (_from, _to, key) =>
    found.push(
      table
        .ids(key)
        .map((id) => words.text[id])
        .join(' '),
    ),
  );
  assert.ok(found.includes('commercial tie'), found.join(','));
  assert.ok(found.includes('energy purchase'));
  assert.ok(found.includes('aircraft delivery'));
  assert.ok(!found.some((k) => /highlighted|trump|during|the\b/.test(k)), found.join(','));
});

test('buildIdfTable: common words weigh less than rare ones; unseen words weigh most', () => {
  const texts = Array.from(
    { length: 30 },
    (_, i) =>
      `The market report ` +
      `number ${i}. ${i % 10 === 0 ? 'Soybeans were traded.' : 'Nothing else.'} ${i % 3 === 0 ? 'The bank said so.' : ''}`,
  );
  const table = buildIdfTable(texts);
  assert.equal(table.docCount, 30);
  assert.equal(idfOf(table, 'the'), 0, 'in every document');
  assert.ok(idfOf(table, 'bank') > idfOf(table, 'market'));
  assert.ok(idfOf(table, 'soybeans') > idfOf(table, 'bank'));
  assert.ok(idfOf(table, 'zeppelin') >= idfOf(table, 'soybeans'), 'unseen weighs at least as much as the rarest');
  assert.ok(!table.weights.has('0'), 'numbers are not words');
  assert.equal(buildIdfTable([]).docCount, 0);
});

test('the default IDF table ranks function words below topical words', () => {
  const t = defaultIdfTable();
  assert.ok(t.weights.size > 5000);
  assert.ok(idfOf(t, 'the') < 0.5);
  assert.ok(idfOf(t, 'said') < idfOf(t, 'tariffs'));
  assert.ok(idfOf(t, 'tariffs') < idfOf(t, 'soybeans') || idfOf(t, 'soybeans') === t.unseen);
});

test('a workspace IDF table can be passed to analyzeTopics', () => {
  const text = ARTICLES['04000000']!;
  const table = buildIdfTable(Object.values(ARTICLES));
  const a = analyzeTopics(text, NONE, { idf: table });
  const b = analyzeTopics(text, NONE);
  checkSections(text, a.sections);
  assert.deepEqual(a.subjects, b.subjects, 'subjects do not depend on the table');
});

test('no throw on empty, blank, one-line and huge inputs', () => {
  for (const text of [
    '',
    ' ',
    '\n\n\n',
    'Tags',
    'Just one line without a full stop',
    'One sentence.',
    '12 34 56',
    '“”"\'',
    '\u{1F600}\u{1F600}',
  ]) {
    const r = analyzeTopics(text, NONE);
    checkSections(text, r.sections);
    assert.ok(Array.isArray(r.subjects));
  }
  assert.deepEqual(analyzeTopics('', NONE), { subjects: [], sections: [] });
  const para = ARTICLES['13000000']!.split('\n\n')[1]!;
  const huge = `Huge\n\n${Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `${para} Paragraph ${i}` : para)).join('\n\n')}`;
  const r = analyzeTopics(huge, NONE);
  checkSections(huge, r.sections);
  assert.equal(r.subjects[0]!.code, 'medtop:13000000');
  const oneLine = 'word '.repeat(200_000);
  checkSections(oneLine, analyzeTopics(oneLine, NONE).sections);
});

test('property: any text gives ordered, in-bounds sections with unique ids', () => {
  const piece = fc.constantFrom(
    'The',
    'minister',
    'said',
    'Taiwan',
    'arms',
    'sales',
    'rose',
    '12%',
    '$5bn',
    '.',
    ',',
    '"',
    '“',
    '”',
    '\n',
    '\n\n',
    ' ',
    'Tags',
    'goal',
    'film',
    'é',
    '\u{1F600}',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
      const text = parts.join(' ');
      const r = analyzeTopics(text, NONE);
      checkSections(text, r.sections);
      for (const s of r.subjects) assert.ok(s.score > 0 && s.score <= 1);
    }),
    { numRuns: 300 },
  );
});

test('paragraph spans match the core paragraphs() on awkward inputs', () => {
  const piece = fc.constantFrom('a', 'b c', ' ', '\t', '\n', '\n\n', ' \n ', '\u00a0', 'x.', '\r', '\u2003', '\f', '\v');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(paragraphSpans(text), paragraphs(text));
    }),
    { numRuns: 500 },
  );
});
